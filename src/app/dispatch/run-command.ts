export type { CommandRequest } from './command-request';
/** `mine`, the App Home and a card refresh share one builder (paged-views). */
export { mineReply as mineFor } from './paged-views';
import {
  commandInfo,
  parseCommand,
  refusalText,
  helpFor,
  listJoined,
  type Command,
  type CommandOf,
} from '../../commands';
import { CHECK_KIND_LABELS, type CheckKind } from '../../domain/checks';
import type { Result } from '../../domain/shared/result';
import { groupModel } from '../../store/groups/group-model';
import { membershipModel } from '../../store/people/membership-model';
import { assignCheck } from '../checks/check-use-cases';
import { requestEvidence } from '../evidence/evidence-use-cases';
import { createGroup } from '../groups/create-group';
import { calendarOf } from '../organisations/register-organisation';
import { addMember } from '../people/add-member';
import { recordMemberProgress } from '../people/member-progress';
import { policyOf } from '../people/standing';
import { openReview, reviewByReference } from '../reviews/review-use-cases';
import type { AppContext } from '../shared/context';
import { requireOfficer } from '../shared/authorise';
import { importStandards } from '../standards/standard-use-cases';
import { mentionedPerson, NO_GROUP, type CommandRequest } from './command-request';
import { runConductCommand } from './conduct-commands';
import { mineReply, registerReply, standardsReply } from './paged-views';
import { noticeReply, refusalReply, type Reply } from './reply';
import {
  checkOfferCard,
  declarationFormCard,
  dueText,
  evidenceRequestCard,
  longDate,
} from './view-models';

/**
 * One typed command, one use-case: the channel adapters call this with what the person wrote
 * and render the reply. Nothing here knows Teams or Slack.
 */
export async function runCommand(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const calendar = await calendarOf(ctx, request.speaker.organisation._id);
  const parsed = parseCommand(request.text, {
    today: calendar.localDateOf(ctx.now()),
    addWorkingDays: (from, n) => calendar.addWorkingDays(from, n),
  });
  if (!parsed.ok)
    return refusalReply(
      [{ code: 'unreadable-command', message: refusalText(parsed) }],
      'I could not read that',
    );
  return dispatch(ctx, request, parsed.command);
}

async function dispatch(
  ctx: AppContext,
  request: CommandRequest,
  command: Command,
): Promise<Reply> {
  switch (command.type) {
    case 'help':
      return help(ctx, request);
    case 'group-create':
      return groupCreate(ctx, request, command);
    case 'group-add':
      return groupAdd(ctx, request, command);
    case 'member-record':
      return memberRecord(ctx, request, command);
    case 'standards-import':
      return standardsImport(ctx, request);
    case 'standards-list':
      return standardsReply(ctx, request.speaker, command);
    case 'review-open':
      return reviewOpen(ctx, request, command);
    case 'check-assign':
      return checkAssign(ctx, request, command);
    case 'evidence-request':
      return evidenceRequest(ctx, request, command);
    case 'declare':
      return declare(ctx, request);
    case 'register':
      return forGroupMembers(
        await registerReply(ctx, request.speaker, request.speaker.groupId, command.page),
        request.speaker.groupId,
      );
    case 'mine':
      return mineReply(ctx, request.speaker, command.page);
    case 'attendance':
    case 'conduct-warn':
    case 'conduct-vote':
    case 'conduct-refer':
    case 'conduct-withdraw':
    case 'conduct-history':
      return runConductCommand(ctx, request, command);
  }
}

/** Declarations name people's relatives and interests: not for anyone outside the group. */
function forGroupMembers(reply: Reply, groupId: string | undefined): Reply {
  return reply.kind === 'message' && groupId && !reply.onlyToSender
    ? { ...reply, onlyToGroupMembers: groupId }
    : reply;
}

function refusedOr<T>(
  result: Result<T>,
  then: (value: T) => Reply | Promise<Reply>,
): Reply | Promise<Reply> {
  return result.ok ? then(result.value) : refusalReply(result.refusals);
}

async function help(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const { person, actor } = request.speaker;
  const isMember =
    (await membershipModel(ctx.db).countDocuments({
      personId: actor.personId,
      'status.kind': { $ne: 'withdrawn' },
    })) > 0;
  const isChair =
    (await membershipModel(ctx.db).countDocuments({
      personId: actor.personId,
      roles: 'chair',
      'status.kind': 'active',
    })) > 0;
  const commands = helpFor({ isOfficer: person.isOfficer, isMember, isChair });
  return {
    kind: 'message',
    text: `You can use: ${commands.map((c) => c.usage.split(/ [@"([]/)[0]).join(', ')}.`,
    card: { name: 'help', viewModel: { commands } },
  };
}

async function groupCreate(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'group-create'>,
): Promise<Reply> {
  const result = await createGroup(ctx, request.speaker.actor, {
    name: command.name,
    presetKey: command.preset,
    conversationId: request.speaker.conversationId,
  });
  return refusedOr(result, (group) =>
    noticeReply(
      `Group “${group.name}” is set up with the ${group.presetKey} rules and works in this chat.`,
      'ok',
      ['Add people with `group add @person role:member`.'],
    ),
  );
}

