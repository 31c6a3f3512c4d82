import { z } from 'zod';
import { mineReply, registerReply, standardsReply } from '../dispatch/paged-views';
import { defineCardAction, emptyToUndefined, id, optionalPage } from './card-action';

export const mineRefresh = defineCardAction({
  verb: 'mine.refresh',
  fields: { page: optionalPage },
  async handle(ctx, speaker, action) {
    return mineReply(ctx, speaker, action.page);
  },
});

/** "Next page" on a card that shows a long list a page at a time (paged-views). */
export const listPage = defineCardAction({
  verb: 'list.page',
  fields: {
    list: z.enum(['standards', 'register', 'mine']),
    page: z.coerce.number().int().min(1).max(9999),
    area: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
    groupId: z.preprocess(emptyToUndefined, id.optional()),
  },
  async handle(ctx, speaker, action) {
    // Each list checks who may see it, as its command does: the register only for the group.
    if (action.list === 'standards')
      return standardsReply(ctx, speaker, { page: action.page, area: action.area });
    if (action.list === 'register') return registerReply(ctx, speaker, action.groupId, action.page);
    return mineReply(ctx, speaker, action.page);
  },
});
