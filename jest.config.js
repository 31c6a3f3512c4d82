/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // One database server serves the whole run; each file gets its own database in it.
  maxWorkers: 2,
  // A timeout is for catching a hang, not for measuring speed: the journeys run dozens of chat
  // steps against the embedded PostgreSQL, and on a loaded 2-core CI machine one can take a minute.
  testTimeout: 90000,
};
