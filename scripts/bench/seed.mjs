// The large data set of `npm run bench`, generated inside PostgreSQL with generate_series (no rows cross the
// wire): N proposals with their history, co-signers, replies and contacts, across 20 sessions and 60
// departments, on top of the demo university that `cli.js setup` seeded. The secondary indexes of the big tables
// are dropped before the load and rebuilt after it from their own definitions (pg_indexes.indexdef), so the
// schema afterwards is exactly the migrated one; then ANALYZE.
//
// Consistent with the schema's constraints (unique numbers per session and series, grade B has a planned date,
// (series IS NULL) = (number IS NULL), history seq > 0 and unique per proposal, …). History hashes are sha256
// of the proposal id and seq, not the real chain: `cli.js verify-history` reports these chains as broken.
// Each session's proposals are one contiguous block of rows, oldest session first, as they would be when a
// university enters them year after year (the figures of one session read its block, not every page).

const BIG_TABLES = ['proposals', 'proposal_history', 'proposal_cosigners', 'proposal_replies', 'proposal_contacts'];

// [state, per-mille share] — spread across the lifecycle
const STATES = [
  ['draft', 20], ['cosigning', 10], ['delegationReview', 10], ['submitted', 30], ['accepted', 20], ['classified', 20],
  ['handling.drafting', 40], ['handling.replyReview', 20], ['handling.leaderSignoff', 10], ['handling.committeeReplyCheck', 10],
  ['handling.reassignmentRequested', 5], ['replied', 95], ['disputed', 30], ['closed', 520], ['rejected', 50],
  ['merged', 50], ['withdrawn', 60],
];

// the path of to-states and events that leads to each state (the history records)
function pathOf(state) {
  const base = [['draft', 'CREATE']];
  const sub = [...base, ['submitted', 'SUBMIT']];
  const acc = [...sub, ['accepted', 'ACCEPT']];
  const cls = [...acc, ['classified', 'CLASSIFY']];
  const hd = [...cls, ['handling.drafting', 'ASSIGN']];
  const rr = [...hd, ['handling.replyReview', 'SUBMIT_REPLY']];
  const rep = [...rr, ['handling.leaderSignoff', 'APPROVE_REPLY'], ['handling.committeeReplyCheck', 'APPROVE_REPLY'], ['replied', 'APPROVE_REPLY']];
  switch (state) {
    case 'draft': return base;
    case 'cosigning': return [...base, ['cosigning', 'SUBMIT']];
    case 'delegationReview': return [...base, ['delegationReview', 'SUBMIT']];
    case 'submitted': return sub;
    case 'accepted': return acc;
    case 'classified': return cls;
    case 'handling.drafting': return hd;
    case 'handling.replyReview': return rr;
    case 'handling.leaderSignoff': return rep.slice(0, 7);
    case 'handling.committeeReplyCheck': return rep.slice(0, 8);
    case 'handling.reassignmentRequested': return [...hd, ['handling.reassignmentRequested', 'REQUEST_REASSIGNMENT']];
    case 'replied': return rep;
    case 'disputed': return [...rep, ['disputed', 'EVALUATE']];
    case 'closed': return [...rep, ['closed', 'EVALUATE']];
    case 'rejected': return [...sub, ['rejected', 'REJECT']];
    case 'merged': return [...sub, ['merged', 'MERGE']];
    case 'withdrawn': return [...sub, ['withdrawn', 'WITHDRAW']];
    default: throw new Error(state);
  }
}

