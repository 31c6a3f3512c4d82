import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { normaliseSlackMentions } from '../../commands';
import {
  speakerOf,
  type IncomingSpeaker,
  type SpeakerSettings,
} from '../../app/conversations/speaker';
import { runCardAction } from '../../app/dispatch/card-actions';
import type { Reply } from '../../app/dispatch/reply';
import { mineFor, runCommand } from '../../app/dispatch/run-command';
import type { Messenger } from '../../app/messaging/messenger';
import type { AppContext } from '../../app/shared/context';
import {
  asksFirst,
  hasSlackModal,
  renderAskModal,
  renderSlackBlocks,
  renderSlackModal,
  SLACK_ASK_MODALS,
} from '../../cards/render-slack';
import type { Logger } from '../../log/logger';

export interface SlackListenerDeps {
  ctx: AppContext;
  settings: SpeakerSettings;
  messenger: Messenger;
  log: Logger;
}

const MENTION_WITH_NAME = /<@([UW][A-Z0-9]+)\|([^>]+)>/g;

function slackSpeaker(input: {
  teamId: string;
  userId: string;
  userName: string;
  channelId: string;
  channelName?: string;
}): IncomingSpeaker {
  return {
    platform: 'slack',
    tenantId: input.teamId,
    userId: input.userId,
    displayName: input.userName,
    conversation: {
      id: input.channelId,
      scope:
        input.channelName === 'directmessage' || input.channelId.startsWith('D')
          ? 'personal'
          : 'channel',
      reference: { channel: input.channelId },
    },
  };
}

function messageOf(reply: Reply): { text: string; blocks?: unknown[] } {
  const card = reply.kind === 'form' ? reply.form : reply.card;
  return card ? renderSlackBlocks(card.name, card.viewModel, reply.text) : { text: reply.text };
}

/**
 * Bolt listeners: each translates a Slack payload into the channel-neutral command or card
 * action and the reply back into Block Kit. Every one acks first (Slack allows 3 seconds) and
 * does the work after, replacing the placeholder.
 */
