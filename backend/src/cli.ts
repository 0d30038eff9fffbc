import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { seedDemoUniversity } from './database/seeds/demo-university';

/**
 * Operator commands, run as `node dist/backend/backend/src/cli.js <command>`:
 *   migrate   apply pending migrations
 *   seed      seed the demo university (idempotent; refused with NODE_ENV=production)
 *   setup     migrate, then seed unless NODE_ENV=production (what `npm start` runs)
 */
const USAGE = 'usage: cli.js migrate | seed | setup';

async function main(argv: string[]) {
  const command = argv[0];
  if (!command || !['migrate', 'seed', 'setup'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const ds = createDataSource({ ...config, dbPoolMax: 1 });
  await ds.initialize();
  try {
    if (command === 'migrate' || command === 'setup') {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(`[setup] migrations: ${applied.length ? applied.map((m) => m.name).join(', ') : 'up to date'}`);
    }
    if (command === 'seed' || command === 'setup') {
      if (config.nodeEnv === 'production') {
        if (command === 'seed') {
          console.error('[setup] NODE_ENV=production: the demo university is never seeded in production');
          return 2;
        }
      } else {
        const result = await seedDemoUniversity(ds, { password: config.demoPassword });
        console.log(`[setup] demo university: ${result.created ? 'seeded' : 'already there'}`);
      }
    }
    return 0;
  } finally {
    await ds.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