const VERBS = ['关于改善', '关于加强', '建议优化', '关于完善', '关于推进', '建议规范', '关于提高', '建议增设', '关于解决', '建议改进'];
const SUBJECTS = [
  '学校食堂伙食质量', '教职工子女入学', '青年教师住房保障', '校园停车管理', '实验室安全管理', '图书馆开放时间',
  '研究生培养质量', '职称评审制度', '校医院医疗服务', '校园网络速度', '体育场馆开放', '教职工年度体检',
  '科研经费报销流程', '绩效工资分配办法', '退休教职工关怀', '校园班车线路', '教学楼空调设施', '食堂就餐环境',
  '青年教师发展', '新校区交通', '公共教室预约', '校园绿化养护', '学生宿舍管理', '教职工工会活动',
  '校园安全巡查', '财务报销系统', '人才引进配套', '教学评价体系', '本科生导师制度', '后勤服务质量',
];
const SUFFIXES = ['的建议', '的提案', '问题的建议', '工作的提案', '若干措施的建议'];
const SENTENCES = [
  '近年来学校规模不断扩大，教职工人数明显增加。', '广大教职工对此反映强烈，意见较为集中。', '目前相关制度尚不完善，执行中存在不少问题。',
  '部分院系已经开展试点，取得了一定成效。', '与兄弟院校相比，我校在这方面仍有差距。', '食堂高峰时段排队时间较长，菜品种类偏少。',
  '建议学校相关部门深入调研，广泛听取意见。', '建议制定具体实施方案，明确责任部门和完成时限。', '建议加大经费投入，改善硬件条件。',
  '建议建立长效机制，定期向教代会报告落实情况。', '建议优化办事流程，推行网上办理，减少教职工跑腿。', '建议加强宣传引导，营造良好氛围。',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '慧', '建国', '志强', '海燕', '文博'];

