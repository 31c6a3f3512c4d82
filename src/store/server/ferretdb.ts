import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, openSync, closeSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join, delimiter } from 'node:path';
import { accessSync, constants } from 'node:fs';
import { freeLoopbackPort, waitForMongoProtocol } from './probe';
import type { RunningDatabase } from './running-database';

/** Finds an executable called `ferretdb` on PATH (or the path given), or null. */
export function findFerretDb(pathEnv = process.env.PATH ?? '', explicit?: string): string | null {
  const candidates = explicit
    ? [explicit]
    : pathEnv
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'ferretdb'));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return null;
}

/** "1.24.2" from `ferretdb --version`, or null when it does not say. */
export function ferretDbVersion(binary: string): string | null {
  try {
    const out = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10000 });
    return /version:\s*v?(\S+)/i.exec(out)?.[1] ?? null;
  } catch {
    return null;
  }
}

export interface FerretDbOptions {
  binary: string;
  /** Directory holding the SQLite files (one file per database), FerretDB's state and its log. */
  dataDir: string;
  /** Use the PostgreSQL backend at this URL instead of SQLite files in dataDir. */
  postgresqlUrl?: string;
  /**
   * A loopback port to listen on (FERRETDB_PORT, for reaching the embedded database with other
   * tools). 0 or none: a Unix socket in dataDir where its path fits, else a free loopback port.
   */
  port?: number;
  /** FerretDB's own log goes here, never to our stdout: it logs request bodies at debug level. */
  logFile?: string;
  startTimeoutMs?: number;
}

/**
 * Starts FerretDB v1 with its SQLite (or, given a URL, PostgreSQL) backend on loopback, telemetry off, and waits until it
 * answers the MongoDB wire protocol.
 */
export async function startFerretDb(options: FerretDbOptions): Promise<RunningDatabase> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const listen = await chooseListening(options);
  const logFd = openSync(options.logFile ?? join(options.dataDir, 'ferretdb.log'), 'a');
  const sqliteUrl = `file:${options.dataDir.endsWith('/') ? options.dataDir : `${options.dataDir}/`}`;
  let child: ChildProcess;
  try {
    child = spawn(
      options.binary,
      [
        ...(options.postgresqlUrl
          ? ['--handler=postgresql', `--postgresql-url=${options.postgresqlUrl}`]
          : ['--handler=sqlite', `--sqlite-url=${sqliteUrl}`]),
        ...(listen.kind === 'socket'
          ? ['--listen-addr=', `--listen-unix=${listen.path}`]
          : [`--listen-addr=127.0.0.1:${listen.port}`]),
        '--telemetry=disable',
        '--debug-addr=-',
        '--log-level=warn',
        `--state-dir=${options.dataDir}`,
      ],
      {
        stdio: ['ignore', logFd, logFd],
        detached: false,
        // Go's collector took a quarter of FerretDB's CPU under load at its default (GOGC=100);
        // its heap is tens of MB, so it may grow 5x between collections, within a bound. Set
        // either in the environment to choose otherwise.
        env: { GOGC: '400', GOMEMLIMIT: '512MiB', ...process.env },
      },
    );
  } finally {
    closeSync(logFd);
  }
  let exited: string | null = null;
  // If the bot dies without stopping us, take FerretDB down too: an orphan would hold the SQLite files.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
    process.off('exit', killOnExit);
  });
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  const uri =
    listen.kind === 'socket'
      ? `mongodb://${encodeURIComponent(listen.path)}/`
      : `mongodb://127.0.0.1:${listen.port}/`;
  const where = listen.kind === 'socket' ? listen.path : `127.0.0.1:${listen.port}`;
  try {
    await Promise.race([
      waitForMongoProtocol(uri, options.startTimeoutMs ?? 15000, () => exited),
      spawnError,
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(
      `FerretDB at ${options.binary} did not start: ${(error as Error).message} (its log: ${options.logFile ?? join(options.dataDir, 'ferretdb.log')})`,
      { cause: error },
    );
  }
  return {
    source: 'ferretdb',
    uri,
    description: options.postgresqlUrl
      ? `FerretDB (PostgreSQL) on ${where}`
      : `FerretDB (SQLite in ${options.dataDir}) on ${where}`,
    binary: options.binary,
    ...(child.pid ? { pids: [child.pid] } : {}),
    stop: () => stopChild(child),
  };
}

/** The longest path a Unix socket may have on Linux (108 bytes with the closing NUL). */
const MAX_SOCKET_PATH = 107;

type Listening = { kind: 'socket'; path: string } | { kind: 'loopback'; port: number };

/**
 * A Unix socket in FerretDB's own directory, open to this user only, unless a port was asked
 * for (or the directory is another user's, so it cannot be made private). The embedded FerretDB
 * has no users or passwords: on a loopback port any local account could read and change every
 * record, while the socket's directory keeps them out. Each command also costs the bot and
 * FerretDB less CPU than a loopback TCP round trip does. A socket file left by a FerretDB that
 * was killed is removed; one that still answers belongs to a running FerretDB, and this one
 * listens on a free loopback port instead of taking it over.
 */
async function chooseListening(options: FerretDbOptions): Promise<Listening> {
  if (options.port && options.port > 0) return { kind: 'loopback', port: options.port };
  const path = join(options.dataDir, 'ferretdb.sock');
  if (
    Buffer.byteLength(path) <= MAX_SOCKET_PATH &&
    madePrivate(options.dataDir) &&
    !(await answers(path))
  ) {
    rmSync(path, { force: true });
    return { kind: 'socket', path };
  }
  return { kind: 'loopback', port: await freeLoopbackPort() };
}

/** Whether the directory is now this user's alone (not where another user owns it). */
function madePrivate(dir: string): boolean {
  try {
    chmodSync(dir, 0o700);
    return true;
  } catch {
    return false;
  }
}

/**
 * True unless the Unix socket at `path` is missing or refuses connections (a file left by a
 * process that died). Any other answer, a busy server's EAGAIN among them, counts as alive.
 */
function answers(path: string): Promise<boolean> {
  if (!existsSync(path)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code !== 'ECONNREFUSED' && error.code !== 'ENOENT'),
    );
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