export function registerSlackListeners(app: App, deps: SlackListenerDeps): void {
  const deliver = async (reply: Reply) => {
    for (const delivery of reply.deliveries ?? []) {
      const outcome = await deps.messenger.send(delivery.to, delivery.message);
      if (!outcome.sent)
        deps.log.warn(
          { reason: outcome.reason },
          'a Slack message to another chat was not delivered',
        );
    }
  };
  const answer = async (respond: RespondFn, reply: Reply) => {
    await respond({
      replace_original: true,
      response_type: reply.kind === 'message' && !reply.onlyToSender ? 'in_channel' : 'ephemeral',
      ...messageOf(reply),
    } as never);
    await deliver(reply);
  };

  app.command('/scrutiny', async ({ command, ack, respond, client }) => {
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    const speaker = await speakerOf(
      deps.ctx,
      slackSpeaker({
        teamId: command.team_id,
        userId: command.user_id,
        userName: command.user_name,
        channelId: command.channel_id,
        channelName: command.channel_name,
      }),
      deps.settings,
    );
    const mentioned = [...command.text.matchAll(MENTION_WITH_NAME)].map((m) => ({
      userId: m[1] ?? '',
      displayName: m[2] ?? '',
    }));
    const reply = await runCommand(deps.ctx, {
      speaker,
      text: normaliseSlackMentions(command.text),
      mentioned,
      attachments: [],
    });
    if (reply.kind === 'form' && hasSlackModal(reply.form.name)) {
      // Forms are modals in Slack; the trigger is only good for 3 seconds, so open it first.
      await client.views.open({
        trigger_id: command.trigger_id,
        view: renderSlackModal(reply.form.name, reply.form.viewModel, {
          callbackId: reply.form.name,
          privateMetadata: JSON.stringify(
            reply.form.viewModel.groupId ? { groupId: reply.form.viewModel.groupId } : {},
          ),
        }) as never,
      });
      await respond({
        replace_original: true,
        response_type: 'ephemeral',
        text: 'The form is open.',
      } as never);
      return;
    }
    await answer(respond, reply);
  });

  app.action<BlockAction<ButtonAction>>(
    /^[a-z-]+\.[a-z-]+(:.*)?$/,
    async ({ ack, body, action, respond, client }) => {
      await ack();
      const verb = action.action_id.split(':')[0] ?? '';
      const data = parseValue(action.value);
      if (asksFirst(verb)) {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: renderAskModal(verb, data) as never,
        });
        return;
      }
      const speaker = await speakerOf(
        deps.ctx,
        slackSpeaker({
          teamId: body.team?.id ?? body.user.team_id ?? 'unknown',
          userId: body.user.id,
          userName: body.user.name ?? body.user.username ?? body.user.id,
          channelId: body.channel?.id ?? body.user.id,
        }),
        deps.settings,
      );
      const reply = await runCardAction(deps.ctx, speaker, { ...data, verb });
      await answer(respond, reply);
    },
  );

  // The declaration form, submitted: a bad field comes back inline and nothing is stored.
  app.view('declaration-form', async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const kind = values.kind?.value?.selected_option?.value ?? '';
    const detail = values.detail?.value?.value ?? '';
    const area = values.area?.value?.value ?? undefined;
    const errors: Record<string, string> = {};
    if (!kind) errors.kind = 'Choose the kind of interest.';
    if (!detail.trim()) errors.detail = 'Say what the interest is.';
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    const speaker = await speakerOf(
      deps.ctx,
      slackSpeaker({
        teamId: body.team?.id ?? body.user.team_id ?? 'unknown',
        userId: body.user.id,
        userName: body.user.name,
        channelId: body.user.id,
        channelName: 'directmessage',
      }),
      deps.settings,
    );
    const metadata = parseValue(view.private_metadata);
    const reply = await runCardAction(deps.ctx, speaker, {
      verb: 'declaration.submit',
      groupId: metadata.groupId,
      kind,
      detail,
      area,
    });
    const refused =
      reply.kind === 'message' &&
      reply.card?.name === 'notice' &&
      reply.card.viewModel.tone === 'refused';
    if (refused) {
      await ack({ response_action: 'errors', errors: { detail: reply.text } });
      return;
    }
    await ack();
    await client.chat.postMessage({ channel: body.user.id, ...messageOf(reply) } as never);
  });

  // The answer to a modal a button opened: the card action runs with what was typed.
  app.view(/^ask:/, async ({ ack, body, view, client }) => {
    const verb = view.callback_id.slice('ask:'.length);
    if (!asksFirst(verb)) {
      await ack();
      return;
    }
    const typed: Record<string, string> = {};
    for (const field of SLACK_ASK_MODALS[verb].fields) {
      const input = view.state.values[field]?.value;
      typed[field] = (input?.value ?? input?.selected_date ?? '').trim();
    }
    const missing = Object.entries(typed).filter(([, value]) => value === '');
    if (missing.length > 0) {
      await ack({
        response_action: 'errors',
        errors: Object.fromEntries(missing.map(([field]) => [field, 'Please fill this in.'])),
      });
      return;
    }
    const speaker = await speakerOf(
      deps.ctx,
      slackSpeaker({
        teamId: body.team?.id ?? body.user.team_id ?? 'unknown',
        userId: body.user.id,
        userName: body.user.name,
        channelId: body.user.id,
        channelName: 'directmessage',
      }),
      deps.settings,
    );
    const reply = await runCardAction(deps.ctx, speaker, {
      ...parseValue(view.private_metadata),
      ...typed,
      verb,
    });
    const refused =
      reply.kind === 'message' &&
      reply.card?.name === 'notice' &&
      reply.card.viewModel.tone === 'refused';
    if (refused) {
      await ack({
        response_action: 'errors',
        errors: { [SLACK_ASK_MODALS[verb].fields[0]]: reply.text },
      });
      return;
    }
    await ack();
    await client.chat.postMessage({ channel: body.user.id, ...messageOf(reply) } as never);
    await deliver(reply);
  });

  // App Home: the same open checks, requests and deadlines as `mine`.
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const speaker = await speakerOf(
      deps.ctx,
      slackSpeaker({
        teamId: body.team_id,
        userId: event.user,
        userName: event.user,
        channelId: event.channel ?? event.user,
        channelName: 'directmessage',
      }),
      deps.settings,
    );
    const reply = await mineFor(deps.ctx, speaker);
    const { blocks } = messageOf(reply) as { blocks?: unknown[] };
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: (blocks ?? []) as never },
    });
  });

  app.event('app_mention', async ({ say, event }) => {
    await say({
      text: 'Use `/scrutiny help` to see what you can do.',
      thread_ts: event.thread_ts ?? event.ts,
    });
  });
}

/** A button's value is the JSON its card put there; anything else counts as no data. */
function parseValue(value: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
