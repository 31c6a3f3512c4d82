import { createHash } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';

/**
 * Gives the calling test file a database of its own on the run's server, dropped afterwards.
 * Returns a getter because the connection only exists once beforeAll has run.
 */
export function useTestDatabase(): () => Connection {
  let connection: Connection | undefined;
  beforeAll(async () => {
    connection = await mongoose
      .createConnection(testDatabaseUri(), { serverSelectionTimeoutMS: 5000 })
      .asPromise();
  });
  afterAll(async () => {
    if (!connection) return;
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  });
  return () => {
    if (!connection)
      throw new Error('useTestDatabase(): the connection is only ready inside tests');
    return connection;
  };
}

/** The run's server with a database name unique to this test file (and worker). */
export function testDatabaseUri(suffix = ''): string {
  const base = process.env.TEST_MONGODB_URI;
  if (!base)
    throw new Error('TEST_MONGODB_URI is not set: run the tests through jest (global setup)');
  const file = expect.getState().testPath ?? 'unknown';
  const name = `t_${createHash('sha1')
    .update(file + suffix)
    .digest('hex')
    .slice(0, 16)}`;
  return withDatabaseName(base, name);
}

export function withDatabaseName(uri: string, name: string): string {
  const url = new URL(uri);
  url.pathname = `/${name}`;
  return url.toString();
}

/** What the bot would be given as FERRETDB_POSTGRESQL_URL on the run's server, if anything. */
export function testPostgresqlEnv(): Record<string, string> {
  const url = process.env.TEST_FERRETDB_POSTGRESQL_URL;
  return url ? { FERRETDB_POSTGRESQL_URL: url } : {};
}
