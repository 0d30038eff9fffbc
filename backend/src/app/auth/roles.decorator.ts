import type { Role } from '@congress/api-types';
import { applyDecorators, Param, ParseUUIDPipe, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { AdminAuditInterceptor } from '../security/admin-audit.interceptor';

export const ROLES_KEY = 'roles';
/** The route needs one of these roles (checked by RolesGuard after the login is). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A controller of the admin area: role admin, its writes recorded in the admin audit log, and its OpenAPI tag
 * `admin: <tag>`, bearer login and 403. Every admin controller wears it, so the area's rule is written once (a
 * test checks that every controller under admin/ does). The audit interceptor sits here rather than globally so
 * that the other routes do not pay for an interceptor chain on every request.
 */
export const AdminApi = (tag: string) =>
  applyDecorators(
    ApiTags(`admin: ${tag}`),
    ApiBearerAuth(),
    ApiForbiddenResponse({ description: 'Needs the role admin' }),
    Roles('admin'),
    UseInterceptors(AdminAuditInterceptor),
  );

/** A route's `:id` that must be a UUID (400 otherwise). */
export const IdParam = () => Param('id', new ParseUUIDPipe());
