import { verifySlackRequest, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { InstallProvider } from '@slack/oauth';
import errors from 'restify-errors';
import type { Next, Request, Response, Server } from 'restify';
import { rawBodyText, readRawBody } from '../../http/request-body';
import type { Logger } from '../../log/logger';
import type { AcksInFlight } from './listeners/after-ack';
import {
  ALREADY_DONE_TEXT,
  claimRequest,
  keptProperties,
  pendingClaimProperties,
  replayUnfinished,
  type KeptDelivery,
  type ClaimOutcome,
  type DeliveryLedger,
} from './delivery-claim';
import {
  parseSlackRequest,
  SlackContentTypeError,
  SlackRequestError,
  type SlackRequest,
} from './slack-request';

export type { DeliveryLedger } from './delivery-claim';

export interface RestifyReceiverOptions {
  signingSecret: string;
  ledger: DeliveryLedger;
  log: Logger;
  /** Slack gives up after 3 s; we answer an unacknowledged request with an empty 200 before that. */
  ackTimeoutMs?: number;
  now?: () => number;
  /** Counts the requests waiting for their ack, so that the work after acks can give way. */
  acks?: AcksInFlight;
}

/** Slack posts events, slash commands and interactivity here; any of the three may share one URL. */
export const SLACK_PATHS = [
  '/api/slack/events',
  '/api/slack/commands',
  '/api/slack/interactivity',
] as const;

export const SLACK_INSTALL_PATHS = {
  install: '/api/slack/install',
  redirect: '/api/slack/oauth_redirect',
} as const;

const MAX_SKEW_SECONDS = 5 * 60;

/**
 * A Bolt Receiver that lives on our restify server, in the way Bolt's own receivers sit beside
 * its App: it verifies and parses requests, hands Bolt a ReceiverEvent, and turns the
 * listener's ack into the HTTP response. Listeners never see HTTP.
 */
export class RestifyReceiver implements Receiver {
  private app: App | undefined;
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: RestifyReceiverOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 2500;
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  /** Does the work of commands and clicks whose process died after their ack. */
  async replayUnfinished(now: Date, olderThanMs: number): Promise<number> {
    if (!this.app) return 0;
    return replayUnfinished(this.app, this.options.ledger, this.options.log, now, olderThanMs);
  }

  // The restify server is started and stopped by the http module, not by Bolt.
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  mount(server: Server, installer?: InstallProvider): void {
    for (const path of SLACK_PATHS) {
      server.post(
        path,
        this.countedUntilAnswered,
        readRawBody(),
        async (req: Request, res: Response) => this.handle(req, res),
      );
    }
    if (installer) {
      // OAuth for many workspaces: "Add to Slack" starts here and Slack sends the person back to
      // the redirect, where the installation is stored (Bolt's InstallProvider does both).
      server.get(SLACK_INSTALL_PATHS.install, async (req: Request, res: Response) =>
        installer.handleInstallPath(req, res),
      );
      server.get(SLACK_INSTALL_PATHS.redirect, async (req: Request, res: Response) =>
        installer.handleCallback(req, res),
      );
    }
  }

  /** From its arrival until its response is sent (or the caller hangs up), a request waits. */
  private readonly countedUntilAnswered = (req: Request, res: Response, next: Next): void => {
    const answered = this.options.acks?.begin();
    if (answered) {
      res.once('finish', answered);
      res.once('close', answered);
    }
    next();
  };

  private async handle(req: Request, res: Response): Promise<void> {
    const log = req.reqLog ?? this.options.log;
    const rawBody = rawBodyText(req);
    this.verify(req, rawBody);

    let request;
    try {
      request = parseSlackRequest(String(req.headers['content-type'] ?? ''), rawBody);
    } catch (error) {
      if (error instanceof SlackContentTypeError)
        throw new errors.UnsupportedMediaTypeError(error.message);
      if (error instanceof SlackRequestError) throw new errors.BadRequestError(error.message);
      throw error;
    }

    if (request.kind === 'url_verification') {
      res.send(200, { challenge: request.challenge });
      return;
    }

    const retryNum = numberHeader(req.headers['x-slack-retry-num']);
    const retryReason = stringHeader(req.headers['x-slack-retry-reason']);
    const delivery = deliveryIdOf(request);
    const { outcome, kept } = await claimRequest(this.options.ledger, delivery, request, log);
    const claim = Promise.resolve(outcome);
    if (outcome === 'repeat') {
      log.info(
        { deliveryId: delivery, retryNum },
        'slack delivery already handled; acknowledged and skipped',
      );
      // A repeated command still deserves an answer; a repeated click or form needs none.
      if (request.kind === 'command')
        res.send(200, { response_type: 'ephemeral', text: ALREADY_DONE_TEXT });
      else res.send(200);
      return;
    }

    await this.dispatch(
      request.body,
      res,
      log,
      { retryNum, retryReason },
      { delivery, claim, kept },
    );
  }

  private verify(req: Request, rawBody: string): void {
    const signature = stringHeader(req.headers['x-slack-signature']);
    const timestamp = numberHeader(req.headers['x-slack-request-timestamp']);
    if (!signature || timestamp === undefined) {
      throw new errors.UnauthorizedError('missing Slack signature');
    }
    const nowMs = this.now();
    // Bolt refuses old timestamps; we refuse ones from the future too, so a replay cannot be pre-dated.
    if (timestamp - Math.floor(nowMs / 1000) > MAX_SKEW_SECONDS) {
      throw new errors.UnauthorizedError('stale or future Slack request');
    }
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: rawBody,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
        nowMilliseconds: nowMs,
      });
    } catch (error) {
      const stale = (error as Error).message.includes('stale');
      throw new errors.UnauthorizedError(
        stale ? 'stale or future Slack request' : 'invalid Slack signature',
      );
    }
  }

  private async dispatch(
    body: Record<string, unknown>,
    res: Response,
    log: Logger,
    retry: { retryNum: number | undefined; retryReason: string | undefined },
    /** The claim, and for a command or click the delivery kept until its work is done. */
    claimed: { delivery: string; claim: Promise<ClaimOutcome>; kept?: KeptDelivery | undefined },
  ): Promise<void> {
    if (!this.app) throw new Error('RestifyReceiver used before Bolt called init()');
    let acked = false;
    const respond = (status: number, payload?: unknown) => {
      if (acked) return false;
      acked = true;
      if (payload === undefined || payload === '') res.send(status);
      else if (typeof payload === 'string') {
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.sendRaw(status, payload);
      } else res.send(status, payload);
      return true;
    };
    const safetyNet = setTimeout(() => {
      if (respond(200))
        log.warn('slack listener did not acknowledge in time; sent an empty acknowledgement');
    }, this.ackTimeoutMs);

    // Events are answered once their listeners have run (Bolt's "process before response"):
    // they are short, and a listener that fails then gets a 500, so Slack retries the event
    // instead of it being lost. Commands and interactions are answered at their ack, as Slack's
    // 3 seconds require, and do their work after.
    const processBeforeResponse = body.type === 'event_callback';
    const event: ReceiverEvent = {
      body,
      ...(retry.retryNum !== undefined ? { retryNum: retry.retryNum } : {}),
      ...(retry.retryReason !== undefined ? { retryReason: retry.retryReason } : {}),
      customProperties: {
        ...pendingClaimProperties(claimed.claim),
        ...keptProperties(claimed.kept),
      },
      ack: async (response?: unknown) => {
        if (processBeforeResponse) return;
        if (!respond(200, response))
          log.warn('slack listener acknowledged twice; the second was ignored');
      },
    };
    try {
      await this.app.processEvent(event);
      // Done, however it ended: a kept request is not done again by another instance.
      await claimed.kept?.finish();
      // A request no listener acknowledged (e.g. an event type we ignore) still gets its 200.
      respond(200);
    } catch (error) {
      log.error({ err: error }, 'slack listener failed');
      if ((await claimed.claim) === 'first')
        await this.options.ledger.release(claimed.delivery).catch(() => undefined);
      // Only an unacknowledged request can still tell Slack to retry.
      respond(500, { error: 'internal error' });
    } finally {
      clearTimeout(safetyNet);
    }
  }
}

export { ALREADY_DONE_TEXT } from './delivery-claim';

/**
 * Slack's own id for each delivery: an event's event_id (stable across Slack's retries), and the
 * trigger_id of a command, click or form (unique per invocation, so a replay of the same signed
 * request within its five minutes carries the same one).
 * https://api.slack.com/interactivity/handling#payloads and /interactivity/slash-commands
 */
export function deliveryIdOf(request: SlackRequest): string {
  if (request.kind === 'event') return request.eventId ? `slack-event:${request.eventId}` : '';
  if (request.kind === 'url_verification' || !request.triggerId) return '';
  return `slack-trigger:${request.triggerId}`;
}

function stringHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function numberHeader(value: string | string[] | undefined): number | undefined {
  const text = stringHeader(value);
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}
