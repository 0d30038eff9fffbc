/**
 * The one validated configuration of the backend. Every setting is an environment variable with a default;
 * `loadConfig()` reads them all at start and throws a ConfigError naming the variable when one is invalid,
 * so that a bad PORT or DATABASE_URL stops the process with a message instead of failing later.
 * Used by the HTTP entry, the CLI and the tests alike.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  dbPoolMax: number;
  redisUrl: string;
  redisPrefix: string;
  /**
   * Redis through Sentinel (REDIS_SENTINELS, REDIS_SENTINEL_NAME, REDIS_SENTINEL_PASSWORD): the sentinels to ask
   * for the current master; null when REDIS_SENTINELS is unset (then REDIS_URL names the server). With Sentinel,
   * REDIS_URL still gives the master's user, password, database and TLS (rediss:); its host is not used.
   */
  redisSentinel: RedisSentinelConfig | null;
  jwtSecret: string;
  jwtTtlSeconds: number;
  cookieSecure: boolean;
  demoPassword: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  timezone: string;
  frontendDist: string;
  dataDir: string;
  loginMaxFailures: number;
  loginWindowSeconds: number;
  /** Attachments: the largest file accepted, and how many one proposal may have. */
  attachmentMaxBytes: number;
  attachmentMaxCount: number;
  /** E-mail through SMTP (SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD); null when SMTP_HOST is unset. */
  smtp: SmtpConfig | null;
  /** The From of every e-mail (MAIL_FROM). */
  mailFrom: string;
  /** WORKER_MODE: `inline` runs the queue workers, outbox relay and reconciler in this process too; `off` does not. */
  workerMode: 'inline' | 'off';
  /**
   * AUTH_USER_CACHE (default on): keep signed-in users' facts in memory between requests while this process
   * listens for their changes (app/auth/auth-user.service.ts); `off` reads them from PostgreSQL on every request.
   */
  authUserCache: boolean;
  /**
   * DB_PREPARED_STATEMENTS (default on): the hot statements (a proposal's row, facts and records, an event's
   * write) run as named prepared statements, parsed and planned once per connection (database/prepared.ts);
   * `off` sends them unnamed, planned on every execution. Off by itself with embedded PostgreSQL.
   */
  dbPreparedStatements: boolean;
  /** The job queues: relay, reconciler, retries (see docs/reminders.md). */
  jobs: JobsConfig;
}

export interface RedisSentinelConfig {
  sentinels: { host: string; port: number }[];
  /** The master group name the sentinels monitor (`sentinel monitor <name> …`). */
  name: string;
  password: string | null;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
}

