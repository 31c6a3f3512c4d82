import { DEADLINE_LABELS, type DeadlineKind } from '../../domain/deadlines';
import { meetDeadline } from '../deadlines/deadline-use-cases';
import { noticeReply, refusalReply, tellPerson } from '../dispatch/reply';
import { disownDeadline } from '../evidence/evidence-answers';
import { defineCardAction, id } from './card-action';

export const deadlineMet = defineCardAction({
  verb: 'deadline.met',
  fields: { deadlineId: id },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await meetDeadline(ctx, actor, { deadlineId: action.deadlineId });
    if (!result.ok) return refusalReply(result.refusals);
    return noticeReply('Thank you: that is marked as done, and the reminders have stopped.');
  },
});

export const deadlineNotMe = defineCardAction({
  verb: 'deadline.not-me',
  fields: { deadlineId: id },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await disownDeadline(ctx, actor, { deadlineId: action.deadlineId });
    if (!result.ok) return refusalReply(result.refusals);
    return {
      ...noticeReply('Thank you: the reminders have stopped and the officer has been told.'),
      deliveries: [
        tellPerson(actor.organisationId, result.value.createdBy, {
          text: `${speaker.person.displayName} says the deadline "${DEADLINE_LABELS[result.value.kind as DeadlineKind] ?? result.value.kind}" is not theirs. It is no longer chased; set it again for the right person.`,
        }),
      ],
    };
  },
});
