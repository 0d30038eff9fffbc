import type { CongressSession } from '@congress/api-types';
import { DEFAULT_SESSION_RULES } from '../app/admin/sessions-page.component';

/** A session as `GET /api/sessions` answers it, with the default rules and what a test needs overridden. */
export function sessionWith(overrides: Partial<CongressSession> = {}): CongressSession {
  return {
    id: 's1',
    term: 5,
    meeting: 3,
    title: '第五届教职工代表大会第三次会议',
    titleEn: 'Third Meeting of the Fifth Faculty and Staff Congress',
    year: 2026,
    opensAt: '2026-03-01T00:00:00.000Z',
    closesAt: '2026-04-30T15:59:59.000Z',
    rules: { ...DEFAULT_SESSION_RULES, dayCounting: { ...DEFAULT_SESSION_RULES.dayCounting } },
    isCurrent: true,
    version: 2,
    ...overrides,
  };
}
