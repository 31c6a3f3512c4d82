import { DateTime } from 'luxon';
import { BallotBox } from '../../store/conduct/ballot-box';
import { OrganisationBook } from '../../store/organisations/organisation-book';
import type { Logger } from '../../log/logger';
import { ballotCard, ballotClosedDeliveries } from '../dispatch/conduct-views';
import type { Messenger } from '../messaging/messenger';
import type { AppContext } from '../shared/context';
import { closeDueBallots, liftEndedBars } from './ballots';

/** How long before a ballot closes its eligible non-voters get their one reminder. */
const REMIND_BEFORE_MS = 10 * 60 * 1000;

export interface BallotJobReport {
  closed: number;
  reminded: number;
  barsLifted: number;
}

/**
 * The scheduler's part in ballots: close those whose time is up and announce the result, remind
 * each eligible member who has not voted once before the close, and lift bars that have ended.
 */
export async function runBallotJobs(
  ctx: AppContext,
  messenger: Messenger,
  log: Logger,
): Promise<BallotJobReport> {
  const report: BallotJobReport = { closed: 0, reminded: 0, barsLifted: 0 };
  for (const ballot of await closeDueBallots(ctx)) {
    report.closed += 1;
    for (const delivery of await ballotClosedDeliveries(ctx, ballot)) {
      const outcome = await messenger.send(delivery.to, delivery.message);
      if (!outcome.sent) log.warn({ reason: outcome.reason }, 'ballot result not delivered');
    }
  }
  report.reminded = await remindNonVoters(ctx, messenger, log);
  report.barsLifted = await liftEndedBars(ctx);
  return report;
}

async function remindNonVoters(
  ctx: AppContext,
  messenger: Messenger,
  log: Logger,
): Promise<number> {
  const now = ctx.now();
  const box = new BallotBox(ctx.db);
  const closingSoon = await box.closingUnreminded(new Date(now.getTime() + REMIND_BEFORE_MS));
  let reminded = 0;
  for (const ballot of closingSoon) {
    // Claimed by one instance: whoever moves the ballot on a version sends the reminders.
    const claimed = await box.updateIfUnchanged(ballot, { reminderSent: true });
    if (!claimed) continue;
    const voted = new Set(await box.whoVoted(ballot._id));
    const zone =
      (await new OrganisationBook(ctx.db).timeZoneOf(ballot.organisationId)) ?? 'Europe/London';
    const card = await ballotCard(ctx, claimed, zone);
    const closes = DateTime.fromJSDate(ballot.closesAt, { zone }).toFormat('HH:mm');
    for (const personId of ballot.eligible.filter((id) => !voted.has(id))) {
      const outcome = await messenger.send(
        { kind: 'person', organisationId: ballot.organisationId, personId },
        { text: `A ballot you may vote in closes at ${closes}, and you have not voted.`, card },
      );
      if (outcome.sent) reminded += 1;
      else log.warn({ reason: outcome.reason }, 'ballot reminder not delivered');
    }
  }
  return reminded;
}
