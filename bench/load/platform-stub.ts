import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to "Slack" or "the Bot Connector". */
export interface StubCall {
  kind: 'slack-api' | 'slack-response' | 'connector';
  path: string;
  body: string;
  /** When it arrived (Date.now of the stub's process). */
  at?: number;
}

type Waiter = { match: (call: StubCall) => boolean; resolve: (call: StubCall) => void };

/**
 * Slack's Web API, its response URLs and the Bot Connector, answered on loopback as the real
 * services answer, so a benchmark measures the bot and not the internet. Calls are counted by
 * kind; bodies are only kept while someone waits for one (seeding), not under load.
 */
export class PlatformStub {
  readonly counts = { 'slack-api': 0, 'slack-response': 0, connector: 0 };
  /** When the latest call of each kind came (Date.now()). */
  readonly lastAt = { 'slack-api': 0, 'slack-response': 0, connector: 0 };
  /** Every call with its body, only when asked for (a test counting duplicates), not under a bench. */
  readonly calls: StubCall[] = [];
  private readonly waiters: Waiter[] = [];
  private server: Server | undefined;
  private messageTs = 0;
  url = '';

  constructor(private readonly options: { keepCalls?: boolean } = {}) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const path = req.url ?? '/';
        const kind: StubCall['kind'] = path.startsWith('/api/')
          ? 'slack-api'
          : path.startsWith('/respond/')
            ? 'slack-response'
            : 'connector';
        this.counts[kind] += 1;
        const call = { kind, path, body, at: Date.now() };
        this.lastAt[kind] = call.at;
        if (this.options.keepCalls) this.calls.push(call);
        this.notify(call);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(this.answer(kind, path, body)));
      });
    });
    // Two hundred clients each waiting on replies: keep connections open like a real API does.
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The first call from now on that `match` accepts. */
  next(match: (call: StubCall) => boolean, timeoutMs = 30_000): Promise<StubCall> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('no such call to the platform stub')),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      });
    });
  }

  private notify(call: StubCall): void {
    for (const waiter of [...this.waiters])
      if (waiter.match(call)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
  }

  private answer(kind: StubCall['kind'], path: string, body: string): Record<string, unknown> {
    if (kind === 'slack-response') return { ok: true };
    if (kind === 'connector')
      return path === '/v3/conversations'
        ? { id: `a:personal-${personalChatKey(body) ?? ++this.messageTs}` }
        : { id: `reply-${++this.messageTs}` };
    const method = path.replace(/^\/api\//, '').split('?')[0];
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: 'T0BENCH', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'conversations.open':
        // A chat per person, as Slack gives, so what was sent can be told apart by recipient.
        return {
          ok: true,
          channel: { id: `D-${new URLSearchParams(body).get('users') ?? 'BENCH'}` },
        };
      case 'chat.postMessage':
        return { ok: true, ts: `1.${++this.messageTs}` };
      default:
        return { ok: true };
    }
  }
}

/** The person a Bot Connector conversation is opened with, so their chat is theirs alone. */
function personalChatKey(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { members?: Array<{ id?: unknown }> };
    const id = parsed.members?.[0]?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
