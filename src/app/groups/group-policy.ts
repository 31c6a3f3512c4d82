import { z } from 'zod';
import { POLICY_PRESETS, PRESET_KEYS, type PresetKey } from '../../domain/groups';
import { describePolicy, type PolicyRuleView } from '../../domain/groups/preset-clauses';
import { ok, type Result } from '../../domain/shared/result';
import { GroupBook } from '../../store/groups/group-book';
import type { GroupRecord } from '../../store/groups/group-model';
import { policyOf } from '../people/standing';
import { requireGroupRole } from '../shared/authorise';
import { recordId } from '../shared/inputs';
import { defineUseCase } from '../shared/use-case';

export interface GroupPolicyView {
  groupName: string;
  presetKey: PresetKey;
  /** The preset's own name, e.g. "Torus Tenant Inspectors and Mystery Shoppers (TIMS)". */
  presetName: string;
  rows: PolicyRuleView[];
}

/**
 * The preset a group was created from, as stored. createGroup only stores the four keys, so
 * anything else is a damaged record, not a person's mistake.
 */
export function presetKeyOf(group: Pick<GroupRecord, '_id' | 'presetKey'>): PresetKey {
  const parsed = z.enum(PRESET_KEYS).safeParse(group.presetKey);
  if (!parsed.success)
    throw new Error(`Group ${group._id} has an unknown preset “${group.presetKey}”`);
  return parsed.data;
}

/** A group's policy beside its preset's values and the clause each comes from. */
export function groupPolicyView(group: GroupRecord): GroupPolicyView {
  const presetKey = presetKeyOf(group);
  return {
    groupName: group.name,
    presetKey,
    presetName: POLICY_PRESETS[presetKey].name,
    rows: describePolicy(policyOf(group), presetKey),
  };
}

/**
 * `group policy`: officers, who change the rules, and the chair, who runs meetings by them
 * (domain.md "Whose rule is it": each value shown with the clause it comes from).
 */
export const groupPolicy = defineUseCase({
  name: 'groupPolicy',
  input: z.object({ groupId: recordId }),
  async run(ctx, actor, input): Promise<Result<GroupPolicyView>> {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer', 'chair'],
      'see the group’s rules',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const group = await new GroupBook(ctx.db).get(input.groupId);
    return ok(groupPolicyView(group));
  },
});
