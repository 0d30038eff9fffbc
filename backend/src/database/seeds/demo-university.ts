import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../app/auth/password';
import { mergeRules } from '../../app/organisation/session-rules';
import { localDay } from '../../app/organisation/working-days';
import { DEMO_CATEGORIES, DEMO_DELEGATIONS, DEMO_DEPARTMENTS, DEMO_SESSION, demoUsers } from './demo-data';
import { calendarRows } from './public-holidays';

export interface SeedOptions {
  /** The one password of every demo account (DEMO_PASSWORD). */
  password: string;
  /** Cheap argon2id parameters: for test databases only. */
  fastHashing?: boolean;
  /** The clock the session window is set around (default: now). */
  now?: Date;
}

const TIME_ZONE = 'Asia/Shanghai';

/**
 * Seeds the demo university once: the current session 第五届教职工代表大会第三次会议 with its window open (a month
 * ago to two months ahead) and the default rules, the default categories, six departments with a handler and
 * a head each, leader1 in charge of all of them, two committee members, twelve delegates in three delegations,
 * an admin, and the public holidays of this year and the next where known. Idempotent: when the demo admin
 * exists nothing is written and `created` is false. Never run it in production (cli.ts refuses).
 */
export async function seedDemoUniversity(ds: DataSource, opts: SeedOptions): Promise<{ created: boolean }> {
  const now = opts.now ?? new Date();
  // one hash for all demo accounts: they share the one published demo password anyway
  const hash = await hashPassword(opts.password, { fast: opts.fastHashing });
  return ds.transaction(async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('congress:seed-demo-university'))`);
    const found = (await em.query(`SELECT 1 FROM users WHERE lower(username) = 'admin'`)) as unknown[];
    if (found.length) return { created: false };
    await seed(em, hash, now);
    return { created: true };
  });
}

async function seed(em: EntityManager, hash: string, now: Date) {
  const year = Number(localDay(now, TIME_ZONE).slice(0, 4));
  for (const [i, [name, nameEn]] of DEMO_CATEGORIES.entries()) {
    await em.query(`INSERT INTO categories (name, name_en, sort_order) VALUES ($1, $2, $3)`, [name, nameEn, (i + 1) * 10]);
  }

  const delegationIds = new Map<string, string>();
  for (const g of DEMO_DELEGATIONS) {
    const [row] = (await em.query(`INSERT INTO delegations (code, name, name_en) VALUES ($1, $2, $3) RETURNING id`, [
      g.code,
      g.name,
      g.nameEn,
    ])) as { id: string }[];
    delegationIds.set(g.code, row.id);
  }

  const userIds = new Map<string, string>();
  for (const [i, u] of demoUsers().entries()) {
    const [row] = (await em.query(
      `INSERT INTO users (username, display_name, email, phone, roles, delegation_id, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [u.username, u.displayName, `${u.username}@example.edu.cn`, `1390000${String(i + 1).padStart(4, '0')}`, u.roles,
        u.delegation ? delegationIds.get(u.delegation) : null, hash],
    )) as { id: string }[];
    userIds.set(u.username, row.id);
  }

  for (const g of DEMO_DELEGATIONS) {
    const head = `delegate${String(g.delegates[0]).padStart(2, '0')}`;
    await em.query(`UPDATE delegations SET head_id = $2 WHERE id = $1`, [delegationIds.get(g.code), userIds.get(head)]);
  }

  for (const d of DEMO_DEPARTMENTS) {
    const [row] = (await em.query(
      `INSERT INTO departments (code, name, name_en, leader_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [d.code, d.name, d.nameEn, userIds.get('leader1')],
    )) as { id: string }[];
    await em.query(`INSERT INTO department_members (department_id, user_id, role) VALUES ($1, $2, 'handler'), ($1, $3, 'head')`, [
      row.id,
      userIds.get(`${d.code}.handler`),
      userIds.get(`${d.code}.head`),
    ]);
  }

  const opensAt = new Date(now);
  opensAt.setMonth(opensAt.getMonth() - 1);
  const closesAt = new Date(now);
  closesAt.setMonth(closesAt.getMonth() + 2);
  await em.query(
    `INSERT INTO congress_sessions (term, meeting, title, title_en, year, opens_at, closes_at, rules, is_current)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)`,
    [DEMO_SESSION.term, DEMO_SESSION.meeting, DEMO_SESSION.title, DEMO_SESSION.titleEn, year, opensAt, closesAt,
      JSON.stringify(mergeRules())],
  );

  for (const r of calendarRows([year, year + 1])) {
    await em.query(`INSERT INTO calendar_days (day, kind, note) VALUES ($1, $2, $3) ON CONFLICT (day) DO NOTHING`, [
      r.day,
      r.kind,
      r.note,
    ]);
  }
}

/** Lines like "admin — 系统管理员 admin" for `npm start` and the README. */
export function describeDemoAccounts(): string[] {
  const users = demoUsers();
  const width = Math.max(...users.map((u) => u.username.length));
  return users.map((u) => `${u.username.padEnd(width)} — ${u.displayName} ${u.label}`);
}
