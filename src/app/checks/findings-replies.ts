import type { RealityCheckRecord } from '../../store/checks/reality-check-model';
import type { CheckAssignmentRecord } from '../../store/checks/reality-check-model';
import { GroupBook } from '../../store/groups/group-book';
import type { Speaker } from '../conversations/speaker';
import { noticeReply, tellPerson, type Delivery, type Reply } from '../dispatch/reply';
import { findingsFormCard } from '../dispatch/view-models';
import { approvedFindingsNotice, labelsFor } from './findings-views';
import { offerPromisesOf } from './offer-links';
import { CheckBook } from '../../store/checks/check-book';
import type { AppContext } from '../shared/context';

/**
 * After an approval: the blinded findings as they now leave the panel, to whoever approved and
 * to the group's channel (unless that is where the approval was typed), and a word to each
 * inspector whose findings now count.
 */
export async function approvedReply(
  ctx: AppContext,
  speaker: Speaker,
  result: { check: RealityCheckRecord; assignments: CheckAssignmentRecord[] },
): Promise<Reply> {
  const { check, assignments } = result;
  const notice = await approvedFindingsNotice(ctx, check, assignments);
  const deliveries: Delivery[] = assignments.map((a) =>
    tellPerson(check.organisationId, a.personId, {
      text: `Your findings for ${check.reference} (${check.title}) were approved by the officer. Thank you.`,
    }),
  );
  if (speaker.groupId !== check.groupId) {
    const group = await new GroupBook(ctx.db).byId(check.groupId);
    if (group?.conversationId)
      deliveries.unshift({
        to: {
          kind: 'conversation',
          organisationId: check.organisationId,
          conversationId: group.conversationId,
        },
        message: {
          text: notice.title,
          card: { name: 'notice', viewModel: { ...notice, tone: 'ok' } },
        },
      });
  }
  return { ...noticeReply(notice.title, 'ok', notice.reasons), deliveries };
}

/**
 * After a return: the inspector is told why, privately, with the findings form open again; the
 * officer's answer names the inspector by number, since it may be read in the group's channel.
 */
export async function returnedReply(
  ctx: AppContext,
  result: { check: RealityCheckRecord; assignments: CheckAssignmentRecord[] },
  reason: string,
): Promise<Reply> {
  const { check, assignments } = result;
  const [all, promises] = await Promise.all([
    new CheckBook(ctx.db).assignmentsOf(check._id),
    offerPromisesOf(ctx, check.organisationId, check.offerKeys),
  ]);
  const labels = labelsFor(all);
  const returned = assignments[0];
  const who = returned ? (labels.get(returned.personId) ?? 'the inspector') : 'the inspector';
  return {
    ...noticeReply(
      `Findings on ${check.reference} from ${who} returned: they can look at them again and resend.`,
    ),
    deliveries: assignments.map((a) =>
      tellPerson(check.organisationId, a.personId, {
        text: `Your findings for ${check.reference} were returned by the officer: ${reason}`,
        card: findingsFormCard(check, reason, promises),
      }),
    ),
  };
}
