import { Client } from 'pg';
import request from 'supertest';
import { AuthUserService } from '../src/app/auth/auth-user.service';
import { LogoutListService } from '../src/app/auth/logout-list.service';
import { anotherApp } from './reminders-harness';
import { startTestApp, TestApp } from './support/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The signed-in users and the logout list kept in memory between requests (AuthUserService): a change is seen on the next request
 * when this process made it, and as soon as PostgreSQL's notification arrives when anyone else did (psql,
 * the CLI, another replica). Without the listener, every request reads PostgreSQL.
 */
describe('signed-in users kept in memory', () => {
  let t: TestApp;
  let users: AuthUserService;
  let other: Client;
  beforeAll(async () => {
    t = await startTestApp();
    users = t.app.get(AuthUserService);
    // "someone else": a connection of its own, as psql or another replica would be
    other = new Client({ connectionString: t.config.databaseUrl });
    await other.connect();
  });
  afterAll(async () => {
    await other.end();
    await t.close();
  });

  /** Requests until `check` holds, for at most 3 s (a notification takes milliseconds). */
  async function eventually(check: () => Promise<boolean>): Promise<number> {
    const start = Date.now();
    while (!(await check())) {
      if (Date.now() - start > 3000) throw new Error('the change was not seen within 3 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    return Date.now() - start;
  }

  async function listenerUp(): Promise<void> {
    const token = await t.login('committee1');
    await eventually(async () => {
      await t.http().get('/api/me').set(bearer(token)).expect(200);
      return users.caching;
    });
  }

  it('serves users from memory once it listens, and sees a change made elsewhere when its notification comes', async () => {
    await listenerUp();
    const token = await t.login('delegate07');
    const me = () => t.http().get('/api/me').set(bearer(token));
    expect((await me()).body.roles).toEqual(['delegate']);
    // the roles are now in memory: a change through another connection must still reach the next requests
    await other.query(`UPDATE users SET roles = '{delegate,leader}' WHERE username = 'delegate07'`);
    await eventually(async () => (await me()).body.roles?.includes('leader'));
    // deactivated elsewhere: 401, without waiting for the memory to expire
    await other.query(`UPDATE users SET active = false WHERE username = 'delegate07'`);
    await eventually(async () => (await me()).status === 401);
    await other.query(`UPDATE users SET active = true, roles = '{delegate}' WHERE username = 'delegate07'`);
    await eventually(async () => (await me()).status === 200);
  });

  it('sees memberships, leaders and delegation heads changed elsewhere', async () => {
    await listenerUp();
    const token = await t.login('jwc.handler');
    const me = async () => (await t.http().get('/api/me').set(bearer(token)).expect(200)).body;
    const before = await me();
    const [{ id: other1 }] = (
      await other.query(`SELECT id FROM departments WHERE NOT (id = ANY($1::uuid[])) ORDER BY code LIMIT 1`, [before.departmentIds])
    ).rows;
    await other.query(`INSERT INTO department_members (department_id, user_id, role) VALUES ($1, $2, 'handler')`, [other1, before.id]);
    await eventually(async () => (await me()).departmentIds.includes(other1));
    await other.query(`UPDATE departments SET leader_id = $2 WHERE id = $1`, [other1, before.id]);
    await eventually(async () => (await me()).leaderOfDepartmentIds.includes(other1));
    const [{ id: delegation }] = (await other.query(`SELECT id FROM delegations ORDER BY name LIMIT 1`)).rows;
    await other.query(`UPDATE delegations SET head_id = $2 WHERE id = $1`, [delegation, before.id]);
    await eventually(async () => (await me()).headOfDelegationIds.includes(delegation));
  });

  it('sees a change made through this process on the very next request', async () => {
    await listenerUp();
    const admin = await t.login('admin');
    const token = await t.login('delegate08');
    const me = () => t.http().get('/api/me').set(bearer(token));
    const { id } = (await me().expect(200)).body;
    const { version } = (await t.http().get(`/api/admin/users?q=delegate08`).set(bearer(admin)).expect(200)).body.items[0];
    await t.http().patch(`/api/admin/users/${id}`).set(bearer(admin)).send({ active: false, version }).expect(200);
    // no waiting here: the admin's request made this process forget before it answered
    await me().expect(401);
  });

  it('reads PostgreSQL on every request while the listener is lost, and listens again', async () => {
    await listenerUp();
    const token = await t.login('delegate09');
    const me = () => t.http().get('/api/me').set(bearer(token));
    await me().expect(200);
    const killed = await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN auth_facts'`,
    );
    expect(killed.rowCount).toBe(1);
    await eventually(async () => !users.caching);
    // while nobody listens, a change is seen at once: there is no memory to be stale
    await other.query(`UPDATE users SET roles = '{delegate,committee}' WHERE username = 'delegate09'`);
    expect((await me().expect(200)).body.roles).toEqual(['delegate', 'committee']);
    await listenerUp();
    await other.query(`UPDATE users SET roles = '{delegate}' WHERE username = 'delegate09'`);
    await eventually(async () => (await me()).body.roles.length === 1);
  });

  it('refuses a token logged out in another process, once the logout list reaches it; at once in the same one', async () => {
    const second = await anotherApp(t, { workerMode: 'off' });
    try {
      const server2 = second.app.getHttpServer();
      const logouts = t.app.get(LogoutListService);
      const ask = () => t.http().get('/api/me');
      // this process is subscribed to the list once it has checked a token
      const warm = await t.login('delegate11');
      await eventually(async () => {
        await ask().set(bearer(warm)).expect(200);
        return logouts.inMemory;
      });
      const token = await t.login('delegate11');
      await ask().set(bearer(token)).expect(200);
      // logged out through the other process: this one learns it from the channel
      await request(server2).post('/api/auth/logout').set(bearer(token)).expect(204);
      await eventually(async () => (await ask().set(bearer(token))).status === 401);
      // logged out here: refused here on the very next request
      const mine = await t.login('delegate11');
      await ask().set(bearer(mine)).expect(200);
      await t.http().post('/api/auth/logout').set(bearer(mine)).expect(204);
      await ask().set(bearer(mine)).expect(401);
      // a process that subscribes later loads the logouts made before it (the keys), and refuses both
      const third = await anotherApp(t, { workerMode: 'off' });
      try {
        const server3 = third.app.getHttpServer();
        await request(server3).get('/api/me').set(bearer(warm)).expect(200);
        await eventually(async () => third.app.get(LogoutListService).inMemory);
        await request(server3).get('/api/me').set(bearer(token)).expect(401);
        await request(server3).get('/api/me').set(bearer(mine)).expect(401);
        await request(server3).get('/api/me').set(bearer(warm)).expect(200);
      } finally {
        await third.close();
      }
    } finally {
      await second.close();
    }
  });
});
