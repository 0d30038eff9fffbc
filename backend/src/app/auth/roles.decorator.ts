import type { Role } from '@congress/api-types';
import { applyDecorators, Param, ParseUUIDPipe, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';

export const ROLES_KEY = 'roles';
/** The route needs one of these roles (checked by RolesGuard after the login is). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A controller of the admin area: role admin, and its OpenAPI tag `admin: <tag>`, bearer login and 403. Every
 * admin controller wears it, so the area's rule is written once.
 */
export const AdminApi = (tag: string) =>
  applyDecorators(ApiTags(`admin: ${tag}`), ApiBearerAuth(), ApiForbiddenResponse({ description: 'Needs the role admin' }), Roles('admin'));

/** A route's `:id` that must be a UUID (400 otherwise). */
export const IdParam = () => Param('id', new ParseUUIDPipe());
