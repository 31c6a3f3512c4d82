import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the proxy had handed to a backend and that failed there (a reset, a hang-up). */
export interface ProxyError {
  backend: string;
  code: string;
  path: string;
  /** The client's label for the request (header x-test-op). */
  op: string;
  at: number;
}

export interface Backend {
  name: string;
  url: string;
}

/** Hop-by-hop headers are the proxy's own business on each side, never passed through. */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection'];

/**
 * A load balancer in a few lines: requests go to the backends in turn, and a backend that
 * refuses the connection (stopped, or not listening any more) is skipped for the next, as a
 * balancer's health check would. A request a backend had accepted and then dropped is not sent
 * elsewhere (it may have taken effect): the client gets a 502 and the failure is recorded.
 * Each request opens its own connection to the backend, so a backend closing its idle
 * keep-alive connections while draining cannot race a request onto one of them.
 */
export class RoundRobinProxy {
  readonly backends: Backend[] = [];
  readonly errors: ProxyError[] = [];
  /** Which backend answered each labelled request, last attempt wins. */
  readonly servedBy = new Map<string, string>();
  private turn = 0;
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readAll(req);
    const start = this.turn++;
    for (let i = 0; i < this.backends.length; i++) {
      const backend = this.backends[(start + i) % this.backends.length];
      if (!backend) continue;
      if ((await this.forward(backend, req, body, res)) === 'done') return;
    }
    // Not chained: restify, loaded in the same worker by other test files, replaces
    // ServerResponse.prototype.writeHead with one that returns nothing.
    res.writeHead(503, { 'content-type': 'text/plain' });
    res.end('no backend is up');
  }

  private forward(
    backend: Backend,
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
  ): Promise<'refused' | 'done'> {
    const op = String(req.headers['x-test-op'] ?? '');
    const path = req.url ?? '/';
    const failed = (code: string) => {
      this.errors.push({ backend: backend.name, code, path, op, at: Date.now() });
      if (!res.headersSent) {
        res.writeHead(502, { 'x-served-by': backend.name });
        res.end();
      } else res.destroy();
    };
    return new Promise((resolve) => {
      const target = new URL(backend.url);
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path,
          headers: { ...withoutHopByHop(req.headers), 'content-length': String(body.length) },
          agent: false,
        },
        (response) => {
          if (op) this.servedBy.set(op, backend.name);
          res.writeHead(response.statusCode ?? 502, {
            ...withoutHopByHop(response.headers),
            'x-served-by': backend.name,
          });
          response.pipe(res);
          response.on('error', (error: NodeJS.ErrnoException) => {
            failed(error.code ?? error.message);
            resolve('done');
          });
          response.on('end', () => resolve('done'));
        },
      );
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') return resolve('refused');
        failed(error.code ?? error.message);
        resolve('done');
      });
      upstream.end(body);
    });
  }
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept = { ...headers };
  for (const name of HOP_BY_HOP) delete kept[name];
  return kept;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
