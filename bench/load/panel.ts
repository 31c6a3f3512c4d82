import { newTriggerId, slackHeaders } from '../../test/support/slack';
import type { PlatformStub } from './platform-stub';

/** The signing secret the benchmark's bot is started with. */
export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
export const SLACK_TEAM = 'T0BENCH';
export const SLACK_CHANNEL = 'C0BENCHPANEL';
export const TEAMS_TENANT = 'tenant-bench';
export const TEAMS_CHANNEL = '19:bench-panel@thread.tacv2';

/** One person on both platforms: a Slack user id and a Teams AAD object id. */
export interface Person {
  name: string;
  slackId: string;
  aad: string;
}

const person = (n: number, name: string): Person => ({
  name,
  slackId: `U0BENCH${String(n).padStart(4, '0')}`,
  aad: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
});

export const OFFICER = person(9000, 'Olive Officer');
export const SUBJECT = person(9001, 'Sam Subject');
export const panelOf = (size: number): Person[] =>
  Array.from({ length: size }, (_, i) => person(i, `Member ${i}`));

/** Headers Slack sends with `body`, signed with the bench secret at this second. */
export function slackSigned(
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
): Record<string, string> {
  return slackHeaders(body, contentType, { secret: SIGNING_SECRET });
}

export function slashCommand(who: Person, text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'unused',
    team_id: SLACK_TEAM,
    team_domain: 'bench',
    channel_id: SLACK_CHANNEL,
    channel_name: 'scrutiny-panel',
    user_id: who.slackId,
    user_name: who.name,
    command: '/scrutiny',
    text,
    response_url: responseUrl,
    trigger_id: newTriggerId(),
    api_app_id: 'A0BENCH',
  }).toString();
}

export function voteClick(who: Person, ballotId: string, responseUrl: string): string {
  const payload = JSON.stringify({
    type: 'block_actions',
    team: { id: SLACK_TEAM },
    user: { id: who.slackId, name: who.name, team_id: SLACK_TEAM },
    channel: { id: SLACK_CHANNEL },
    container: { type: 'message', message_ts: '1.1', channel_id: SLACK_CHANNEL },
    response_url: responseUrl,
    trigger_id: newTriggerId(),
    actions: [
      {
        type: 'button',
        action_id: `ballot.vote:${ballotId}:yes`,
        block_id: 'ballot',
        value: JSON.stringify({ ballotId, choice: 'yes' }),
        action_ts: '1.2',
      },
    ],
  });
  return new URLSearchParams({ payload }).toString();
}

let activityCounter = 0;

/** A Teams channel message to the bot, with its mentions as Teams sends them. */
export function teamsMessage(
  serviceUrl: string,
  from: Person,
  text: string,
  mentioned: Person[] = [],
) {
  activityCounter += 1;
  return {
    type: 'message',
    id: `bench-${activityCounter}`,
    timestamp: new Date().toISOString(),
    serviceUrl: `${serviceUrl}/`,
    channelId: 'msteams',
    from: { id: `29:${from.aad}`, name: from.name, aadObjectId: from.aad },
    conversation: { id: TEAMS_CHANNEL, conversationType: 'channel', tenantId: TEAMS_TENANT },
    recipient: { id: '28:bench-bot', name: 'Scrutiny' },
    text,
    channelData: { tenant: { id: TEAMS_TENANT } },
    entities: mentioned.map((m) => ({
      type: 'mention',
      text: `<at>${m.name}</at>`,
      mentioned: { id: m.aad, name: m.name },
    })),
  };
}

export function teamsVote(serviceUrl: string, from: Person, ballotId: string) {
  return {
    ...teamsMessage(serviceUrl, from, ''),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: { type: 'Action.Execute', verb: 'ballot.vote', data: { ballotId, choice: 'yes' } },
      trigger: 'manual',
    },
  };
}

/**
 * Sets up the same panel on Slack and on Teams through the bot's own front doors: a
 * Southampton-style group, its members, today's attendance, three warnings and a vote on
 * asking a member to leave. Returns the two ballots' ids.
 */
