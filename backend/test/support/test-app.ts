import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { createApp } from '../../src/app/create-app';
import { deleteKeys } from './global-teardown';
import { TEST_PASSWORD } from './global-setup';
import { databaseUrlFor, redisUrl } from './run-id';

let counter = 0;

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: DataSource;
  http: () => ReturnType<typeof request>;
  /** Logs in a demo user and returns its bearer token. */
  login: (username: string, password?: string) => Promise<string>;
  close: () => Promise<void>;
}

/** A fresh database cloned from the run's migrated and seeded template, and a Redis prefix of its own. */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const runId = process.env.CONGRESS_TEST_RUN_ID;
  const template = process.env.CONGRESS_TEST_TEMPLATE;
  if (!runId || !template) throw new Error('test/support/global-setup did not run');
  const name = `${runId}_${process.env.JEST_WORKER_ID ?? '0'}_${++counter}_${Math.random().toString(36).slice(2, 7)}`;
  const admin = new Client({ connectionString: databaseUrlFor('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  return {
    name,
    url: databaseUrlFor(name),
    drop: async () => {
      const c = new Client({ connectionString: databaseUrlFor('postgres') });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export function testConfig(overrides: Partial<AppConfig> & { databaseUrl: string; redisPrefix: string }): AppConfig {
  return {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    redisUrl: redisUrl(),
    frontendDist: '/nonexistent',
    dbPoolMax: 5,
    ...overrides,
  };
}

export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ databaseUrl: database.url, redisPrefix: database.name, ...overrides });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  const http = () => request(server);
  return {
    app,
    config,
    db: app.get(DataSource),
    http,
    login: async (username, password = TEST_PASSWORD) => {
      const res = await http().post('/api/auth/login').send({ username, password });
      if (res.status !== 200 && res.status !== 201) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    close: async () => {
      await app.close();
      const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1 });
      await deleteKeys(redis, `${config.redisPrefix}*`).finally(() => redis.disconnect());
      await database.drop();
    },
  };
}
