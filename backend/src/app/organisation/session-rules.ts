import type { SessionRulesInput, SessionRulesView } from '@congress/api-types';
import { DEFAULT_RULES, type SessionRules } from '@congress/workflow';

// The API's view of the rules and the workflow's SessionRules must stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameShape: Same<SessionRules, SessionRulesView> = true;
void _sameShape;

function defined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Complete rules: the defaults of domain.md (DEFAULT_RULES of @congress/workflow), under what is stored,
 * under the changes. Stored rules written by an older version gain any rule added since with its default.
 */
export function mergeRules(stored?: Partial<SessionRules> | null, changes?: SessionRulesInput): SessionRules {
  const { dayCounting: storedCounting, ...storedRest } = stored ?? {};
  const { dayCounting: changedCounting, ...changedRest } = changes ?? {};
  return {
    ...DEFAULT_RULES,
    ...defined(storedRest),
    ...defined(changedRest),
    dayCounting: { ...DEFAULT_RULES.dayCounting, ...defined(storedCounting), ...defined(changedCounting) },
  } as SessionRules;
}
