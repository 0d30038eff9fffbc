import 'reflect-metadata';
import { Client, ClientConfig } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig, loadConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { PREPARED_OPTION } from './prepared';
import { SnakeNamingStrategy } from './naming-strategy';

/** How long opening one connection may take: a server that is down or unreachable answers 503 within this. */
export const DB_CONNECT_TIMEOUT_MS = 2000;
/** How long a request may wait for a free pooled connection under load before it answers 503. */
export const DB_POOL_WAIT_MS = 5000;

/**
 * node-postgres reads one `connectionTimeoutMillis` for both the pool's wait for a free connection and the
 * connection attempt itself; this client gives up its attempt sooner, so that a PostgreSQL that cannot be
 * reached fails requests fast (DependencyUnavailableFilter answers 503) while a busy pool still queues.
 */
export class FastConnectClient extends Client {
  constructor(config?: ClientConfig | string) {
    const given = typeof config === 'string' ? { connectionString: config } : config;
    super({ ...given, connectionTimeoutMillis: DB_CONNECT_TIMEOUT_MS });
  }
}

/** What the data source is made from: the URL and pool size, and whether to prepare the hot statements (default yes). */
export type DataSourceConfig = Pick<AppConfig, 'databaseUrl' | 'dbPoolMax'> & Partial<Pick<AppConfig, 'dbPreparedStatements'>>;

/**
 * One description of the database for Nest (TypeOrmModule), the CLI (migrate, seed, verify) and the tests.
 * `synchronize` is off everywhere: the schema only changes through the migrations listed in ./migrations.
 */
export function dataSourceOptions(config: DataSourceConfig): DataSourceOptions {
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
      Client: FastConnectClient,
      connectionTimeoutMillis: DB_POOL_WAIT_MS,
      // a dead peer (host gone, network cut) is noticed by TCP keep-alive instead of never
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // a statement that hangs must not hold a request forever
      statement_timeout: 30000,
      // no JIT compilation: the planner's cost estimates of a scan that stops at its LIMIT (a page, a capped
      // search count) pass jit_above_cost, and compiling took 150–200 ms of a query that runs in 5–50 ms
      // (docs/benchmarks.md); the figures set it off for the same reason. READ COMMITTED is stated here, once
      // per connection, so that transactions need not name it (TypeORM sends it as a statement of its own).
      // Embedded PostgreSQL ignores both (its defaults are JIT off and READ COMMITTED).
      options: '-c jit=off -c default_transaction_isolation=read\\ committed',
      // read by queryPrepared (./prepared.ts), ignored by node-postgres; off with one connection (embedded PostgreSQL)
      [PREPARED_OPTION]: (config.dbPreparedStatements ?? true) && config.dbPoolMax > 1,
    },
  };
}

export function createDataSource(config: DataSourceConfig = loadConfig()): DataSource {
  return new DataSource(dataSourceOptions(config));
}
