// Three layers, run one after the other by scripts/test.mjs so each prints its own time:
// unit (pure rules in shared/), api (supertest against a real PostgreSQL), browser (Chromium);
// and the README's screenshots, made on demand.
/** @type {import('jest').Config['transform']} */
const transform = {
  // Transpile only: type checking is its own step of `npm test` (tsc), which keeps jest fast.
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
};
const common = {
  rootDir: __dirname,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/shared/src/**/*.test.ts', '<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/server/src/**/*.test.ts', '<rootDir>/tests/api/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.mjs',
      globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/tests/support/api-timeout.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.mjs',
      globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/tests/support/browser-timeout.ts'],
    },
    {
      // Not a layer of `npm test`: `npm run screenshots` makes the README's pictures on demand (the
      // pages themselves are checked by the browser layer).
      ...common,
      displayName: 'screenshots',
      testMatch: ['<rootDir>/tests/screenshots/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.mjs',
      globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/tests/support/browser-timeout.ts'],
    },
  ],
};
