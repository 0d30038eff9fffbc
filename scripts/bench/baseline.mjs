// The baseline of `npm run bench`: a bare node:http + pg server answering the SAME SQL the API runs for a
// proposal's detail and the filtered list (as the committee sees them), with no framework, no auth, no
// validation and no serialisation beyond JSON.stringify (the list's JSON is PostgreSQL's, as the API's) — what
// Node and PostgreSQL alone reach on this machine.
// Run as a child process: `node baseline.mjs <port>` with DATABASE_URL and USER_ID (the committee member whose
// visibility the list filters by) in the environment; prints "listening" when ready.
import http from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';

// the statement of a proposal's row with its facts and its records, from the built API itself (npm run
// bench builds it first)
const built = createRequire(import.meta.url);
const { PROPOSAL_DETAIL_SQL } = built('../../dist/backend/backend/src/app/proposals/proposal-records.query.js');
// the list's page (its ids first, then each row's summary as JSON text built by PostgreSQL, which goes out as it
// comes), from proposal-list.service.ts, and its filters (the committee's visibility, the state), from visibility.sql.ts
const { countSql, listPageSql, pageJson, totalFromPage } = built('../../dist/backend/backend/src/app/proposals/proposal-list.service.js');
const { stateCondition, visibleTo } = built('../../dist/backend/backend/src/app/proposals/visibility.sql.js');

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

// proposal-list.service.ts with sessionId and state, sorted -createdAt, page 1 of 20: the page's JSON text
async function list(url) {
  const params = [userId];
  const where = ['p.deleted_at IS NULL', VISIBLE];
  const state = url.searchParams.get('state');
  if (state) {
    params.push(state);
    where.push(stateCondition(`$${params.length}`));
  }
  const sessionId = url.searchParams.get('sessionId');
  if (sessionId) {
    params.push(sessionId);
    where.push(`p.session_id = $${params.length}`);
  }
  const whereSql = where.join(' AND ');
  const countParams = [...params];
  params.push(20, 0, new Date());
  // named after the filters present, as the API's prepared statements are one per statement text
  const shape = `${state ? 's' : ''}${sessionId ? 'n' : ''}`;
  const n = params.length;
  const page = listPageSql(whereSql, 'p.created_at', true, `$${n - 2}`, `$${n - 1}`, false, `$${n}`);
  const rows = (await pool.query(named(`list-${shape}`, page, params))).rows;
  // the total as pageTotal() finds it: from the page, else the count that came with a full page, else counted
  let total = totalFromPage(rows.length, 1, 20) ?? rows[0]?.fullPageTotal ?? null;
  if (total === null) [{ count: total }] = (await pool.query(named(`count-${shape}`, countSql(whereSql, false), countParams))).rows;
  return pageJson(rows.map((r) => r.json), { total });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://x');
    let body;
    const m = /^\/api\/proposals\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (m) body = await detail(m[1]);
    else if (url.pathname === '/api/proposals') body = await list(url);
    if (body == null) {
      res.writeHead(404).end();
      return;
    }
    // the list is JSON text already, as the API's
    const json = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
