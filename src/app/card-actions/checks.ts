import { z } from 'zod';
import { checklistFor } from '../../domain/checks';
import { CHECK_NOT_FOUND, loadCheck } from '../checks/check-records';
import { acceptCheck, declineCheck, submitCheckFindings } from '../checks/check-use-cases';
import { findingFileLinks } from '../findings/finding-files';
import { offerFindingsOf } from '../checks/offer-findings';
import { findingsToReviewDeliveries } from '../checks/findings-views';
import { offerPromisesOf } from '../checks/offer-links';
import type { Speaker } from '../conversations/speaker';
import { refusalReply, type Reply } from '../dispatch/reply';
import { checkStatusCard, findingsFormCard } from '../dispatch/view-models';
import type { AppContext } from '../shared/context';
import { defineCardAction, emptyToUndefined, ref } from './card-action';

export const checkAccept = defineCardAction({
  verb: 'check.accept',
  fields: { ref },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await acceptCheck(ctx, actor, { checkRef: action.ref });
    if (!result.ok) return refusalReply(result.refusals);
    const { check } = result.value;
    return {
      kind: 'message',
      text: `You accepted ${check.reference}.`,
      card: checkStatusCard(check, result.value.assignment, speaker.person.displayName),
      // The checklist goes to the inspector's own chat, to fill in after the visit.
      deliveries: [
        {
          to: { kind: 'person', organisationId: actor.organisationId, personId: actor.personId },
          message: {
            text: `Findings for ${check.reference}`,
            card: findingsFormCard(
              check,
              undefined,
              await offerPromisesOf(ctx, actor.organisationId, check.offerKeys),
            ),
          },
        },
      ],
    };
  },
});

export const checkDecline = defineCardAction({
  verb: 'check.decline',
  fields: { ref, reason: z.preprocess(emptyToUndefined, z.string().trim().max(500).optional()) },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await declineCheck(ctx, actor, {
      checkRef: action.ref,
      reason: action.reason ?? '',
    });
    if (!result.ok) return refusalReply(result.refusals);
    return {
      kind: 'message',
      text: `You declined ${result.value.check.reference}.`,
      card: checkStatusCard(
        result.value.check,
        result.value.assignment,
        speaker.person.displayName,
      ),
    };
  },
});

/** Where a channel cannot show a form inside a message (Slack), a button opens it. */
export const findingsOpen = defineCardAction({
  verb: 'findings.open',
  fields: { ref },
  answersWithForm: true,
  async handle(ctx, speaker, action) {
    return findingsFormFor(ctx, speaker, action.ref);
  },
});

/** Checklist answers arrive as q.<question id> fields beside the form's own. */
export const findingsSubmit = defineCardAction({
  verb: 'findings.submit',
  fields: { ref },
  keepsOtherFields: true,
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const loaded = await loadCheck(ctx, actor.organisationId, action.ref);
    if (!loaded)
      return refusalReply([{ code: 'check-not-found', message: CHECK_NOT_FOUND.message }]);
    const raw = action as Record<string, unknown>;
    const answers: Record<string, boolean | number | string> = {};
    for (const question of checklistFor(loaded.domain.kind).questions) {
      const value = raw[`q.${question.id}`];
      if (typeof value !== 'string' || value.trim() === '') continue;
      if (question.answer === 'yes-no') answers[question.id] = value === 'true';
      else if (question.answer === 'rating' || question.answer === 'number')
        answers[question.id] = Number(value);
      else answers[question.id] = value.trim();
    }
    const result = await submitCheckFindings(ctx, actor, {
      checkRef: action.ref,
      answers,
      strengths: lines(raw.strengths),
      weaknesses: lines(raw.weaknesses),
      recommendations: lines(raw.recommendations),
      evidenceLinks: lines(raw.evidenceLinks),
      offers: offerFindingsOf(loaded.domain.offerKeys ?? [], raw),
    });
    if (!result.ok) return refusalReply(result.refusals, 'Your findings were not recorded');
    return {
      kind: 'message',
      text: `Thank you: your findings for ${result.value.check.reference} are in.`,
      card: checkStatusCard(
        result.value.check,
        result.value.assignment,
        speaker.person.displayName,
        await findingFileLinks(ctx, actor, result.value.assignment._id),
      ),
      // Nothing leaves the panel until an officer has looked: each gets the review card.
      deliveries: await findingsToReviewDeliveries(
        ctx,
        result.value.check,
        result.value.assignment,
        speaker.organisation.timeZone,
      ),
    };
  },
});

/** The checklist to fill in, only for the inspector who accepted the check and has not sent it. */
async function findingsFormFor(ctx: AppContext, speaker: Speaker, ref: string): Promise<Reply> {
  const loaded = await loadCheck(ctx, speaker.actor.organisationId, ref);
  if (!loaded) return refusalReply([CHECK_NOT_FOUND]);
  const mine = loaded.assignments.find((a) => a.personId === speaker.actor.personId);
  if (!mine)
    return refusalReply([
      { code: 'check.someone-elses', message: 'That check was offered to someone else.' },
    ]);
  if (mine.status !== 'accepted')
    return refusalReply([
      {
        code: 'check.not-open-for-findings',
        message:
          mine.status === 'offered'
            ? 'Accept the check before you fill in its findings.'
            : `You cannot send findings for ${loaded.record.reference} now: it is ${mine.status}.`,
      },
    ]);
  return {
    kind: 'form',
    text: `Findings for ${loaded.record.reference}`,
    form: findingsFormCard(
      loaded.record,
      mine.returned?.reason,
      await offerPromisesOf(ctx, speaker.actor.organisationId, loaded.record.offerKeys),
    ),
  };
}

/** A text area's lines, blank ones dropped. */
function lines(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
