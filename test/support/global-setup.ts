import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveDatabase } from '../../src/store/server/resolve';
import type { RunningDatabase } from '../../src/store/server/running-database';

declare global {
  // Read back in global-teardown, which runs in the same process.
  var __scrutinyTestDatabase: { db: RunningDatabase; dir: string } | undefined;
}

/**
 * One database server per test run, found in the same order the bot uses. Workers read
 * TEST_MONGODB_URI (process.env is inherited by the workers Jest forks after this runs).
 */
export default async function globalSetup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'scrutiny-test-'));
  const db = await resolveDatabase({
    mongodbUri: process.env.MONGODB_URI,
    dataDir: dir,
    onFallback: (message) => process.stderr.write(`test database: ${message}\n`),
    onProgress: (message) => process.stderr.write(`test database: ${message}\n`),
  });
  process.env.TEST_MONGODB_URI = db.uri;
  process.env.TEST_DATA_DIR = dir;
  if (db.binary) process.env.TEST_FERRETDB_BIN = db.binary;
  // Tests index FerretDB's tables as the bot does on the same database (store/server/equality-indexes).
  if (db.postgresqlUrl) process.env.TEST_FERRETDB_POSTGRESQL_URL = db.postgresqlUrl;
  globalThis.__scrutinyTestDatabase = { db, dir };
  process.stderr.write(`\ntest database: ${db.description}\n`);
}
