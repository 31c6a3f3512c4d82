import type { App, Logger as SlackLogger, Receiver, ReceiverEvent } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { z } from 'zod';
import type { Logger } from '../../log/logger';
import { boltLogger } from './bolt-logger';
import {
  claimRequest,
  keptProperties,
  pendingClaimProperties,
  replayUnfinished,
  type KeptDelivery,
  type ClaimOutcome,
  type DeliveryLedger,
} from './delivery-claim';
import { ALREADY_DONE_TEXT, deliveryIdOf } from './restify-receiver';
import { parseSocketModePayload, SlackRequestError, type SlackRequest } from './slack-request';

export interface SocketModeReceiverOptions {
  /** The app-level token (`xapp-`) that opens connections: apps.connections.open. */
  appToken: string;
  apiUrl: string;
  ledger: DeliveryLedger;
  log: Logger;
  /** As over HTTP: Slack redelivers an envelope not acknowledged within 3 s. */
  ackTimeoutMs?: number;
  /**
   * SocketModeClient's clientPingTimeout: how long a pong may take, and how long it waits before
   * reconnecting once Slack asks it to. Tests shorten it so a reconnect needs no five-second wait.
   */
  clientPingTimeoutMs?: number;
}

type SocketAck = (response?: Record<string, unknown> | string) => Promise<void>;

/**
 * What SocketModeClient hands over for each envelope (its `slack_event`): the envelope's own
 * fields, already unwrapped, and the ack that sends `{envelope_id, payload}` back on the socket.
 * https://api.slack.com/apis/connections/socket-implement
 */
const socketEnvelope = z.object({
  type: z.string().min(1),
  envelope_id: z.string().min(1),
  body: z.unknown(),
  retry_num: z.number().int().nonnegative().optional(),
  retry_reason: z.string().optional(),
  ack: z.custom<SocketAck>((value) => typeof value === 'function', 'ack is not a function'),
});

/**
 * A Bolt Receiver for Slack's Socket Mode, for landlords who cannot expose an HTTPS endpoint:
 * the bot dials out to Slack and envelopes arrive on a WebSocket. Bolt's own SocketModeReceiver
 * would do, but this one claims each delivery in the same inbound ledger, under the same ids, and
 * acknowledges at the same moments as RestifyReceiver, so the listeners cannot tell the two apart
 * and a redelivered envelope takes effect once.
 */
export class SocketModeReceiver implements Receiver {
  private app: App | undefined;
  private readonly client: SocketModeClient;
  private readonly ackTimeoutMs: number;
  private stopped = false;

  constructor(private readonly options: SocketModeReceiverOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 2500;
    const log = options.log.child({ component: 'slack-socket-mode' });
    this.client = new SocketModeClient({
      appToken: options.appToken,
      logger: socketLogger(log),
      ...(options.clientPingTimeoutMs !== undefined
        ? { clientPingTimeout: options.clientPingTimeoutMs }
        : {}),
      // Only the connection is opened with this client; everything else goes through Bolt's.
      clientOptions: { slackApiUrl: options.apiUrl },
    });
    this.client.on('slack_event', (envelope: unknown) => {
      // The emitter does not wait for listeners, so a failure here must end here.
      this.onEnvelope(envelope).catch((error: unknown) =>
        log.error({ err: error }, 'slack socket envelope failed'),
      );
    });
    this.client.on('connected', () => {
      // A stop() while the connection was still being opened cannot cancel the opening.
      if (this.stopped) void this.client.disconnect();
      else log.info('Slack: Socket Mode connected');
    });
    this.client.on('reconnecting', () => log.info('Slack: Socket Mode reconnecting'));
  }

  init(app: App): void {
    this.app = app;
  }

  /** Does the work of commands and clicks whose process died after their ack. */
  async replayUnfinished(now: Date, olderThanMs: number): Promise<number> {
    if (!this.app) return 0;
    return replayUnfinished(this.app, this.options.ledger, this.options.log, now, olderThanMs);
  }

