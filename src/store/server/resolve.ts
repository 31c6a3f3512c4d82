import { findFerretDb, startFerretDb } from './ferretdb';
import { defaultFerretDbInstallDir, installFerretDb } from './ferretdb-install';
import { startMemoryServer } from './memory-server';
import type { RunningDatabase } from './running-database';

export interface ResolveOptions {
  /** MONGODB_URI, when the operator gave one. */
  mongodbUri?: string | undefined;
  /** Where an embedded server keeps its files. */
  dataDir: string;
  /** PATH to search for `ferretdb`. */
  pathEnv?: string;
  /** An explicit path to the ferretdb binary (FERRETDB_BIN). */
  ferretDbBinary?: string | undefined;
  /** Port for an embedded FerretDB; 0 picks a free one. */
  embeddedPort?: number;
  /**
   * Where FerretDB is built when none is on PATH (default: the project's .tools/ferretdb, or
   * FERRETDB_INSTALL_DIR); null never builds.
   */
  ferretDbInstallDir?: string | null;
  /** Environment for the FerretDB build (its PATH decides which Go is used). */
  buildEnv?: NodeJS.ProcessEnv;
  /** Whether mongodb-memory-server may be tried; tests and start-up both allow it. */
  allowMemoryServer?: boolean;
  /** Called with one line per fallback that was tried and failed. */
  onFallback?: (message: string) => void;
  /** Called with the FerretDB build's progress, when one runs. */
  onProgress?: (message: string) => void;
}

export class NoDatabaseError extends Error {
  constructor(public readonly attempts: string[]) {
    super(
      [
        'No MongoDB-protocol server could be had. Provide one of:',
        '  - MONGODB_URI=mongodb://… (Atlas, Cosmos DB for MongoDB, or your own mongod);',
        '  - Go 1.22 or newer, so that the embedded database (FerretDB) can be built;',
        '  - a `ferretdb` binary on PATH or at FERRETDB_BIN;',
        '  - internet access, so that mongodb-memory-server can download mongod once.',
        'What was tried:',
        ...attempts.map((a) => `  - ${a}`),
      ].join('\n'),
    );
    this.name = 'NoDatabaseError';
  }
}

/**
 * Finds the database in the order the README documents: MONGODB_URI, then a FerretDB binary
 * (FERRETDB_BIN, PATH, else the project's own, built with Go the first time) started by us, then
 * mongodb-memory-server. The bot, the benches and the test harness share this order.
 */
export async function resolveDatabase(options: ResolveOptions): Promise<RunningDatabase> {
  if (options.mongodbUri) {
    return {
      source: 'uri',
      uri: options.mongodbUri,
      description: `MONGODB_URI (${redactUri(options.mongodbUri)})`,
      stop: async () => undefined,
    };
  }
  const attempts: string[] = ['MONGODB_URI is not set'];
  const binary =
    findFerretDb(options.pathEnv, options.ferretDbBinary) ??
    (options.ferretDbBinary ? null : await buildFerretDb(options, attempts));
  if (binary) {
    try {
      return await startFerretDb({
        binary,
        dataDir: `${options.dataDir}/ferretdb`,
        port: options.embeddedPort ?? 0,
      });
    } catch (error) {
      attempts.push((error as Error).message);
      options.onFallback?.((error as Error).message);
    }
  } else if (options.ferretDbBinary) {
    attempts.push(`FERRETDB_BIN=${options.ferretDbBinary} is not an executable file`);
  }
  if (options.allowMemoryServer ?? true) {
    try {
      return await startMemoryServer({ dbPath: `${options.dataDir}/mongod` });
    } catch (error) {
      const message = `mongodb-memory-server could not start mongod: ${firstLine((error as Error).message)}`;
      attempts.push(message);
      options.onFallback?.(message);
    }
  }
  throw new NoDatabaseError(attempts);
}

/** The project's own FerretDB: reused when built, else built now (a minute or more, said so). */
async function buildFerretDb(options: ResolveOptions, attempts: string[]): Promise<string | null> {
  attempts.push('no `ferretdb` on PATH');
  const installDir =
    options.ferretDbInstallDir === undefined
      ? defaultFerretDbInstallDir(options.buildEnv)
      : options.ferretDbInstallDir;
  if (installDir === null) return null;
  try {
    return await installFerretDb({
      installDir,
      env: options.buildEnv,
      onProgress: options.onProgress ?? (() => undefined),
    });
  } catch (error) {
    const message = (error as Error).message;
    attempts.push(message);
    options.onFallback?.(message);
    return null;
  }
}

/** Hides the password in a connection string so it can be logged. */
export function redactUri(uri: string): string {
  return uri.replace(/(\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
