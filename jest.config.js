/**
 * Jest in ESM mode (Nest 12 is ESM-only): see ../shared/TOOLCHAIN.md. Three projects, run together
 * by `npm test` or alone by `npm run test:unit|test:e2e|test:browser` (`--selectProjects`); a
 * project's globalSetup runs only when one of its tests does.
 */
const esm = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
};

export default {
  // a global option: Jest ignores it inside a project, which left every test at 5 s
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/skipped-reporter.js'],
  projects: [
    // the pure parts, in seconds: no server, no PostgreSQL, no browser
    { ...esm, displayName: 'unit', roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] },
    {
      ...esm,
      displayName: 'e2e',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.e2e-spec.ts'],
      // a throwaway PostgreSQL cluster for the PostgreSQL tests (skipped, with the reason, without one)
      globalSetup: '<rootDir>/test/support/postgres-global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/postgres-global-teardown.mjs',
    },
    {
      ...esm,
      displayName: 'browser',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.browser-spec.ts'],
      // Debian's Chromium, installed when missing (scripts/ensure-chromium.sh)
      globalSetup: '<rootDir>/test/support/chromium-global-setup.mjs',
    },
  ],
};
