import mongoose, { type Connection } from 'mongoose';

const DEFAULT_DATABASE = 'scrutiny';

/**
 * Opens the bot's own mongoose connection (not the global default, so tests and several bots in
 * one process never share state). The database name comes from the URI's path, else `scrutiny`.
 */
export async function openDatabase(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName: databaseNameOf(uri) ?? DEFAULT_DATABASE,
    serverSelectionTimeoutMS: 5000,
    // Fail fast instead of queueing writes while the server is away: the user is told to retry.
    bufferCommands: false,
    autoIndex: true,
  });
  await connection.asPromise();
  return connection;
}

export function databaseNameOf(uri: string): string | undefined {
  try {
    const name = decodeURIComponent(new URL(uri).pathname.replace(/^\//, ''));
    return name === '' ? undefined : name;
  } catch {
    return undefined;
  }
}

/** True when the server answers a ping within `timeoutMs`. Never throws. */
export async function isDatabaseReachable(
  connection: Connection,
  timeoutMs = 1000,
): Promise<boolean> {
  const db = connection.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      db
        .command({ ping: 1 })
        .then(() => true)
        .catch(() => false),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** MongoDB's duplicate key error, which every "at most one" rule relies on. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
