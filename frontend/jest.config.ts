export default {
  displayName: 'frontend',
  preset: 'jest-preset-angular',
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../coverage/frontend',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  // .mjs packages and Angular's locale data (ESM .js) are compiled for Jest
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/))'],
  moduleNameMapper: {
    '^@congress/api-types$': '<rootDir>/../libs/api-types/src/index.ts',
    '^@congress/workflow$': '<rootDir>/../libs/workflow/src/index.ts',
  },
};
