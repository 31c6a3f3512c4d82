import nock from 'nock';
import { loadConfig } from '../../src/config';
import { useTestBot } from '../support/bot';
import { onlyLoopbackNetwork } from '../support/http';
import { captureSlack, slackEnv } from '../support/slack';
import { slackSession } from '../support/slack-session';

const TOKEN = 'metrics-token-0123456789';
const OFFICER = { id: 'U0METRICS', name: 'mona' };

/** One sample's value from Prometheus' text format, or undefined when the series is absent. */
function sample(body: string, series: string): number | undefined {
  const line = body.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics in Prometheus format', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot({
    ...slackEnv,
    BOOTSTRAP_OFFICERS: OFFICER.id,
    METRICS: 'on',
    METRICS_TOKEN: TOKEN,
  });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash } = slackSession(() => bot().url, slack, {
    team: 'T0METRICS',
    channel: 'C0METRICS',
  });
  const scrape = async (authorization?: string) =>
    fetch(`${bot().url}/metrics`, authorization ? { headers: { authorization } } : {});

  it('refuses a scrape without the token, or with another', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer not-the-token-at-all')).status).toBe(401);
  });

  it('counts commands by name and outcome, requests by channel, and database round trips', async () => {
    await slash(OFFICER, 'help');
    await slash(OFFICER, 'review open "Repairs" type:full');
    await slash(OFFICER, 'frobnicate');
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const body = await res.text();
    expect(sample(body, 'scrutiny_commands_total{command="help",outcome="ok"}')).toBe(1);
    // No group in this channel yet, so opening a review is refused with a reason.
    expect(sample(body, 'scrutiny_commands_total{command="review-open",outcome="refused"}')).toBe(
      1,
    );
    expect(sample(body, 'scrutiny_commands_total{command="unreadable",outcome="refused"}')).toBe(1);
    expect(sample(body, 'scrutiny_http_requests_total{channel="slack",status="2xx"}')).toBe(3);
    expect(body).toMatch(
      /^scrutiny_db_command_duration_seconds_count\{command="find",outcome="ok"\} [1-9]/m,
    );
    expect(sample(body, 'scrutiny_outbox_depth')).toBe(0);
    expect(sample(body, 'scrutiny_ballots_open')).toBe(0);
    expect(body).toContain('scrutiny_process_resident_memory_bytes');
  });
});

describe('/metrics switched off', () => {
  const bot = useTestBot();

  it('is not served unless METRICS=on', async () => {
    expect((await fetch(`${bot().url}/metrics`)).status).toBe(404);
  });
});

describe('metrics configuration', () => {
  it('refuses METRICS=on off loopback without a token', () => {
    expect(() => loadConfig({ METRICS: 'on', HOST: '0.0.0.0' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ METRICS: 'on', HOST: '0.0.0.0', METRICS_TOKEN: TOKEN }).metrics).toEqual({
      enabled: true,
      token: TOKEN,
    });
    expect(loadConfig({}).metrics.enabled).toBe(false);
  });
});
