import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { findFerretDb, startFerretDb } from '../../src/store/server/ferretdb';
import { defaultFerretDbInstallDir } from '../../src/store/server/ferretdb-install';
import { freeLoopbackPort } from '../../src/store/server/probe';
import type { RunningDatabase } from '../../src/store/server/running-database';

// The FerretDB the run's global setup found or built.
const binary =
  process.env.TEST_FERRETDB_BIN ??
  findFerretDb(process.env.PATH, process.env.FERRETDB_BIN) ??
  join(defaultFerretDbInstallDir(), 'ferretdb');

const scratch: string[] = [];
const running: RunningDatabase[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scrutiny-sock-'));
  scratch.push(dir);
  return dir;
}
async function start(dataDir: string, port?: number): Promise<RunningDatabase> {
  const database = await startFerretDb({ binary, dataDir, ...(port ? { port } : {}) });
  running.push(database);
  return database;
}
afterAll(async () => {
  for (const database of running) await database.stop();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Writes a document and reads it back over `uri`. */
async function roundTrip(uri: string): Promise<string | undefined> {
  const connection = await mongoose
    .createConnection(uri, { dbName: 'socket', serverSelectionTimeoutMS: 10000 })
    .asPromise();
  try {
    const notes = connection.collection<{ _id: string; text: string }>('notes');
    await notes.insertOne({ _id: 'n1', text: 'kept' });
    return (await notes.findOne({ _id: 'n1' }))?.text;
  } finally {
    await connection.close();
  }
}

describe('where the embedded FerretDB listens', () => {
  it('on a Unix socket in its own directory that only this user can open, gone when it stops', async () => {
    const dataDir = join(tempDir(), 'ferretdb');
    const database = await start(dataDir);
    const socket = join(dataDir, 'ferretdb.sock');

    expect(database.uri).toBe(`mongodb://${encodeURIComponent(socket)}/`);
    expect(database.description).toContain(socket);
    expect(statSync(socket).isSocket()).toBe(true);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(await roundTrip(database.uri)).toBe('kept');

    await database.stop();
    expect(existsSync(socket)).toBe(false);
  });

  it('makes an existing directory private too', async () => {
    const dataDir = join(tempDir(), 'ferretdb');
    mkdirSync(dataDir, { mode: 0o755 });
    await start(dataDir);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('on the loopback port FERRETDB_PORT asks for', async () => {
    const port = await freeLoopbackPort();
    const database = await start(join(tempDir(), 'ferretdb'), port);
    expect(database.uri).toBe(`mongodb://127.0.0.1:${port}/`);
    expect(await roundTrip(database.uri)).toBe('kept');
  });

  it('takes over the socket file a killed FerretDB left behind', async () => {
    const dataDir = join(tempDir(), 'ferretdb');
    mkdirSync(dataDir, { mode: 0o700 });
    const socket = join(dataDir, 'ferretdb.sock');
    // A process killed with SIGKILL never removes its socket file.
    const holder = spawn(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(socket)}, () => console.log('up'))`,
    ]);
    await new Promise((resolve) => holder.stdout.once('data', resolve));
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(statSync(socket).isSocket()).toBe(true);

    const database = await start(dataDir);
    expect(database.uri).toBe(`mongodb://${encodeURIComponent(socket)}/`);
    expect(await roundTrip(database.uri)).toBe('kept');
  });

  it('leaves a socket that still answers to its owner and listens on loopback', async () => {
    const dataDir = join(tempDir(), 'ferretdb');
    mkdirSync(dataDir, { mode: 0o700 });
    const socket = join(dataDir, 'ferretdb.sock');
    const owner: Server = createServer((connection) => connection.end());
    await new Promise<void>((resolve) => owner.listen(socket, resolve));
    try {
      const database = await start(dataDir);
      expect(database.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await roundTrip(database.uri)).toBe('kept');
      expect(statSync(socket).isSocket()).toBe(true);
    } finally {
      await new Promise<void>((resolve) => owner.close(() => resolve()));
    }
  });

  it('on loopback where the directory is too long a path for a socket', async () => {
    const dataDir = join(tempDir(), 'd'.repeat(100));
    const database = await start(dataDir);
    expect(database.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await roundTrip(database.uri)).toBe('kept');
  });
});