async function groupAdd(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'group-add'>,
): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const person = await mentionedPerson(ctx, request, command.personUserId);
  const result = await addMember(ctx, request.speaker.actor, {
    groupId,
    personId: person._id,
    roles: [command.role],
    tenure: command.tenure,
    tenancyStartedOn: command.since,
    homeArea: command.area,
  });
  if (!result.ok) return refusalReply(result.refusals, `${person.displayName} cannot join`);
  const group = await groupModel(ctx.db).findById(groupId).lean().orFail();
  const roles = result.value.roles.join(' and ');
  return {
    ...noticeReply(`${person.displayName} is now in the group as ${roles}.`),
    // Onboarding: the newcomer confirms their age and signs the agreements in their own chat.
    deliveries: [
      {
        to: {
          kind: 'person',
          organisationId: request.speaker.organisation._id,
          personId: person._id,
        },
        message: {
          text: `Welcome to ${group.name}`,
          card: {
            name: 'welcome',
            viewModel: {
              groupId,
              groupName: group.name,
              officerName: request.speaker.person.displayName,
              roles,
              confidentialityRequired: policyOf(group).confidentialityAgreementRequired,
            },
          },
        },
      },
    ],
  };
}

async function memberRecord(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'member-record'>,
): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  // Each piece the officer gave, with how the reply says it; the order is the usage line's.
  const given = [
    { key: 'trainingDoneOn', on: command.training, words: 'Training' },
    { key: 'codeOfConductSignedOn', on: command.conduct, words: 'Code of conduct signed' },
    {
      key: 'confidentialitySignedOn',
      on: command.confidentiality,
      words: 'Confidentiality agreement signed',
    },
    { key: 'termStartsOn', on: command.term, words: 'Term starting' },
  ] as const;
  const dates = given.flatMap((piece) =>
    piece.on === undefined ? [] : [{ ...piece, on: piece.on }],
  );
  const over18 = command.over18 === 'yes';
  if (dates.length === 0 && !over18)
    return refusalReply([
      {
        code: 'member-record.nothing-given',
        message: `Say what to record, e.g. training:today. Usage: ${commandInfo('member-record').usage}`,
      },
    ]);
  const person = await mentionedPerson(ctx, request, command.personUserId);
  const result = await recordMemberProgress(ctx, request.speaker.actor, {
    groupId,
    personId: person._id,
    ...Object.fromEntries(dates.map((piece) => [piece.key, piece.on])),
    ...(over18 ? { over18Confirmed: true as const } : {}),
  });
  if (!result.ok)
    return refusalReply(result.refusals, `Nothing recorded for ${person.displayName}`);
  const said = dates.map((piece, i) => {
    const words = i === 0 ? piece.words : piece.words.toLowerCase();
    return `${words} on ${longDate(piece.on)}`;
  });
  if (over18) said.push(said.length === 0 ? 'Over-18 confirmation' : 'the over-18 confirmation');
  return noticeReply(`${listJoined(said, 'and')} recorded for ${person.displayName}.`);
}

async function standardsImport(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const file = request.attachments[0];
  if (!file) {
    const refused = await requireOfficer(ctx, request.speaker.actor, 'import service standards');
    if (refused.length > 0) return refusalReply(refused);
    // Where the file goes depends on the channel: attached to the message (Teams), or
    // chosen in a form (Slack, whose slash commands cannot carry files).
    return {
      kind: 'form',
      text: 'Attach the CSV or JSON table of standards to the `standards import` message.',
      form: { name: 'standards-upload', viewModel: {} },
    };
  }
  const format = /\.json$/i.test(file.name) ? 'json' : 'csv';
  const result = await importStandards(ctx, request.speaker.actor, { format, text: file.text });
  return refusedOr(result, (outcome) =>
    noticeReply(
      `Standards imported: ${outcome.added} added, ${outcome.updated} updated, ${outcome.unchanged} unchanged.`,
      'ok',
      outcome.candidates.length > 0 ? [`Below target: ${outcome.candidates.join(', ')}.`] : [],
    ),
  );
}

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
  return review ? { ok: true as const, id: review._id } : { ok: false as const };
}

async function checkAssign(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'check-assign'>,
): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const review = await reviewIdOf(ctx, request, command.reviewRef);
  if (!review.ok)
    return refusalReply([
      { code: 'review-not-found', message: `There is no review ${command.reviewRef ?? ''}.` },
    ]);
  const person = await mentionedPerson(ctx, request, command.personUserId);
  const result = await assignCheck(ctx, request.speaker.actor, {
    groupId,
    personId: person._id,
    title: command.title,
    kind: command.kind,
    dueOn: command.due,
    reviewId: review.id,
    standardKey: command.standardRef,
  });
  if (!result.ok)
    return refusalReply(result.refusals, `${person.displayName} cannot take this check`);
  const { check } = result.value;
  return {
    ...noticeReply(
      `${check.reference} offered to ${person.displayName}: ${check.title}, due ${longDate(check.dueOn)}.`,
    ),
    deliveries: [
      {
        to: {
          kind: 'person',
          organisationId: request.speaker.organisation._id,
          personId: person._id,
        },
        message: {
          text: `You have been offered a reality check: ${check.title} (${CHECK_KIND_LABELS[check.kind as CheckKind] ?? check.kind}).`,
          card: checkOfferCard(check, person.displayName),
        },
      },
    ],
  };
}

async function evidenceRequest(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'evidence-request'>,
): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const review = await reviewIdOf(ctx, request, command.reviewRef);
  if (!review.ok)
    return refusalReply([
      { code: 'review-not-found', message: `There is no review ${command.reviewRef ?? ''}.` },
    ]);
  const person = await mentionedPerson(ctx, request, command.personUserId);
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
      {
        to: {
          kind: 'person',
          organisationId: request.speaker.organisation._id,
          personId: person._id,
        },
        message: {
          text: `The tenant scrutiny panel asks for information: ${asked.what}`,
          card: evidenceRequestCard(asked, zone, request.speaker.person.displayName),
        },
      },
    ],
  };
}

/** A form: form-requests.ts lists this command, so Slack opens its modal before this runs. */
async function declare(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const group = await groupModel(ctx.db).findById(groupId).lean().orFail();
  return {
    kind: 'form',
    text: 'Declare an interest',
    form: declarationFormCard(group._id, group.name),
  };
}
