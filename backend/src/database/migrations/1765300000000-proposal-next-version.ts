import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `proposal_next_version(id, current, expected)`: the version a proposal's UPDATE sets (current + 1), or an error
 * (SQLSTATE 40001) when the row is no longer at the version the change was computed from.
 *
 * The workflow applies most events without taking the row lock first (app/workflow/workflow.service.ts): it
 * reads the row, computes the change and sends one statement whose data-modifying WITH parts insert the new
 * rows (history, side records, outbox) and whose UPDATE sets `version = proposal_next_version(id, version, $n)`.
 * A `WHERE version = $n` would make the UPDATE miss while the inserts still happened; raising an error instead
 * aborts the whole statement, inserts included. PostgreSQL evaluates the SET list on the newest version of the
 * row (after waiting for a concurrent writer), so a change committed in between is always seen.
 */
export class ProposalNextVersion1765300000000 implements MigrationInterface {
  name = 'ProposalNextVersion1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION proposal_next_version(proposal_id uuid, current_version integer, expected_version integer)
      RETURNS integer LANGUAGE plpgsql AS $$
      BEGIN
        IF current_version IS DISTINCT FROM expected_version THEN
          RAISE EXCEPTION 'proposal % is at version %, not %', proposal_id, current_version, expected_version
            USING ERRCODE = '40001';
        END IF;
        RETURN current_version + 1;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS proposal_next_version(uuid, integer, integer)`);
  }
}
