import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { PostgresBinaries } from './postgres-binaries';
import { freeLoopbackPort } from './probe';

/** The OS user PostgreSQL runs as; null means the bot's own user. */
export type RunAs = { user: string; uid: number; gid: number } | null;

/** Why PostgreSQL cannot be used here: the caller falls back to SQLite and logs this. */
export class PostgresUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PostgresUnavailableError';
  }
}

/**
 * initdb and postgres refuse to run as root, and these machines (CI included) run everything as
 * root, so as root they run as the `postgres` system user the Debian package creates.
 */
export function postgresRunAs(): { ok: true; runAs: RunAs } | { ok: false; reason: string } {
  if (process.getuid?.() !== 0) return { ok: true, runAs: null };
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) throw new Error('no uid');
    return { ok: true, runAs: { user: 'postgres', uid, gid } };
  } catch {
    return {
      ok: false,
      reason:
        'running as root with no `postgres` system user to run PostgreSQL as (initdb and postgres refuse root)',
    };
  }
}

export interface EmbeddedPostgresOptions {
  binaries: PostgresBinaries;
  /** DATA_DIR: the cluster goes in <dataDir>/postgres. */
  dataDir: string;
  runAs: RunAs;
  startTimeoutMs?: number;
  /** Where a short socket directory is made when DATA_DIR is too long; os.tmpdir() if unset. */
  tmpDir?: string;
}

export interface EmbeddedPostgres {
  /** For FerretDB's --postgresql-url; may hold a password, so never logged. */
  url: string;
  /** Safe to log. */
  where: string;
  clusterDir: string;
  pid: number;
  /** Recorded so that the next start can stop a FerretDB orphaned by a killed bot. */
  recordFerretDb(pid: number): void;
  stop(): Promise<void>;
}

const DATABASE = 'ferretdb';
const SUPERUSER = 'scrutiny';
const SOCKET_PORT = 5432;
/** sockaddr_un.sun_path is 108 bytes on Linux, including the terminating NUL. */
const MAX_SOCKET_PATH = 107;

interface Owner {
  pid: number;
  ferretDbPid?: number;
}

