import type { EntityManager } from 'typeorm';
import type { JobLedger, LedgerEntry } from '../queues/job-ledger';
import type { JobToAdd, QueueRegistry } from '../queues/queue-registry';
import { RelayBatch } from './relay-batch';

/** Records the calls RelayBatch.apply makes, in order (the real ones are covered by the reminders HTTP tests). */
function recorder(failRedis = false) {
  const calls: string[] = [];
  const queues = {
    add: async (q: string, jobs: JobToAdd[]) => {
      if (failRedis) throw new Error('Redis down');
      calls.push(`add ${q} ${jobs.map((j) => j.jobId).join(',')}`);
    },
    remove: async (q: string, ids: string[]) => {
      if (failRedis) throw new Error('Redis down');
      calls.push(`remove ${q} ${ids.join(',')}`);
    },
  } as unknown as QueueRegistry;
  const ledger = {
    end: async (_em: unknown, ids: string[], status: string, why: string) => calls.push(`end ${ids.join(',')} ${status} ${why}`),
    insert: async (_em: unknown, entries: LedgerEntry[], revive: boolean) => {
      if (entries.length) calls.push(`insert ${entries.map((e) => e.jobId).join(',')} revive=${revive}`);
    },
  } as unknown as JobLedger;
  return { calls, queues, ledger };
}

const job = (jobId: string): JobToAdd => ({ jobId, name: 'handlingDue', data: {}, delay: 1000 });
const entry = (jobId: string): LedgerEntry => ({ jobId, queue: 'reminders', name: 'handlingDue', proposalId: 'p', anchor: null, runAt: '2027-01-01T00:00:00.000Z', data: {} });
const em = {} as EntityManager;

describe('RelayBatch', () => {
  it('keeps each job id\'s last operation: added then cancelled is cancelled, cancelled then planned again is planned', async () => {
    const b = new RelayBatch();
    b.add('reminders', [job('a'), job('b')]);
    b.insert([entry('a'), entry('b')], true);
    b.remove('reminders', ['a', 'c']);
    b.end(['a', 'c'], 'cancel effect');
    b.end(['d'], 'cancel effect');
    b.remove('reminders', ['d']);
    b.add('reminders', [job('d')]);
    b.insert([entry('d')], true);
    b.add('notices', [job('n1')]);
    b.insert([entry('n1')], false);
    const { calls, queues, ledger } = recorder();
    await b.apply(em, queues, ledger, new Date());
    expect(calls).toEqual([
      'remove reminders a,c',
      'add reminders b,d',
      'add notices n1',
      'end a,c cancelled cancel effect',
      'insert n1 revive=false',
      'insert b,d revive=true',
    ]);
  });

  it('writes nothing to the ledger when Redis refuses (the batch rolls back and waits)', async () => {
    const b = new RelayBatch();
    b.add('reminders', [job('a')]);
    b.insert([entry('a')], true);
    const { calls, queues, ledger } = recorder(true);
    await expect(b.apply(em, queues, ledger, new Date())).rejects.toThrow('Redis down');
    expect(calls).toEqual([]);
  });
});
