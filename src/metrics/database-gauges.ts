import type { Connection } from 'mongoose';
import { BallotBox } from '../store/conduct/ballot-box';
import { NudgeOutbox } from '../store/nudges/nudge-outbox';
import type { BotMetrics } from './bot-metrics';

/**
 * Database round trips as the driver reports them (the connection is opened with
 * monitorCommands when metrics are on), and the figures read from the database at scrape time.
 */
export function watchDatabase(metrics: BotMetrics, connection: Connection): void {
  const client = connection.getClient();
  client.on('commandSucceeded', (event) =>
    metrics.databaseCommand(event.commandName, true, event.duration / 1000),
  );
  client.on('commandFailed', (event) =>
    metrics.databaseCommand(event.commandName, false, event.duration / 1000),
  );
  const outbox = new NudgeOutbox(connection);
  const ballots = new BallotBox(connection);
  metrics.gaugeFromDatabase(
    'scrutiny_outbox_depth',
    'Messages written to the outbox and not yet accepted by Teams or Slack.',
    () => outbox.waiting(),
  );
  metrics.gaugeFromDatabase('scrutiny_ballots_open', 'Conduct ballots open now.', () =>
    ballots.openCount(),
  );
}
