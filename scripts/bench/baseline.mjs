// The baseline of `npm run bench`: a bare node:http + pg server answering the SAME SQL the API runs for a
// proposal's detail, the filtered list, a text search and a COMMENT event (as the committee sends them), with no
// framework, no auth, no validation, no workflow machine and no serialisation beyond JSON.stringify (the list's
// JSON is PostgreSQL's, as the API's) — what Node and PostgreSQL alone reach on this machine.
// Run as a child process: `node baseline.mjs <port>` with DATABASE_URL and USER_ID (the committee member whose
// visibility the list filters by, and who comments) in the environment; prints "listening" when ready.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';

// the statements come from the built API itself (npm run bench builds it first)
const built = createRequire(import.meta.url);
const dist = (module) => built(`../../dist/backend/backend/src/app/${module}.js`);
// a proposal's row with its facts and its records (proposal-records.query.ts)
const { PROPOSAL_DETAIL_SQL } = dist('proposals/proposal-records.query');
// the list's page (its ids first, then each row's summary as JSON text built by PostgreSQL, which goes out as it
// comes), from proposal-list.service.ts, and its filters (the committee's visibility, the state, the words),
// from visibility.sql.ts
const { cappedTotal, commonFormWhere, countSql, listPageSql, pageJson, SEARCH_COUNT_CAP, totalFromPage } = dist('proposals/proposal-list.service');
const { searchConditions, stateCondition, visibleTo } = dist('proposals/visibility.sql');
// the searches recently counted over the cap, whose full pages skip the count, as the API keeps them
const { SearchOverflow } = dist('proposals/search-overflow');
const overflow = new SearchOverflow();
// an event's reading (the row, its facts and its history head) and its writes (workflow/): the history record
// with its hash, the outbox row, all sent as WITH parts of the row's UPDATE
const { PROPOSAL_WITH_FACTS_AND_HEAD_SQL } = dist('workflow/proposal-facts');
const { DeferredWrites } = dist('workflow/deferred-writes');
const { HistoryService } = dist('workflow/history.service');
const { OutboxWriter } = dist('outbox/outbox.writer');
const { INSERT_COMMENT_SQL } = dist('workflow/side-records');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX || 10) });
const userId = process.env.USER_ID;

// visibleTo() for a committee member ($1)
const VISIBLE = visibleTo({ id: userId, roles: ['committee'], departmentIds: [], headOfDepartmentIds: [], leaderOfDepartmentIds: [], headOfDelegationIds: [] }, []);

// the statement of proposal-detail.service.ts: the row with its facts and its records in one (proposal-records.query.ts),
// as a named prepared statement like the API's (database/prepared.ts), unless
// DB_PREPARED_STATEMENTS=off
const prepared = process.env.DB_PREPARED_STATEMENTS !== 'off';
const named = (name, text, values) => (prepared ? { name, text, values } : { text, values });
async function detail(id) {
  const [row] = (await pool.query(named('detail', PROPOSAL_DETAIL_SQL, [id, true]))).rows;
  if (!row) return null;
  // the summary from the row, as proposal-detail.service.ts builds it
  const summary = {
    id: row.id, sessionId: row.session_id, kind: row.kind, collective: row.collective, title: row.title, state: row.state,
    version: row.version, number: row.number_label, categoryId: row.category_id, leadDepartmentId: row.lead_department_id,
    coDepartmentIds: row.co_department_ids, dueAt: row.due_at, isKey: row.is_key, excellent: row.excellent, published: row.published,
    submittedAt: row.submitted_at, createdAt: row.created_at, updatedAt: row.updated_at,
  };
  const { cosigners, replies, contributions, contacts, evaluations, comments, requests, attachments, leadProposer } = row;
  const records = { cosigners, replies, contributions, contacts, evaluations, comments, requests, attachments };
  return { ...summary, leadProposer, background: row.background, suggestions: row.suggestions, ...records };
}

