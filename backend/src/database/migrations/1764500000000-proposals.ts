import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The proposal lifecycle: proposals and everything recorded about them, the append-only hash-chained history,
 * per-(session, series) number counters, attachments (metadata; the bytes live in AttachmentStorage) and the
 * outbox the workflow writes its effects to.
 *
 * Full-text search over Chinese text: stock PostgreSQL has no Chinese word splitter (the `simple` and
 * `english` text-search parsers treat a run of Han characters as one "word", and zhparser/pg_jieba are
 * extensions most hosts do not ship). pg_trgm needs no dictionary: with a UTF-8 LC_CTYPE (C.UTF-8,
 * zh_CN.UTF-8) Han characters count as word characters, so a trigram GIN index over
 * title || background || suggestions serves `ILIKE '%…%'` for any substring of three or more characters, and
 * 1–2 character queries still match (by a scan), so "食堂" finds "改善学校食堂伙食". similarity() and
 * word_similarity() rank look-alike titles for the similar-proposals endpoint from the same index. The
 * alternative, indexing character bigrams as a tsvector (to_tsvector('simple', '食堂 堂伙 伙食 …')), needs a
 * trigger or generated column to split the text and its own query rewriting, and ranks no better here.
 */
export class Proposals1764500000000 implements MigrationInterface {
  name = 'Proposals1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE proposals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES congress_sessions (id),
        kind varchar(12) NOT NULL DEFAULT 'proposal' CHECK (kind IN ('proposal', 'suggestion')),
        collective boolean NOT NULL DEFAULT false,
        delegation_id uuid REFERENCES delegations (id) ON DELETE SET NULL,
        title varchar(200) NOT NULL,
        background text NOT NULL DEFAULT '',
        suggestions text NOT NULL DEFAULT '',
        suggested_category_id uuid REFERENCES categories (id) ON DELETE SET NULL,
        suggested_department_ids uuid[] NOT NULL DEFAULT '{}',
        category_id uuid REFERENCES categories (id),
        lead_department_id uuid REFERENCES departments (id),
        co_department_ids uuid[] NOT NULL DEFAULT '{}',
        lead_proposer_id uuid NOT NULL REFERENCES users (id),
        contact_phone varchar(32),
        state varchar(60) NOT NULL DEFAULT 'draft',
        context jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        series char(1) CHECK (series IN ('P', 'J')),
        number integer CHECK (number > 0),
        number_label varchar(20),
        due_at timestamptz,
        submitted_at timestamptz,
        accepted_at timestamptz,
        assigned_at timestamptz,
        replied_at timestamptz,
        closed_at timestamptz,
        merged_into_id uuid REFERENCES proposals (id),
        is_key boolean NOT NULL DEFAULT false,
        excellent boolean NOT NULL DEFAULT false,
        published boolean NOT NULL DEFAULT false,
        published_at timestamptz,
        evaluation varchar(20),
        fulfilled_at timestamptz,
        cosigners_frozen_at timestamptz,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposals_series_number_check CHECK ((series IS NULL) = (number IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX proposals_session_series_number_key ON proposals (session_id, series, number)
                   WHERE number IS NOT NULL`);
    await q.query(`CREATE INDEX proposals_session_state_idx ON proposals (session_id, state)`);
    await q.query(`CREATE INDEX proposals_state_idx ON proposals (state text_pattern_ops)`);
    await q.query(`CREATE INDEX proposals_lead_proposer_idx ON proposals (lead_proposer_id)`);
    await q.query(`CREATE INDEX proposals_lead_department_idx ON proposals (lead_department_id)`);
    await q.query(`CREATE INDEX proposals_co_departments_idx ON proposals USING gin (co_department_ids)`);
    await q.query(`CREATE INDEX proposals_due_at_idx ON proposals (due_at) WHERE due_at IS NOT NULL`);
    // The expression must stay exactly as SEARCH_TEXT in app/proposals/visibility.sql.ts for the planner to use it.
    await q.query(`CREATE INDEX proposals_text_trgm_idx ON proposals
                   USING gin ((title || ' ' || background || ' ' || suggestions) gin_trgm_ops)`);
    await q.query(`CREATE INDEX proposals_title_trgm_idx ON proposals USING gin (title gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE proposal_cosigners (
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        user_id uuid NOT NULL REFERENCES users (id),
        status varchar(10) NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'confirmed', 'declined')),
        source varchar(8) NOT NULL DEFAULT 'invited' CHECK (source IN ('invited', 'open', 'merge')),
        invited_at timestamptz,
        responded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (proposal_id, user_id)
      )`);
    await q.query(`CREATE INDEX proposal_cosigners_user_idx ON proposal_cosigners (user_id)`);

    await q.query(`
      CREATE TABLE proposal_history (
        id bigserial PRIMARY KEY,
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        seq integer NOT NULL CHECK (seq > 0),
        from_state varchar(60),
        to_state varchar(60) NOT NULL,
        event varchar(40) NOT NULL,
        actor_id uuid REFERENCES users (id),
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        comment text,
        at timestamptz NOT NULL,
        prev_hash char(64),
        hash char(64) NOT NULL,
        CONSTRAINT proposal_history_seq_key UNIQUE (proposal_id, seq)
      )`);
    // History is append-only: the database itself refuses to change or remove a record.
    await q.query(`
      CREATE FUNCTION proposal_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'proposal_history is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER proposal_history_append_only BEFORE UPDATE OR DELETE ON proposal_history
                   FOR EACH ROW EXECUTE FUNCTION proposal_history_refuse_change()`);
    await q.query(`CREATE TRIGGER proposal_history_no_truncate BEFORE TRUNCATE ON proposal_history
                   FOR EACH STATEMENT EXECUTE FUNCTION proposal_history_refuse_change()`);

    await q.query(`
      CREATE TABLE proposal_number_counters (
        session_id uuid NOT NULL REFERENCES congress_sessions (id),
        series char(1) NOT NULL CHECK (series IN ('P', 'J')),
        last integer NOT NULL DEFAULT 0,
        PRIMARY KEY (session_id, series)
      )`);

    await q.query(`
      CREATE TABLE proposal_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        round integer NOT NULL DEFAULT 1,
        department_id uuid NOT NULL REFERENCES departments (id),
        author_id uuid NOT NULL REFERENCES users (id),
        grade char(1) NOT NULL CHECK (grade IN ('A', 'B', 'C')),
        content text NOT NULL,
        planned_at timestamptz,
        status varchar(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sentBack', 'approved')),
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposal_replies_planned_check CHECK (grade <> 'B' OR planned_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX proposal_replies_proposal_idx ON proposal_replies (proposal_id, created_at)`);

    await q.query(`
      CREATE TABLE proposal_contributions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        round integer NOT NULL DEFAULT 1,
        department_id uuid NOT NULL REFERENCES departments (id),
        author_id uuid NOT NULL REFERENCES users (id),
        content text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX proposal_contributions_proposal_idx ON proposal_contributions (proposal_id)`);

    await q.query(`
      CREATE TABLE proposal_contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        department_id uuid NOT NULL REFERENCES departments (id),
        logged_by uuid NOT NULL REFERENCES users (id),
        method varchar(10) NOT NULL,
        content text NOT NULL,
        contacted_at timestamptz NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'disputed')),
        proposer_comment text,
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX proposal_contacts_proposal_idx ON proposal_contacts (proposal_id)`);

    await q.query(`
      CREATE TABLE proposal_evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        round integer NOT NULL DEFAULT 1,
        evaluator_id uuid NOT NULL REFERENCES users (id),
        role varchar(8) NOT NULL CHECK (role IN ('lead', 'cosigner')),
        satisfaction varchar(20) NOT NULL
          CHECK (satisfaction IN ('satisfied', 'basicallySatisfied', 'unsatisfied')),
        comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT proposal_evaluations_once_key UNIQUE (proposal_id, round, evaluator_id)
      )`);

    await q.query(`
      CREATE TABLE proposal_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        author_id uuid NOT NULL REFERENCES users (id),
        kind varchar(10) NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment', 'progress')),
        internal boolean NOT NULL DEFAULT false,
        content text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX proposal_comments_proposal_idx ON proposal_comments (proposal_id, created_at)`);

    await q.query(`
      CREATE TABLE proposal_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        kind varchar(12) NOT NULL CHECK (kind IN ('extension', 'reassignment')),
        department_id uuid REFERENCES departments (id),
        requested_by uuid NOT NULL REFERENCES users (id),
        reason text NOT NULL,
        requested_due_at timestamptz,
        extension_days integer,
        status varchar(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied', 'lapsed')),
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        decision_comment text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX proposal_requests_proposal_idx ON proposal_requests (proposal_id)`);

    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        proposal_id uuid NOT NULL REFERENCES proposals (id),
        reply_id uuid REFERENCES proposal_replies (id),
        storage_key varchar(200) NOT NULL,
        file_name varchar(255) NOT NULL,
        mime_type varchar(120) NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 char(64) NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_proposal_idx ON attachments (proposal_id)`);

    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        kind varchar(40) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unprocessed_idx ON outbox (id) WHERE processed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'outbox',
      'attachments',
      'proposal_requests',
      'proposal_comments',
      'proposal_evaluations',
      'proposal_contacts',
      'proposal_contributions',
      'proposal_replies',
      'proposal_number_counters',
      'proposal_history',
      'proposal_cosigners',
      'proposals',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION proposal_history_refuse_change()`);
  }
}
