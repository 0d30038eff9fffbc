import type { ActorFacts } from '@congress/workflow';

/**
 * `canSee` of the workflow library (domain.md, Permissions) as a SQL condition over `proposals <alias>`, so
 * that lists, search and similar proposals filter in the database and page correctly. Keep the two in step:
 * the e2e tests compare the list with the detail's 404s.
 *
 * - lead proposer, invited or confirmed co-signers: always;
 * - a draft: otherwise only the committee, and only once it was before the committee (returned);
 * - past draft: the committee; anyone when published; any delegate while co-signing; the head of its
 *   delegation; the departments assigned to it (handler or head); the leader in charge of those departments.
 *
 * Pushes its parameters onto `params` and returns the condition.
 */
export function visibleTo(actor: ActorFacts, params: unknown[], alias = 'p'): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const me = p(actor.id);
  const own = `(${alias}.lead_proposer_id = ${me} OR EXISTS (SELECT 1 FROM proposal_cosigners vc
      WHERE vc.proposal_id = ${alias}.id AND vc.user_id = ${me} AND vc.status IN ('invited', 'confirmed')))`;
  const committee = actor.roles.includes('committee');
  if (committee) {
    // the row's own columns first: PostgreSQL evaluates OR in the order written, and `own` is a lookup in the
    // co-signers per row (850 of them for a session's proposals in handling, 5 times the rest of the count)
    return `(${alias}.state <> 'draft' OR ${alias}.submitted_at IS NOT NULL OR ${own})`;
  }
  // handler or head of a department, or leader in charge of it (leaderOfDepartmentIds = departments.leader_id)
  const staff = [...new Set([...actor.departmentIds, ...actor.headOfDepartmentIds, ...actor.leaderOfDepartmentIds])];
  const past: string[] = [`${alias}.published`];
  if (actor.roles.includes('delegate')) past.push(`${alias}.state = 'cosigning'`);
  if (actor.headOfDelegationIds.length) past.push(`${alias}.delegation_id = ANY(${p(actor.headOfDelegationIds)}::uuid[])`);
  if (staff.length) {
    const depts = p(staff);
    past.push(`${alias}.lead_department_id = ANY(${depts}::uuid[])`, `${alias}.co_department_ids && ${depts}::uuid[]`);
  }
  return `(${own} OR (${alias}.state <> 'draft' AND (${past.join(' OR ')})))`;
}

/**
 * The state filter of the lists: `s` itself or any state under it (`handling` finds every `handling.*` state);
 * `s` is the placeholder of a state name (letters and dots, as ProposalListQueryDto checks). The range
 * `[s, s || '/')` holds exactly `s` and what follows it with a character before '/' (such as '.'), so the LIKE
 * stays as the exact test; the range is written with the text_pattern_ops operators of the list's index
 * (migration 1765700000000) because a prepared statement's generic plan cannot turn `LIKE $n || '.%'` into an
 * index range and would read the session's every proposal.
 */
export function stateCondition(s: string, alias = 'p'): string {
  const state = `${alias}.state`;
  return `(${state} ~>=~ ${s}::text AND ${state} ~<~ (${s}::text || '/') AND (${state} = ${s} OR ${state} LIKE ${s} || '.%'))`;
}

