import { agreedRecommendations, type Review } from '../../domain/reviews';
import { boundList, clipText, moreLine } from './bounded-list';
import type { CardMessage } from './reply';

/**
 * What the person answering for management is sent once the committee agrees recommendations
 * (Sedgemoor ToR 4.3(6), 6.2): which ones, and when the improvement plan is due, or that the
 * group's terms set no time. Bounded like every list on a card.
 */
export const NOTICE_SHOWN = 10;

export function managementNoticeCard(input: {
  reference: string;
  review: Review;
  groupName: string;
  /** "The improvement plan is due by …", or that the terms set no time. */
  due: string;
}): CardMessage {
  const agreed = boundList(
    agreedRecommendations(input.review).map((r) => ({ id: r.id, text: clipText(r.text, 300) })),
    { size: NOTICE_SHOWN },
  );
  return {
    name: 'management-notice',
    viewModel: {
      ref: input.reference,
      title: clipText(input.review.title, 200),
      intro: `${clipText(input.groupName, 100)} has agreed these recommendations; you answer them for management with an improvement plan.`,
      recommendations: agreed.items,
      recommendationsText: clipText(agreed.items.map((r) => `${r.id}. ${r.text}`).join('\n'), 2900),
      recommendationsMore: moreLine(agreed, 'agreed'),
      due: input.due,
    },
  };
}
