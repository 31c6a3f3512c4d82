import {
  commandInfo,
  declareCommand,
  memberFactsCommand,
  memberLiftCommand,
  memberSuspendCommand,
  memberWithdrawCommand,
  mineCommand,
  registerCommand,
  resignCommand,
  type CommandOf,
} from '../../commands';
import { GroupBook } from '../../store/groups/group-book';
import { MembershipRoll } from '../../store/people/membership-roll';
import { mentionedPerson, NO_GROUP, type CommandRequest } from '../dispatch/command-request';
import { mineReply, registerReply } from '../dispatch/paged-views';
import { noticeReply, refusalReply, tellPerson, type Reply } from '../dispatch/reply';
import { declarationFormCard } from '../dispatch/view-models';
import { recordPersonFacts } from '../people/member-progress';
import {
  liftMemberSuspension,
  resignMembership,
  suspendMember,
  withdrawMember,
} from '../people/member-status';
import type { AppContext } from '../shared/context';
import { handleCommand } from './command-handler';

/** A form: its definition says so, so Slack opens its modal before this runs. */
async function declare(ctx: AppContext, request: CommandRequest): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const [group, membership] = await Promise.all([
    new GroupBook(ctx.db).get(groupId),
    new MembershipRoll(ctx.db).of(groupId, request.speaker.actor.personId),
  ]);
  // As the submission would be (declareInterest): nobody outside the group gets the form.
  if (!membership || membership.status.kind === 'withdrawn')
    return refusalReply([
      {
        code: 'declarations.not-in-group',
        message: 'Only people in this group can declare an interest here.',
      },
    ]);
  return {
    kind: 'form',
    text: 'Declare an interest',
    form: declarationFormCard(group._id, group.name),
  };
}

/** Declarations name people's relatives and interests: not for anyone outside the group. */
function forGroupMembers(reply: Reply, groupId: string | undefined): Reply {
  return reply.kind === 'message' && groupId && !reply.onlyToSender
    ? { ...reply, onlyToGroupMembers: groupId }
    : reply;
}

export const declareHandler = handleCommand(declareCommand, declare);
export const registerHandler = handleCommand(registerCommand, async (ctx, request, command) =>
  forGroupMembers(
    await registerReply(ctx, request.speaker, request.speaker.groupId, command.page),
    request.speaker.groupId,
  ),
);
export const mineHandler = handleCommand(mineCommand, (ctx, request, command) =>
  mineReply(ctx, request.speaker, command.page),
);

/** The fact options as `member facts` and `group add` type them (definitions/members.ts). */
type FactAnswers = Pick<
  CommandOf<'member-facts'>,
  | 'staff'
  | 'managerAgreed'
  | 'breach'
  | 'judgement'
  | 'exCustomer'
  | 'boardElsewhere'
  | 'excludedBefore'
  | 'helpedDevelop'
  | 'trained'
  | 'committee'
>;

const yes = (answer: 'yes' | 'no' | undefined) =>
  answer === undefined ? undefined : answer === 'yes';

/**
 * The person facts (src/domain/people/person-facts.ts) the officer answered, each only if given;
 * `committee:none` is null, so the committee is cleared rather than left as it was.
 */
export function factsFromAnswers(command: FactAnswers) {
  const committee = command.committee?.trim();
  const facts = {
    isStaff: yes(command.staff),
    managerAgreed: yes(command.managerAgreed),
    breachOfTenancy: yes(command.breach),
    judgementOrNotice: yes(command.judgement),
    exCustomer: yes(command.exCustomer),
    boardMemberElsewhere: yes(command.boardElsewhere),
    previouslyExcludedForBehaviour: yes(command.excludedBefore),
    helpedDevelopService: yes(command.helpedDevelop),
    trainedOn: command.trained,
    committeeMemberOf:
      committee === undefined ? undefined : /^none$/i.test(committee) ? null : committee,
  };
  return Object.fromEntries(
    Object.entries(facts).filter(([, value]) => value !== undefined),
  ) as Partial<typeof facts>;
}

