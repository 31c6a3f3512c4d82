import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { listenOn, reusePortSupported, type Listening } from '../../src/http/listeners';

/** One GET on a connection of its own (no keep-alive agent), answered with its status. */
function get(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const SUPPORTED = reusePortSupported();

describe('which runtimes share a port between sockets', () => {
  it.each([
    ['20.20.2', 'linux', false],
    ['22.11.0', 'linux', false],
    ['22.12.0', 'linux', true],
    ['23.0.0', 'linux', false],
    ['23.1.0', 'linux', true],
    ['24.21.0', 'linux', true],
    ['24.21.0', 'darwin', false],
    ['24.21.0', 'win32', false],
  ] as const)('Node %s on %s: %s', (version, platform, expected) => {
    expect(reusePortSupported(version, platform)).toBe(expected);
  });
});

describe('listening on several sockets', () => {
  let server: Server;
  let listening: Listening | undefined;
  /** Requests held until released. */
  let held: Array<() => void>;
  let holding: boolean;

  beforeEach(() => {
    held = [];
    holding = false;
    server = createServer((_req: IncomingMessage, res) => {
      const answer = () => res.end('ok');
      if (holding) held.push(answer);
      else answer();
    });
  });

  afterEach(async () => {
    held.forEach((answer) => answer());
    await listening?.close();
    listening = undefined;
  });

  it('takes connections on every socket and answers each through the one server', async () => {
    listening = await listenOn(server, { port: 0, host: '127.0.0.1', sockets: 8 });
    expect(listening.sockets).toBe(SUPPORTED ? 8 : 1);

    const statuses = await Promise.all(Array.from({ length: 64 }, () => get(listening!.port)));

    expect(statuses).toEqual(Array.from({ length: 64 }, () => 200));
    const accepted = listening.accepted();
    expect(accepted.reduce((a, b) => a + b, 0)).toBe(64);
    expect(accepted).toHaveLength(listening.sockets);
    // 64 connections spread by the kernel over 8 sockets: all on one would be a 1 in 8^63 chance.
    if (SUPPORTED) expect(accepted.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('waits on close for requests in flight on any socket, and takes no new connections', async () => {
    listening = await listenOn(server, { port: 0, host: '127.0.0.1', sockets: 8 });
    const port = listening.port;
    holding = true;
    const answers = Array.from({ length: 32 }, () => get(port));
    while (held.length < 32) await new Promise((resolve) => setImmediate(resolve));
    const handedOver = listening.accepted().slice(1);
    if (SUPPORTED) expect(handedOver.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    let closed = false;
    const closing = listening.close().then(() => (closed = true));
    listening = undefined;
    await expect(get(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(closed).toBe(false);

    held.splice(0).forEach((answer) => answer());
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 32 }, () => 200));
    await closing;
    expect(closed).toBe(true);
  });

  it('cuts off requests still running when the drain time is up', async () => {
    listening = await listenOn(server, { port: 0, host: '127.0.0.1', sockets: 8 });
    holding = true;
    const answers = Array.from({ length: 16 }, () => get(listening!.port).catch(() => 'cut off'));
    while (held.length < 16) await new Promise((resolve) => setImmediate(resolve));

    await listening.close(1);
    listening = undefined;

    expect(await Promise.all(answers)).toEqual(Array.from({ length: 16 }, () => 'cut off'));
  });

  it('refuses a port another socket holds, as a plain listen would', async () => {
    const other = createNetServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as AddressInfo;
    try {
      await expect(listenOn(server, { port, host: '127.0.0.1', sockets: 8 })).rejects.toMatchObject(
        { code: 'EADDRINUSE' },
      );
      expect(server.listening).toBe(false);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('listens on one socket when asked for one', async () => {
    listening = await listenOn(server, { port: 0, host: '127.0.0.1', sockets: 1 });
    expect(listening.sockets).toBe(1);
    expect(await get(listening.port)).toBe(200);
    expect(listening.accepted()).toEqual([1]);
  });
});
