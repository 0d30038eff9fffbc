import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';
/** Marks a route that answers without a login (health, login, docs, /api/public/*). Everything else needs one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
