import { z } from 'zod';
import { PRESET_KEYS, POLICY_PRESETS } from '../../domain/groups';
import { ok, refuse } from '../../domain/shared/result';
import { isDuplicateKeyError } from '../../store/connection';
import { GroupBook } from '../../store/groups/group-book';
import type { GroupRecord } from '../../store/groups/group-model';
import { MembershipRoll } from '../../store/people/membership-roll';
import { requireGroupRole, requireOfficer } from '../shared/authorise';
import { audit, saveChange } from '../shared/record-change';
import { recordId, requiredText } from '../shared/inputs';
import { defineUseCase } from '../shared/use-case';
import type { AppContext } from '../shared/context';
import { localToday, policyOf } from '../people/standing';
import { openGroupYearlyDuties } from '../people/yearly-duties';

/**
 * An officer sets up a panel, inspector team or committee from one of the four documented
 * presets, optionally tied to the chat it works in. The officer becomes its first member, as
 * its facilitating officer.
 */
export const createGroup = defineUseCase({
  name: 'createGroup',
  input: z.object({
    name: requiredText(100),
    presetKey: z.enum(PRESET_KEYS),
    conversationId: z.string().min(1).optional(),
    /** The documents are silent on it, so the officer says, or sets it later. */
    retentionYears: z.int().min(1).max(100).optional(),
  }),
  async run(ctx, actor, input) {
    const refusals = await requireOfficer(ctx, actor, 'create a group');
    if (refusals.length > 0) return { ok: false, refusals };
    const preset = POLICY_PRESETS[input.presetKey];
    let group: GroupRecord;
    try {
      group = await new GroupBook(ctx.db).create({
        organisationId: actor.organisationId,
        name: input.name,
        kind: preset.kind,
        presetKey: preset.key,
        policy: input.retentionYears
          ? { ...preset.policy, retentionYears: input.retentionYears }
          : preset.policy,
        conversationId: input.conversationId,
        createdAt: ctx.now(),
        createdBy: actor.personId,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return refuse(
        'group.name-taken',
        `There is already a group called “${input.name}” in your organisation; choose another name.`,
      );
    }
    await new MembershipRoll(ctx.db).create({
      organisationId: actor.organisationId,
      groupId: group._id,
      personId: actor.personId,
      roles: ['officer'],
      status: { kind: 'active' },
      joinedAt: ctx.now(),
      termStartsOn: await localToday(ctx, actor.organisationId),
    });
    await audit(ctx, actor, {
      subject: { kind: 'group', id: group._id },
      groupId: group._id,
      action: 'group.created',
      details: { name: group.name, presetKey: preset.key, source: preset.source },
    });
    // Torus Safeguards (terms review) and Trafford 12 (the panel's appraisal), as the policy says.
    await openGroupYearlyDuties(ctx, actor, { _id: group._id, policy: policyOf(group) });
    return ok(group);
  },
});

/** Ties a group to the chat or channel it works in, so commands typed there find it. */
export const bindGroupToConversation = defineUseCase({
  name: 'bindGroupToConversation',
  input: z.object({ groupId: recordId, conversationId: z.string().min(1) }),
  async run(ctx, actor, input) {
    const refusals = await requireGroupRole(ctx, actor, input.groupId, ['officer'], 'do that');
    if (refusals.length > 0) return { ok: false, refusals };
    const book = new GroupBook(ctx.db);
    const group = await book.get(input.groupId);
    return saveChange(
      ctx,
      actor,
      book.groups,
      group,
      { conversationId: input.conversationId },
      {
        subject: { kind: 'group', id: group._id },
        groupId: group._id,
        action: 'group.bound-to-conversation',
        details: { from: group.conversationId ?? null },
      },
    );
  },
});

export async function groupForConversation(
  ctx: AppContext,
  organisationId: string,
  conversationId: string,
): Promise<GroupRecord | undefined> {
  const found = await new GroupBook(ctx.db).forConversation(organisationId, conversationId);
  return found ?? undefined;
}