export interface JobsConfig {
  /** RELAY_INTERVAL_MS: how often the relay polls the outbox (it is also woken by each commit). */
  relayIntervalMs: number;
  /** REMINDER_RECONCILE_SECONDS: how often Redis is checked against PostgreSQL (and at start). */
  reconcileSeconds: number;
  /** REMINDER_HOUR: the local hour at which day-based reminders go out. */
  reminderHour: number;
  /** JOB_ATTEMPTS, JOB_BACKOFF_MS: retries of reminder and notice jobs (exponential backoff from this delay). */
  attempts: number;
  backoffMs: number;
  /** MAIL_ATTEMPTS, MAIL_BACKOFF_MS: retries of one e-mail (exponential backoff from this delay). */
  mailAttempts: number;
  mailBackoffMs: number;
  /** WORKER_CONCURRENCY: jobs one process runs at once per queue. */
  concurrency: number;
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback: string): string {
  const v = env[name];
  return v === undefined || v === '' ? fallback : v;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number between ${min} and ${max}, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const v = str(env, name, fallback) as T;
  if (!allowed.includes(v)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${v}"`);
  return v;
}

function url(env: Env, name: string, fallback: string, protocols: string[]): string {
  const v = str(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new ConfigError(name, `must be a URL like ${fallback}, got "${v}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  if (!parsed.hostname) throw new ConfigError(name, `must name a host, got "${v}"`);
  if (parsed.port && (Number(parsed.port) < 1 || Number(parsed.port) > 65535)) {
    throw new ConfigError(name, `has an invalid port "${parsed.port}"`);
  }
  return v;
}

function duration(env: Env, name: string, fallbackSeconds: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallbackSeconds;
  const m = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
  if (!m) throw new ConfigError(name, `must be a duration like 3600, 30m, 8h or 7d, got "${raw}"`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const seconds = Number(m[1]) * unit;
  if (seconds < 60) throw new ConfigError(name, 'must be at least one minute');
  return seconds;
}

export const DEV_JWT_SECRET = 'development-only-secret-change-me-in-production';

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf<NodeEnv>(env, 'NODE_ENV', 'development', ['development', 'production', 'test']);
  const port = int(env, 'PORT', 3000, 1, 65535);
  const host = str(env, 'HOST', '0.0.0.0');
  const jwtSecret = str(env, 'JWT_SECRET', nodeEnv === 'production' ? '' : DEV_JWT_SECRET);
  if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be set to at least 32 characters (required in production)');
  }
  return {
    nodeEnv,
    host,
    port,
    publicUrl: url(env, 'PUBLIC_URL', `http://localhost:${port}`, ['http:', 'https:']).replace(/\/$/, ''),
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/congress', ['postgres:', 'postgresql:']),
    dbPoolMax: int(env, 'DB_POOL_MAX', 10, 1, 200),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    redisPrefix: str(env, 'REDIS_PREFIX', 'congress'),
    redisSentinel: redisSentinel(env),
    jwtSecret,
    jwtTtlSeconds: duration(env, 'JWT_TTL', 8 * 3600),
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    demoPassword: str(env, 'DEMO_PASSWORD', 'demo12345'),
    logLevel: oneOf(env, 'LOG_LEVEL', nodeEnv === 'test' ? 'silent' : 'info', [
      'fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent',
    ] as const),
    timezone: str(env, 'APP_TIMEZONE', 'Asia/Shanghai'),
    frontendDist: str(env, 'FRONTEND_DIST', 'dist/frontend/browser'),
    dataDir: str(env, 'DATA_DIR', '.data'),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowSeconds: int(env, 'LOGIN_WINDOW_SECONDS', 900, 10, 86400),
    attachmentMaxBytes: int(env, 'ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    attachmentMaxCount: int(env, 'ATTACHMENT_MAX_COUNT', 10, 1, 1000),
    smtp: smtp(env),
    mailFrom: mailFrom(env),
    workerMode: oneOf(env, 'WORKER_MODE', 'inline', ['inline', 'off'] as const),
    authUserCache: oneOf(env, 'AUTH_USER_CACHE', 'on', ['on', 'off'] as const) === 'on',
    dbPreparedStatements: oneOf(env, 'DB_PREPARED_STATEMENTS', 'on', ['on', 'off'] as const) === 'on',
    jobs: {
      relayIntervalMs: int(env, 'RELAY_INTERVAL_MS', 2000, 20, 600_000),
      reconcileSeconds: int(env, 'REMINDER_RECONCILE_SECONDS', 300, 1, 86_400),
      reminderHour: int(env, 'REMINDER_HOUR', 9, 0, 23),
      attempts: int(env, 'JOB_ATTEMPTS', 8, 1, 100),
      backoffMs: int(env, 'JOB_BACKOFF_MS', 2000, 1, 3_600_000),
      mailAttempts: int(env, 'MAIL_ATTEMPTS', 6, 1, 100),
      mailBackoffMs: int(env, 'MAIL_BACKOFF_MS', 60_000, 1, 3_600_000),
      concurrency: int(env, 'WORKER_CONCURRENCY', 4, 1, 100),
    },
  };
}

/** REDIS_SENTINELS=host:port,host:port (IPv6 as [addr]:port), REDIS_SENTINEL_NAME (default mymaster). */
function redisSentinel(env: Env): RedisSentinelConfig | null {
  const raw = str(env, 'REDIS_SENTINELS', '');
  if (!raw) {
    if (str(env, 'REDIS_SENTINEL_NAME', '')) throw new ConfigError('REDIS_SENTINEL_NAME', 'needs REDIS_SENTINELS (host:port of each sentinel)');
    return null;
  }
  const sentinels = raw.split(',').map((entry) => {
    const m = /^(\[[\d:a-fA-F.]+\]|[\w.-]+):(\d{1,5})$/.exec(entry.trim());
    const port = m ? Number(m[2]) : 0;
    if (!m || port < 1 || port > 65535) {
      throw new ConfigError('REDIS_SENTINELS', `must be a comma-separated list of host:port (e.g. sentinel1:26379,sentinel2:26379), got "${entry.trim()}"`);
    }
    return { host: m[1].replace(/^\[|\]$/g, ''), port };
  });
  const name = str(env, 'REDIS_SENTINEL_NAME', 'mymaster');
  if (!/^[\w.-]{1,100}$/.test(name)) throw new ConfigError('REDIS_SENTINEL_NAME', `must be a master name like mymaster, got "${name}"`);
  return { sentinels, name, password: str(env, 'REDIS_SENTINEL_PASSWORD', '') || null };
}

function smtp(env: Env): SmtpConfig | null {
  const host = str(env, 'SMTP_HOST', '');
  if (!host) return null;
  if (!/^[\w.-]+$|^\[[\d:a-fA-F.]+\]$/.test(host)) throw new ConfigError('SMTP_HOST', `must be a host name or address, got "${host}"`);
  const port = int(env, 'SMTP_PORT', 587, 1, 65535);
  const user = str(env, 'SMTP_USER', '') || null;
  const password = str(env, 'SMTP_PASSWORD', '') || null;
  if (password && !user) throw new ConfigError('SMTP_USER', 'must be set when SMTP_PASSWORD is');
  return { host, port, secure: bool(env, 'SMTP_SECURE', port === 465), user, password };
}

function mailFrom(env: Env): string {
  const from = str(env, 'MAIL_FROM', '"教代会提案系统" <no-reply@localhost>');
  if (!/^[^@\s<>]+@[^@\s<>]+$|<[^@\s<>]+@[^@\s<>]+>$/.test(from.trim())) {
    throw new ConfigError('MAIL_FROM', `must be an address like "Union office" <union@example.edu.cn>, got "${from}"`);
  }
  return from.trim();
}
