import type { LocalDate } from '../../domain/calendar';
import { openDeadline, type DeadlineKind } from '../../domain/deadlines';
import { AuditTrail } from '../../store/audit/audit-trail';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import { calendarOf } from '../organisations/register-organisation';
import type { AppContext } from '../shared/context';

export interface StartDeadlineInput {
  organisationId: string;
  groupId?: string;
  kind: DeadlineKind;
  subject: { kind: string; id: string };
  ownerId: string;
  /** What the rule counts from: the request, the agreement, the meeting. */
  from: Date;
  reviewAfterMonths?: number;
  /** A date the officer set instead of the rule's, due at the end of that local day. */
  dueOn?: LocalDate;
  startedBy: string;
}

/**
 * Opens the deadline a rule implies, due by the organisation's working-day calendar. Other
 * use-cases call this when they start a clock (an information request, agreed recommendations).
 */
export async function startDeadline(
  ctx: AppContext,
  input: StartDeadlineInput,
): Promise<DeadlineRecord> {
  const calendar = await calendarOf(ctx, input.organisationId);
  const computed = openDeadline({
    kind: input.kind,
    subject: input.subject,
    ownerId: input.ownerId,
    from: input.from,
    calendar,
    options:
      input.reviewAfterMonths === undefined
        ? undefined
        : { reviewAfterMonths: input.reviewAfterMonths },
  });
  const { created, deadline } = await new DeadlineBook(ctx.db).open({
    ...computed,
    ...(input.dueOn ? { dueAt: calendar.endOfLocalDay(input.dueOn) } : {}),
    organisationId: input.organisationId,
    groupId: input.groupId,
    createdAt: ctx.now(),
    createdBy: input.startedBy,
  });
  if (created) {
    await new AuditTrail(ctx.db).append({
      organisationId: input.organisationId,
      groupId: input.groupId,
      subject: { kind: 'deadline', id: deadline._id },
      action: 'deadline.opened',
      actorId: input.startedBy,
      at: ctx.now(),
      details: {
        kind: deadline.kind,
        about: deadline.subject,
        ownerId: deadline.ownerId,
        dueAt: deadline.dueAt.toISOString(),
      },
    });
  }
  return deadline;
}
