import './register-aliases';
import { Client } from 'pg';
import { loadConfig } from '../../src/config/app-config';
import { createDataSource } from '../../src/database/data-source';
import { seedDemoUniversity } from '../../src/database/seeds/demo-university';
import { baseDatabaseUrl, databaseUrlFor, newRunId } from './run-id';

/**
 * Once per `jest` run: a template database migrated and seeded with the demo university. Each test file then
 * clones it (CREATE DATABASE … TEMPLATE), which takes a fraction of a second, and drops its clone afterwards.
 */
export default async function globalSetup() {
  const runId = newRunId();
  const template = `${runId}_tpl`;
  const admin = new Client({ connectionString: databaseUrlFor('postgres'), connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `The backend tests need PostgreSQL at ${baseDatabaseUrl()} (set TEST_DATABASE_URL to change): ${(err as Error).message}. ` +
        'Start it, or run .ci/run which starts it.',
    );
  }
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();

  const config = { ...loadConfig({ NODE_ENV: 'test' }), databaseUrl: databaseUrlFor(template), dbPoolMax: 2 };
  const ds = createDataSource(config);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await seedDemoUniversity(ds, { password: TEST_PASSWORD, fastHashing: true });
  } finally {
    await ds.destroy();
  }
  process.env.CONGRESS_TEST_RUN_ID = runId;
  process.env.CONGRESS_TEST_TEMPLATE = template;
}

export const TEST_PASSWORD = 'demo12345';
