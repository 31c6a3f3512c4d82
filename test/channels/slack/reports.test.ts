import nock from 'nock';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

const TEAM = 'T0REPORTS';
const CHANNEL = 'C0REPORTS';
const OFFICER = { id: 'U0REPORTOFFICER', name: 'rita' };
const MEMBER = { id: 'U0REPORTMEMBER', name: 'mo' };
const UPLOADS = 'https://files.slack.reports.example';

/*
 * `/scrutiny report quarter` in Slack: acked at once with "Working on it…" (Slack's 3 seconds),
 * then the summary card, and the files uploaded with files.uploadV2 to the asker.
 */
describe('Slack: report quarter answers with the summary card and uploads the files', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-10-05T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash } = slackSession(() => bot().url, slack, { team: TEAM, channel: CHANNEL });

  it('an officer gets the card and the files; a member is refused and nothing is uploaded', async () => {
    let uploaded = 0;
    slack.answerWith('files.getUploadURLExternal', (body) => {
      uploaded += 1;
      return {
        ok: true,
        upload_url: `${UPLOADS}/upload/v1/${String(body.filename)}`,
        file_id: `F0${uploaded}`,
      };
    });
    nock(UPLOADS)
      .persist()
      .post(/^\/upload\/v1\//)
      .reply(200, 'OK - 1');

    const since = slack.calls.length;
    const answer = await slash(OFFICER, 'report quarter 2026-Q3');
    expect(answer.text).toContain('Quarterly report: 2026-Q3');
    expect(JSON.stringify(answer.body.blocks)).toContain('Reality checks');
    const completed = await slack.next((c) => c.method === 'files.completeUploadExternal', since);
    const titles = (JSON.parse(String(completed.body.files)) as Array<{ title: string }>).map(
      (f) => f.title,
    );
    expect(titles).toEqual(
      expect.arrayContaining([
        'Quarterly report: 2026-Q3 (Word, to edit)',
        'Quarterly report: 2026-Q3 (PDF, to publish)',
      ]),
    );

    const before = slack.calls.length;
    const refused = await slash(MEMBER, 'report quarter');
    expect(refused.text).toContain('Only an officer can produce the quarterly report.');
    const bad = await slash(OFFICER, 'report year twenty');
    expect(bad.text).toContain('2026');
    expect(slack.calls.slice(before).some((c) => c.method === 'files.getUploadURLExternal')).toBe(
      false,
    );
  });
});
