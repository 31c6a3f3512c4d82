import nock from 'nock';

export type TeamsUser = { aad: string; name: string };
export type TeamsSent = { text?: string; attachments?: Array<{ content: unknown }> };

/**
 * Bot Framework activities as Teams sends them to one channel, and a stand-in for the
 * connector that records what the bot sends back.
 */
export function teamsChannel(where: { service: string; tenant: string; channel: string }) {
  let n = 0;
  const activity = (from: TeamsUser, text: string, extra: Record<string, unknown> = {}) => {
    n += 1;
    return {
      type: 'message',
      id: `cmd-${n}`,
      timestamp: new Date().toISOString(),
      serviceUrl: `${where.service}/`,
      channelId: 'msteams',
      from: { id: `29:${from.aad}`, name: from.name, aadObjectId: from.aad },
      conversation: { id: where.channel, conversationType: 'channel', tenantId: where.tenant },
      recipient: { id: '28:bot', name: 'Scrutiny' },
      text,
      channelData: { tenant: { id: where.tenant } },
      ...extra,
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
    mentioned: { id: who.aad, name: who.name },
  });
  /** A command with its mentions, as Teams delivers "@Scrutiny <command> @person …". */
  const command = (from: TeamsUser, text: string, mentioned: TeamsUser[] = []) =>
    activity(from, text, { entities: mentioned.map(mention) });
  // Statuses to answer instead of success, once each, for the next activities sent.
  const failures: number[] = [];
  const capture = (): TeamsSent[] => {
    const sent: TeamsSent[] = [];
    nock(where.service)
      .persist()
      .post(/\/v3\/conversations\/[^/]+\/activities(\/.*)?$/)
      .reply((_uri, body) => {
        const failure = failures.shift();
        if (failure) return [failure, { error: { code: 'ServiceError', message: 'failed' } }];
        sent.push(body as TeamsSent);
        return [200, { id: `reply-${sent.length}` }];
      })
      .post('/v3/conversations', () => true)
      .reply(200, { id: 'a:personal' });
    return sent;
  };
  /** The connector answers the next activity sent with `status` instead of success. */
  const failNext = (status: number) => failures.push(status);
  return { activity, invoke, mention, command, capture, failNext };
}

export const shown = (s: TeamsSent | undefined) =>
  JSON.stringify(s?.attachments?.[0]?.content ?? s?.text ?? '');