  /** Resolves once Slack has said hello on the first connection; the client reconnects itself. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.client.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client.disconnect();
  }

  private async onEnvelope(raw: unknown): Promise<void> {
    const parsed = socketEnvelope.safeParse(raw);
    if (!parsed.success) {
      this.options.log.warn(
        { problems: parsed.error.issues.map((issue) => issue.message) },
        'slack socket message is not an envelope; ignored',
      );
      return;
    }
    const envelope = parsed.data;
    const log = this.options.log.child({
      envelopeId: envelope.envelope_id,
      envelopeType: envelope.type,
    });
    let request: Exclude<SlackRequest, { kind: 'url_verification' }>;
    try {
      request = parseSocketModePayload(envelope.type, envelope.body);
    } catch (error) {
      if (!(error instanceof SlackRequestError)) throw error;
      // Its redeliveries would be just as unreadable: acknowledging stops them.
      log.warn({ reason: error.message }, 'slack socket envelope not understood; acknowledged');
      await sendAck(envelope.ack, undefined, log);
      return;
    }

    const delivery = deliveryIdOf(request);
    const { outcome, kept } = await claimRequest(this.options.ledger, delivery, request, log);
    const claim = Promise.resolve(outcome);
    if (outcome === 'repeat') {
      log.info(
        { deliveryId: delivery, retryNum: envelope.retry_num },
        'slack delivery already handled; acknowledged and skipped',
      );
      // As over HTTP: a repeated command still deserves an answer; a click or form needs none.
      await sendAck(
        envelope.ack,
        request.kind === 'command'
          ? { response_type: 'ephemeral', text: ALREADY_DONE_TEXT }
          : undefined,
        log,
      );
      return;
    }
    await this.dispatch(request.body, envelope, log, { delivery, claim, kept });
  }

  private async dispatch(
    body: Record<string, unknown>,
    envelope: z.infer<typeof socketEnvelope>,
    log: Logger,
    claimed: { delivery: string; claim: Promise<ClaimOutcome>; kept?: KeptDelivery | undefined },
  ): Promise<void> {
    if (!this.app) throw new Error('SocketModeReceiver used before Bolt called init()');
    let acked = false;
    const respond = async (payload?: unknown): Promise<boolean> => {
      if (acked) return false;
      acked = true;
      await sendAck(envelope.ack, payload, log);
      return true;
    };
    const safetyNet = setTimeout(() => {
      void respond().then((sent) => {
        if (sent)
          log.warn('slack listener did not acknowledge in time; sent an empty acknowledgement');
      });
    }, this.ackTimeoutMs);

    // The same timing as over HTTP: events are acknowledged once their listeners have run, so
    // one that fails is left unacknowledged and Slack redelivers it; commands and interactions
    // at their ack, within Slack's 3 seconds, with the work after.
    const processBeforeResponse = body.type === 'event_callback';
    const event: ReceiverEvent = {
      body,
      ...(envelope.retry_num !== undefined ? { retryNum: envelope.retry_num } : {}),
      ...(envelope.retry_reason !== undefined ? { retryReason: envelope.retry_reason } : {}),
      customProperties: {
        ...pendingClaimProperties(claimed.claim),
        ...keptProperties(claimed.kept),
      },
      ack: async (response?: unknown) => {
        if (processBeforeResponse) return;
        if (!(await respond(response)))
          log.warn('slack listener acknowledged twice; the second was ignored');
      },
    };
    try {
      await this.app.processEvent(event);
      // Done, however it ended: a kept request is not done again by another instance.
      await claimed.kept?.finish();
      await respond();
    } catch (error) {
      log.error({ err: error }, 'slack listener failed');
      if ((await claimed.claim) === 'first')
        await this.options.ledger.release(claimed.delivery).catch(() => undefined);
      // Left unacknowledged, Slack redelivers it (Socket Mode has no status code to send).
      acked = true;
    } finally {
      clearTimeout(safetyNet);
    }
  }
}

/**
 * Sends the envelope's ack, with the listener's answer (a command's message, a form's
 * response_action) as its payload. A socket closed in the meantime loses the ack; Slack then
 * redelivers, and the ledger answers the repeat.
 */
async function sendAck(ack: SocketAck, payload: unknown, log: Logger): Promise<void> {
  try {
    if (payload === undefined || payload === '') await ack();
    else if (typeof payload === 'string') await ack(payload);
    else if (isRecord(payload)) await ack(payload);
    else {
      log.warn({ payloadType: typeof payload }, 'slack ack payload is not an object; sent empty');
      await ack();
    }
  } catch (error) {
    log.warn({ err: error }, 'slack socket ack could not be sent; Slack will redeliver');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The socket client's own lines in our log. Its debug lines quote whole envelopes, which hold
 * what members typed; our logs carry no such text, so they are dropped.
 */
function socketLogger(log: Logger): SlackLogger {
  return { ...boltLogger(log), debug: () => undefined };
}
