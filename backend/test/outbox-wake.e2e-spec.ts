import { Client } from 'pg';
import { OUTBOX_CHANNEL } from '../src/app/outbox/outbox-wake';
import { waitFor } from './reminders-harness';
import { Api } from './support/proposal-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The relay is woken by a NOTIFY the application sends after an event's commit (OutboxWake), not by a trigger
 * inside the event's transaction, whose commit would then wait for every other notifying commit (migration
 * 1765800000000).
 */
describe('waking the outbox relay', () => {
  let t: TestApp;
  let api: Api;
  let listener: Client;
  const heard: number[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    api = new Api(t);
    listener = new Client({ connectionString: t.config.databaseUrl });
    await listener.connect();
    listener.on('notification', (n) => n.channel === OUTBOX_CHANNEL && heard.push(Date.now()));
    await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await t.close();
  });

  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('notifies after an event that wrote outbox rows has committed, once for events that commit together', async () => {
    const d = await api.draft('delegate01');
    const before = Number((await t.db.query(`SELECT count(*) FROM outbox`))[0].count);
    await pause(50); // past any wake-up of the draft's own writes
    heard.length = 0;
    await api.ok('delegate01', d.id, 'SUBMIT');
    // the SUBMIT's notices and reminders are in the outbox, committed, and the relay has been told
    expect(Number((await t.db.query(`SELECT count(*) FROM outbox`))[0].count)).toBeGreaterThan(before);
    await waitFor(() => heard.length === 1, 'one wake-up');

    const drafts = await Promise.all([1, 2, 3].map(() => api.draft('delegate01')));
    await pause(50);
    heard.length = 0;
    await Promise.all(drafts.map((x) => api.ok('delegate01', x.id, 'SUBMIT')));
    await waitFor(() => heard.length >= 1, 'a wake-up');
    await pause(100);
    expect(heard.length).toBeLessThanOrEqual(3);
  });

  it('sends nothing from inside a transaction that writes the outbox: no trigger on the table', async () => {
    const triggers = await t.db.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'outbox'::regclass AND NOT tgisinternal`);
    expect(triggers).toEqual([]);
    heard.length = 0;
    await t.db.query(`INSERT INTO outbox (kind, payload) VALUES ('notify', '{}'::jsonb)`);
    await pause(200);
    expect(heard).toEqual([]);
    await t.db.query(`DELETE FROM outbox WHERE kind = 'notify' AND payload = '{}'::jsonb`);
  });

  it('sends no wake-up for a refused event', async () => {
    const d = await api.draft('delegate01');
    await api.ok('delegate01', d.id, 'SUBMIT');
    await pause(50);
    heard.length = 0;
    // a refused event changes nothing and wakes nobody
    expect((await api.post('delegate01', `/api/proposals/${d.id}/events`, { type: 'SUBMIT', expectedVersion: d.version })).status).toBe(409);
    await pause(100);
    expect(heard).toEqual([]);
  });
});
