import { z } from 'zod';
import { noticeReply, refusalReply } from '../dispatch/reply';
import { confirmOwnAgreements } from '../people/member-progress';
import { defineCardAction, emptyToUndefined } from './card-action';

export const onboardingConfirm = defineCardAction({
  verb: 'onboarding.confirm',
  fields: {
    groupId: z.string(),
    over18: z.preprocess(emptyToUndefined, z.string().optional()),
    codeOfConduct: z.preprocess(emptyToUndefined, z.string().optional()),
    confidentiality: z.preprocess(emptyToUndefined, z.string().optional()),
  },
  async handle(ctx, speaker, action) {
    const actor = speaker.actor;
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
  },
});
