import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testDatabaseUri } from '../support/database';

const root = resolve(__dirname, '../..');

interface Exited {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs src/main.ts as `npm start` would (TypeScript through tsx), with only the given environment. */
function runBot(
  env: Record<string, string>,
  onLine?: (line: string, kill: (signal: NodeJS.Signals) => void) => void,
): Promise<Exited> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine?.(line, (signal) => child.kill(signal));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe('the bot as a process', () => {
  it('serves requests, then on SIGTERM drains, closes the database and exits 0', async () => {
    let readyz: number | undefined;
    let teams: number | undefined;
    const exited = await runBot(
      { MONGODB_URI: testDatabaseUri('process'), PORT: '0', HOST: '127.0.0.1' },
      (line, kill) => {
        const match = /"msg":"listening on (http:\/\/[^"]+)"/.exec(line);
        if (!match) return;
        void (async () => {
          readyz = (await fetch(`${match[1]}/readyz`)).status;
          // Closed by default: with no Teams configuration nothing answers as Teams.
          teams = (
            await fetch(`${match[1]}/api/messages`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ type: 'message', text: 'help' }),
            })
          ).status;
          kill('SIGTERM');
        })();
      },
    );
    expect(readyz).toBe(200);
    expect(teams).toBe(404);
    expect(exited.code).toBe(0);
    const messages = exited.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Teams: off/),
        'Slack: off (no SLACK_SIGNING_SECRET)',
        'shutting down: draining requests',
        'stopped',
      ]),
    );
    expect(messages.slice(messages.indexOf('stopped') + 1)).toEqual([]);
  });

  it('refuses to start on a bad variable, naming it, with exit code 2', async () => {
    const exited = await runBot({ PORT: 'eighty' });
    expect(exited.code).toBe(2);
    expect(exited.stderr).toContain('PORT: expected a whole number from 0 to 65535 (got "eighty")');
  });

  it('with no database to be had and no Go to build one, fails with one message saying how to provide one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'scrutiny-nodb-'));
    try {
      const exited = await runBot({
        // No Go and no ferretdb on PATH, and nothing built yet in the install directory.
        PATH: '/usr/bin:/bin',
        FERRETDB_INSTALL_DIR: join(dataDir, 'tools'),
        DATA_DIR: dataDir,
        PORT: '0',
        // mongodb-memory-server may only look on loopback, where nothing serves mongod.
        MONGOMS_DOWNLOAD_MIRROR: 'http://127.0.0.1:9',
        MONGOMS_PREFER_GLOBAL_PATH: '0',
        MONGOMS_DOWNLOAD_DIR: join(dataDir, 'mongod-binaries'),
      });
      expect(exited.code).toBe(3);
      expect(exited.stderr).toContain('No MongoDB-protocol server could be had. Provide one of:');
      expect(exited.stderr).toContain('MONGODB_URI=mongodb://');
      expect(exited.stderr).toContain('no `ferretdb` on PATH');
      expect(exited.stderr).toContain('Go is not installed');
      expect(exited.stderr).toContain('install Go 1.22 or newer');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