/**
 * Starts (creating on first use) a private PostgreSQL cluster under DATA_DIR that listens on a
 * Unix socket in a private directory only, and waits until it accepts connections.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  const { binaries, runAs } = options;
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const ownerFile = join(dataDir, 'postgres.owner');
  const logPath = join(dataDir, 'postgres.log');
  mkdirSync(dataDir, { recursive: true });
  if (runAs) makeReachable(dataDir, runAs);

  stopOrphans(ownerFile, clusterDir, join(dataDir, 'ferretdb'));
  writeOwner(ownerFile, { pid: process.pid });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await createCluster(binaries, dataDir, clusterDir, runAs, logPath);
  } else if (runAs && statSync(clusterDir).uid !== runAs.uid) {
    // A cluster made by an earlier run as another user: postgres insists on owning its files.
    chownTree(clusterDir, runAs);
  }

  const listen = chooseListening(dataDir, runAs, options.tmpDir ?? tmpdir());
  const port = listen.kind === 'socket' ? SOCKET_PORT : await freeLoopbackPort();
  const logFd = openSync(logPath, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      binaries.postgres,
      [
        '-D',
        clusterDir,
        '-p',
        String(port),
        '-c',
        `listen_addresses=${listen.kind === 'socket' ? '' : '127.0.0.1'}`,
        '-c',
        `unix_socket_directories=${listen.kind === 'socket' ? listen.dir : ''}`,
        '-c',
        'unix_socket_permissions=0700',
      ],
      { stdio: ['ignore', logFd, logFd], cwd: '/', ...ids(runAs) },
    );
  } finally {
    closeSync(logFd);
  }
  let exited: string | null = null;
  // Fast shutdown even when the bot exits without stopping us; SIGKILL is handled at next start.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code}`}`;
    process.off('exit', killOnExit);
  });
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  spawnError.catch(() => undefined);
  const cleanUpSocketDir = () => {
    if (listen.kind === 'socket' && listen.temporary)
      rmSync(listen.dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      waitUntilReady({
        binaries,
        clusterDir,
        pid: child.pid ?? -1,
        host: listen.kind === 'socket' ? listen.dir : '127.0.0.1',
        port,
        timeoutMs: options.startTimeoutMs ?? 30000,
        exited: () => exited,
      }),
      spawnError,
    ]);
  } catch (error) {
    child.kill('SIGKILL');
    cleanUpSocketDir();
    throw new Error(
      `PostgreSQL ${binaries.version} did not start: ${(error as Error).message}\n${tail(logPath)}(its log: ${logPath})`,
      { cause: error },
    );
  }

  let owner: Owner = { pid: process.pid };
  const url =
    listen.kind === 'socket'
      ? `postgres://${SUPERUSER}@/${DATABASE}?host=${encodeURIComponent(listen.dir)}&port=${port}`
      : `postgres://${SUPERUSER}:${encodeURIComponent(readPassword(dataDir))}@127.0.0.1:${port}/${DATABASE}`;
  return {
    url,
    where:
      listen.kind === 'socket'
        ? `socket in ${listen.dir}${listen.temporary ? ' (DATA_DIR is too long a path for a socket)' : ''}`
        : `127.0.0.1:${port} (no socket path short enough)`,
    clusterDir,
    pid: child.pid ?? -1,
    recordFerretDb(pid) {
      owner = { ...owner, ferretDbPid: pid };
      writeOwner(ownerFile, owner);
    },
    async stop() {
      await stopPostgres(child);
      cleanUpSocketDir();
      rmSync(ownerFile, { force: true });
    },
  };
}

function ids(runAs: RunAs): { uid?: number; gid?: number } {
  return runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
}

/**
 * As root, the postgres user must be able to walk down to the cluster. DATA_DIR is the bot's own,
 * so it gets search permission (not listing) for others when it lacks it (mkdtemp makes 0700
 * directories); a directory above it that shuts the postgres user out is the operator's to fix.
 */
function makeReachable(dataDir: string, runAs: NonNullable<RunAs>): void {
  const stat = statSync(dataDir);
  if (!canSearch(stat, runAs)) chmodSync(dataDir, (stat.mode & 0o7777) | 0o001);
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    if (!canSearch(statSync(dir), runAs)) {
      throw new PostgresUnavailableError(
        `the postgres user cannot reach ${dataDir}: ${dir} is mode ${(statSync(dir).mode & 0o777).toString(8)}`,
      );
    }
    if (dir === dirname(dir)) break;
  }
}

function canSearch(stat: { uid: number; gid: number; mode: number }, runAs: NonNullable<RunAs>) {
  if (stat.uid === runAs.uid) return (stat.mode & 0o100) !== 0;
  // libuv drops supplementary groups when it changes uid, so only the primary group counts.
  if (stat.gid === runAs.gid) return (stat.mode & 0o010) !== 0;
  return (stat.mode & 0o001) !== 0;
}

function chownTree(path: string, runAs: NonNullable<RunAs>): void {
  chownSync(path, runAs.uid, runAs.gid);
  if (!lstatSync(path).isDirectory()) return;
  for (const name of readdirSync(path)) chownTree(join(path, name), runAs);
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

function readOwner(ownerFile: string): Owner | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(ownerFile, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const pid = 'pid' in parsed ? Number(parsed.pid) : NaN;
    const ferretDbPid = 'ferretDbPid' in parsed ? Number(parsed.ferretDbPid) : NaN;
    return { pid, ...(Number.isInteger(ferretDbPid) ? { ferretDbPid } : {}) };
  } catch {
    return null;
  }
}

