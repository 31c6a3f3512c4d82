import type nock from 'nock';
import { createHmac } from 'node:crypto';

export const SLACK_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const SLACK_API_URL = 'https://slack.test.example/api/';

export const slackEnv = {
  SLACK_SIGNING_SECRET,
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_API_URL,
};

/** Headers Slack would send with `body`, signed as Slack signs them. */
export function slackHeaders(
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: { timestamp?: number; secret?: string; retryNum?: number } = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', options.secret ?? SLACK_SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
    ...(options.retryNum !== undefined
      ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
      : {}),
  };
}

let triggers = 0;

/**
 * A trigger_id as Slack makes them (`<number>.<number>.<hex>`), new for every invocation:
 * https://api.slack.com/interactivity/handling#modal_responses
 */
export function newTriggerId(): string {
  triggers += 1;
  return `${13345224609 + triggers}.738474920.${process.pid.toString(16)}${triggers.toString(16)}`;
}

export function slashCommandBody(
  text: string,
  userId = 'U0MEMBER1',
  teamId = 'T0LANDLORD',
): string {
  return new URLSearchParams({
    token: 'legacy-unused',
    team_id: teamId,
    team_domain: 'landlord',
    channel_id: 'C0PANEL',
    channel_name: 'scrutiny-panel',
    user_id: userId,
    user_name: 'member',
    command: '/scrutiny',
    text,
    response_url: 'https://hooks.slack.test.example/commands/T0LANDLORD/1/abc',
    trigger_id: newTriggerId(),
    api_app_id: 'A0SCRUTINY',
  }).toString();
}

export const SLACK_HOOKS = 'https://hooks.slack.test.example';

/** One outbound call to Slack: a Web API method or a response_url post. */
export interface SlackCall {
  /** `chat.postMessage`, `views.open`…, or the response_url path. */
  method: string;
  body: Record<string, unknown>;
  token: string | undefined;
  /** The body as text, for "does it say…" assertions. */
  text: string;
}

/**
 * Stands in for Slack's Web API and response URLs for the whole test file: every call is
 * answered as Slack would and recorded, and a test waits for the call it expects instead of
 * sleeping, because listeners finish their work after the ack that ends the HTTP request.
 */
export function captureSlack(nockFor: (base: string) => nock.Scope) {
  const calls: SlackCall[] = [];
  const waiters: Array<{ match: (c: SlackCall) => boolean; resolve: (c: SlackCall) => void }> = [];
  const record = (method: string, body: unknown, token: string | undefined) => {
    const parsed = (typeof body === 'string' ? decode(body) : body) as Record<string, unknown>;
    const call = { method, body: parsed, token, text: JSON.stringify(parsed) };
    calls.push(call);
    for (const waiter of [...waiters])
      if (waiter.match(call)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
  };
  let ts = 0;
  type Answer = (body: Record<string, unknown>) => Record<string, unknown>;
  const answers: Record<string, Answer> = {
    'auth.test': () => ({ ok: true, team_id: 'T', user_id: 'U0BOT', bot_id: 'B0BOT' }),
    'conversations.open': () => ({ ok: true, channel: { id: 'D0OPENED' } }),
    'chat.postMessage': () => ({ ok: true, ts: `1.${++ts}` }),
    // https://docs.slack.dev/reference/methods/views.open and views.update: the view comes back.
    'views.open': () => ({ ok: true, view: { id: 'V0OPENED' } }),
    'views.update': (body) => ({ ok: true, view: { id: body.view_id } }),
    'views.publish': () => ({ ok: true, view: { id: 'V0HOME' } }),
  };
  // Answers a test sets for itself, by method, until the next install().
  let overrides: Record<string, Answer> = {};
  // Answers to give instead of success, once each, by method (e.g. a 429 with Retry-After).
  const failures: Array<{ method: string; status: number; headers: Record<string, string> }> = [];
  // Answers given once each with HTTP 200, after `before` has run (e.g. a read of the database).
  const onceAnswers: Array<{
    method: string;
    body?: Record<string, unknown>;
    before?: () => Promise<void>;
  }> = [];
  const install = () => {
    overrides = {};
    nockFor(SLACK_API_URL.replace(/\/api\/$/, ''))
      .persist()
      .post(/^\/api\/.+/)
      .reply(async function (uri, body) {
        const method = uri.replace(/^\/api\//, '');
        const once = onceAnswers.findIndex((a) => a.method === method);
        if (once >= 0) {
          const [answer] = onceAnswers.splice(once, 1);
          const token = this.req.headers.authorization as string | undefined;
          await answer?.before?.();
          record(method, body, token);
          return [200, answer?.body ?? (answers[method] ?? (() => ({ ok: true })))(decoded(body))];
        }
        const failure = failures.findIndex((f) => f.method === method);
        if (failure >= 0) {
          const [answer] = failures.splice(failure, 1);
          record(`${method} (${answer?.status})`, body, undefined);
          return [
            answer?.status ?? 500,
            { ok: false, error: 'ratelimited' },
            answer?.headers ?? {},
          ];
        }
        record(method, body, this.req.headers.authorization as string | undefined);
        const answer = overrides[method] ?? answers[method] ?? (() => ({ ok: true }));
        return [200, answer(decoded(body))];
      });
    nockFor(SLACK_HOOKS)
      .persist()
      .post(/.*/)
      .reply(function (uri, body) {
        const failure = failures.findIndex((f) => f.method === 'response_url');
        if (failure >= 0) {
          const [answer] = failures.splice(failure, 1);
          record(`${uri} (${answer?.status})`, body, undefined);
          return [answer?.status ?? 500, 'internal_error', answer?.headers ?? {}];
        }
        record(uri, body, undefined);
        return [200, 'ok'];
      });
  };
  return {
    calls,
    install,
    /** The next call to `method` (or to any response URL: 'response_url') gets `status` (and headers) instead of success. */
    failNext(method: string, status: number, headers: Record<string, string> = {}): void {
      failures.push({ method, status, headers });
    },
    /**
     * The next call to `method` is answered with `body` (HTTP 200; Slack reports its errors as
     * `{ok: false, error}` with a 200), and not before `before` has finished, so a test can look
     * at the database at the moment of the call.
     */
    answerNext(
      method: string,
      answer: { body?: Record<string, unknown>; before?: () => Promise<void> },
    ): void {
      onceAnswers.push({ method, ...answer });
    },
    /** Calls to `method` get `answer(body)` until the next install() (each test's beforeEach). */
    answerWith(method: string, answer: Answer): void {
      overrides[method] = answer;
    },
    /** The first call (already made or still to come) that `match` accepts, after `since`. */
    next(match: (c: SlackCall) => boolean, since = 0): Promise<SlackCall> {
      const made = calls.slice(since).find(match);
      if (made) return Promise.resolve(made);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

function decoded(body: unknown): Record<string, unknown> {
  return (typeof body === 'string' ? decode(body) : body) as Record<string, unknown>;
}

/** The Web API client posts form-encoded bodies; response_url posts are JSON. */
function decode(body: string): Record<string, unknown> {
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(body));
  }
}
