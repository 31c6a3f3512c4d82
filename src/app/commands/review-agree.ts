import type { CommandOf } from '../../commands';
import { agreedRecommendations } from '../../domain/reviews';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import { GroupBook } from '../../store/groups/group-book';
import { mentionedPerson, type CommandRequest } from '../dispatch/command-request';
import { managementNoticeCard } from '../dispatch/management-notice-view';
import { noticeReply, refusalReply, tellPerson, type Reply } from '../dispatch/reply';
import { dueText } from '../dispatch/view-models';
import { decideReviewRecommendations } from '../reviews/review-progress';
import type { AppContext } from '../shared/context';
import { PersonBook } from '../../store/people/person-book';

function decisionsOf(command: CommandOf<'review-agree'>) {
  const agreed = command.agreed ?? [];
  const notAgreed = command.notAgreed ?? [];
  const both = agreed.filter((n) => notAgreed.includes(n));
  if (agreed.length + notAgreed.length === 0)
    return {
      refused: refusalReply([
        {
          code: 'review.agreement-empty',
          message:
            'Say which recommendations the committee agreed or did not, e.g. agreed:1,2 not:3.',
        },
      ]),
    };
  if (both.length > 0)
    return {
      refused: refusalReply([
        {
          code: 'review.agreement-contradicts',
          message: `Recommendation ${both.join(', ')} is both agreed and not agreed; give each once.`,
        },
      ]),
    };
  return {
    decisions: [
      ...agreed.map((n) => ({ recommendationId: String(n), agreed: true })),
      ...notAgreed.map((n) => ({ recommendationId: String(n), agreed: false })),
    ],
  };
}

/**
 * Sedgemoor ToR 4.3(6), 6.2: the committee's decision, recorded by an officer. The person named
 * for management is told in their own chat what was agreed and when the improvement plan is due
 * (or that the group's terms set no time), since the duty is theirs.
 */
export async function reviewAgree(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-agree'>,
): Promise<Reply> {
  const parsed = decisionsOf(command);
  if (parsed.refused) return parsed.refused;
  const management = command.managementUserId
    ? await mentionedPerson(ctx, request, command.managementUserId)
    : undefined;
  const result = await decideReviewRecommendations(ctx, request.speaker.actor, {
    reviewRef: command.reviewRef,
    decisions: parsed.decisions,
    managementPersonId: management?._id,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The decision was not recorded');
  const record = result.value;
  const zone = request.speaker.organisation.timeZone;
  const ownerId = record.review.managementOwnerId;
  const clock = (await new DeadlineBook(ctx.db).forSubject('review', record._id)).find(
    (d) => d.kind === 'improvement-plan',
  );
  const owner = ownerId ? await new PersonBook(ctx.db).nameOf(ownerId) : undefined;
  const due = clock
    ? `The improvement plan is due from ${owner ?? 'management'} by ${dueText(clock.dueAt, zone)}.`
    : "The group's terms set no time for the improvement plan.";
  const said = [
    ...(command.agreed ? [`agreed ${command.agreed.join(', ')}`] : []),
    ...(command.notAgreed ? [`not agreed ${command.notAgreed.join(', ')}`] : []),
  ].join('; ');
  const reply = noticeReply(
    `Committee's decision recorded for ${record.reference}: ${said}.`,
    'ok',
    [due],
  );
  if (!ownerId || agreedRecommendations(record.review).length === 0) return reply;
  const group = await new GroupBook(ctx.db).get(record.groupId);
  return {
    ...reply,
    deliveries: [
      tellPerson(request.speaker.organisation._id, ownerId, {
        text: `Recommendations agreed for review ${record.reference}. ${due}`,
        card: managementNoticeCard({
          reference: record.reference,
          review: record.review,
          groupName: group.name,
          due,
        }),
      }),
    ],
  };
}
