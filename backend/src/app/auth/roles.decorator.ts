import type { Role } from '@congress/api-types';
import { SetMetadata } from '@nestjs/common';

export const ROLES_KEY = 'roles';
/** The route needs one of these roles (checked by RolesGuard after the login is). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