export async function seedPanels(
  botUrl: string,
  stub: PlatformStub,
  members: Person[],
): Promise<{ slackBallot: string; teamsBallot: string }> {
  let n = 0;
  const slack = async (who: Person, text: string): Promise<string> => {
    const path = `/respond/seed/${++n}`;
    const answered = stub.next((c) => c.path === path, 120_000);
    const body = slashCommand(who, text, `${stub.url}${path}`);
    const res = await fetch(`${botUrl}/api/slack/commands`, {
      method: 'POST',
      headers: slackSigned(body, 'application/x-www-form-urlencoded'),
      body,
    });
    if (res.status !== 200) throw new Error(`seeding: /scrutiny ${text} got ${res.status}`);
    return (await answered).body;
  };
  // A Teams turn answers its HTTP request only after its replies went to the connector.
  const teams = async (who: Person, text: string, mentioned: Person[] = []) => {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(teamsMessage(stub.url, who, text, mentioned)),
    });
    if (res.status !== 200) throw new Error(`seeding: Teams "${text}" got ${res.status}`);
  };
  const slackMention = (p: Person) => `<@${p.slackId}|${p.name}>`;
  const teamsMention = (p: Person) => `<at>${p.name}</at>`;
  const everyone = [SUBJECT, ...members];
  const inBatches = async (work: Array<() => Promise<unknown>>) => {
    for (let i = 0; i < work.length; i += 10)
      await Promise.all(work.slice(i, i + 10).map((w) => w()));
  };

  const step = (what: string) => process.stdout.write(`  ${what}\n`);
  step('Slack: group, members, attendance, warnings, vote');
  await slack(OFFICER, 'group create "Bench Panel" preset:southampton-ti');
  await inBatches(
    everyone.map(
      (p) => () =>
        slack(
          OFFICER,
          `group add ${slackMention(p)} role:member tenure:tenant since:2020-01-01 area:Shirley`,
        ),
    ),
  );
  // Only members who may take part vote: trained, the code of conduct signed, over 18.
  const ready = 'training:2025-01-01 conduct:2025-01-01 over18:yes';
  await inBatches(
    members.map((p) => () => slack(OFFICER, `member record ${slackMention(p)} ${ready}`)),
  );
  // A command takes at most 100 people; attendance adds to the day's list.
  const hundreds = Array.from({ length: Math.ceil(everyone.length / 100) }, (_, i) =>
    everyone.slice(i * 100, i * 100 + 100),
  );
  for (const present of hundreds)
    await slack(OFFICER, `attendance ${present.map(slackMention).join(' ')}`);
  for (const reason of ['Talking over the chair', 'Again', 'Personal remarks'])
    await slack(OFFICER, `conduct warn ${slackMention(SUBJECT)} "${reason}"`);
  const slackVote = await slack(
    OFFICER,
    `conduct vote ${slackMention(SUBJECT)} action:leave-meeting`,
  );
  const slackBallot = /ballot\.vote:([0-9a-f]{24}):yes/.exec(slackVote)?.[1];

  step('Teams: group, members, attendance, warnings, vote');
  await teams(OFFICER, 'group create "Bench Panel" preset:southampton-ti');
  await inBatches(
    everyone.map(
      (p) => () =>
        teams(
          OFFICER,
          `group add ${teamsMention(p)} role:member tenure:tenant since:2020-01-01 area:Shirley`,
          [p],
        ),
    ),
  );
  await inBatches(
    members.map((p) => () => teams(OFFICER, `member record ${teamsMention(p)} ${ready}`, [p])),
  );
  for (const present of hundreds)
    await teams(OFFICER, `attendance ${present.map(teamsMention).join(' ')}`, present);
  for (const reason of ['Talking over the chair', 'Again', 'Personal remarks'])
    await teams(OFFICER, `conduct warn ${teamsMention(SUBJECT)} "${reason}"`, [SUBJECT]);
  const card = stub.next((c) => c.kind === 'connector' && c.body.includes('ballotId'), 120_000);
  await teams(OFFICER, `conduct vote ${teamsMention(SUBJECT)} action:leave-meeting`, [SUBJECT]);
  const teamsVoteCard = (await card).body;
  const teamsBallot = /"ballotId":"([0-9a-f]{24})"/.exec(teamsVoteCard)?.[1];

  if (!slackBallot || !teamsBallot)
    throw new Error(
      `seeding: no ballot was opened\nSlack: ${slackVote.slice(0, 500)}\nTeams: ${teamsVoteCard.slice(0, 500)}`,
    );
  return { slackBallot, teamsBallot };
}