function writeOwner(ownerFile: string, owner: Owner): void {
  writeFileSync(ownerFile, JSON.stringify(owner), { mode: 0o600 });
}

/**
 * A bot killed with SIGKILL cannot stop its children: its PostgreSQL keeps running and holds
 * postmaster.pid, so a new postgres would refuse to start. When the bot that started them is gone,
 * stop what it left (checked by command line, so a reused pid is never signalled). A stale
 * postmaster.pid whose pid is dead needs nothing: postgres replaces it itself.
 */
function stopOrphans(ownerFile: string, clusterDir: string, ferretDbStateDir: string): void {
  const owner = readOwner(ownerFile);
  // A pid reused by something other than Node after a killed run is not a bot.
  if (
    owner &&
    owner.pid !== process.pid &&
    pidAlive(owner.pid) &&
    cmdline(owner.pid).includes('node')
  ) {
    throw new Error(
      `the embedded PostgreSQL in ${clusterDir} is in use by process ${owner.pid} (another bot on the same DATA_DIR?)`,
    );
  }
  if (
    owner?.ferretDbPid &&
    cmdline(owner.ferretDbPid).includes(`--state-dir=${ferretDbStateDir}`)
  ) {
    killAndWait(owner.ferretDbPid, 'SIGTERM');
  }
  let postmasterPid: number;
  try {
    postmasterPid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (pidAlive(postmasterPid) && cmdline(postmasterPid).includes(clusterDir)) {
    killAndWait(postmasterPid, 'SIGINT');
  }
}

/** Synchronous, as it runs before anything else starts: waits with Atomics.wait, not a busy loop. */
function killAndWait(pid: number, signal: NodeJS.Signals): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const steps: Array<[NodeJS.Signals, number]> = [
    [signal, 30000],
    ['SIGKILL', 5000],
  ];
  for (const [sig, timeoutMs] of steps) {
    try {
      process.kill(pid, sig);
    } catch {
      return;
    }
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!pidAlive(pid)) return;
      Atomics.wait(pause, 0, 0, 50);
    }
  }
}

/**
 * initdb into a scratch directory, then the database FerretDB uses, then a rename: a cluster is
 * only ever found complete, and an interrupted first start is redone from nothing.
 */
