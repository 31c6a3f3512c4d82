import { DateTime } from 'luxon';
import { DEADLINE_LABELS, type DeadlineKind } from '../../domain/deadlines';
import type { OutgoingMessage } from '../messaging/messenger';
import type { DeadlineRecord } from '../../store/deadlines/deadline-model';
import { EvidenceRequestBook } from '../../store/evidence/evidence-request-book';
import { PersonBook } from '../../store/people/person-book';
import type { AppContext } from '../shared/context';

function headingFor(stage: string, ownerName: string): { heading: string; overdue: boolean } {
  const name = stage.split('@')[0] ?? stage;
  const before = /^before-(\d+)$/.exec(name);
  if (before) {
    const n = Number(before[1]);
    return {
      heading:
        n === 1 ? 'Reminder: due on the next working day' : `Reminder: due in ${n} working days`,
      overdue: false,
    };
  }
  if (name === 'due') return { heading: 'Due today', overdue: false };
  if (name === 'escalation')
    return { heading: `Overdue and still not answered by ${ownerName}`, overdue: true };
  return { heading: 'Overdue: please deal with it as soon as you can', overdue: true };
}

/**
 * The reminder as a card, with the buttons that end it for the owner (evidence sent, more time,
 * not me; or done, not me). Escalations go to officers and say who owes it, without the buttons.
 */
export async function nudgeMessage(
  ctx: AppContext,
  deadline: DeadlineRecord,
  stage: string,
  forOwner: boolean,
  zone: string,
): Promise<OutgoingMessage> {
  const request =
    deadline.subject.kind === 'evidence-request'
      ? await new EvidenceRequestBook(ctx.db).summaryOf(deadline.subject.id)
      : null;
  const owner = forOwner ? undefined : await new PersonBook(ctx.db).nameOf(deadline.ownerId);
  const ownerName = owner ?? 'the person asked';
  const { heading, overdue } = headingFor(stage, ownerName);
  const what = request
    ? `${request.reference}: ${request.what}`
    : (DEADLINE_LABELS[deadline.kind as DeadlineKind] ?? deadline.kind);
  const due = DateTime.fromJSDate(deadline.dueAt, { zone })
    .setLocale('en-GB')
    .toFormat('cccc d MMMM yyyy');
  return {
    text: `${heading}: ${what}, due ${due}.`,
    card: {
      name: 'nudge',
      viewModel: {
        heading,
        what,
        due,
        ref: request?.reference ?? '',
        owner: forOwner ? '' : ownerName,
        evidence: request !== null,
        forOwner,
        overdue,
        deadlineId: deadline._id,
      },
    },
  };
}
