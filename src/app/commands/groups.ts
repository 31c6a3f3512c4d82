import {
  groupAddCommand,
  groupCreateCommand,
  groupPolicyCommand,
  groupPolicySetCommand,
  memberRecordCommand,
} from '../../commands';
import { POLICY_RULE_NAMES, policyEditsOf } from '../../commands/policy-rules';
import { commandInfo, listJoined, type CommandOf } from '../../commands';
import { GroupBook } from '../../store/groups/group-book';
import { mentionedPerson, NO_GROUP, type CommandRequest } from '../dispatch/command-request';
import { noticeReply, refusalReply, refusedOr, tellPerson, type Reply } from '../dispatch/reply';
import { longDate } from '../dispatch/view-models';
import { policyReply } from '../dispatch/policy-views';
import { createGroup } from '../groups/create-group';
import { editGroupPolicy } from '../groups/edit-group-policy';
import { groupPolicy, groupPolicyView } from '../groups/group-policy';
import { addMember } from '../people/add-member';
import { recordMemberProgress } from '../people/member-progress';
import { policyOf } from '../people/standing';
import type { AppContext } from '../shared/context';
import { handleCommand } from './command-handler';
import { factsFromAnswers } from './members';

async function groupCreate(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'group-create'>,
): Promise<Reply> {
  const result = await createGroup(ctx, request.speaker.actor, {
    name: command.name,
    presetKey: command.preset,
    conversationId: request.speaker.conversationId,
    retentionYears: command.retentionYears,
  });
  return refusedOr(result, (group) =>
    noticeReply(
      `Group “${group.name}” is set up with the ${group.presetKey} rules and works in this chat.`,
      'ok',
      [
        'Add people with `group add @person role:member`.',
        command.retentionYears
          ? `A leaver’s personal details are kept for ${command.retentionYears} year${command.retentionYears === 1 ? '' : 's'}, then may be erased.`
          : 'How long should a leaver’s personal details be kept? The documents do not say; six years is usual: `group policy set retention-years:6`.',
      ],
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
    facts: joiningFacts(command),
  });
  if (!result.ok) return refusalReply(result.refusals, `${person.displayName} cannot join`);
  const group = await new GroupBook(ctx.db).get(groupId);
  const roles = result.value.roles.join(' and ');
  return {
    ...noticeReply(`${person.displayName} is now in the group as ${roles}.`),
    // Onboarding: the newcomer confirms their age and signs the agreements in their own chat.
    deliveries: [
      tellPerson(request.speaker.organisation._id, person._id, {
        text: `Welcome to ${group.name}`,
        card: {
          name: 'welcome',
          viewModel: {
            groupId,
            groupName: group.name,
            officerName: request.speaker.person.displayName,
            roles,
            // Each is asked only where the group's own document asks for it.
            over18Required: policyOf(group).over18ConfirmationRequired,
            codeOfConductRequired: policyOf(group).codeOfConductRequired,
            confidentialityRequired: policyOf(group).confidentialityAgreementRequired,
          },
        },
      }),
    ],
  };
}

/** On joining, `committee:none` just means no committee: there is nothing yet to clear. */
function joiningFacts(command: CommandOf<'group-add'>) {
  const { committeeMemberOf, ...facts } = factsFromAnswers(command);
  return committeeMemberOf ? { ...facts, committeeMemberOf } : facts;
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

export const groupCreateHandler = handleCommand(groupCreateCommand, groupCreate);
export const groupAddHandler = handleCommand(groupAddCommand, groupAdd);
export const memberRecordHandler = handleCommand(memberRecordCommand, memberRecord);

async function groupPolicyShow(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const result = await groupPolicy(ctx, request.speaker.actor, { groupId });
  return refusedOr(result, policyReply);
}

async function groupPolicySet(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'group-policy-set'>,
): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const { changes, rules } = policyEditsOf(command);
  if (rules.length === 0)
    return refusalReply([
      {
        code: 'group-policy-set.nothing-given',
        message: `Say which rule to change and to what, e.g. over18-confirmation:off. The rules: ${POLICY_RULE_NAMES.join(', ')}.`,
      },
    ]);
  // Read first so the reply can say each old value; the use case reads and checks it again.
  const before = await new GroupBook(ctx.db).byId(groupId);
  const result = await editGroupPolicy(ctx, request.speaker.actor, {
    groupId,
    changes,
    reason: command.reason,
  });
  if (!result.ok) return refusalReply(result.refusals, 'The rules are unchanged');
  const after = groupPolicyView(result.value).rows;
  // Saved from the version read above, or the old values are someone else's: then only the new.
  const was =
    before && result.value.version === before.version + 1
      ? groupPolicyView(before).rows
      : undefined;
  const lines = rules.flatMap((rule) => {
    const now = after.find((row) => row.key === rule.key)?.value ?? '';
    const old = was?.find((row) => row.key === rule.key)?.value;
    if (old === now) return [];
    return [`${rule.label} (${rule.name}): ${old === undefined ? '' : `${old} → `}${now}`];
  });
  return noticeReply(`The rules of ${result.value.name} are changed.`, 'ok', [
    ...lines,
    `Recorded with the reason: “${command.reason}”.`,
  ]);
}
export const groupPolicyHandler = handleCommand(groupPolicyCommand, groupPolicyShow);
export const groupPolicySetHandler = handleCommand(groupPolicySetCommand, groupPolicySet);
