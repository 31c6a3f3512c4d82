import { mkdirSync } from 'node:fs';
import type { RunningDatabase } from './running-database';

export interface MemoryServerOptions {
  /** Persistent dbPath; omit for a throwaway one. */
  dbPath?: string;
}

/**
 * Starts a real mongod through mongodb-memory-server-core. The binary is downloaded once (to
 * its cache) where the internet is reachable; here it fails fast, and the caller says so.
 */
export async function startMemoryServer(
  options: MemoryServerOptions = {},
): Promise<RunningDatabase> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  const server = await MongoMemoryServer.create({
    instance: {
      ip: '127.0.0.1',
      ...(options.dbPath ? { dbPath: options.dbPath, storageEngine: 'wiredTiger' } : {}),
    },
  });
  return {
    source: 'mongodb-memory-server',
    uri: server.getUri(),
    description: `mongod from mongodb-memory-server${options.dbPath ? ` (data in ${options.dbPath})` : ''}`,
    stop: async () => {
      await server.stop({ doCleanup: !options.dbPath, force: false });
    },
  };
}
