// What the HTTP scenarios of `npm run bench` (run.mjs) ask for, shared with scripts/bench/ab.mjs so that both
// measure the same requests over the same proposals of congress_bench.

/** The search scenario's words, in turn. */
export const SEARCH_WORDS = ['食堂', '青年教师', '停车', '实验室安全', '职称评审', '图书馆', '校园网络', '报销流程'];

/** The list scenario: the current session's proposals in handling, newest first, page 1 of 20. */
export const listPath = (sessionId) => `/api/proposals?sessionId=${sessionId}&state=handling&sort=-createdAt&pageSize=20`;

/** The search scenario's request for a word. */
export const searchPath = (word) => `/api/proposals?q=${encodeURIComponent(word)}&pageSize=20`;

/** The event scenario's body: a COMMENT by the committee (it can repeat) at the version last seen. */
export const commentBody = (expectedVersion) =>
  JSON.stringify({ type: 'COMMENT', expectedVersion, content: '请抓紧办理，按期答复。', internal: true });

/**
 * The proposals the scenarios use: 2,000 non-draft ones for the detail, 4,000 in handling for the events (with
 * their versions), each in a fixed pseudo-random order; and the current session.
 */
export async function scenarioTargets(db) {
  const detailIds = (await db.query(`SELECT id FROM proposals WHERE state <> 'draft' ORDER BY md5(id::text) LIMIT 2000`)).rows.map((r) => r.id);
  const eventRows = (await db.query(`SELECT id, version FROM proposals WHERE state = 'handling.drafting' ORDER BY md5(id::text) LIMIT 4000`)).rows;
  const currentSession = (await db.query(`SELECT id FROM congress_sessions WHERE is_current`)).rows[0].id;
  return { detailIds, eventRows, currentSession };
}
