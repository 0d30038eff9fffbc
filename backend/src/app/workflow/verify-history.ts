import { DataSource } from 'typeorm';
import { HistoryService } from './history.service';

/**
 * `cli.js verify-history [proposalId]`: recomputes every history chain and prints the first bad record of each
 * proposal whose chain is broken. Returns the exit code: 0 when every chain checks out, 1 otherwise.
 */
export async function verifyHistoryCommand(ds: DataSource, proposalId?: string, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  const { checked, breaks } = await new HistoryService(ds).verify({ proposalId });
  for (const b of breaks) {
    out.error(`[verify-history] proposal ${b.proposalId}: record ${b.recordId} (seq ${b.seq}): ${b.problem}`);
  }
  if (breaks.length) {
    out.error(`[verify-history] ${breaks.length} broken chain(s) among ${checked} record(s)`);
    return 1;
  }
  out.log(`[verify-history] ${checked} record(s) checked: every chain is intact`);
  return 0;
}
