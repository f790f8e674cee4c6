/** Two projects: fast unit tests next to the code, and end-to-end tests against MariaDB, Redis and the emulator. */
// Tests are transpiled file by file (fast); `npm run typecheck` does the type checking.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.spec.json' }];
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      rootDir: '.',
      // web/*/src: the browser code's plain functions (formatting, error map, data provider), in Node.
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/test/support/**/*.spec.ts',
        '<rootDir>/demo/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/web/*/src/**/*.spec.ts',
      ],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      // Every HTTP answer a test receives is checked against the OpenAPI document (docs/API_CONTRACT.md).
      setupFilesAfterEnv: ['<rootDir>/test/support/contract/contract-check.setup.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // MariaDB and Redis cut through a TCP proxy of the test's own (test/support/tcp-proxy.ts).
      displayName: 'faults',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // Pages in Debian's Chromium (playwright-core, test/support/browser.ts) against the real app.
      displayName: 'browser',
      testEnvironment: 'node',
      rootDir: '.',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
