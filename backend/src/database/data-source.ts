import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig, loadConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

/**
 * One description of the database for Nest (TypeOrmModule), the CLI (migrate, seed, verify) and the tests.
 * `synchronize` is off everywhere: the schema only changes through the migrations listed in ./migrations.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl' | 'dbPoolMax'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: config.dbPoolMax,
      connectionTimeoutMillis: 5000,
      // a statement that hangs must not hold a request forever
      statement_timeout: 30000,
    },
  };
}

export function createDataSource(config: Pick<AppConfig, 'databaseUrl' | 'dbPoolMax'> = loadConfig()): DataSource {
  return new DataSource(dataSourceOptions(config));
}
