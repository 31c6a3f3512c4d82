import { DateTime } from 'luxon';
import { z } from 'zod';
import { noticeReply, refusalReply, tellPerson } from '../dispatch/reply';
import { dueText } from '../dispatch/view-models';
import { grantMoreTime, redirectEvidenceRequest } from '../evidence/evidence-answers';
import { askForMoreTime, markEvidenceSent } from '../evidence/evidence-use-cases';
import { defineCardAction, emptyToUndefined, ref } from './card-action';

export const evidenceMoreTime = defineCardAction({
  verb: 'evidence.more-time',
  fields: {
    ref,
    until: z.preprocess(emptyToUndefined, z.string().optional()),
    reason: z.preprocess(emptyToUndefined, z.string().optional()),
  },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await askForMoreTime(ctx, actor, {
      requestRef: action.ref,
      until: action.until ?? '',
      reason: action.reason ?? '',
    });
    if (!result.ok) return refusalReply(result.refusals);
    const request = result.value;
    const zone = speaker.organisation.timeZone;
    return {
      ...noticeReply(
        `Thank you: the officer has been told you asked for more time on ${request.reference}, until ${action.until ?? ''}. Until they agree a new date, the original one stands.`,
        'info',
      ),
      deliveries: [
        tellPerson(actor.organisationId, request.requestedBy, {
          text: `${speaker.person.displayName} asks for more time on ${request.reference}.`,
          card: {
            name: 'more-time-asked',
            viewModel: {
              who: speaker.person.displayName,
              ref: request.reference,
              what: request.what,
              due: dueText(request.dueAt, zone),
              until: action.until ?? '',
              untilText: dueText(DateTime.fromISO(action.until ?? '', { zone }).toJSDate(), zone),
              reason: action.reason ?? '',
            },
          },
        }),
      ],
    };
  },
});

export const evidenceNotMe = defineCardAction({
  verb: 'evidence.not-me',
  fields: { ref },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await redirectEvidenceRequest(ctx, actor, { requestRef: action.ref });
    if (!result.ok) return refusalReply(result.refusals);
    const request = result.value;
    return {
      ...noticeReply(
        `Thank you: ${request.reference} has gone back to the officer, and the reminders have stopped.`,
      ),
      deliveries: [
        tellPerson(actor.organisationId, request.requestedBy, {
          text: `${speaker.person.displayName} says ${request.reference} ("${request.what}") is not for them. Ask the right person with evidence request.`,
        }),
      ],
    };
  },
});

export const evidenceGrant = defineCardAction({
  verb: 'evidence.grant',
  fields: { ref, until: z.string().trim().max(10) },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await grantMoreTime(ctx, actor, {
      requestRef: action.ref,
      until: action.until,
    });
    if (!result.ok) return refusalReply(result.refusals);
    const request = result.value;
    const due = dueText(request.dueAt, speaker.organisation.timeZone);
    return {
      ...noticeReply(`${request.reference} is now due ${due}.`),
      deliveries: [
        tellPerson(actor.organisationId, request.requestedOf, {
          text: `More time agreed: ${request.reference} ("${request.what}") is now due ${due}.`,
        }),
      ],
    };
  },
});

export const evidenceSent = defineCardAction({
  verb: 'evidence.sent',
  fields: { ref, link: z.preprocess(emptyToUndefined, z.string().optional()) },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const result = await markEvidenceSent(ctx, actor, {
      requestRef: action.ref,
      link: action.link,
    });
    if (!result.ok) return refusalReply(result.refusals);
    return noticeReply(`Thank you: ${result.value.reference} is marked as sent.`);
  },
});
