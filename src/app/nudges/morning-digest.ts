import { DateTime } from 'luxon';
import { DEADLINE_LABELS, type DeadlineKind } from '../../domain/deadlines';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import { EvidenceRequestBook } from '../../store/evidence/evidence-request-book';
import { SweepLease } from '../../store/nudges/sweep-lease';
import { OrganisationBook } from '../../store/organisations/organisation-book';
import { PersonBook } from '../../store/people/person-book';
import type { Logger } from '../../log/logger';
import type { Messenger } from '../messaging/messenger';
import { boundList, clipText, moreLine } from '../dispatch/bounded-list';
import { calendarOf } from '../organisations/register-organisation';
import type { AppContext } from '../shared/context';
import { failedDeliveriesOf } from '../messaging/failed-deliveries';

export interface DigestReport {
  organisations: number;
  sent: number;
  failed: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** The digest summarises: this many of each kind, then "and N more" (bounded-list). */
export const DIGEST_SHOWN = 10;
const WHAT_LENGTH = 200;

/**
 * Each working morning, every officer gets what is overdue and what falls due by Friday across
 * the organisation. One instance sends it (a lease per organisation and day); a bank holiday
 * has no digest, as it has no nudges.
 */
export async function sendMorningDigests(
  ctx: AppContext,
  messenger: Messenger,
  instanceId: string,
  log: Logger,
): Promise<DigestReport> {
  const now = ctx.now();
  const report: DigestReport = { organisations: 0, sent: 0, failed: 0 };
  const deadlines = new DeadlineBook(ctx.db);
  const people = new PersonBook(ctx.db);
  for (const organisationId of await new OrganisationBook(ctx.db).allIds()) {
    const calendar = await calendarOf(ctx, organisationId);
    const today = calendar.localDateOf(now);
    if (!calendar.isWorkingDay(today)) continue;
    const lease = new SweepLease(ctx.db, `digest:${organisationId}`, DAY_MS);
    if (!(await lease.take(instanceId, calendar.endOfLocalDay(today)))) continue;
    report.organisations += 1;
    const friday = DateTime.fromISO(today, { zone: calendar.zone }).set({ weekday: 5 });
    const weekEnds = calendar.endOfLocalDay(friday.toISODate() ?? today);
    // Only what the card shows is read and described; the rest is counted.
    const [overdue, thisWeek] = await Promise.all([
      deadlines.owedIn(organisationId, { before: now }, DIGEST_SHOWN),
      deadlines.owedIn(organisationId, { from: now, through: weekEnds }, DIGEST_SHOWN),
    ]);
    const overdueCount = overdue.total;
    const thisWeekCount = thisWeek.total;
    const officers = await people.officersOf(organisationId);
    // Each officer's own undelivered messages, with Retry and Give up, beside the deadlines.
    const failedOf = new Map(
      await Promise.all(
        officers.map(
          async (personId) =>
            [personId, await failedDeliveriesOf(ctx, { organisationId, personId })] as const,
        ),
      ),
    );
    const anyFailed = [...failedOf.values()].some((lines) => lines.length > 0);
    if (overdueCount + thisWeekCount === 0 && !anyFailed) continue;
    const [overdueLines, thisWeekLines] = await Promise.all([
      describe(ctx, overdue.first, calendar.zone),
      describe(ctx, thisWeek.first, calendar.zone),
    ]);
    const viewModel = digestViewModel(
      { lines: overdueLines, total: overdueCount },
      { lines: thisWeekLines, total: thisWeekCount },
    );
    for (const officerId of officers) {
      const failed = failedOf.get(officerId) ?? [];
      if (overdueCount + thisWeekCount === 0 && failed.length === 0) continue;
      const undelivered =
        failed.length === 0 ? '' : ` ${failed.length} of your messages could not be delivered.`;
      const outcome = await messenger.send(
        { kind: 'person', organisationId, personId: officerId },
        {
          text: `Deadlines this morning: ${overdueCount} overdue, ${thisWeekCount} due this week.${undelivered}`,
          card: { name: 'digest', viewModel: { ...viewModel, failed } },
        },
      );
      if (outcome.sent) report.sent += 1;
      else {
        report.failed += 1;
        log.warn({ organisationId, reason: outcome.reason }, 'morning digest not delivered');
      }
    }
  }
  return report;
}

export interface DigestLine {
  what: string;
  owner: string;
  due: string;
}

/**
 * The digest's card: the first DIGEST_SHOWN of each kind (earliest due first), each clipped,
 * and how many more. `lines` may hold more than are shown; `total` counts them all.
 */
export function digestViewModel(
  overdue: { lines: readonly DigestLine[]; total: number },
  thisWeek: { lines: readonly DigestLine[]; total: number },
): Record<string, unknown> {
  const late = boundList(overdue.lines, { size: DIGEST_SHOWN, total: overdue.total });
  const soon = boundList(thisWeek.lines, { size: DIGEST_SHOWN, total: thisWeek.total });
  const clipped = (lines: DigestLine[]) =>
    lines.map((line) => ({ ...line, what: clipText(line.what, WHAT_LENGTH) }));
  return {
    overdue: clipped(late.items),
    thisWeek: clipped(soon.items),
    overdueMore: moreLine(late, 'overdue'),
    thisWeekMore: moreLine(soon, 'due this week'),
    // Filled per officer: the messages they caused that could not be delivered.
    failed: [],
  };
}

async function describe(
  ctx: AppContext,
  deadlines: DeadlineRecord[],
  zone: string,
): Promise<DigestLine[]> {
  const requestIds = deadlines
    .filter((d) => d.subject.kind === 'evidence-request')
    .map((d) => d.subject.id);
  const [requests, nameById] = await Promise.all([
    new EvidenceRequestBook(ctx.db).summariesOf(requestIds),
    new PersonBook(ctx.db).namesOf([...new Set(deadlines.map((d) => d.ownerId))]),
  ]);
  const requestById = new Map(requests.map((r) => [r._id, r]));
  return deadlines.map((d) => {
    const request = requestById.get(d.subject.id);
    return {
      what: request
        ? `${request.reference}: ${request.what}`
        : (DEADLINE_LABELS[d.kind as DeadlineKind] ?? d.kind),
      owner: nameById.get(d.ownerId) ?? 'someone no longer on record',
      due: DateTime.fromJSDate(d.dueAt, { zone }).setLocale('en-GB').toFormat('cccc d MMMM yyyy'),
    };
  });
}
