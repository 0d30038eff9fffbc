import type { AuthUser } from '../auth/auth-user.service';
import type { FigureScope } from './figures.service';

/**
 * Whose figures a signed-in user may read (domain.md, Permissions): the committee all of them; a leader those of
 * the departments in its charge (proposals they lead). Routes are limited to these two roles by @Roles.
 */
export function scopeOf(user: AuthUser): FigureScope {
  if (user.roles.includes('committee')) return { departmentIds: null };
  return { departmentIds: [...user.leaderOfDepartmentIds] };
}
