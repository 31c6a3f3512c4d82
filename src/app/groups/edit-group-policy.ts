import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { editPolicy, type MembershipPolicy, type PolicyEdits } from '../../domain/groups';
import { refuse } from '../../domain/shared/result';
import { GroupBook } from '../../store/groups/group-book';
import { policyOf } from '../people/standing';
import { requireGroupRole } from '../shared/authorise';
import { recordId, requiredText } from '../shared/inputs';
import { saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';

/**
 * An officer adapts the group's policy (each preset is a starting point, editable per group).
 * The domain checks the result is a sound policy; the audit keeps each changed field's old
 * value beside the reason.
 */
export const editGroupPolicy = defineUseCase({
  name: 'editGroupPolicy',
  input: z.object({
    groupId: recordId,
    changes: z.record(z.string(), z.unknown()),
    reason: requiredText(500),
  }),
  async run(ctx, actor, input) {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'change a group’s rules',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const book = new GroupBook(ctx.db);
    const group = await book.get(input.groupId);
    const was = policyOf(group);
    const edited = editPolicy(was, input.changes as PolicyEdits);
    if (!edited.ok) return edited;
    const after = edited.value;
    // Object.keys types its keys as strings; these are the two policies' own keys.
    const changed = (Object.keys({ ...was, ...after }) as Array<keyof MembershipPolicy>).filter(
      (k) => !isDeepStrictEqual(was[k], after[k]),
    );
    if (changed.length === 0)
      return refuse('group.policy-unchanged', 'Those are already the group’s rules.');
    return saveChange(
      ctx,
      actor,
      book.groups,
      group,
      { policy: after },
      {
        subject: { kind: 'group', id: group._id },
        groupId: group._id,
        action: 'group.policy-edited',
        reason: input.reason,
        details: {
          changed,
          before: Object.fromEntries(changed.map((k) => [k, was[k] ?? null])),
          after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
        },
      },
    );
  },
});
