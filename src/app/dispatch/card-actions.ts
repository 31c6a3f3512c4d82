import { z } from 'zod';
import { checklistFor } from '../../domain/checks';
import { CHECK_NOT_FOUND, loadCheck } from '../checks/check-records';
import { acceptCheck, declineCheck, submitCheckFindings } from '../checks/check-use-cases';
import type { Speaker } from '../conversations/speaker';
import { decideDeclaration, declareInterest } from '../declarations/declaration-use-cases';
import { DECLARATION_KIND_LABELS } from '../../domain/declarations';
import type { DeclarationKind } from '../../domain/shared/declarations';
import { reviewByReference } from '../reviews/review-use-cases';
import { askForMoreTime, markEvidenceSent } from '../evidence/evidence-use-cases';
import {
  disownDeadline,
  grantMoreTime,
  redirectEvidenceRequest,
} from '../evidence/evidence-answers';
import { meetDeadline } from '../deadlines/deadline-use-cases';
import { DEADLINE_LABELS, type DeadlineKind } from '../../domain/deadlines';
import { DateTime } from 'luxon';
import { confirmOwnAgreements } from '../people/member-progress';
import { inputRefusal } from '../shared/input-problems';
import type { AppContext } from '../shared/context';
import { noticeReply, refusalReply, type Delivery, type Reply } from './reply';
import { checkStatusCard, declarationFormCard, findingsFormCard } from './view-models';
import { groupModel } from '../../store/groups/group-model';
import {
  ballotModel,
  ballotParticipationModel,
  type BallotRecord,
} from '../../store/conduct/ballot-model';
import { castVote } from '../conduct/ballots';
import { recordInvestigationOutcome } from '../conduct/conduct-steps';
import { ballotCard, ballotClosedDeliveries } from './conduct-views';
import { mineReply, registerReply, standardsReply } from './paged-views';
import { cleanTypedValues } from '../../commands/typed-text';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const ref = z.string().trim().min(1).max(20);
const optionalPage = z.preprocess(
  emptyToUndefined,
  z.coerce.number().int().min(1).max(9999).optional(),
);

const cardActionVariants = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('check.accept'), ref }),
  z.object({
    verb: z.literal('check.decline'),
    ref,
    reason: z.preprocess(emptyToUndefined, z.string().trim().max(500).optional()),
  }),
  z.object({
    verb: z.literal('declaration.submit'),
    groupId: z.string(),
    kind: z.string(),
    detail: z.preprocess(emptyToUndefined, z.string().optional()),
    area: z.preprocess(emptyToUndefined, z.string().optional()),
  }),
  z.object({ verb: z.literal('mine.refresh'), page: optionalPage }),
  // "Next page" on a card that shows a long list a page at a time (paged-views).
  z.object({
    verb: z.literal('list.page'),
    list: z.enum(['standards', 'register', 'mine']),
    page: z.coerce.number().int().min(1).max(9999),
    area: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
    groupId: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(64).optional()),
  }),
  // The buttons on a reminder, and the officer's answer to a request for more time.
  z.object({ verb: z.literal('deadline.met'), deadlineId: z.string().trim().min(1).max(64) }),
  z.object({ verb: z.literal('deadline.not-me'), deadlineId: z.string().trim().min(1).max(64) }),
  z.object({ verb: z.literal('evidence.not-me'), ref }),
  z.object({
    verb: z.literal('ballot.vote'),
    ballotId: z.string().trim().min(1).max(64),
    choice: z.enum(['yes', 'no', 'abstain']),
  }),
  z.object({ verb: z.literal('ballot.refresh'), ballotId: z.string().trim().min(1).max(64) }),
  z.object({
    verb: z.literal('conduct.outcome'),
    groupId: z.string().trim().min(1).max(64),
    subjectId: z.string().trim().min(1).max(64),
    outcome: z.preprocess(emptyToUndefined, z.string().optional()),
    remove: z.enum(['yes', 'no']).optional(),
  }),
  z.object({ verb: z.literal('evidence.grant'), ref, until: z.string().trim().max(10) }),
  // Where a channel cannot show a form inside a message (Slack), a button opens it.
  z.object({ verb: z.literal('findings.open'), ref }),
  z.object({ verb: z.literal('declaration.open'), groupId: z.string().trim().min(1).max(64) }),
  // The exclusion target arrives as exclude-<declaration id>, one input per register entry.
  z.looseObject({
    verb: z.literal('declaration.decide'),
    declarationId: z.string(),
    outcome: z.enum(['noted', 'excluded']),
  }),
  // Checklist answers arrive as q.<question id> fields beside the form's own.
  z.looseObject({ verb: z.literal('findings.submit'), ref }),
  z.object({
    verb: z.literal('evidence.more-time'),
    ref,
    until: z.preprocess(emptyToUndefined, z.string().optional()),
    reason: z.preprocess(emptyToUndefined, z.string().optional()),
  }),
  z.object({
    verb: z.literal('onboarding.confirm'),
    groupId: z.string(),
    over18: z.preprocess(emptyToUndefined, z.string().optional()),
    codeOfConduct: z.preprocess(emptyToUndefined, z.string().optional()),
    confidentiality: z.preprocess(emptyToUndefined, z.string().optional()),
  }),
  z.object({
    verb: z.literal('evidence.sent'),
    ref,
    link: z.preprocess(emptyToUndefined, z.string().optional()),
  }),
]);