/** `LIKE`/`ILIKE` pattern for a substring search: the user's `%`, `_` and `\` match themselves. */
export function containsPattern(q: string): string {
  return `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The searched text; written exactly as in the trigram index of the proposals migration so the planner uses it. */
export const SEARCH_TEXT = (alias = 'p') => `(${alias}.title || ' ' || ${alias}.background || ' ' || ${alias}.suggestions)`;

/**
 * Whether `q` has no character with case (Chinese, digits, punctuation): then `LIKE` finds exactly what `ILIKE`
 * finds. Under a multibyte encoding PostgreSQL's `ILIKE` lower-cases every text it compares before matching, which
 * makes it 2–2.5 times slower than `LIKE` over Chinese text (docs/benchmarks.md). `ß` counts as cased (its upper
 * case is `SS`), so anything doubtful keeps `ILIKE`.
 */
export function caseless(q: string): boolean {
  return q.toLowerCase() === q && q.toUpperCase() === q;
}

/** The pairs of adjacent characters of `SEARCH_TEXT`, written exactly as in the bigram index (migration 1765500000000). */
export const SEARCH_BIGRAMS = (alias = 'p') => `proposal_text_bigrams(${SEARCH_TEXT(alias)})`;

/**
 * The text search condition over `SEARCH_TEXT` for the words `q`, pushing its parameters through `p` (which
 * returns each one's placeholder):
 * - three characters or more: `LIKE` when the words have no case (caseless), else `ILIKE`; the trigram index
 *   serves both.
 * - two characters (停车, the commonest length of a Chinese word), which have no trigram: the pair must be one
 *   of the text's bigrams, which the bigram index finds, and `strpos` (of the lower-cased text and word when
 *   they have case) checks it exactly. The planner knows from the index's statistics how common the pair is: it
 *   reads a rare word's few proposals through the index, and a common word's in the list's order, cheaply
 *   checked by `strpos` first.
 * - one character: matched in a form no index covers (`|| ''`), so the planner reads rows in the list's order
 *   and stops at the page or at the capped count (a trigram index would hand back every row first).
 */
export function searchCondition(q: string, p: (value: unknown) => string, alias = 'p'): string {
  return searchConditions(q, p, alias).indexed;
}

/** A text search's condition in its two forms (searchConditions). */
export interface SearchConditions {
  indexed: string;
  common: string | null;
}

/**
 * The text search condition of `q` in two forms over the same parameters (pushed once through `p`):
 * - `indexed`: searchCondition's;
 * - `common`, for words known to match many proposals (SearchOverflow), which are best read in the list's order:
 *   the same test by `strpos`, which no index serves, so that PostgreSQL reads that order, estimating a third of
 *   the rows to match, with one plan for every word: the statement can be prepared once instead of planned for
 *   each search (~0.5 ms of its ~2 ms of PostgreSQL). For two characters it also drops the bigram test, which in
 *   the list's order PostgreSQL computes for each row `strpos` keeps, ~0.1 ms a row (the bigrams of the whole
 *   text): 2–3 ms of a page of 20 (docs/benchmarks.md). Three characters or more have it when they have no case
 *   and no `\`, `%` or `_` (then `LIKE '%…%'` finds exactly what `strpos` finds; the word is the pattern without
 *   its `%`s). Else null: one character, and words with case, keep the indexed form. (Written `(text || '')
 *   LIKE`, a long word was estimated rare and read by a full scan, ~400 ms.)
 */
export function searchConditions(q: string, p: (value: unknown) => string, alias = 'p'): SearchConditions {
  const words = q.trim();
  const length = [...words].length;
  if (length === 2) {
    const word = p(words);
    const found = caseless(words) ? `strpos(${SEARCH_TEXT(alias)}, ${word}) > 0` : `strpos(lower(${SEARCH_TEXT(alias)}), lower(${word})) > 0`;
    return { indexed: `(${SEARCH_BIGRAMS(alias)} @> ARRAY[lower(${word})] AND ${found})`, common: found };
  }
  const text = length < 3 ? `(${SEARCH_TEXT(alias)} || '')` : SEARCH_TEXT(alias);
  const pattern = p(containsPattern(words));
  const indexed = `${text} ${caseless(words) ? 'LIKE' : 'ILIKE'} ${pattern}`;
  const plain = length >= 3 && caseless(words) && !/[\\%_]/.test(words);
  return { indexed, common: plain ? `strpos(${SEARCH_TEXT(alias)}, substr(${pattern}, 2, length(${pattern}) - 2)) > 0` : null };
}