async function memberFacts(
  ctx: AppContext,
  request: CommandRequest,
  command: CommandOf<'member-facts'>,
): Promise<Reply> {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const facts = factsFromAnswers(command);
  if (Object.keys(facts).length === 0)
    return refusalReply([
      {
        code: 'member-facts.nothing-given',
        message: `Say which facts to record, e.g. staff:no. Usage: ${commandInfo('member-facts').usage}`,
      },
    ]);
  const person = await mentionedPerson(ctx, request, command.personUserId);
  const result = await recordPersonFacts(ctx, request.speaker.actor, {
    groupId,
    personId: person._id,
    facts,
  });
  if (!result.ok)
    return refusalReply(result.refusals, `Nothing recorded for ${person.displayName}`);
  // Facts about a person's tenancy and record are theirs: the officer alone sees them.
  const notice = noticeReply(`Eligibility facts recorded for ${person.displayName}.`);
  return notice.kind === 'message' ? { ...notice, onlyToSender: true } : notice;
}

/** The member named in this chat's group, for the status commands. */
async function statusTarget(ctx: AppContext, request: CommandRequest, personUserId: string) {
  const groupId = request.speaker.groupId;
  if (!groupId) return undefined;
  const person = await mentionedPerson(ctx, request, personUserId);
  return { groupId, person };
}

export const memberFactsHandler = handleCommand(memberFactsCommand, memberFacts);

export const memberSuspendHandler = handleCommand(
  memberSuspendCommand,
  async (ctx, request, command) => {
    const on = await statusTarget(ctx, request, command.personUserId);
    if (!on) return refusalReply([NO_GROUP]);
    const liveComplaint = command.complaint === 'yes';
    if (!liveComplaint && !command.reason)
      return refusalReply([
        {
          code: 'membership.reason-required',
          message: `Give a reason in quotes, or complaint:yes for a live complaint. Usage: ${commandInfo('member-suspend').usage}`,
        },
      ]);
    const reason = command.reason ?? 'A live complaint';
    const result = await suspendMember(ctx, request.speaker.actor, {
      groupId: on.groupId,
      personId: on.person._id,
      reason,
      liveComplaint,
    });
    if (!result.ok)
      return refusalReply(result.refusals, `${on.person.displayName} is not suspended`);
    const status = result.value.status;
    // Every status but active carries its reason; a suspension for a live complaint words its own.
    const why = ('reason' in status ? status.reason : undefined) ?? reason;
    return {
      ...noticeReply(`${on.person.displayName} is suspended.`, 'info', [`Reason: ${why}`]),
      deliveries: [
        tellPerson(request.speaker.organisation._id, on.person._id, {
          text: `You are suspended from the group and cannot take part until it is lifted: ${why}`,
        }),
      ],
    };
  },
);

export const memberLiftHandler = handleCommand(memberLiftCommand, async (ctx, request, command) => {
  const on = await statusTarget(ctx, request, command.personUserId);
  if (!on) return refusalReply([NO_GROUP]);
  const result = await liftMemberSuspension(ctx, request.speaker.actor, {
    groupId: on.groupId,
    personId: on.person._id,
    reason: command.reason,
  });
  if (!result.ok) return refusalReply(result.refusals, 'Nothing lifted');
  return {
    ...noticeReply(`${on.person.displayName}'s suspension is lifted.`, 'ok', [
      `Reason: ${command.reason}`,
    ]),
    deliveries: [
      tellPerson(request.speaker.organisation._id, on.person._id, {
        text: `Your suspension from the group is lifted: ${command.reason}`,
      }),
    ],
  };
});

export const memberWithdrawHandler = handleCommand(
  memberWithdrawCommand,
  async (ctx, request, command) => {
    const on = await statusTarget(ctx, request, command.personUserId);
    if (!on) return refusalReply([NO_GROUP]);
    const result = await withdrawMember(ctx, request.speaker.actor, {
      groupId: on.groupId,
      personId: on.person._id,
      reason: command.reason,
    });
    if (!result.ok) return refusalReply(result.refusals, 'Nothing withdrawn');
    return {
      ...noticeReply(`${on.person.displayName}'s membership is withdrawn.`, 'info', [
        `Reason: ${command.reason}`,
      ]),
      deliveries: [
        tellPerson(request.speaker.organisation._id, on.person._id, {
          text: `Your membership of the group has been withdrawn: ${command.reason}`,
        }),
      ],
    };
  },
);

export const resignHandler = handleCommand(resignCommand, async (ctx, request, command) => {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const result = await resignMembership(ctx, request.speaker.actor, {
    groupId,
    reason: command.reason,
  });
  if (!result.ok) return refusalReply(result.refusals);
  const group = await new GroupBook(ctx.db).get(groupId);
  return noticeReply(
    `${request.speaker.person.displayName} has left ${group.name}.`,
    'info',
    command.reason ? [`Reason: ${command.reason}`] : [],
  );
});
