/** Request and response types, enums and shared constants of the HTTP API, used by the backend and the frontend. */
export * from './lib/roles';
export * from './lib/errors';
export * from './lib/accounts';
export * from './lib/organisation';
export * from './lib/proposals';
export * from './lib/notifications';
export * from './lib/reports';