/**
 * What a button or form on a card can ask for, whichever channel it was clicked in. Every
 * string in it is cleaned of control characters, escape sequences and bidi overrides first
 * (see typed-text.ts), the checklist's q.<id> answers included, so a new field is too.
 */
export const cardActionSchema = z.preprocess(cleanTypedValues, cardActionVariants);
export type CardAction = z.infer<typeof cardActionSchema>;

/**
 * Runs a card action. A bad payload changes nothing and gets a sentence back; the reply is the
 * card's new state (buttons gone once used), so a second click sees what the first did.
 */
export async function runCardAction(
  ctx: AppContext,
  speaker: Speaker,
  raw: unknown,
): Promise<Reply> {
  const parsed = cardActionSchema.safeParse(raw);
  if (!parsed.success) return refusalReply([inputRefusal(parsed.error)]);
  const action = parsed.data;
  const actor = speaker.actor;
  switch (action.verb) {
    case 'check.accept': {
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
            message: { text: `Findings for ${check.reference}`, card: findingsFormCard(check) },
          },
        ],
      };
    }
    case 'findings.submit': {
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
      });
      if (!result.ok) return refusalReply(result.refusals, 'Your findings were not recorded');
      return {
        kind: 'message',
        text: `Thank you: your findings for ${result.value.check.reference} are in.`,
        card: checkStatusCard(
          result.value.check,
          result.value.assignment,
          speaker.person.displayName,
        ),
      };
    }
    case 'check.decline': {
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
    }
    case 'declaration.submit': {
      const result = await declareInterest(ctx, actor, {
        groupId: action.groupId,
        kind: action.kind,
        detail: action.detail ?? '',
        area: action.area,
      });
      if (!result.ok) return refusalReply(result.refusals, 'Your declaration was not recorded');
      return noticeReply(
        'Thank you: your declaration is on the group’s register. The chair or an officer will decide what it means for your work.',
      );
    }
    case 'evidence.more-time': {
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
                due: longDay(request.dueAt, zone),
                until: action.until ?? '',
                untilText: longDay(DateTime.fromISO(action.until ?? '', { zone }).toJSDate(), zone),
                reason: action.reason ?? '',
              },
            },
          }),
        ],
      };
    }
    case 'onboarding.confirm': {
      const result = await confirmOwnAgreements(ctx, actor, {
        groupId: action.groupId,
        over18: action.over18 === 'true',
        codeOfConduct: action.codeOfConduct === 'true',
        confidentiality: action.confidentiality === 'true',
      });
      if (!result.ok) return refusalReply(result.refusals, 'Not confirmed yet');
      return noticeReply(
        'Thank you, that is on record. Once your training is recorded you can take part.',
      );
    }
    case 'declaration.decide':
      return decideFromRegister(
        ctx,
        speaker,
        action,
        // A Teams card has one input per entry; Slack's modal asks for the one it is about.
        (action as Record<string, unknown>)[`exclude-${action.declarationId}`] ??
          (action as Record<string, unknown>).exclude,
      );
    case 'mine.refresh':
      return mineReply(ctx, speaker, action.page);
    case 'list.page':
      // Each list checks who may see it, as its command does: the register only for the group.
      if (action.list === 'standards')
        return standardsReply(ctx, speaker, { page: action.page, area: action.area });
      if (action.list === 'register')
        return registerReply(ctx, speaker, action.groupId, action.page);
      return mineReply(ctx, speaker, action.page);
    case 'deadline.met': {
      const result = await meetDeadline(ctx, actor, { deadlineId: action.deadlineId });
      if (!result.ok) return refusalReply(result.refusals);
      return noticeReply('Thank you: that is marked as done, and the reminders have stopped.');
    }
    case 'deadline.not-me': {
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
    }
    case 'evidence.not-me': {
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
    }
    case 'evidence.grant': {
      const result = await grantMoreTime(ctx, actor, {
        requestRef: action.ref,
        until: action.until,
      });
      if (!result.ok) return refusalReply(result.refusals);
      const request = result.value;
      const due = longDay(request.dueAt, speaker.organisation.timeZone);
      return {
        ...noticeReply(`${request.reference} is now due ${due}.`),
        deliveries: [
          tellPerson(actor.organisationId, request.requestedOf, {
            text: `More time agreed: ${request.reference} ("${request.what}") is now due ${due}.`,
          }),
        ],
      };
    }
    case 'findings.open':
      return findingsFormFor(ctx, speaker, action.ref);
    case 'ballot.vote': {
      const result = await castVote(ctx, actor, {
        ballotId: action.ballotId,
        choice: action.choice,
      });
      if (!result.ok) return { ...refusalReply(result.refusals), sharedCard: true };
      const ballot = result.value.closed ?? result.value.ballot;
      const zone = speaker.organisation.timeZone;
      return {
        kind: 'message',
        text: result.value.changed ? 'Your vote is changed.' : 'Thank you: your vote is counted.',
        card: await ballotCard(ctx, ballot, zone, { youVoted: true }),
        sharedCard: true,
        deliveries: result.value.closed
          ? await ballotClosedDeliveries(ctx, result.value.closed)
          : [],
      };
    }
    case 'conduct.outcome': {
      const result = await recordInvestigationOutcome(ctx, actor, {
        groupId: action.groupId,
        subjectId: action.subjectId,
        outcome: action.outcome ?? '',
        removeFromMembership: action.remove === 'yes',
      });
      if (!result.ok) return refusalReply(result.refusals, 'The outcome was not recorded');
      return noticeReply(
        action.remove === 'yes'
          ? 'The outcome is recorded and the membership has ended.'
          : 'The outcome is recorded.',
      );
    }
    case 'ballot.refresh': {
      const ballot = await ballotModel(ctx.db)
        .findOne({ _id: action.ballotId, organisationId: actor.organisationId })
        .lean<BallotRecord>();
      if (!ballot)
        return refusalReply([
          { code: 'ballot.not-yours', message: 'That ballot is not one you can vote in.' },
        ]);
      const youVoted =
        (await ballotParticipationModel(ctx.db).countDocuments({
          ballotId: ballot._id,
          personId: actor.personId,
        })) > 0;
      return {
        kind: 'message',
        text: youVoted ? 'You have voted.' : 'You have not voted yet.',
        card: await ballotCard(ctx, ballot, speaker.organisation.timeZone, { youVoted }),
        sharedCard: true,
      };
    }
    case 'declaration.open': {
      const group = await groupModel(ctx.db)
        .findOne({ _id: action.groupId, organisationId: actor.organisationId })
        .lean();
      if (!group)
        return refusalReply([{ code: 'group-not-found', message: 'That group no longer exists.' }]);
      return {
        kind: 'form',
        text: 'Declare an interest',
        form: declarationFormCard(group._id, group.name),
      };
    }
    case 'evidence.sent': {
      const result = await markEvidenceSent(ctx, actor, {
        requestRef: action.ref,
        link: action.link,
      });
      if (!result.ok) return refusalReply(result.refusals);
      return noticeReply(`Thank you: ${result.value.reference} is marked as sent.`);
    }
  }
}

