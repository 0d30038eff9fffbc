import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const { createApp } = await import('./app/create-app');
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const { Logger } = await import('nestjs-pino');
  app.get(Logger).log(`API listening on ${config.host}:${config.port}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