const arr = (xs) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/** Seeds N proposals into the database `client` is connected to; logs each step with its time. */
export async function seedLarge(client, { proposals: N, users: U = 2000, log = console.log, initialContext }) {
  const t0 = Date.now();
  const step = async (name, sql, params) => {
    const t = Date.now();
    const r = await client.query(sql, params);
    log(`  ${name}: ${((Date.now() - t) / 1000).toFixed(1)} s${r.rowCount ? ` (${r.rowCount} rows)` : ''}`);
    return r;
  };
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SET synchronous_commit = off`);
  // the rows are consistent by construction: skip the per-row foreign-key triggers while loading when allowed
  // (superuser); the keys are checked once at the end (checkForeignKeys)
  const replica = await client.query(`SET session_replication_role = replica`).then(() => true, () => false);

  // secondary indexes of the big tables: drop now, rebuild from their definitions after the load
  const { rows: indexes } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [BIG_TABLES],
  );
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.indexname}`);

  await step('departments (54 more)', `
    INSERT INTO departments (code, name, name_en, leader_id)
    SELECT 'B' || lpad(g::text, 2, '0'), '第' || g || '学院', 'School ' || g, (SELECT id FROM users WHERE username = 'leader1')
      FROM generate_series(7, 60) g`);
  await step('sessions (19 more)', `
    INSERT INTO congress_sessions (term, meeting, title, title_en, year, opens_at, closes_at, rules)
    SELECT t, m, format('第%s届教职工代表大会第%s次会议', t, m), format('Term %s, meeting %s', t, m), 2005 + (t - 1) * 4 + m,
           make_timestamptz(2005 + (t - 1) * 4 + m, 3, 1, 0, 0, 0, 'Asia/Shanghai'),
           make_timestamptz(2005 + (t - 1) * 4 + m, 5, 1, 0, 0, 0, 'Asia/Shanghai'),
           (SELECT rules FROM congress_sessions WHERE is_current)
      FROM generate_series(1, 5) t, generate_series(1, 4) m
     WHERE (t, m) NOT IN (SELECT term, meeting FROM congress_sessions)
     LIMIT 19`);
  await step(`users (${U} delegates)`, `
    INSERT INTO users (username, display_name, email, roles, delegation_id, password_hash)
    SELECT 'bench' || g, substr($1, 1 + g % length($1), 1) || ($2::text[])[1 + (g * 7) % array_length($2::text[], 1)],
           'bench' || g || '@example.edu.cn', '{delegate}',
           (SELECT id FROM delegations ORDER BY code OFFSET g % (SELECT count(*) FROM delegations) LIMIT 1),
           (SELECT password_hash FROM users WHERE username = 'delegate01')
      FROM generate_series(1, ${U}) g`, [SURNAMES, GIVEN]);

  await client.query(`
    CREATE TEMP TABLE bs AS SELECT id, opens_at, (row_number() OVER (ORDER BY year, term, meeting) - 1)::int AS i FROM congress_sessions;
    CREATE TEMP TABLE bd AS SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS i FROM departments;
    CREATE TEMP TABLE bc AS SELECT id, (row_number() OVER (ORDER BY sort_order) - 1)::int AS i FROM categories;
    CREATE TEMP TABLE bu AS SELECT id, (row_number() OVER (ORDER BY username) - 1)::int AS i FROM users WHERE 'delegate' = ANY(roles);
    CREATE TEMP TABLE bst (state text, lo int, hi int, path_to text[], path_ev text[]);
    CREATE UNIQUE INDEX ON bs (i); CREATE UNIQUE INDEX ON bd (i); CREATE UNIQUE INDEX ON bc (i); CREATE UNIQUE INDEX ON bu (i);
    ANALYZE bs; ANALYZE bd; ANALYZE bc; ANALYZE bu;`);
  let lo = 0;
  for (const [state, share] of STATES) {
    const path = pathOf(state);
    await client.query(`INSERT INTO bst VALUES ($1, $2, $3, $4, $5)`, [state, lo, lo + share, path.map((p) => p[0]), path.map((p) => p[1])]);
    lo += share;
  }
  if (lo !== 1000) throw new Error(`state shares add to ${lo}`);
  const counts = (await client.query(`SELECT (SELECT count(*) FROM bs) s, (SELECT count(*) FROM bd) d, (SELECT count(*) FROM bc) c, (SELECT count(*) FROM bu) u`)).rows[0];

  // one row per proposal with every derived value, then the tables from it
  await step(`plan of ${N} proposals`, `
    CREATE TEMP TABLE bp AS
    SELECT g, g - (s.i * $5::int + ${counts.s} - 1) / ${counts.s} AS n, gen_random_uuid() AS id, st.state, st.path_to, st.path_ev, s.id AS session_id,
           (st.state NOT IN ('draft','cosigning','delegationReview','submitted','rejected','withdrawn')
             AND NOT (st.state = 'merged' AND g % 2 = 0)) AS numbered,
           st.state LIKE 'handling.%' OR st.state IN ('replied','disputed','closed') AS assigned,
           st.state IN ('replied','disputed','closed') AS replied,
           s.opens_at + make_interval(days => g % 25, secs => g % 86400) AS submitted,
           (SELECT id FROM bu WHERE bu.i = (g * 13) % ${counts.u}) AS lead,
           (SELECT id FROM bd WHERE bd.i = (g * 31) % ${counts.d}) AS dept,
           (SELECT id FROM bd WHERE bd.i = (g * 31 + 7) % ${counts.d}) AS codept,
           (SELECT id FROM bc WHERE bc.i = g % ${counts.c}) AS cat,
           ($1::text[])[1 + g % ${VERBS.length}] || ($2::text[])[1 + (g / 7) % ${SUBJECTS.length}] || ($3::text[])[1 + (g / 3) % ${SUFFIXES.length}] AS title,
           ($4::text[])[1 + g % 12] || ($4::text[])[1 + (g / 12) % 12] || ($4::text[])[1 + (g / 5) % 12] || '涉及' || ($2::text[])[1 + (g / 11) % ${SUBJECTS.length}] || '等方面。' AS background,
           ($4::text[])[7 + g % 6] || ($4::text[])[7 + (g / 6) % 6] AS suggestions
      FROM generate_series(1, $5::int) g
      JOIN bs s ON s.i = (g - 1) * ${counts.s} / $5::int
      JOIN bst st ON (g * 7919) % 1000 >= st.lo AND (g * 7919) % 1000 < st.hi`, [VERBS, SUBJECTS, SUFFIXES, SENTENCES, N]);

  await step('proposals', `
    INSERT INTO proposals (id, session_id, kind, collective, title, background, suggestions, suggested_category_id,
      category_id, lead_department_id, co_department_ids, lead_proposer_id, contact_phone, state, context, version,
      series, number, number_label, due_at, submitted_at, accepted_at, assigned_at, replied_at, closed_at, is_key,
      excellent, published, published_at, evaluation, cosigners_frozen_at, created_at, updated_at,
      grade, rehandle_count, fulfilled)
    SELECT id, session_id, k.kind, g % 17 = 0, title, background, suggestions, cat,
      CASE WHEN numbered THEN cat END, CASE WHEN assigned THEN dept END,
      CASE WHEN assigned AND g % 3 = 0 THEN ARRAY[codept] ELSE '{}'::uuid[] END,
      lead, '1380000' || lpad((g % 10000)::text, 4, '0'), state,
      $1::jsonb || jsonb_build_object('kind', k.kind, 'submittedAt', CASE WHEN state <> 'draft' THEN t.sub END,
        'assignedAt', CASE WHEN assigned THEN t.asg END, 'dueAt', CASE WHEN assigned THEN t.due END,
        'originalDueAt', CASE WHEN assigned THEN t.due END,
        'grade', CASE WHEN replied THEN k.grade END, 'plannedAt', CASE WHEN replied AND k.grade = 'B' THEN t.due END,
        'evaluation', CASE WHEN replied AND k.kind = 'proposal' THEN k.evaluation END,
        'rehandleCount', CASE WHEN replied AND g % 41 = 0 THEN 1 ELSE 0 END,
        'fulfilled', replied AND k.grade = 'B' AND g % 2 = 0,
        'published', state = 'closed' AND g % 2 = 0, 'key', g % 23 = 0),
      array_length(path_to, 1) + 1,
      CASE WHEN numbered THEN CASE k.kind WHEN 'proposal' THEN 'P' ELSE 'J' END END,
      CASE WHEN numbered THEN n END,
      CASE WHEN numbered THEN CASE k.kind WHEN 'proposal' THEN 'P' ELSE 'J' END || lpad(n::text, 5, '0') END,
      CASE WHEN assigned THEN t.due::timestamptz END,
      CASE WHEN state <> 'draft' THEN submitted END,
      CASE WHEN numbered THEN submitted + interval '5 days' END,
      CASE WHEN assigned THEN t.asg::timestamptz END,
      CASE WHEN replied THEN t.rep END,
      CASE WHEN state = 'closed' THEN t.rep + interval '20 days' END,
      g % 23 = 0, state = 'closed' AND g % 29 = 0, state = 'closed' AND g % 2 = 0,
      CASE WHEN state = 'closed' AND g % 2 = 0 THEN t.rep + interval '21 days' END,
      CASE WHEN replied AND k.kind = 'proposal' THEN k.evaluation END,
      CASE WHEN state <> 'draft' THEN submitted END,
      submitted - interval '2 days', submitted + interval '1 day',
      CASE WHEN replied THEN k.grade END, CASE WHEN replied AND g % 41 = 0 THEN 1 ELSE 0 END,
      replied AND k.grade = 'B' AND g % 2 = 0
    FROM bp,
    LATERAL (SELECT CASE WHEN numbered AND g % 10 = 0 THEN 'suggestion' ELSE 'proposal' END AS kind,
                    (ARRAY['A','B','C'])[1 + g % 3] AS grade,
                    CASE WHEN state IN ('replied') THEN NULL WHEN state = 'disputed' THEN 'unsatisfied'
                         ELSE (ARRAY['satisfied','satisfied','basicallySatisfied','unsatisfied','none'])[1 + g % 5] END AS evaluation) k,
    LATERAL (SELECT to_char(submitted, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS sub,
                    to_char(submitted + interval '10 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS asg,
                    to_char(submitted + interval '40 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS due,
                    submitted + make_interval(days => 10 + g % 40) AS rep) t`, [JSON.stringify(initialContext)]);

  await step('history', `
    INSERT INTO proposal_history (proposal_id, seq, from_state, to_state, event, actor_id, payload, at, prev_hash, hash)
    SELECT id, k, CASE WHEN k > 1 THEN path_to[k - 1] END, path_to[k], path_ev[k], lead, '{}'::jsonb,
           submitted - interval '2 days' + make_interval(days => k * 3),
           CASE WHEN k > 1 THEN encode(sha256(convert_to(id::text || (k - 1), 'UTF8')), 'hex') END,
           encode(sha256(convert_to(id::text || k, 'UTF8')), 'hex')
      FROM bp, generate_series(1, array_length(path_to, 1)) k`);
  await step('co-signers', `
    INSERT INTO proposal_cosigners (proposal_id, user_id, status, source, invited_at, responded_at, created_at)
    SELECT bp.id, bu.id, CASE WHEN state IN ('draft','cosigning') THEN 'invited' ELSE 'confirmed' END, 'invited',
           submitted - interval '2 days', CASE WHEN state NOT IN ('draft','cosigning') THEN submitted - interval '1 day' END,
           submitted - interval '2 days'
      FROM bp, generate_series(1, 1 + g % 3) k JOIN bu ON true
     WHERE bu.i = (g * 13 + k * 101) % ${counts.u}`);
  const handler = (await client.query(`SELECT id FROM users WHERE 'handler' = ANY(roles) ORDER BY username LIMIT 1`)).rows[0].id;
  await step('replies', `
    INSERT INTO proposal_replies (proposal_id, department_id, author_id, grade, content, planned_at, status, decided_at, created_at)
    SELECT p.id, p.lead_department_id, $1, p.context->>'grade',
           '经研究，' || p.title || '所提问题我部门高度重视，已制定整改方案并逐步落实。', 
           CASE WHEN p.context->>'grade' = 'B' THEN p.due_at END, 'approved', p.replied_at, p.replied_at - interval '3 days'
      FROM proposals p WHERE p.replied_at IS NOT NULL`, [handler]);
  await step('contacts', `
    INSERT INTO proposal_contacts (proposal_id, department_id, logged_by, method, content, contacted_at, status, created_at)
    SELECT p.id, p.lead_department_id, $1, 'phone', '电话沟通办理方案', p.assigned_at + interval '3 days',
           (ARRAY['confirmed','confirmed','disputed','pending'])[1 + abs(hashtext(p.id::text)) % 4], p.assigned_at + interval '3 days'
      FROM proposals p WHERE p.assigned_at IS NOT NULL AND abs(hashtext(p.id::text)) % 2 = 0`, [handler]);
  // numbers used per session and series, so that numbering continues after them
  await step('number counters', `
    INSERT INTO proposal_number_counters (session_id, series, last)
    SELECT session_id, series, max(number) FROM proposals WHERE number IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (session_id, series) DO UPDATE SET last = excluded.last`);

  // the figure stamps (migration 1765400000000) are set by triggers, which replica mode skipped
  await step('figure stamps', `
    INSERT INTO figure_stamps (session_id) SELECT DISTINCT session_id FROM proposals
    ON CONFLICT (session_id) DO UPDATE SET stamp = nextval('figure_stamp_seq')`);

  if (replica) {
    await client.query(`SET session_replication_role = origin`);
    await step('foreign keys checked', `
      SELECT 1 FROM proposals p WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p.lead_proposer_id)
         OR NOT EXISTS (SELECT 1 FROM congress_sessions s WHERE s.id = p.session_id)
         OR (p.lead_department_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM departments d WHERE d.id = p.lead_department_id))
         OR (p.category_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM categories c WHERE c.id = p.category_id))
      UNION ALL SELECT 1 FROM proposal_history h WHERE NOT EXISTS (SELECT 1 FROM proposals p WHERE p.id = h.proposal_id)
      UNION ALL SELECT 1 FROM proposal_cosigners c WHERE NOT EXISTS (SELECT 1 FROM proposals p WHERE p.id = c.proposal_id)
         OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = c.user_id)`).then((r) => {
      if (r.rowCount) throw new Error(`${r.rowCount} rows break a foreign key`);
    });
  }
  for (const ix of indexes) await step(`index ${ix.indexname}`, ix.indexdef);
  // the steady state autovacuum reaches on a live system: statistics, and the visibility map that index-only
  // scans need (without it the portal's count reads the heap)
  await step('vacuum analyze', `VACUUM (ANALYZE) ${BIG_TABLES.join(', ')}`);
  await step('analyze', `ANALYZE`);
  log(`  seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
