import type { App } from '@slack/bolt';
import { helpText } from '../../app/help';

/**
 * Bolt listeners: each translates a Slack payload into a call below and the answer back into
 * Slack's shapes. No scrutiny rule lives here.
 */
export function registerSlackListeners(app: App): void {
  app.command('/scrutiny', async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: helpText('slack') });
  });

  app.event('app_mention', async ({ event, say }) => {
    await say({ text: helpText('slack'), thread_ts: event.thread_ts ?? event.ts });
  });
}
