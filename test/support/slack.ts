import { createHmac } from 'node:crypto';

export const SLACK_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const SLACK_API_URL = 'https://slack.test.example/api/';

export const slackEnv = {
  SLACK_SIGNING_SECRET,
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_API_URL,
};

/** Headers Slack would send with `body`, signed as Slack signs them. */
export function slackHeaders(
  body: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  options: { timestamp?: number; secret?: string; retryNum?: number } = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', options.secret ?? SLACK_SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
    ...(options.retryNum !== undefined
      ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
      : {}),
  };
}

export function slashCommandBody(
  text: string,
  userId = 'U0MEMBER1',
  teamId = 'T0LANDLORD',
): string {
  return new URLSearchParams({
    token: 'legacy-unused',
    team_id: teamId,
    team_domain: 'landlord',
    channel_id: 'C0PANEL',
    channel_name: 'scrutiny-panel',
    user_id: userId,
    user_name: 'member',
    command: '/scrutiny',
    text,
    response_url: 'https://hooks.slack.test.example/commands/T0LANDLORD/1/abc',
    trigger_id: '123.456.abc',
    api_app_id: 'A0SCRUTINY',
  }).toString();
}
