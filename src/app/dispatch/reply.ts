import type { OutgoingMessage, Recipient } from '../messaging/messenger';
import type { OutgoingFile } from '../messaging/outgoing-file';
import type { Refusal, Result } from '../../domain/shared/result';

/** A card by name and the view model it is filled from; each channel renders it its own way. */
export interface CardMessage {
  name: string;
  viewModel: Record<string, unknown>;
}

/**
 * What a command or click produces, channel-neutral. `text` is always there: it is the
 * notification line, the fallback and what a screen reader announces.
 */
export type Reply = (
  | {
      kind: 'message';
      text: string;
      card?: CardMessage;
      /** About the sender alone (their own work, a member's conduct record): only they see it. */
      onlyToSender?: boolean;
      /**
       * For the people of this group (by id) only, e.g. the register of interests: where the
       * chat holds anyone else, it goes to the sender alone. Whether a chat holds anyone else is
       * for the channel to find out (Slack asks conversations.members).
       */
      onlyToGroupMembers?: string;
    }
  /** A form to fill in: a card in Teams, a modal in Slack. */
  | { kind: 'form'; text: string; form: CardMessage }
) & {
  /** Messages the command causes elsewhere, e.g. the check offer in the member's own chat. */
  deliveries?: Delivery[];
  /** Set when nothing was done: each reason, so a form can show it beside its field. */
  refusals?: readonly Refusal[];
  /**
   * The card clicked sits in a shared chat (a ballot): its answer is for the clicker alone and
   * must not replace what everyone else sees.
   */
  sharedCard?: boolean;
  /**
   * Files for the person who asked (a report, their own data); the channel delivers them to
   * that person alone (src/app/messaging/outgoing-file.ts).
   */
  files?: OutgoingFile[];
};

export interface Delivery {
  to: Recipient;
  message: OutgoingMessage;
}

export function textReply(text: string): Reply {
  return { kind: 'message', text };
}

/** Refusals as one notice card: the first sentence as the line, every reason listed. */
export function refusalReply(
  refusals: readonly Refusal[],
  title = 'That did not go through',
): Reply {
  const reasons = refusals.map((refusal) => refusal.message);
  const text = reasons.length === 1 ? (reasons[0] ?? title) : `${title}: ${reasons.join(' ')}`;
  return {
    kind: 'message',
    text,
    onlyToSender: true,
    refusals,
    card: { name: 'notice', viewModel: { title, tone: 'refused', reasons } },
  };
}

export function noticeReply(
  title: string,
  tone: 'ok' | 'info' = 'ok',
  reasons: string[] = [],
): Reply {
  return {
    kind: 'message',
    text: [title, ...reasons].join(' '),
    card: { name: 'notice', viewModel: { title, tone, reasons } },
  };
}

/** A use-case's result as a reply: its refusals, or what `then` makes of its value. */
export function refusedOr<T>(
  result: Result<T>,
  then: (value: T) => Reply | Promise<Reply>,
): Reply | Promise<Reply> {
  return result.ok ? then(result.value) : refusalReply(result.refusals);
}

/** A message a command or click causes in someone's own chat. */
export function tellPerson(
  organisationId: string,
  personId: string,
  message: Delivery['message'],
): Delivery {
  return { to: { kind: 'person', organisationId, personId }, message };
}
