import type { ChannelLabel } from './channel-label';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CollectFunction,
} from 'prom-client';

import type { Observer, Outcome } from '../app/shared/observer';

/** Which platform a request came from, by the route it arrived on. */

/** Names of commands and card actions come from definitions, but a label must stay bounded. */
const LABEL_SHAPE = /^[a-z][a-z0-9.-]{0,40}$/;
function bounded(label: string): string {
  return LABEL_SHAPE.test(label) ? label : 'unknown';
}

// Chat requests are answered in milliseconds to a few seconds (Slack wants an ack within 3 s).
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DB_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5];
const SWEEP_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300];

/**
 * The bot's Prometheus metrics, on a registry of its own (not prom-client's global one) so
 * several bots in one process, as the tests run them, never share counts.
 */
export class BotMetrics implements Observer {
  readonly registry = new Registry();
  private readonly requests: Counter<'channel' | 'status'>;
  private readonly requestSeconds: Histogram<'channel'>;
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly cardActions: Counter<'action' | 'outcome'>;
  private readonly dbSeconds: Histogram<'command' | 'outcome'>;
  private readonly sweepSeconds: Histogram;
  private readonly remindersSent: Counter;
  private readonly deliveryFailures: Counter;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'scrutiny_' });
    this.requests = new Counter({
      name: 'scrutiny_http_requests_total',
      help: 'HTTP requests answered, by channel and status class (2xx, 4xx, 5xx).',
      labelNames: ['channel', 'status'],
      registers: [this.registry],
    });
    this.requestSeconds = new Histogram({
      name: 'scrutiny_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by channel.',
      labelNames: ['channel'],
      buckets: REQUEST_BUCKETS,
      registers: [this.registry],
    });
    this.commands = new Counter({
      name: 'scrutiny_commands_total',
      help: 'Commands run, by command and outcome (ok, refused, error).',
      labelNames: ['command', 'outcome'],
      registers: [this.registry],
    });
    this.cardActions = new Counter({
      name: 'scrutiny_card_actions_total',
      help: 'Card buttons and forms handled, by action and outcome (ok, refused, error).',
      labelNames: ['action', 'outcome'],
      registers: [this.registry],
    });
    this.dbSeconds = new Histogram({
      name: 'scrutiny_db_command_duration_seconds',
      help: 'Database command round trips as the driver reports them, by command.',
      labelNames: ['command', 'outcome'],
      buckets: DB_BUCKETS,
      registers: [this.registry],
    });
    this.sweepSeconds = new Histogram({
      name: 'scrutiny_nudge_sweep_duration_seconds',
      help: 'Time a nudge sweep took (only sweeps this instance held the lease for).',
      buckets: SWEEP_BUCKETS,
      registers: [this.registry],
    });
    this.remindersSent = new Counter({
      name: 'scrutiny_reminders_sent_total',
      help: 'Reminders and nudges the platforms accepted.',
      registers: [this.registry],
    });
    this.deliveryFailures = new Counter({
      name: 'scrutiny_outbox_failures_total',
      help: 'Outbox sends that failed and were kept to retry, or given up.',
      registers: [this.registry],
    });
  }

  requestAnswered(channel: ChannelLabel, status: number, seconds: number): void {
    this.requests.inc({ channel, status: `${Math.floor(status / 100)}xx` });
    this.requestSeconds.observe({ channel }, seconds);
  }

  commandRan(command: string, outcome: Outcome): void {
    this.commands.inc({ command: bounded(command), outcome });
  }

  cardActionRan(action: string, outcome: Outcome): void {
    this.cardActions.inc({ action: bounded(action), outcome });
  }

  databaseCommand(command: string, ok: boolean, seconds: number): void {
    this.dbSeconds.observe(
      { command: bounded(command.toLowerCase()), outcome: ok ? 'ok' : 'error' },
      seconds,
    );
  }

  swept(
    report: { swept: boolean; sent: number; retrying: number; cancelled: number },
    seconds: number,
  ): void {
    if (!report.swept) return;
    this.sweepSeconds.observe(seconds);
    this.remindersSent.inc(report.sent);
    this.deliveryFailures.inc(report.retrying + report.cancelled);
  }

  /**
   * A gauge read from the database when Prometheus scrapes (outbox depth, ballots open), so the
   * figure is the shared database's, whichever instance answers the scrape.
   */
  gaugeFromDatabase(name: string, help: string, read: () => Promise<number>): void {
    const collect: CollectFunction<Gauge> = async function () {
      try {
        this.set(await read());
      } catch {
        // The database being away shows in /readyz; a scrape still answers with the rest.
      }
    };
    new Gauge({ name, help, registers: [this.registry], collect });
  }

  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

export { channelOfPath, type ChannelLabel } from './channel-label';
