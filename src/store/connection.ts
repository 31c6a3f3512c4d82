import mongoose, { type Connection, type Model } from 'mongoose';

const DEFAULT_DATABASE = 'scrutiny';

/**
 * Opens the bot's own mongoose connection (not the global default, so tests and several bots in
 * one process never share state). The database name comes from the URI's path, else `scrutiny`.
 */
export async function openDatabase(
  uri: string,
  options: { monitorCommands?: boolean } = {},
): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    // Benchmarks count the driver's round trips through its command events (or the URI's
    // monitorCommands=true, which an explicit false here would override).
    ...(options.monitorCommands !== undefined ? { monitorCommands: options.monitorCommands } : {}),
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

/**
 * Inserts what is not there yet: records whose unique key exists already are skipped (another
 * instance, or an earlier run, wrote them). Returns how many were new.
 */
export async function insertNew<T>(model: Model<T>, docs: readonly object[]): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    const inserted = await model.insertMany(docs, { ordered: false, lean: true });
    return inserted.length;
  } catch (error) {
    const bulk = error as {
      code?: number;
      writeErrors?: Array<{ code?: number; err?: { code?: number } }>;
      insertedDocs?: unknown[];
      result?: { insertedCount?: number };
    };
    const codes = bulk.writeErrors?.map((e) => e.code ?? e.err?.code) ?? [bulk.code];
    if (codes.length === 0 || !codes.every((code) => code === 11000)) throw error;
    return bulk.insertedDocs?.length ?? bulk.result?.insertedCount ?? docs.length - codes.length;
  }
}
