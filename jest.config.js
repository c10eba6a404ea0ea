/** Tests run against the real database named by DATABASE_URL (MariaDB) or an embedded SQLite file. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // test/cluster needs the local cluster (scripts/cluster): `npm run test:cluster`, run by .ci/run.
  testPathIgnorePatterns: ['/node_modules/', ...(process.env.CLUSTER_TESTS ? [] : ['<rootDir>/test/cluster/'])],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 2,
};