/** A text area's lines, blank ones dropped. */
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
    form: findingsFormCard(loaded.record),
  };
}

function lines(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

async function decideFromRegister(
  ctx: AppContext,
  speaker: Speaker,
  action: { declarationId: string; outcome: 'noted' | 'excluded' },
  target: unknown,
): Promise<Reply> {
  const organisationId = speaker.actor.organisationId;
  let from: { kind: 'review' | 'check'; id: string; ref: string } | undefined;
  if (action.outcome === 'excluded') {
    const ref = typeof target === 'string' ? target.trim() : '';
    const review = /^r/i.test(ref) ? await reviewByReference(ctx, organisationId, ref) : undefined;
    const check = /^c/i.test(ref) ? await loadCheck(ctx, organisationId, ref) : undefined;
    if (review) from = { kind: 'review', id: review._id, ref: review.reference };
    else if (check) from = { kind: 'check', id: check.record._id, ref: check.record.reference };
    else
      return refusalReply([
        {
          code: 'declarations.exclusion-needs-target',
          message: 'Name the review or check to exclude them from, e.g. R-3 or C-12.',
        },
      ]);
  }
  const result = await decideDeclaration(ctx, speaker.actor, {
    declarationId: action.declarationId,
    outcome: action.outcome,
    from: from ? { kind: from.kind, id: from.id } : undefined,
  });
  if (!result.ok) return refusalReply(result.refusals);
  const declaration = result.value;
  const decision = from ? `excluded from ${from.kind} ${from.ref}` : 'noted: you may take part';
  return {
    ...noticeReply(`Decision recorded: ${decision.replace('you may', 'may')}.`),
    deliveries: [
      {
        to: { kind: 'person', organisationId, personId: declaration.personId },
        message: {
          text: 'Your declaration of interest has been decided',
          card: {
            name: 'declaration-decided',
            viewModel: {
              kindLabel:
                DECLARATION_KIND_LABELS[declaration.kind as DeclarationKind] ?? declaration.kind,
              detail: declaration.detail,
              decision,
              decidedBy: speaker.person.displayName,
            },
          },
        },
      },
    ],
  };
}

function longDay(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).setLocale('en-GB').toFormat('cccc d MMMM yyyy');
}

/** A message the click causes in someone else's own chat. */
function tellPerson(
  organisationId: string,
  personId: string,
  message: Delivery['message'],
): Delivery {
  return { to: { kind: 'person', organisationId, personId }, message };
}
