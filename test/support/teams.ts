import nock from 'nock';

export type TeamsUser = { aad: string; name: string };
export type TeamsSent = {
  text?: string;
  attachments?: Array<{ content: unknown }>;
  /** Which conversation it was posted to (recorded by the stand-in, not sent by the bot). */
  conversation?: string;
};

/** A person's Teams user id (the `29:` MRI), derived from their AAD object id for the tests. */
export const chatIdOf = (who: TeamsUser) => `29:1${who.aad.replace(/-/g, '')}`;

/** The conversation the stand-in connector gives a person's one-to-one chat with the bot. */
export const personalChatOf = (who: TeamsUser) => `a:personal-${chatIdOf(who)}`;

/**
 * Bot Framework activities as Teams sends them to a channel, and a stand-in for the connector
 * that records what the bot sends back. Shapes follow Microsoft's documentation:
 * - a channel message's conversation id names the thread (`19:…@thread.tacv2;messageid=<root>`),
 *   a new post starts a new thread, and channelData names the team and channel:
 *   https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/channel-and-group-conversations
 *   https://learn.microsoft.com/en-us/microsoftteams/platform/resources/bot-v3/bot-conversations/bots-conv-channel#example-channel-message
 * - a mention names the person by their Teams user id (29:…), which the bot resolves to their
 *   AAD object id through the roster (GET /v3/conversations/{teamId}/members/{userId}):
 *   https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/get-teams-context#get-single-member-details
 * - a redelivered activity carries the same id as the first delivery.
 */
export function teamsChannel(where: {
  service: string;
  tenant: string;
  channel: string;
  team?: string;
}) {
  let n = 0;
  const team = where.team ?? where.channel;
  const people = new Map<string, TeamsUser>();
  const known = (who: TeamsUser) => {
    people.set(chatIdOf(who), who);
    return who;
  };
  const activity = (
    from: TeamsUser,
    text: string,
    extra: Record<string, unknown> & { thread?: string } = {},
  ) => {
    n += 1;
    const id = `${1700000000000 + n}`;
    const { thread, ...rest } = extra;
    return {
      type: 'message',
      id,
      timestamp: new Date().toISOString(),
      serviceUrl: `${where.service}/`,
      channelId: 'msteams',
      from: { id: chatIdOf(known(from)), name: from.name, aadObjectId: from.aad },
      conversation: {
        isGroup: true,
        id: `${where.channel};messageid=${thread ?? id}`,
        conversationType: 'channel',
        tenantId: where.tenant,
      },
      recipient: { id: '28:bot', name: 'Scrutiny' },
      text,
      channelData: {
        teamsChannelId: where.channel,
        teamsTeamId: team,
        channel: { id: where.channel },
        team: { id: team },
        tenant: { id: where.tenant },
      },
      ...rest,
    };
  };
  const invoke = (from: TeamsUser, verb: string, data: Record<string, unknown>) => ({
    ...activity(from, ''),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  const mention = (who: TeamsUser) => ({
    type: 'mention',
    text: `<at>${who.name}</at>`,
    mentioned: { id: chatIdOf(known(who)), name: who.name },
  });
  /** A command with its mentions, as Teams delivers "@Scrutiny <command> @person …". */
  const command = (from: TeamsUser, text: string, mentioned: TeamsUser[] = []) =>
    activity(from, text, { entities: mentioned.map(mention) });
  // Statuses to answer instead of success, once each, for the next activities sent.
  const failures: number[] = [];
  const watchers: Array<{ test: (s: TeamsSent) => boolean; resolve: (s: TeamsSent) => void }> = [];
  // The roster, answered as often as the bot asks, for anyone a test has mentioned or heard from.
  const roster = () =>
    nock(where.service)
      .persist()
      .get(/\/v3\/conversations\/[^/]+\/members\/[^/]+$/)
      .reply((uri) => {
        const id = decodeURIComponent(uri.split('/').pop() ?? '');
        const who = people.get(id);
        if (!who) return [404, { error: { code: 'MemberNotFoundInConversation' } }];
        return [
          200,
          { id, name: who.name, aadObjectId: who.aad, tenantId: where.tenant, userRole: 'user' },
        ];
      });
  const capture = (): TeamsSent[] => {
    const sent: TeamsSent[] = [];
    roster();
    nock(where.service)
      .persist()
      .post(/\/v3\/conversations\/[^/]+\/activities(\/.*)?$/)
      .reply((uri, body) => {
        const failure = failures.shift();
        if (failure) return [failure, { error: { code: 'ServiceError', message: 'failed' } }];
        const conversation = decodeURIComponent(
          uri.split('/v3/conversations/')[1]?.split('/')[0] ?? '',
        );
        const record = { ...(body as TeamsSent), conversation };
        sent.push(record);
        for (const watcher of watchers.splice(0)) {
          if (watcher.test(record)) watcher.resolve(record);
          else watchers.push(watcher);
        }
        return [200, { id: `reply-${sent.length}` }];
      })
      // Opening a one-to-one chat gives back that person's chat, as Teams does.
      .post('/v3/conversations')
      .reply((_uri, body) => {
        const member = (body as { members?: Array<{ id?: string }> }).members?.[0]?.id ?? '';
        return [200, { id: `a:personal-${member}` }];
      });
    return sent;
  };
  /** Resolves with the first message sent from now on that `test` accepts (no polling). */
  const nextSent = (test: (s: TeamsSent) => boolean) =>
    new Promise<TeamsSent>((resolve) => watchers.push({ test, resolve }));
  /** The connector answers the next activity sent with `status` instead of success. */
  const failNext = (status: number) => failures.push(status);
  return { activity, invoke, mention, command, capture, failNext, nextSent };
}

export const shown = (s: TeamsSent | undefined) =>
  JSON.stringify(s?.attachments?.[0]?.content ?? s?.text ?? '');

/** What was sent to one person's own chat with the bot. */
export const sentPrivatelyTo = (sent: TeamsSent[], who: TeamsUser) =>
  sent.filter((s) => s.conversation === personalChatOf(who));
