import {
  attendanceCommand,
  conductHistoryCommand,
  conductReferCommand,
  conductVoteCommand,
  conductWarnCommand,
  conductWithdrawCommand,
} from '../../commands';
import { recordAttendance } from '../conduct/attendance';
import {
  conductHistory,
  openConductVote,
  referMember,
  warnMember,
  withdrawForConduct,
} from '../conduct/conduct-steps';
import type { AppContext } from '../shared/context';
import { mentionedPerson, NO_GROUP, type CommandRequest } from '../dispatch/command-request';
import { ballotCard, historyCard } from '../dispatch/conduct-views';
import { noticeReply, refusalReply, tellPerson, type Reply } from '../dispatch/reply';
import { handleCommand } from './command-handler';

/** attendance and the conduct commands: the code-of-conduct ladder of the group's policy. */

export const attendanceHandler = handleCommand(attendanceCommand, async (ctx, request, command) => {
  const groupId = request.speaker.groupId;
  if (!groupId) return refusalReply([NO_GROUP]);
  const actor = request.speaker.actor;
  const people = [];
  for (const userId of command.personUserIds)
    people.push(await mentionedPerson(ctx, request, userId));
  const result = await recordAttendance(ctx, actor, {
    groupId,
    personIds: people.map((p) => p._id),
  });
  if (!result.ok) return refusalReply(result.refusals);
  return noticeReply(
    `Present at today’s meeting: ${people.map((p) => p.displayName).join(', ')}.`,
    'ok',
    ['They are the members who may vote in a ballot opened today.'],
  );
});

/** Each conduct step is about one member of this chat's group. */
async function conductSubject(
  ctx: AppContext,
  request: CommandRequest,
  personUserId: string,
): Promise<
  | {
      ok: true;
      subject: Awaited<ReturnType<typeof mentionedPerson>>;
      target: { groupId: string; subjectId: string };
    }
  | { ok: false; reply: Reply }
> {
  const groupId = request.speaker.groupId;
  if (!groupId) return { ok: false, reply: refusalReply([NO_GROUP]) };
  const subject = await mentionedPerson(ctx, request, personUserId);
  return { ok: true, subject, target: { groupId, subjectId: subject._id } };
}

export const conductWarnHandler = handleCommand(
  conductWarnCommand,
  async (ctx, request, command) => {
    const on = await conductSubject(ctx, request, command.personUserId);
    if (!on.ok) return on.reply;
    const { subject, target } = on;
    const actor = request.speaker.actor;
    const result = await warnMember(ctx, actor, { ...target, reason: command.reason });
    if (!result.ok) return refusalReply(result.refusals);
    const { number, of } = result.value;
    return {
      ...noticeReply(
        number === 1
          ? `${subject.displayName} is warned to leave the meeting (warning 1 of ${of}).`
          : `${subject.displayName} is given warning ${number} of ${of}.`,
        'info',
        [`Reason: ${command.reason}`],
      ),
      deliveries: [
        tellPerson(actor.organisationId, subject._id, {
          text: `You have been given a code-of-conduct warning (${number} of ${of}): ${command.reason}`,
        }),
      ],
    };
  },
);

export const conductVoteHandler = handleCommand(
  conductVoteCommand,
  async (ctx, request, command) => {
    const on = await conductSubject(ctx, request, command.personUserId);
    if (!on.ok) return on.reply;
    const { target } = on;
    const actor = request.speaker.actor;
    const zone = request.speaker.organisation.timeZone;
    const result = await openConductVote(ctx, actor, {
      ...target,
      action: command.action,
      ...(command.period ? { period: command.period } : {}),
    });
    if (!result.ok) return refusalReply(result.refusals);
    const card = await ballotCard(ctx, result.value, zone);
    return {
      kind: 'message',
      text: `${String(card.viewModel.question)} ${result.value.eligible.length} members may vote.`,
      card,
    };
  },
);

export const conductReferHandler = handleCommand(
  conductReferCommand,
  async (ctx, request, command) => {
    const on = await conductSubject(ctx, request, command.personUserId);
    if (!on.ok) return on.reply;
    const { subject, target } = on;
    const actor = request.speaker.actor;
    const { groupId } = target;
    const result = await referMember(ctx, actor, target);
    if (!result.ok) return refusalReply(result.refusals);
    return {
      ...noticeReply(`${subject.displayName} is referred to ${result.value.to}.`, 'info'),
      deliveries: result.value.committee.map((personId) => ({
        to: { kind: 'person' as const, organisationId: actor.organisationId, personId },
        message: {
          text: `${subject.displayName} has been referred to ${result.value.to} for a code-of-conduct breach. Please record the outcome of your investigation.`,
          card: {
            name: 'referral',
            viewModel: {
              to: result.value.to,
              person: subject.displayName,
              group: result.value.groupName,
              groupId,
              subjectId: subject._id,
            },
          },
        },
      })),
    };
  },
);

export const conductWithdrawHandler = handleCommand(
  conductWithdrawCommand,
  async (ctx, request, command) => {
    const on = await conductSubject(ctx, request, command.personUserId);
    if (!on.ok) return on.reply;
    const { subject, target } = on;
    const actor = request.speaker.actor;
    const result = await withdrawForConduct(ctx, actor, { ...target, reason: command.reason });
    if (!result.ok) return refusalReply(result.refusals);
    return {
      ...noticeReply(`${subject.displayName}'s membership is withdrawn.`, 'info', [
        `Reason: ${command.reason}`,
      ]),
      deliveries: [
        tellPerson(actor.organisationId, subject._id, {
          text: `Your membership of the group has been withdrawn for a breach of the code of conduct: ${command.reason}`,
        }),
      ],
    };
  },
);

export const conductHistoryHandler = handleCommand(
  conductHistoryCommand,
  async (ctx, request, command) => {
    const on = await conductSubject(ctx, request, command.personUserId);
    if (!on.ok) return on.reply;
    const { subject, target } = on;
    const actor = request.speaker.actor;
    const zone = request.speaker.organisation.timeZone;
    const result = await conductHistory(ctx, actor, target);
    if (!result.ok) return refusalReply(result.refusals);
    return {
      kind: 'message',
      text:
        result.value.length === 0
          ? `Nothing is on record about ${subject.displayName}'s conduct.`
          : `${result.value.length} entries on record about ${subject.displayName}'s conduct.`,
      onlyToSender: true,
      card: await historyCard(ctx, subject.displayName, result.value, zone),
    };
  },
);
