import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import mongoose, { Schema } from 'mongoose';
import { findFerretDb, startFerretDb } from '../../src/store/server/ferretdb';
import { defaultFerretDbInstallDir } from '../../src/store/server/ferretdb-install';
import { postgresRunAs, startEmbeddedPostgres } from '../../src/store/server/postgres';
import { findPostgresBinaries } from '../../src/store/server/postgres-binaries';
import { resolveDatabase, type ResolveOptions } from '../../src/store/server/resolve';
import type { RunningDatabase } from '../../src/store/server/running-database';

// The FerretDB the run's global setup found or built.
const ferretDbBinary =
  process.env.TEST_FERRETDB_BIN ??
  findFerretDb(process.env.PATH, process.env.FERRETDB_BIN) ??
  join(defaultFerretDbInstallDir(), 'ferretdb');

const postgresHere = findPostgresBinaries().ok && postgresRunAs().ok;
function findPostgresVersion(): string {
  const found = findPostgresBinaries();
  return found.ok ? found.binaries.version : '?';
}
const describeWithPostgres = postgresHere ? describe : describe.skip;

const scratch: string[] = [];
function tempDir(prefix = 'scrutiny-pg-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function embedded(dataDir: string, extra: Partial<ResolveOptions> = {}): Promise<RunningDatabase> {
  return resolveDatabase({
    mongodbUri: undefined,
    dataDir,
    ferretDbBinary,
    ferretDbInstallDir: null,
    allowMemoryServer: false,
    ...extra,
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const memberSchema = new Schema({ email: { type: String, required: true, unique: true } });

async function withMembers<T>(
  database: RunningDatabase,
  work: (members: mongoose.Model<{ email: string }>) => Promise<T>,
): Promise<T> {
  const connection = await mongoose
    .createConnection(database.uri, { dbName: 'embedded', serverSelectionTimeoutMS: 10000 })
    .asPromise();
  try {
    const members = connection.model<{ email: string }>('Member', memberSchema);
    await members.createIndexes();
    return await work(members);
  } finally {
    await connection.close();
  }
}

describeWithPostgres('the embedded database on PostgreSQL', () => {
  it('keeps documents and unique indexes across a stop and a start, and leaves nothing running', async () => {
    const dir = tempDir();
    const first = await embedded(dir, { embeddedBackend: 'postgres' });
    expect(first.backend).toBe('postgresql');
    expect(first.description).toMatch(/^embedded FerretDB [\d.]+ on PostgreSQL \d+ \(/);
    expect(first.description).toContain(`data in ${join(resolve(dir), 'postgres')}`);
    const pids = first.pids ?? [];
    expect(pids).toHaveLength(2);

    await withMembers(first, async (members) => {
      await members.create({ email: 'ada@example.org' });
      await expect(members.create({ email: 'ada@example.org' })).rejects.toMatchObject({
        code: 11000,
      });
    });
    await first.stop();
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(existsSync(join(dir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await embedded(dir, { embeddedBackend: 'postgres' });
    try {
      const emails = await withMembers(second, async (members) =>
        (await members.find().lean()).map((m) => m.email),
      );
      expect(emails).toEqual(['ada@example.org']);
    } finally {
      await second.stop();
    }
  }, 60000);

  it('after a SIGKILLed bot, stops what it left and starts again on the same data', async () => {
    const dir = tempDir();
    const script = join(dir, 'killed-bot.ts');
    writeFileSync(
      script,
      [
        `import { resolveDatabase } from ${JSON.stringify(resolve(__dirname, '../../src/store/server/resolve'))};`,
        `resolveDatabase({ dataDir: ${JSON.stringify(dir)}, ferretDbBinary: ${JSON.stringify(ferretDbBinary)},`,
        `  ferretDbInstallDir: null, allowMemoryServer: false, embeddedBackend: 'postgres' })`,
        `  .then((db) => { process.stdout.write(JSON.stringify({ uri: db.uri, pids: db.pids }) + '\\n'); setInterval(() => undefined, 1000); });`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const started = await new Promise<{ uri: string; pids: number[] }>((resolvePromise, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolvePromise(JSON.parse(out) as { uri: string; pids: number[] });
      });
      child.once('exit', (code) =>
        reject(new Error(`the child bot exited (${code}) before starting`)),
      );
    });
    await withMembers(
      { ...started, source: 'ferretdb', description: '', stop: async () => undefined },
      (members) => members.create({ email: 'grace@example.org' }),
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // A SIGKILLed parent cannot stop its children: both are still there.
    for (const pid of started.pids) expect(alive(pid)).toBe(true);

    const restarted = await embedded(dir, { embeddedBackend: 'postgres' });
    let postmaster = -1;
    try {
      for (const pid of started.pids) expect(alive(pid)).toBe(false);
      const emails = await withMembers(restarted, async (members) =>
        (await members.find().lean()).map((m) => m.email),
      );
      expect(emails).toEqual(['grace@example.org']);
      postmaster = restarted.pids?.at(-1) ?? -1;
      // Now a postmaster.pid naming a dead process, as a crash of PostgreSQL itself leaves.
      process.kill(postmaster, 'SIGKILL');
      await waitUntil(() => !alive(postmaster), 10000, 'the killed postmaster to go');
    } finally {
      await restarted.stop();
    }
    const stale = Number(
      readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    expect(stale).toBe(postmaster);

    const again = await embedded(dir, { embeddedBackend: 'postgres' });
    try {
      const emails = await withMembers(again, async (members) =>
        (await members.find().lean()).map((m) => m.email),
      );
      expect(emails).toEqual(['grace@example.org']);
    } finally {
      await again.stop();
    }
  }, 90000);

  it('puts its socket in a short private directory when DATA_DIR is too long a path for one', async () => {
    const parent = tempDir();
    const dir = join(parent, 'd'.repeat(100));
    if (process.getuid?.() === 0) {
      // As root PostgreSQL runs as the postgres user, who cannot pass a 0700 directory above it.
      const shutOut = await embedded(dir, { embeddedBackend: 'auto' });
      await shutOut.stop();
      expect(shutOut.description).toContain(
        `on SQLite, data in ${dir}/ferretdb, on ${shutOut.uri}: PostgreSQL ${findPostgresVersion()} could not be used: the postgres user cannot reach ${dir}: ${parent} is mode 700`,
      );
      rmSync(dir, { recursive: true });
      chmodSync(parent, 0o711);
    }
    const database = await embedded(dir, { embeddedBackend: 'auto' });
    try {
      expect(database.backend).toBe('postgresql');
      expect(database.description).toMatch(
        new RegExp(`socket in ${tmpdir()}/scrutiny-pg-\\w+ \\(DATA_DIR is too long`),
      );
      await withMembers(database, (members) => members.create({ email: 'lin@example.org' }));
    } finally {
      await database.stop();
    }
  }, 60000);
});

describeWithPostgres('the embedded database on PostgreSQL without a short socket path', () => {
  it('listens on loopback with a password instead', async () => {
    const parent = tempDir();
    chmodSync(parent, 0o711);
    const found = findPostgresBinaries();
    const runAs = postgresRunAs();
    if (!found.ok || !runAs.ok) throw new Error('no PostgreSQL');
    const postgres = await startEmbeddedPostgres({
      binaries: found.binaries,
      dataDir: join(parent, 'd'.repeat(100)),
      runAs: runAs.runAs,
      tmpDir: join(parent, 't'.repeat(100)),
    });
    let ferret: RunningDatabase | undefined;
    try {
      expect(postgres.where).toMatch(/^127\.0\.0\.1:\d+ \(no socket path short enough\)$/);
      expect(postgres.url).toMatch(/^postgres:\/\/scrutiny:[0-9a-f]+@127\.0\.0\.1:\d+\/ferretdb$/);
      ferret = await startFerretDb({
        binary: ferretDbBinary,
        dataDir: join(parent, 'ferretdb'),
        postgresqlUrl: postgres.url,
      });
      await withMembers(ferret, (members) => members.create({ email: 'kim@example.org' }));
    } finally {
      await ferret?.stop();
      await postgres.stop();
    }
  }, 60000);
});

describe('the embedded database on SQLite', () => {
  it('runs when EMBEDDED_BACKEND=sqlite forces it, and says so', async () => {
    const dir = tempDir('scrutiny-sqlite-');
    const database = await embedded(dir, { embeddedBackend: 'sqlite' });
    try {
      expect(database.backend).toBe('sqlite');
      expect(database.description).toMatch(/on SQLite, data in .*: EMBEDDED_BACKEND=sqlite$/);
      await withMembers(database, async (members) => {
        await members.create({ email: 'ada@example.org' });
        await expect(members.create({ email: 'ada@example.org' })).rejects.toMatchObject({
          code: 11000,
        });
      });
      expect(existsSync(join(dir, 'postgres'))).toBe(false);
    } finally {
      await database.stop();
    }
  }, 60000);

  it('is the fallback where no PostgreSQL server is found, and the description says why', async () => {
    const dir = tempDir('scrutiny-sqlite-');
    const database = await embedded(dir, { embeddedBackend: 'auto', pgBin: join(dir, 'no-such') });
    try {
      expect(database.backend).toBe('sqlite');
      expect(database.description).toContain(
        `: PG_BIN=${join(dir, 'no-such')} holds no working initdb and postgres`,
      );
    } finally {
      await database.stop();
    }
  }, 60000);
});
