import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';
import { createDataSource } from './database/data-source';
import { ensureAdmin } from './database/seeds/bootstrap-admin';
import { seedDemoUniversity } from './database/seeds/demo-university';
import { verifyHistoryCommand } from './app/workflow/verify-history';

/**
 * Operator commands, run as `node dist/backend/backend/src/cli.js <command>`:
 *   migrate   apply pending migrations
 *   seed      seed the demo university (idempotent; refused with NODE_ENV=production)
 *   setup     migrate, then seed unless NODE_ENV=production (what `npm start` runs)
 *   verify-history [proposalId]
 *             recompute the proposals' hash-chained history; print the first bad record of each broken
 *             chain and exit 1 when there is any
 *   create-admin <username>
 *             create the first administrator of a production install (or give an existing account the role
 *             admin); the password comes from the environment variable ADMIN_PASSWORD
 */
const USAGE = 'usage: cli.js migrate | seed | setup | verify-history [proposalId] | create-admin <username>';

async function main(argv: string[]) {
  const command = argv[0];
  if (!command || !['migrate', 'seed', 'setup', 'verify-history', 'create-admin'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'create-admin' && (!argv[1] || !process.env.ADMIN_PASSWORD)) {
    console.error('usage: ADMIN_PASSWORD=… cli.js create-admin <username>');
    return 2;
  }
  const config = loadConfig();
  const ds = createDataSource({ ...config, dbPoolMax: 1 });
  await ds.initialize();
  try {
    if (command === 'verify-history') return await verifyHistoryCommand(ds, argv[1]);
    if (command === 'create-admin') {
      const { created } = await ensureAdmin(ds, argv[1], process.env.ADMIN_PASSWORD as string);
      console.log(`[setup] administrator ${argv[1]}: ${created ? 'created' : 'updated (role admin, new password, sessions revoked)'}`);
      return 0;
    }
    // replicas starting at once (each image runs `migrate`) take turns: the first applies, the others find none
    // pending. A session lock on the one pooled connection; released when it closes at the latest.
    await ds.query(`SELECT pg_advisory_lock(hashtext('congress-migrations'))`);
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
