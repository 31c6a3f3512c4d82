import { post } from './http';
import { LOADING_CALLBACK_ID } from '../../src/cards/render-slack';
import {
  newTriggerId,
  SLACK_HOOKS,
  slackHeaders,
  type captureSlack,
  type SlackCall,
} from './slack';

export type Who = { id: string; name: string };

/**
 * A person's side of a Slack conversation with the bot: signed slash commands, button clicks
 * and modal submissions posted to the running receiver, answered through the captured Web API.
 */
export function slackSession(
  url: () => string,
  slack: ReturnType<typeof captureSlack>,
  where: { team: string; channel: string },
) {
  let n = 0;

  const signedPost = (path: string, body: string, type: 'json' | 'form' = 'form') =>
    post(
      `${url()}/api/slack/${path}`,
      body,
      slackHeaders(
        body,
        type === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      ),
    );

  /** `/scrutiny <text>`; resolves with what replaced the "Working on it…" placeholder. */
  async function slash(who: Who, text: string): Promise<SlackCall> {
    const path = `/commands/${where.channel}/${++n}`;
    const body = new URLSearchParams({
      team_id: where.team,
      channel_id: where.channel,
      channel_name: 'inspectors',
      user_id: who.id,
      user_name: who.name,
      command: '/scrutiny',
      text,
      response_url: `${SLACK_HOOKS}${path}`,
      trigger_id: newTriggerId(),
      api_app_id: 'A0SCRUTINY',
    }).toString();
    const res = await signedPost('commands', body);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
    return slack.next((c) => c.method === path);
  }

  /** A button click; resolves with every response_url post it made, once the clicker was told. */
  async function click(
    who: Who,
    actionId: string,
    value: Record<string, unknown>,
    opened?: 'modal',
  ): Promise<SlackCall[]> {
    const path = `/actions/${where.channel}/${++n}`;
    const since = slack.calls.length;
    const payload = JSON.stringify({
      type: 'block_actions',
      team: { id: where.team },
      user: { id: who.id, name: who.name, team_id: where.team },
      channel: { id: `D${who.id}` },
      container: { type: 'message', message_ts: '1.1', channel_id: `D${who.id}` },
      response_url: `${SLACK_HOOKS}${path}`,
      trigger_id: newTriggerId(),
      actions: [
        {
          type: 'button',
          action_id: actionId,
          block_id: 'b',
          value: JSON.stringify(value),
          action_ts: '1.2',
        },
      ],
    });
    const body = new URLSearchParams({ payload }).toString();
    const res = await signedPost('interactivity', body);
    expect(res.status).toBe(200);
    if (opened === 'modal') return [await slack.next(isShownForm, since)];
    // The clicker is always told something only they see: a confirmation or a refusal.
    await slack.next((c) => c.method === path && c.body.response_type === 'ephemeral', since);
    return slack.calls.slice(since).filter((c) => c.method === path);
  }

  async function submit(
    who: Who,
    callbackId: string,
    metadata: Record<string, unknown>,
    values: Record<string, Record<string, unknown>>,
  ) {
    const payload = JSON.stringify({
      type: 'view_submission',
      team: { id: where.team },
      user: { id: who.id, name: who.name, team_id: where.team },
      view: {
        id: 'V1',
        callback_id: callbackId,
        private_metadata: JSON.stringify(metadata),
        state: {
          values: Object.fromEntries(
            Object.entries(values).map(([field, input]) => [field, { value: input }]),
          ),
        },
      },
    });
    return signedPost('interactivity', new URLSearchParams({ payload }).toString());
  }
  /**
   * A modal with a form in it: opened straight away (the small questions behind a button), or
   * filled into the "Loading…" placeholder that was opened first (the forms that need reading).
   */
  const isShownForm = (c: SlackCall) =>
    (c.method === 'views.open' || c.method === 'views.update') &&
    viewOf(c).callback_id !== LOADING_CALLBACK_ID;
  const typed = (value: string) => ({ type: 'plain_text_input', value });
  const chosen = (value: string) => ({ type: 'radio_buttons', selected_option: { value } });
  const viewOf = (call: SlackCall) =>
    JSON.parse(call.body.view as string) as {
      callback_id: string;
      private_metadata: string;
      blocks: Array<{ block_id?: string }>;
    };
  const dmTo = (since: number, says: string) =>
    slack.next((c) => c.method === 'chat.postMessage' && c.text.includes(says), since);

  return { slash, click, submit, typed, chosen, viewOf, dmTo, signedPost, isShownForm };
}
