// Three layers, run one after the other by scripts/test.mjs so each prints its own time:
// unit (pure rules in shared/), api (supertest against a real PostgreSQL), browser (Chromium);
// and the README's screenshots, made on demand.
// Packages that ship only ES modules, which jest (CommonJS, Node 20) cannot require as they are.
const esmOnly = '(openid-client|oauth4webapi|jose|oidc-provider)';
/** @type {import('jest').Config['transform']} */
const transform = {
  // Transpile only: type checking is its own step of `npm test` (tsc), which keeps jest fast.
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }],
  [`/node_modules/${esmOnly}/.+\\.js$`]: '<rootDir>/tests/support/esm-to-cjs.cjs',
};
const common = {
  rootDir: __dirname,
  transform,
  transformIgnorePatterns: [`/node_modules/(?!${esmOnly}/)`],
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
