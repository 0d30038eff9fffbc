/** Every TypeORM entity of the backend, listed once for Nest, the CLI and the tests. */
export const ENTITIES: Function[] = [];
