import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { startBot } from '../../src/bot';
import { createLogger } from '../../src/log/logger';
import { resolveDatabase } from '../../src/store/server/resolve';
import { useTestBot } from '../support/bot';
import { withDatabaseName } from '../support/database';
import { post } from '../support/http';

describe('health and readiness', () => {
  const bot = useTestBot();

  it('GET /healthz answers 200 while the process is alive', async () => {
    const res = await fetch(`${bot().url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'alive' });
  });

  it('GET /readyz answers 200 when the database is reachable', async () => {
    const res = await fetch(`${bot().url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('tags every response with a request id, taking the caller’s when given', async () => {
    const res = await fetch(`${bot().url}/healthz`, { headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
  });

  it('an unknown route gets 404 with a short reason and no stack trace', async () => {
    const res = await fetch(`${bot().url}/nowhere`);
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: string };
    expect(body.error).toBe('/nowhere does not exist');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
  });

  it('a body over 1 MiB is refused with 413 before it is parsed', async () => {
    const res = await post(
      `${bot().url}/api/messages`,
      JSON.stringify({ pad: 'x'.repeat(1024 * 1024 + 10) }),
      {
        'content-type': 'application/json',
      },
    );
    expect(res.status).toBe(413);
  });
});

describe('readiness when the database goes away', () => {
  it('GET /readyz answers 503 once the database server has stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scrutiny-readyz-'));
    // A server of this test's own (never MONGODB_URI), so stopping it disturbs no other test.
    const database = await resolveDatabase({ mongodbUri: undefined, dataDir: dir });
    const config = loadConfig({
      MONGODB_URI: withDatabaseName(database.uri, 'readyz'),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    });
    const bot = await startBot(config, createLogger('silent'), { drainTimeoutMs: 1000 });
    try {
      expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
      await database.stop();
      const res = await fetch(`${bot.url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'database unavailable' });
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.stop();
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
