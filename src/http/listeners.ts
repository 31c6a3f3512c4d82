import { createServer, type Server as NetServer, type Socket } from 'node:net';
import type { Server as HttpServer } from 'node:http';

/**
 * The sockets the bot listens on.
 *
 * libuv (from 1.45, in Node 20 and 24) accepts one connection per listening socket on each turn
 * of the event loop (libuv#3696). Under load the bot's turns take tens of milliseconds, so 200
 * connections opened together were taken in one at a time over seconds, and Slack's first
 * requests on them waited for their ack behind that (Slack gives an ack 3 s). Where Node and the
 * system support SO_REUSEPORT (`reusePort`: Node 22.12 and 23.1 onwards, on Linux), several
 * sockets share the port, the kernel spreads new connections across them, and each turn takes
 * in one on each. Their connections are handed to the one HTTP server, so everything else
 * (routes, timeouts, draining) is as with one socket.
 */
export interface Listening {
  /** The port listened on (the one the system chose, when 0 was asked for). */
  port: number;
  /** How many sockets share it. */
  sockets: number;
  /** Connections taken in by each socket so far, the HTTP server's own first. */
  accepted(): number[];
  /**
   * Stops taking connections on every socket, and resolves once every connection any of them
   * took has closed (the HTTP server's close() waits only for its own socket's). Requests still
   * running after `cutOffAfterMs` have their connections closed.
   */
  close(cutOffAfterMs?: number): Promise<void>;
}

/** Node versions whose net.Server.listen takes `reusePort`. */
export function reusePortSupported(
  version = process.versions.node,
  platform = process.platform,
): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const nodeHasIt = major > 23 || (major === 23 && minor >= 1) || (major === 22 && minor >= 12);
  // Other systems either lack it or do not spread connections across the sockets.
  return nodeHasIt && platform === 'linux';
}

export async function listenOn(
  server: HttpServer,
  options: { port: number; host: string; sockets: number },
): Promise<Listening> {
  const sockets = reusePortSupported() ? options.sockets : 1;
  if (sockets <= 1) {
    await bind(server, { port: options.port, host: options.host });
    return listening(server, []);
  }
  // With SO_REUSEPORT another process of the same user could join the port rather than be told
  // it is taken: a port already held is refused here as it would be without it.
  if (options.port !== 0) await refuseIfTaken(options.port, options.host);
  await bind(server, { port: options.port, host: options.host, reusePort: true });
  const port = portOf(server);
  const extra: NetServer[] = [];
  try {
    for (let i = 1; i < sockets; i += 1) {
      // As http.Server makes its own sockets: half-open allowed, Nagle off.
      const handOver = createServer({ allowHalfOpen: true, noDelay: true }, (socket: Socket) => {
        server.emit('connection', socket);
      });
      await bind(handOver, { port, host: options.host, reusePort: true });
      extra.push(handOver);
    }
  } catch (error) {
    await Promise.all([server, ...extra].map(closeNow));
    throw error;
  }
  return listening(server, extra);
}

function listening(server: HttpServer, extra: NetServer[]): Listening {
  const counts = [server, ...extra].map(() => 0);
  [server, ...extra].forEach((socket, i) => {
    // prependListener: counted before the HTTP server sees it, which may emit it again.
    socket.prependListener('connection', () => {
      counts[i] = (counts[i] ?? 0) + 1;
    });
  });
  // A connection handed over is emitted on the HTTP server too: count it once, where it came in.
  let handedOver = 0;
  for (const handOver of extra) handOver.prependListener('connection', () => (handedOver += 1));
  return {
    port: portOf(server),
    sockets: 1 + extra.length,
    accepted: () => [(counts[0] ?? 0) - handedOver, ...counts.slice(1)],
    close: async (cutOffAfterMs) => {
      const closed = [server, ...extra].map(
        (socket) => new Promise<void>((resolve) => socket.close(() => resolve())),
      );
      server.closeIdleConnections();
      const cutOff =
        cutOffAfterMs === undefined
          ? undefined
          : setTimeout(() => server.closeAllConnections(), cutOffAfterMs);
      await Promise.all(closed);
      clearTimeout(cutOff);
    },
  };
}

function bind(
  server: NetServer,
  options: { port: number; host: string; reusePort?: boolean },
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Binds the port alone for a moment: EADDRINUSE if anything holds it, as a plain listen gives. */
async function refuseIfTaken(port: number, host: string): Promise<void> {
  const probe = createServer();
  await bind(probe, { port, host });
  await closeNow(probe);
}

function closeNow(server: NetServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) resolve();
    else server.close(() => resolve());
  });
}

function portOf(server: NetServer): number {
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('the HTTP server is not listening on a TCP port');
  return address.port;
}
