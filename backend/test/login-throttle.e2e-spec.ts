import { TEST_PASSWORD } from './support/global-setup';
import { startTestApp, TestApp } from './support/test-app';

const login = (t: TestApp, username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });

describe('login throttling per account', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ loginMaxFailures: 3, loginWindowSeconds: 600 });
  });
  afterAll(() => t.close());

  it('locks an account after the allowed failures, says when to try again, and lets other accounts in', async () => {
    for (let i = 0; i < 3; i++) await login(t, 'delegate02', 'wrong-guess1').expect(401);
    const locked = await login(t, 'delegate02', TEST_PASSWORD).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(590);
    expect(locked.body.message).toMatch(/Too many failed logins for this account\. Try again in 10 minutes \(after \d\d:\d\d\)/);
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(590);
    await login(t, 'DELEGATE02', TEST_PASSWORD).expect(429);
    await login(t, 'delegate03', TEST_PASSWORD).expect(200);
  });

  it('forgets the failures of an account after a successful login', async () => {
    await login(t, 'delegate04', 'wrong-guess1').expect(401);
    await login(t, 'delegate04', 'wrong-guess1').expect(401);
    await login(t, 'delegate04', TEST_PASSWORD).expect(200);
    await login(t, 'delegate04', 'wrong-guess1').expect(401);
    await login(t, 'delegate04', 'wrong-guess1').expect(401);
    await login(t, 'delegate04', TEST_PASSWORD).expect(200);
  });

  it('counts unknown usernames too, so that throttling does not reveal which accounts exist', async () => {
    for (let i = 0; i < 3; i++) await login(t, 'ghost', 'wrong-guess1').expect(401);
    await login(t, 'ghost', 'wrong-guess1').expect(429);
  });
});

describe('login throttling per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ loginMaxFailures: 2 });
  });
  afterAll(() => t.close());

  it('locks the address after five times the account limit, whatever accounts it tries', async () => {
    for (let i = 0; i < 10; i++) await login(t, `guess${i}`, 'wrong-guess1').expect(401);
    const locked = await login(t, 'delegate05', TEST_PASSWORD).expect(429);
    expect(locked.body.message).toMatch(/your network address/);
    expect(locked.headers['retry-after']).toBeDefined();
  });
});
