import {
  checkAssignCommand,
  checkOfferCommand,
  evidenceRequestCommand,
  reviewOpenCommand,
} from '../../commands';
import type { CommandOf } from '../../commands';
import { CHECK_KIND_LABELS, type CheckKind } from '../../domain/checks';
import { loadCheck } from '../checks/check-records';
import { assignCheck, offerCheckTo } from '../checks/check-use-cases';
import { mentionedPerson, NO_GROUP, type CommandRequest } from '../dispatch/command-request';
import { noticeReply, refusalReply, refusedOr, tellPerson, type Reply } from '../dispatch/reply';
import { checkOfferCard, dueText, evidenceRequestCard, longDate } from '../dispatch/view-models';
import { requestEvidence } from '../evidence/evidence-use-cases';
import { openReview, reviewByReference } from '../reviews/review-use-cases';
import type { AppContext } from '../shared/context';
import { handleCommand } from './command-handler';

async function reviewOpen(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'review-open'>,
): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const result = await openReview(ctx, request.speaker.actor, {
    groupId,
    topic: command.topic,
    depth: command.depth,
    topicSource: command.topicSource,
  });
  return refusedOr(result, (review) =>
    noticeReply(`Review ${review.reference} opened: “${command.topic}” (${command.depth}).`, 'ok', [
      'Step 1 is to agree its scope.',
    ]),
  );
}

async function reviewIdOf(ctx: AppContext, request: CommandRequest, ref: string | undefined) {
  if (!ref) return { ok: true as const, id: undefined };
  const review = await reviewByReference(ctx, request.speaker.organisation._id, ref);
  if (review) return { ok: true as const, id: review._id };
  return {
    ok: false as const,
    refused: refusalReply([{ code: 'review-not-found', message: `There is no review ${ref}.` }]),
  };
}

/** Work asked of one person for this group, perhaps for a review: who, where and which. */
async function workFor(
  ctx: AppContext,
  request: CommandRequest,
  command: { personUserId: string; reviewRef?: string },
) {
  const groupId = request.speaker.groupId;
  if (!groupId) return { ok: false as const, refused: refusalReply([NO_GROUP]) };
  const review = await reviewIdOf(ctx, request, command.reviewRef);
  if (!review.ok) return review;
  const person = await mentionedPerson(ctx, request, command.personUserId);
  return { ok: true as const, groupId, review, person };
}

async function checkAssign(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'check-assign'>,
): Promise<Reply> {
  const work = await workFor(ctx, request, command);
  if (!work.ok) return work.refused;
  const { groupId, review, person } = work;
  const result = await assignCheck(ctx, request.speaker.actor, {
    groupId,
    personId: person._id,
    title: command.title,
    kind: command.kind,
    dueOn: command.due,
    reviewId: review.id,
    standardKey: command.standardRef,
    offerKeys: command.offerRefs?.split(','),
    area: command.area,
  });
  if (!result.ok)
    return refusalReply(result.refusals, `${person.displayName} cannot take this check`);
  return offeredReply(request, result.value.check, person);
}

/** The officer is told; the member gets the offer card in their own chat. */
function offeredReply(
  request: CommandRequest,
  check: Parameters<typeof checkOfferCard>[0],
  person: { _id: string; displayName: string },
): Reply {
  return {
    ...noticeReply(
      `${check.reference} offered to ${person.displayName}: ${check.title}, due ${longDate(check.dueOn)}.`,
      'ok',
      check.offerKeys && check.offerKeys.length > 0
        ? [
            `It verifies ${check.offerKeys.join(', ')}: each is now being verified by ${check.reference}.`,
          ]
        : [],
    ),
    deliveries: [
      tellPerson(request.speaker.organisation._id, person._id, {
        text: `You have been offered a reality check: ${check.title} (${CHECK_KIND_LABELS[check.kind as CheckKind] ?? check.kind}).`,
        card: checkOfferCard(check, person.displayName),
      }),
    ],
  };
}

async function checkOffer(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'check-offer'>,
): Promise<Reply> {
  if (!request.speaker.groupId) return refusalReply([NO_GROUP]);
  const person = await mentionedPerson(ctx, request, command.personUserId);
  const result = await offerCheckTo(ctx, request.speaker.actor, {
    checkRef: command.checkRef,
    personId: person._id,
  });
  if (!result.ok)
    return refusalReply(result.refusals, `${person.displayName} cannot take this check`);
  const loaded = await loadCheck(ctx, request.speaker.organisation._id, command.checkRef);
  if (!loaded)
    return refusalReply([
      { code: 'check-not-found', message: `There is no check ${command.checkRef}.` },
    ]);
  return offeredReply(request, loaded.record, person);
}

async function evidenceRequest(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'evidence-request'>,
): Promise<Reply> {
  const work = await workFor(ctx, request, command);
  if (!work.ok) return work.refused;
  const { groupId, review, person } = work;
  const result = await requestEvidence(ctx, request.speaker.actor, {
    groupId,
    personId: person._id,
    what: command.what,
    reviewId: review.id,
    dueOn: command.due,
  });
  if (!result.ok) return refusalReply(result.refusals);
  const zone = request.speaker.organisation.timeZone;
  const asked = result.value;
  return {
    ...noticeReply(
      `${asked.reference} sent to ${person.displayName}, due ${dueText(asked.dueAt, zone)}${command.due ? '' : ' (the usual 10 working days)'}.`,
    ),
    deliveries: [
      tellPerson(request.speaker.organisation._id, person._id, {
        text: `The tenant scrutiny panel asks for information: ${asked.what}`,
        card: evidenceRequestCard(asked, zone, request.speaker.person.displayName),
      }),
    ],
  };
}

export const reviewOpenHandler = handleCommand(reviewOpenCommand, reviewOpen);
export const checkAssignHandler = handleCommand(checkAssignCommand, checkAssign);
export const checkOfferHandler = handleCommand(checkOfferCommand, checkOffer);
export const evidenceRequestHandler = handleCommand(evidenceRequestCommand, evidenceRequest);