// proposal-list.service.ts with sessionId and state, or with q (a text search), sorted -createdAt, page 1 of 20:
// the page's JSON text
async function list(url) {
  const params = [userId];
  const p = (v) => {
    params.push(v);
    return `$${params.length}`;
  };
  const base = ['p.deleted_at IS NULL', VISIBLE];
  const where = [...base];
  const state = url.searchParams.get('state');
  if (state) where.push(stateCondition(p(state)));
  const sessionId = url.searchParams.get('sessionId');
  if (sessionId) where.push(`p.session_id = ${p(sessionId)}`);
  const q = url.searchParams.get('q')?.trim();
  const search = q ? searchConditions(q, p) : null;
  if (search) where.push(search.indexed);
  const whereSql = where.join(' AND ');
  const countParams = [...params];
  // a search known to overflow: no count, and its words in their common form on a plain search's first page
  const check = q ? overflow.check(whereSql, countParams) : null;
  const overflowing = check?.held === true;
  const common = overflowing ? commonFormWhere(base, where, search, { column: 'p.created_at', desc: true, page: 1, pageSize: 20 }) : null;
  const page = listPageSql(common ?? whereSql, 'p.created_at', true, p(20), p(0), Boolean(q), p(new Date()), !overflowing);
  // named after the filters present (a search's common form after its text), as the API's prepared statements
  // are one per statement text; other searches unnamed, planned for their words each time (the API's planPerValues)
  const shape = `${state ? 's' : ''}${sessionId ? 'n' : ''}${common ? `q${createHash('sha1').update(page).digest('hex').slice(0, 16)}` : ''}`;
  const statement = (name, text, values) => (q && !common ? { text, values } : named(name, text, values));
  const rows = (await pool.query(statement(`list-${shape}`, page, params))).rows;
  // the total as pageTotal() finds it: from the page, else a search known to overflow, else the count that came
  // with a full page, else counted; a search's capped
  let total = totalFromPage(rows.length, 1, 20) ?? (overflowing ? SEARCH_COUNT_CAP + 1 : null) ?? rows[0]?.fullPageTotal ?? null;
  if (total === null) [{ count: total }] = (await pool.query(statement(`count-${shape}`, countSql(whereSql, Boolean(q)), countParams))).rows;
  if (check && !overflowing) check.note(total, SEARCH_COUNT_CAP);
  return pageJson(
    rows.map((r) => r.json),
    cappedTotal(total, Boolean(q)),
  );
}

const history = new HistoryService(null);
const outbox = new OutboxWriter();
// WorkflowService's UPDATE for a COMMENT (the columns SideRecords patches, in its order; the version checked by
// proposal_next_version), as the API sends it
const UPDATE_FOR_COMMENT = `UPDATE proposals SET state = $3, context = $4, kind = $5, due_at = $6, submitted_at = $7, assigned_at = $8, is_key = $9, excellent = $10, published = $11, evaluation = $12, grade = $13, rehandle_count = $14, fulfilled = $15, version = proposal_next_version(id, version, $2), updated_at = $16
        WHERE id = $1 RETURNING version`;

/** 409, with the version the proposal is at, as the API answers a stale expectedVersion. */
const stale = (currentVersion) => ({ status: 409, body: { message: 'stale version', currentVersion } });

// POST /api/proposals/:id/events with {type: 'COMMENT', expectedVersion, content, internal} as WorkflowService
// applies it without the row lock: read the row, its facts and its history head; 409 for a stale version; one
// statement writes the comment, the hash-chained history record, the outbox row and the row (failing if the row
// moved on meanwhile: 409 here, where the API retries under the lock); then the detail it answers with
async function event(id, body) {
  const { expectedVersion, content, internal } = JSON.parse(body);
  const [row] = (await pool.query(named('event-read', PROPOSAL_WITH_FACTS_AND_HEAD_SQL, [id]))).rows;
  if (!row) return null;
  if (expectedVersion !== row.version) return stale(row.version);
  const now = new Date();
  const version = row.version + 1;
  const defer = new DeferredWrites();
  defer.add(INSERT_COMMENT_SQL, [id, userId, 'comment', internal === true, content, now]);
  const record = history.insert(
    { proposalId: id, fromState: row.state, toState: row.state, event: 'COMMENT', actorId: userId, payload: { content, internal }, comment: null, at: now },
    row.historyHead ?? null,
  );
  defer.add(record.sql, record.params);
  const payload = { kind: 'notify', notice: 'commented', proposalId: id, version, state: row.state, event: 'COMMENT', actorId: userId, at: now.toISOString() };
  const notify = outbox.insert([{ kind: 'notify', payload }], now);
  defer.add(notify.sql, notify.params);
  const { sql, params } = defer.statement({
    sql: UPDATE_FOR_COMMENT,
    params: [id, row.version, row.state, JSON.stringify(row.context), row.kind, row.due_at, row.submitted_at, row.assigned_at, row.is_key,
      row.excellent, row.published, row.evaluation, row.grade, row.rehandle_count, row.fulfilled, now],
  });
  try {
    await pool.query(named('event-write', sql, params));
  } catch (err) {
    // proposal_next_version's refusal, or the history's seq taken by a record appended meanwhile: the row moved on,
    // and the API, retrying under the lock, answers 409 with the version it finds
    if (err.code !== '40001' && err.code !== '23505') throw err;
    const [current] = (await pool.query(named('event-version', 'SELECT version FROM proposals WHERE id = $1', [id]))).rows;
    return stale(current?.version ?? null);
  }
  return detail(id);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://x');
    let body;
    let status = 200;
    const m = /^\/api\/proposals\/([0-9a-f-]{36})(\/events)?$/.exec(url.pathname);
    if (m && m[2] && req.method === 'POST') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      body = await event(m[1], Buffer.concat(chunks).toString());
      if (body?.status) ({ status, body } = body);
    } else if (m && !m[2]) body = await detail(m[1]);
    else if (url.pathname === '/api/proposals') body = await list(url);
    if (body == null) {
      res.writeHead(404).end();
      return;
    }
    // the list is JSON text already, as the API's
    const json = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
