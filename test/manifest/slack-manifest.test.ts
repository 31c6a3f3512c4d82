import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { COMMANDS, helpFor } from '../../src/commands';
import { SLACK_INSTALL_PATHS, SLACK_PATHS } from '../../src/channels/slack/restify-receiver';
import { SLACK_BOT_SCOPES } from '../../src/channels/slack/slack-app';

type SlackManifest = {
  features: {
    slash_commands: Array<{
      command: string;
      url: string;
      usage_hint: string;
      should_escape: boolean;
    }>;
    app_home: {
      home_tab_enabled: boolean;
      messages_tab_enabled: boolean;
      messages_tab_read_only_enabled: boolean;
    };
  };
  oauth_config: { scopes: { bot: string[] }; redirect_urls: string[] };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { request_url: string };
  };
};

const manifest = parse(
  readFileSync(join(__dirname, '../../manifest/slack/manifest.yml'), 'utf8'),
) as SlackManifest;
const pathOf = (url: string) => new URL(url).pathname;

describe('the Slack app manifest', () => {
  it('asks for the scopes the bot uses and no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'channels:read',
      'chat:write',
      'commands',
      'files:read',
      'files:write',
      'groups:read',
      'im:write',
      'mpim:read',
      'users:read',
    ]);
    // OAuth installs ask for the same scopes as the manifest declares.
    expect([...SLACK_BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('sends OAuth installs back to the redirect path the receiver serves', () => {
    expect(manifest.oauth_config.redirect_urls.map(pathOf)).toEqual([SLACK_INSTALL_PATHS.redirect]);
  });

  it('points the slash command, events and interactivity at the paths the receiver serves', () => {
    const command = manifest.features.slash_commands[0]!;
    expect(command.command).toBe('/scrutiny');
    expect(command.should_escape).toBe(true);
    const served = new Set<string>(SLACK_PATHS);
    expect(served).toContain(pathOf(command.url));
    expect(served).toContain(pathOf(manifest.settings.event_subscriptions.request_url));
    expect(served).toContain(pathOf(manifest.settings.interactivity.request_url));
  });

  it('the usage hint names the commands people use most, every one a real command, within 1000 characters', () => {
    const hint = manifest.features.slash_commands[0]!.usage_hint;
    expect(hint.length).toBeLessThanOrEqual(1000);
    const known = new Set(COMMANDS.map((c) => c.name));
    for (const name of hint.split('|').map((s) => s.trim())) expect(known).toContain(name);
  });

  it('help and the refusals show the usage lines of the same definitions the hint names', () => {
    const everyone = helpFor({ isOfficer: true, isMember: true, isChair: true });
    expect(everyone).toEqual(
      COMMANDS.map(({ usage, example, description }) => ({ usage, example, description })),
    );
    const hint = manifest.features.slash_commands[0]!.usage_hint;
    for (const name of hint.split('|').map((s) => s.trim()))
      expect(everyone.map((c) => c.usage)).toContain(COMMANDS.find((c) => c.name === name)?.usage);
  });

  it('keeps the Messages tab for what the bot sends, read-only because it reads no direct messages', () => {
    // https://docs.slack.dev/surfaces/app-home#messages-tab: a writable tab invites messages
    // that only a `message.im` subscription would deliver, and the bot has none.
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).not.toContain('message.im');
    expect(manifest.oauth_config.scopes.bot).not.toContain('im:history');
  });

  it('has the App Home tab and the events it listens to', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_home_opened']),
    );
  });
});
