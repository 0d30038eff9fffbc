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
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@congress/workflow$': '<rootDir>/../libs/workflow/src/index.ts',
    '^@congress/api-types$': '<rootDir>/../libs/api-types/src/index.ts',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
};
