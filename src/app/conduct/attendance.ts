import { z } from 'zod';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { AttendanceRegister } from '../../store/conduct/attendance-register';
import { MembershipRoll } from '../../store/people/membership-roll';
import { localToday } from '../people/standing';
import { requireGroupRole } from '../shared/authorise';
import { recordId } from '../shared/inputs';
import { audit } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';

/**
 * An officer or the chair records who is at today's meeting. Recording someone twice changes
 * nothing; only members of the group can be present for its ballots.
 */
export const recordAttendance = defineUseCase({
  name: 'recordAttendance',
  input: z.object({ groupId: recordId, personIds: z.array(recordId).min(1).max(100) }),
  async run(ctx, actor, input): Promise<Result<{ meetingOn: string; added: number }>> {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer', 'chair'],
      'record attendance',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const known = new Set(
      await new MembershipRoll(ctx.db).activeAmong(input.groupId, input.personIds),
    );
    const strangers = input.personIds.filter((id) => !known.has(id));
    if (strangers.length > 0)
      return refuse(
        'attendance.not-members',
        `${strangers.length === 1 ? 'One person named is' : `${strangers.length} people named are`} not active members of this group.`,
      );
    const meetingOn = await localToday(ctx, actor.organisationId);
    const register = new AttendanceRegister(ctx.db);
    let added = 0;
    for (const personId of new Set(input.personIds)) {
      const recorded = await register.record({
        organisationId: actor.organisationId,
        groupId: input.groupId,
        meetingOn,
        personId,
        recordedBy: actor.personId,
        recordedAt: ctx.now(),
      });
      if (recorded) added += 1;
    }
    await audit(ctx, actor, {
      subject: { kind: 'group', id: input.groupId },
      groupId: input.groupId,
      action: 'meeting.attendance-recorded',
      details: { meetingOn, personIds: input.personIds },
    });
    return ok({ meetingOn, added });
  },
});
