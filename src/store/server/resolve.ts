import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { envSchema } from '../../config/env-schema';
import { ferretDbVersion, findFerretDb, startFerretDb } from './ferretdb';
import { defaultFerretDbInstallDir, installFerretDb } from './ferretdb-install';
import { startMemoryServer } from './memory-server';
import { startEmbeddedPostgres, PostgresUnavailableError, postgresRunAs } from './postgres';
import { findPostgresBinaries } from './postgres-binaries';
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
  /** FERRETDB_PORT: a loopback port for the embedded FerretDB; 0, a Unix socket (startFerretDb). */
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
  /**
   * EMBEDDED_BACKEND: auto runs FerretDB on PostgreSQL where its server binaries are found, else
   * on SQLite. Undefined reads the environment, so the test harness and benches follow it too.
   */
  embeddedBackend?: 'auto' | 'postgres' | 'sqlite';
  /** PG_BIN: a directory holding initdb and postgres; undefined reads the environment. */
  pgBin?: string | undefined;
  /** Debian's versioned PostgreSQL root (/usr/lib/postgresql); tests point it elsewhere. */
  postgresDebianRoot?: string;
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
      return await startEmbedded(binary, options);
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

/** The variables the embedded database reads, parsed as the bot's configuration parses them. */
function embeddedSettings(env: NodeJS.ProcessEnv): {
  backend: 'auto' | 'postgres' | 'sqlite';
  pgBin: string | undefined;
} {
  const parsed = envSchema.pick({ EMBEDDED_BACKEND: true, PG_BIN: true }).safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `EMBEDDED_BACKEND or PG_BIN: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
    );
  }
  return { backend: parsed.data.EMBEDDED_BACKEND, pgBin: parsed.data.PG_BIN };
}

/**
 * FerretDB on PostgreSQL when it can be had (PostgreSQL serves FerretDB's filters from real
 * indexes; SQLite only `_id`), else on SQLite; the description says which and why.
 */
async function startEmbedded(binary: string, options: ResolveOptions): Promise<RunningDatabase> {
  const fromEnv = embeddedSettings(process.env);
  const backend = options.embeddedBackend ?? fromEnv.backend;
  const pgBin = options.pgBin ?? fromEnv.pgBin;
  const version = ferretDbVersion(binary);
  const label = `embedded FerretDB${version ? ` ${version}` : ''}`;
  const stateDir = join(resolve(options.dataDir), 'ferretdb');
  const port = options.embeddedPort ?? 0;

  let whyNotPostgres = 'EMBEDDED_BACKEND=sqlite';
  if (backend !== 'sqlite') {
    const found = findPostgresBinaries({
      pgBin,
      ...(options.pathEnv !== undefined ? { pathEnv: options.pathEnv } : {}),
      ...(options.postgresDebianRoot ? { debianRoot: options.postgresDebianRoot } : {}),
    });
    const runAs = postgresRunAs();
    const sqliteData = backend === 'auto' && holdsSqliteData(options.dataDir);
    if (!found.ok) whyNotPostgres = found.reason;
    else if (!runAs.ok) whyNotPostgres = runAs.reason;
    else if (sqliteData) whyNotPostgres = sqliteData;
    else {
      const { binaries } = found;
      let postgres;
      try {
        postgres = await startEmbeddedPostgres({
          binaries,
          dataDir: options.dataDir,
          runAs: runAs.runAs,
        });
      } catch (error) {
        const message = (error as Error).message;
        if (backend === 'postgres')
          throw new Error(`EMBEDDED_BACKEND=postgres: ${message}`, { cause: error });
        if (!(error instanceof PostgresUnavailableError)) {
          options.onFallback?.(`PostgreSQL did not start, so FerretDB runs on SQLite: ${message}`);
        }
        whyNotPostgres = `PostgreSQL ${binaries.version} could not be used: ${firstLine(message)}`;
      }
      if (postgres) {
        let ferret: RunningDatabase;
        try {
          ferret = await startFerretDb({
            binary,
            dataDir: stateDir,
            port,
            postgresqlUrl: postgres.url,
          });
        } catch (error) {
          await postgres.stop();
          throw error;
        }
        const ferretPid = ferret.pids?.[0];
        if (ferretPid) postgres.recordFerretDb(ferretPid);
        const running = postgres;
        return {
          ...ferret,
          backend: 'postgresql',
          postgresqlUrl: running.url,
          pids: [...(ferret.pids ?? []), running.pid],
          description: `${label} on PostgreSQL ${binaries.version} (${binaries.binDir}, found by ${binaries.foundBy}${runAs.runAs ? `, run as ${runAs.runAs.user}` : ''}), data in ${running.clusterDir}, ${running.where}; FerretDB on ${ferret.uri}`,
          // FerretDB first: it holds connections that PostgreSQL's fast shutdown would cut.
          stop: async () => {
            await ferret.stop();
            await running.stop();
          },
        };
      }
    }
    if (backend === 'postgres') throw new Error(`EMBEDDED_BACKEND=postgres, but ${whyNotPostgres}`);
  }
  const ferret = await startFerretDb({ binary, dataDir: stateDir, port });
  return {
    ...ferret,
    backend: 'sqlite',
    description: `${label} on SQLite, data in ${stateDir}, on ${ferret.uri}: ${whyNotPostgres}`,
  };
}

/**
 * Data already kept by FerretDB on SQLite stays there: moving to PostgreSQL would start from an
 * empty database, as FerretDB does not migrate between its backends.
 */
function holdsSqliteData(dataDir: string): string | false {
  if (existsSync(join(dataDir, 'postgres', 'PG_VERSION'))) return false;
  const stateDir = join(dataDir, 'ferretdb');
  let files: string[];
  try {
    files = readdirSync(stateDir);
  } catch {
    return false;
  }
  if (!files.some((name) => name.endsWith('.sqlite'))) return false;
  return `${stateDir} already holds data on SQLite, which FerretDB does not move to PostgreSQL (EMBEDDED_BACKEND=postgres starts afresh on PostgreSQL)`;
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
