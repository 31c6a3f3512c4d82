import { z } from 'zod';
import { DECLARATION_KIND_LABELS } from '../../domain/declarations';
import type { DeclarationKind } from '../../domain/shared/declarations';
import { GroupBook } from '../../store/groups/group-book';
import { loadCheck } from '../checks/check-records';
import type { Speaker } from '../conversations/speaker';
import { decideDeclaration, declareInterest } from '../declarations/declaration-use-cases';
import { noticeReply, refusalReply, type Reply } from '../dispatch/reply';
import { declarationFormCard } from '../dispatch/view-models';
import { reviewByReference } from '../reviews/review-use-cases';
import type { AppContext } from '../shared/context';
import { defineCardAction, emptyToUndefined, id } from './card-action';

/** Where a channel cannot show a form inside a message (Slack), a button opens it. */
export const declarationOpen = defineCardAction({
  verb: 'declaration.open',
  fields: { groupId: id },
  answersWithForm: true,
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
    const group = await new GroupBook(ctx.db).inOrganisation(actor.organisationId, action.groupId);
    if (!group)
      return refusalReply([{ code: 'group-not-found', message: 'That group no longer exists.' }]);
    return {
      kind: 'form',
      text: 'Declare an interest',
      form: declarationFormCard(group._id, group.name),
    };
  },
});

export const declarationSubmit = defineCardAction({
  verb: 'declaration.submit',
  fields: {
    groupId: z.string(),
    kind: z.string(),
    detail: z.preprocess(emptyToUndefined, z.string().optional()),
    area: z.preprocess(emptyToUndefined, z.string().optional()),
  },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
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
  },
});

/** The exclusion target arrives as exclude-<declaration id>, one input per register entry. */
export const declarationDecide = defineCardAction({
  verb: 'declaration.decide',
  fields: { declarationId: z.string(), outcome: z.enum(['noted', 'excluded']) },
  keepsOtherFields: true,
  async handle(ctx, speaker, action) {
    return decideFromRegister(
      ctx,
      speaker,
      action,
      // A Teams card has one input per entry; Slack's modal asks for the one it is about.
      (action as Record<string, unknown>)[`exclude-${action.declarationId}`] ??
        (action as Record<string, unknown>).exclude,
    );
  },
});

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
