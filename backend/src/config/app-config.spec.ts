import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has a working default for every setting outside production', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/congress');
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.demoPassword).toBe('demo12345');
    expect(c.jwtTtlSeconds).toBe(8 * 3600);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '0'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://root@localhost/x'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['COOKIE_SECURE', 'maybe'],
    ['JWT_TTL', 'forever'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
  ])('stops on %s=%s with a message naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(name);
    expect((error as Error).message).toContain(name);
  });

  it('requires a real JWT_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(c.cookieSecure).toBe(true);
  });

  it('reads durations in seconds, minutes, hours and days', () => {
    expect(loadConfig({ JWT_TTL: '30m' }).jwtTtlSeconds).toBe(1800);
    expect(loadConfig({ JWT_TTL: '7d' }).jwtTtlSeconds).toBe(7 * 86400);
    expect(loadConfig({ JWT_TTL: '3600' }).jwtTtlSeconds).toBe(3600);
  });
});
