/**
 * scripts/restore-drill.sh against a test database with proposals and their history: the dump restores, every
 * table's row count matches (even while the application writes during the dump: the counts are taken in the
 * dump's snapshot), verify-history passes on the copy, and the scratch database is dropped. With
 * --tamper-history one history record of the copy is forged: verify-history names it and the drill fails.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { HistoryService } from '../../src/app/workflow/history.service';
import { Api } from '../support/proposal-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { ensureBackendBuilt, ROOT } from './fault-support';

jest.setTimeout(60_000);

function drill(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [path.join(ROOT, 'scripts/restore-drill.sh'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('scripts/restore-drill.sh', () => {
  let t: TestApp;
  let api: Api;
  let databaseName: string;

  beforeAll(async () => {
    ensureBackendBuilt();
    t = await startTestApp();
    api = new Api(t);
    databaseName = new URL(t.config.databaseUrl).pathname.slice(1);
    await api.replied('jwc');
    await api.handling('rsc');
    await api.submitted();
  }, 180_000);

  afterAll(() => t?.close());

  async function scratchDatabases(): Promise<string[]> {
    const rows = (await t.db.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${databaseName.slice(0, 36)}_drill_%`])) as { datname: string }[];
    return rows.map((r) => r.datname);
  }

  it('restores the dump, finds every row count equal and every history chain intact, and drops its scratch database', async () => {
    const handling = await api.handling('kyc');
    // the application keeps writing while the drill dumps and counts
    let writing = true;
    let writes = 0;
    const writer = (async () => {
      while (writing) {
        await api.ok('committee1', handling.id, 'URGE');
        writes++;
      }
    })();
    const result = await drill([t.config.databaseUrl]);
    writing = false;
    await writer;

    expect({ code: result.code, out: result.out }).toEqual({ code: 0, out: expect.stringContaining('[drill] PASSED') });
    expect(writes).toBeGreaterThan(0);
    expect(result.out).toMatch(/\[drill\] \d+ table\(s\), 0 with a different row count/);
    expect(result.out).toMatch(/\[verify-history\] \d+ record\(s\) checked: every chain is intact/);
    // the history is in the dump: its row is there and non-zero
    const history = /public\.proposal_history\s+(\d+)\s+(\d+)\s+ok/.exec(result.out);
    expect(history).not.toBeNull();
    expect(Number(history![1])).toBeGreaterThan(10);
    expect(history![1]).toBe(history![2]);
    expect(result.out).not.toMatch(/MISMATCH/);
    expect(await scratchDatabases()).toEqual([]);
  });

  it('fails when a history record of the restored copy was forged (--tamper-history), naming the record', async () => {
    const result = await drill(['--tamper-history', t.config.databaseUrl]);
    expect(result.code).toBe(1);
    const forged = /forged history record (\d+) of the restored copy/.exec(result.out);
    expect(forged).not.toBeNull();
    expect(result.out).toMatch(new RegExp(`\\[verify-history\\] proposal [0-9a-f-]{36}: record ${forged![1]} \\(seq \\d+\\)`));
    expect(result.out).toMatch(/\[drill\] FAILED: verify-history found broken history chains/);
    expect(result.out).toMatch(/0 with a different row count/);
    expect(await scratchDatabases()).toEqual([]);
    // the source was not touched
    expect((await new HistoryService(t.db).verify()).breaks).toEqual([]);
  });

  it('keeps the scratch database with --keep, and refuses an unknown option', async () => {
    const kept = await drill(['--keep', t.config.databaseUrl]);
    expect(kept.code).toBe(0);
    const [name] = await scratchDatabases();
    expect(kept.out).toContain(`[drill] kept: database ${name}`);
    await t.db.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    const dump = / dump (\S+)$/m.exec(kept.out)![1];
    rmSync(path.dirname(dump), { recursive: true, force: true });
    expect((await drill(['--nonsense'])).code).toBe(2);
  });
});
