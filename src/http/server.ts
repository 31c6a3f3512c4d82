import { timingSafeEqual } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../log/logger';
import type { BotMetrics } from '../metrics/bot-metrics';
import { channelOfPath } from '../metrics/channel-label';

export interface HttpServerOptions {
  log: Logger;
  /** Answers /readyz: true when the database is reachable. */
  isReady: () => Promise<boolean>;
  /** Counts and times every request, and serves /metrics (guarded by `metricsToken` if set). */
  metrics?: BotMetrics;
  metricsToken?: string;
}

declare module 'restify' {
  interface Request {
    /** This request's logger, carrying its request id. */
    reqLog?: Logger;
  }
}

/**
 * The one HTTP server for both channels. Routes for Teams and Slack are mounted by their
 * adapters; this module owns what every request shares: ids, logs, errors, health.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const server = restify.createServer({
    name: 'scrutiny-bot',
    // restify 11 logs through pino; its type definitions still describe the bunyan of restify 8.
    log: options.log.child({ component: 'restify' }) as unknown as restify.ServerOptions['log'],
    handleUncaughtExceptions: false,
  });

  server.pre((req: Request, res: Response, next: restify.Next) => {
    // A request id from the caller (a gateway, a load balancer) is kept, so its logs join ours.
    const given = req.headers['x-request-id'];
    if (typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given)) {
      // restify's typings omit id(reqId), which sets the id once before anything reads it.
      (req as unknown as { id(reqId: string): string }).id(given);
    }
    const requestId = req.getId();
    res.setHeader('x-request-id', requestId);
    req.reqLog = options.log.child({ reqId: requestId });
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const path = req.getPath();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      options.metrics?.requestAnswered(channelOfPath(path), res.statusCode, seconds);
      // Probes hit the health checks every few seconds; logging each at info would bury the rest.
      const level = path === '/healthz' || path === '/readyz' ? 'debug' : 'info';
      req.reqLog?.[level](
        {
          method: req.method,
          path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  });

  // Every error leaves as {"error": "<short reason>"}: never a stack trace or internal detail.
  server.on(
    'restifyError',
    (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      const status = err.statusCode ?? 500;
      if (status >= 500) req.reqLog?.error({ err }, 'request failed');
      const message = status >= 500 ? 'internal error' : shortReason(err);
      Object.defineProperty(err, 'toJSON', {
        value: () => ({ error: message, requestId: req.getId() }),
      });
      callback();
    },
  );

  server.get('/healthz', (_req: Request, res: Response, next: restify.Next) => {
    res.send(200, { status: 'alive' });
    next();
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await options.isReady();
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
  });

  const metrics = options.metrics;
  if (metrics) {
    server.get('/metrics', async (req: Request, res: Response) => {
      if (options.metricsToken && !bearerMatches(req.headers.authorization, options.metricsToken)) {
        res.send(401, { error: 'metrics need the bearer token' });
        return;
      }
      const { contentType, body } = await metrics.exposition();
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(body);
    });
  }

  return server;
}

/** Compares in constant time, so the token cannot be guessed a character at a time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function shortReason(err: Error & { body?: { message?: unknown } }): string {
  const message = typeof err.body?.message === 'string' ? err.body.message : err.message;
  return (message || 'bad request').split('\n')[0]!.slice(0, 200);
}
