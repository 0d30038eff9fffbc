/* Backend tests: unit specs beside the code (src/**\/*.spec.ts) and HTTP tests against real PostgreSQL and
   Redis (test/**\/*.e2e-spec.ts). Each run gets its own databases and Redis key prefix (test/support). */
export default {
  displayName: 'backend',
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
    // the one ES module among the dependencies (content-disposition 3, of @fastify/static): Node requires it as it
    // is, Jest's module loader needs it as CommonJS
    '/content-disposition/dist/index\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' }, diagnostics: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@fastify/static/node_modules/)?content-disposition/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@congress/workflow$': '<rootDir>/../libs/workflow/src/index.ts',
    '^@congress/api-types$': '<rootDir>/../libs/api-types/src/index.ts',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
};
