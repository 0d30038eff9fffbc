// The baseline of `npm run bench`: a bare node:http + pg server answering the SAME SQL the API runs for a
// proposal's detail and the filtered list (as the committee sees them), with no framework, no auth, no
// validation and no serialisation beyond JSON.stringify — what Node and PostgreSQL alone reach on this machine.
// Run as a child process: `node baseline.mjs <port>` with DATABASE_URL and USER_ID (the committee member whose
// visibility the list filters by) in the environment; prints "listening" when ready.
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX || 10) });
const userId = process.env.USER_ID;

// app/proposals/proposal-list.service.ts SUMMARY_COLUMNS
const SUMMARY_COLUMNS = `p.id, p.session_id AS "sessionId", p.kind, p.collective, p.title, p.state, p.version,
  p.number_label AS "number", p.category_id AS "categoryId", p.lead_department_id AS "leadDepartmentId",
  p.co_department_ids AS "coDepartmentIds", p.due_at AS "dueAt", p.is_key AS "isKey", p.excellent, p.published,
  p.submitted_at AS "submittedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  json_build_object('id', lu.id, 'username', lu.username, 'displayName', lu.display_name) AS "leadProposer"`;
const ref = (a) => `json_build_object('id', ${a}.id, 'username', ${a}.username, 'displayName', ${a}.display_name)`;
// visibility.sql.ts visibleTo() for a committee member
const VISIBLE = `(p.lead_proposer_id = $1 OR EXISTS (SELECT 1 FROM proposal_cosigners vc
      WHERE vc.proposal_id = p.id AND vc.user_id = $1 AND vc.status IN ('invited', 'confirmed'))
      OR p.state <> 'draft' OR p.submitted_at IS NOT NULL)`;

// the queries of proposal-detail.service.ts and proposal-records.query.ts, in the same order
async function detail(id) {
  const [row] = (await pool.query(`SELECT * FROM proposals WHERE id = $1 AND deleted_at IS NULL`, [id])).rows;
  if (!row) return null;
  await pool.query(`SELECT 1 FROM proposal_cosigners WHERE proposal_id = $1 AND user_id = $2`, [id, userId]);
  const [summary] = (await pool.query(`SELECT ${SUMMARY_COLUMNS} FROM proposals p JOIN users lu ON lu.id = p.lead_proposer_id WHERE p.id = $1`, [id])).rows;
  const q = async (sql, params = [id]) => (await pool.query(sql, params)).rows;
  const [cosigners, replies, contributions, contacts, evaluations, comments, requests, attachments] = [
    await q(`SELECT ${ref('u')} AS user, c.status, c.source, c.responded_at AS "respondedAt"
         FROM proposal_cosigners c JOIN users u ON u.id = c.user_id WHERE c.proposal_id = $1 ORDER BY c.created_at, u.username`),
    await q(`SELECT r.id, r.round, r.department_id AS "departmentId", ${ref('u')} AS author, r.grade, r.content, r.planned_at AS "plannedAt",
                r.status, r.decided_at AS "decidedAt", r.decision_comment AS "decisionComment", r.created_at AS "createdAt"
         FROM proposal_replies r JOIN users u ON u.id = r.author_id WHERE r.proposal_id = $1 ORDER BY r.created_at`),
    await q(`SELECT c.id, c.round, c.department_id AS "departmentId", ${ref('u')} AS author, c.content, c.created_at AS "createdAt"
         FROM proposal_contributions c JOIN users u ON u.id = c.author_id WHERE c.proposal_id = $1 ORDER BY c.created_at`),
    await q(`SELECT c.id, c.department_id AS "departmentId", ${ref('u')} AS "loggedBy", c.method, c.content, c.contacted_at AS "contactedAt",
                c.status, c.proposer_comment AS "proposerComment", c.answered_at AS "answeredAt"
         FROM proposal_contacts c JOIN users u ON u.id = c.logged_by WHERE c.proposal_id = $1 ORDER BY c.created_at`),
    await q(`SELECT e.id, e.round, ${ref('u')} AS evaluator, e.role, e.satisfaction, e.comment, e.created_at AS "createdAt"
         FROM proposal_evaluations e JOIN users u ON u.id = e.evaluator_id WHERE e.proposal_id = $1 ORDER BY e.created_at`),
    await q(`SELECT c.id, ${ref('u')} AS author, c.kind, c.internal, c.content, c.created_at AS "createdAt"
         FROM proposal_comments c JOIN users u ON u.id = c.author_id
        WHERE c.proposal_id = $1 AND ($2::boolean OR NOT c.internal) ORDER BY c.created_at`, [id, true]),
    await q(`SELECT r.id, r.kind, r.department_id AS "departmentId", ${ref('u')} AS "requestedBy", r.reason, r.status, r.created_at AS "createdAt"
         FROM proposal_requests r JOIN users u ON u.id = r.requested_by WHERE r.proposal_id = $1 ORDER BY r.created_at`),
    await q(`SELECT a.id, a.file_name AS "fileName", a.mime_type AS "mimeType", a.size::int AS size, a.reply_id AS "replyId", a.created_at AS "createdAt"
         FROM attachments a WHERE a.proposal_id = $1 ORDER BY a.created_at`),
  ];
  return { ...summary, background: row.background, suggestions: row.suggestions, cosigners, replies, contributions, contacts, evaluations, comments, requests, attachments };
}

// proposal-list.service.ts with sessionId and state, sorted -createdAt, page 1 of 20
async function list(url) {
  const params = [userId];
  const where = ['p.deleted_at IS NULL', VISIBLE];
  const state = url.searchParams.get('state');
  if (state) {
    params.push(state);
    where.push(`(p.state = $${params.length} OR p.state LIKE $${params.length} || '.%')`);
  }
  const sessionId = url.searchParams.get('sessionId');
  if (sessionId) {
    params.push(sessionId);
    where.push(`p.session_id = $${params.length}`);
  }
  const whereSql = where.join(' AND ');
  const countParams = [...params];
  params.push(20, 0);
  const items = (await pool.query(`SELECT ${SUMMARY_COLUMNS} FROM proposals p JOIN users lu ON lu.id = p.lead_proposer_id WHERE ${whereSql}
        ORDER BY p.created_at DESC NULLS LAST, p.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`, params)).rows;
  const [{ total }] = (await pool.query(`SELECT count(*)::int AS total FROM proposals p WHERE ${whereSql}`, countParams)).rows;
  return { items, total };
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
    const json = JSON.stringify(body);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) }).end(json);
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