async function createCluster(
  binaries: PostgresBinaries,
  dataDir: string,
  clusterDir: string,
  runAs: RunAs,
  logPath: string,
): Promise<void> {
  const partial = `${clusterDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { mode: 0o700 });
  // initdb reads the password from a file the postgres user can open: a private scratch directory.
  const scratch = mkdtempSync(join(dataDir, 'postgres-init-'));
  const pwFile = join(scratch, 'pw');
  const password = randomBytes(24).toString('hex');
  try {
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      chownSync(partial, runAs.uid, runAs.gid);
      chownSync(scratch, runAs.uid, runAs.gid);
      chownSync(pwFile, runAs.uid, runAs.gid);
    }
    await run(
      binaries.initdb,
      [
        '-D',
        partial,
        `--username=${SUPERUSER}`,
        // Only the bot reaches the socket (its directory is 0700); TCP, used only when no socket
        // path is short enough, needs the password.
        '--auth-local=trust',
        '--auth-host=scram-sha-256',
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-instructions',
      ],
      runAs,
      logPath,
    );
    // Single-user mode needs no server, socket or client program.
    await run(
      binaries.postgres,
      ['--single', '-D', partial, 'template1'],
      runAs,
      logPath,
      `CREATE DATABASE ${DATABASE};\n`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(join(dataDir, 'postgres.password'), password, { mode: 0o600 });
  renameSync(partial, clusterDir);
}

function readPassword(dataDir: string): string {
  return readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
}

function run(
  command: string,
  args: string[],
  runAs: RunAs,
  logPath: string,
  input?: string,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const logFd = openSync(logPath, 'a');
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        stdio: [input === undefined ? 'ignore' : 'pipe', logFd, logFd],
        cwd: '/',
        ...ids(runAs),
      });
    } finally {
      closeSync(logFd);
    }
    child.stdin?.end(input);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) return resolvePromise();
      reject(
        new Error(
          `${command} ${args[0] ?? ''} failed (${signal ?? `exit ${code}`}):\n${tail(logPath)}(log: ${logPath})`,
        ),
      );
    });
  });
}

function tail(path: string): string {
  try {
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n').slice(-8);
    return lines.map((l) => `  ${l}\n`).join('');
  } catch {
    return '';
  }
}

type Listening = { kind: 'socket'; dir: string; temporary: boolean } | { kind: 'loopback' };

/**
 * A socket in <dataDir>/postgres.run when its path fits sun_path (107 bytes); a long DATA_DIR
 * gets a fresh 0700 directory under the temporary directory instead; loopback TCP (password
 * required) only when even that is too long.
 */
function chooseListening(dataDir: string, runAs: RunAs, tmpRoot: string): Listening {
  const fits = (dir: string) =>
    Buffer.byteLength(join(dir, `.s.PGSQL.${SOCKET_PORT}`)) <= MAX_SOCKET_PATH;
  const preferred = join(dataDir, 'postgres.run');
  let socket: Listening | null = null;
  if (fits(preferred)) {
    mkdirSync(preferred, { recursive: true, mode: 0o700 });
    chmodSync(preferred, 0o700);
    socket = { kind: 'socket', dir: preferred, temporary: false };
  } else if (fits(join(tmpRoot, 'scrutiny-pg-XXXXXX'))) {
    socket = { kind: 'socket', dir: mkdtempSync(join(tmpRoot, 'scrutiny-pg-')), temporary: true };
  }
  if (!socket) return { kind: 'loopback' };
  if (runAs) chownSync(socket.dir, runAs.uid, runAs.gid);
  return socket;
}

async function waitUntilReady(args: {
  binaries: PostgresBinaries;
  clusterDir: string;
  pid: number;
  host: string;
  port: number;
  timeoutMs: number;
  exited: () => string | null;
}): Promise<void> {
  const deadline = Date.now() + args.timeoutMs;
  while (Date.now() < deadline) {
    const exited = args.exited();
    if (exited) throw new Error(exited);
    if (await isReady(args)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not accepting connections within ${args.timeoutMs} ms`);
}

function isReady(args: {
  binaries: PostgresBinaries;
  clusterDir: string;
  pid: number;
  host: string;
  port: number;
}): Promise<boolean> {
  const pgIsReady = args.binaries.pgIsReady;
  if (!pgIsReady) {
    // postmaster.pid's eighth line turns "ready" once connections are accepted (PostgreSQL 10+);
    // its first line tells our postmaster's file from one a killed run left.
    try {
      const lines = readFileSync(join(args.clusterDir, 'postmaster.pid'), 'utf8').split('\n');
      return Promise.resolve(Number(lines[0]) === args.pid && lines[7]?.trim() === 'ready');
    } catch {
      return Promise.resolve(false);
    }
  }
  return new Promise((resolvePromise) => {
    const child = spawn(
      pgIsReady,
      ['-q', '-h', args.host, '-p', String(args.port), '-d', DATABASE, '-U', SUPERUSER],
      { stdio: 'ignore' },
    );
    child.once('error', () => resolvePromise(false));
    child.once('exit', (code) => resolvePromise(code === 0));
  });
}

/** Fast shutdown (SIGINT); immediate (SIGQUIT) if that hangs; SIGKILL as the last word. */
function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const quit = setTimeout(() => child.kill('SIGQUIT'), 30000);
    const kill = setTimeout(() => child.kill('SIGKILL'), 35000);
    child.once('exit', () => {
      clearTimeout(quit);
      clearTimeout(kill);
      resolvePromise();
    });
    child.kill('SIGINT');
  });
}
