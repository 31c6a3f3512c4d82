import type { captureSlack, SlackCall } from './slack';
import type { Who } from './slack-session';

/** The DM channel the stand-in gives each person once `ownDirectMessages` is on. */
export const dmChannelOf = (who: Who) => `D${who.id}`;

/**
 * Gives each person their own DM channel (`D<user id>`), as Slack does, instead of one shared
 * channel for everyone, so a test can tell whose DM a message went to. Call it in each test:
 * answers set with answerWith last until the next install().
 */
export function ownDirectMessages(slack: ReturnType<typeof captureSlack>): void {
  slack.answerWith('conversations.open', (body) => ({
    ok: true,
    channel: { id: `D${String(body.users)}` },
  }));
}

/** The first message (made since `since`, or still to come) posted in `who`'s DM saying `says`. */
export function dmFor(
  slack: ReturnType<typeof captureSlack>,
  who: Who,
  says: string,
  since = 0,
): Promise<SlackCall> {
  return slack.next(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.body.channel === dmChannelOf(who) &&
      c.text.includes(says),
    since,
  );
}
