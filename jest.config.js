// Jest in ESM mode (run with NODE_OPTIONS=--experimental-vm-modules, see package.json): swc strips
// the types of the repository's .ts files and keeps their `.ts` import specifiers and JSON import
// attributes, so tests load exactly the modules the bundles are built from.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2023',
          parser: { syntax: 'typescript' },
          experimental: { keepImportAttributes: true, emitAssertForImportAttributes: false },
        },
        module: { type: 'es6' },
      },
    ],
  },
  testMatch: ['<rootDir>/{lib,actions,cli,test,scripts,bench,edge,lab,infra,policy}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/actions/.*/dist/', '<rootDir>/cli/dist/', '<rootDir>/.tmp/'],
  // Two cores: two workers; the slow real-component tests (PostgreSQL, LuaJIT, bundles) set their own timeouts.
  maxWorkers: 2,
  testTimeout: 60_000,
  verbose: false,
  setupFilesAfterEnv: ['<rootDir>/test/support/jest-setup.ts'],
};
