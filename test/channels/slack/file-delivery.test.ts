import nock from 'nock';
import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

const TEAM = 'T0DATA';
const CHANNEL = 'C0DATA';
const OFFICER = { id: 'U0DATAOFFICER', name: 'olive' };
const MEMBER = { id: 'U0DATAMEMBER', name: 'mina' };
const mention = (who: { id: string; name: string }) => `<@${who.id}|${who.name}>`;
const UPLOADS = 'https://files.slack.test.example';

/*
 * `my data` in Slack: the answer only the asker sees, and the files uploaded with
 * files.uploadV2 (getUploadURLExternal, the upload, completeUploadExternal) into the asker's
 * direct messages, never the channel. Then `member erase` after the group's retention period.
 * https://docs.slack.dev/reference/methods/files.getuploadurlexternal
 * https://docs.slack.dev/reference/methods/files.completeuploadexternal
 */
describe('Slack: a person’s own data as files in their DM, and erasure after the retention period', () => {
  onlyLoopbackNetwork();
  let now = new Date('2026-03-02T10:00:00Z');
  const bot = useTestBot({ ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id }, { clock: () => now });
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash } = slackSession(() => bot().url, slack, { team: TEAM, channel: CHANNEL });

  it('my data goes to the asker’s DM only; erase is refused until they have left and the period has run, then they are “Member 1”', async () => {
    const db = bot().connection;
    slack.answerWith('files.getUploadURLExternal', (body) => ({
      ok: true,
      upload_url: `${UPLOADS}/upload/v1/${String(body.filename)}`,
      file_id: `F0${String(body.filename).endsWith('json') ? 'JSON' : 'TXT'}`,
    }));
    const uploads: string[] = [];
    nock(UPLOADS)
      .persist()
      .post(/^\/upload\/v1\//)
      .reply((_uri, body) => {
        uploads.push(typeof body === 'string' ? body : JSON.stringify(body));
        return [200, 'OK - 1'];
      });

    const created = await slash(OFFICER, 'group create "Data Panel" preset:torus-tims retention:1');
    expect(created.text).toContain('kept for 1 year, then may be erased');
    await slash(OFFICER, `group add ${mention(MEMBER)} role:member tenure:tenant since:2019-01-01`);

    const since = slack.calls.length;
    const answer = await slash(MEMBER, 'my data');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.text).toContain('Here is what I hold about you.');
    const completed = await slack.next((c) => c.method === 'files.completeUploadExternal', since);
    expect(completed.body.channel_id).toBe('D0OPENED');
    expect(JSON.parse(String(completed.body.files))).toEqual([
      { id: 'F0JSON', title: 'Everything the scrutiny bot holds about you (JSON)' },
      { id: 'F0TXT', title: 'A readable summary of your data' },
    ]);
    const opened = slack.calls.slice(since).find((c) => c.method === 'conversations.open');
    expect(opened?.body.users).toBe(MEMBER.id);
    // Nothing of it in the channel.
    expect(slack.calls.slice(since).some((c) => c.body.channel_id === CHANNEL)).toBe(false);
    expect(slack.calls.slice(since).some((c) => c.body.channel === CHANNEL)).toBe(false);
    expect(uploads.join('\n')).toContain('"displayName": "mina"');

    // Slack refusing the upload: the asker is told, privately, that no file came.
    slack.answerNext('files.getUploadURLExternal', { body: { ok: false, error: 'invalid_auth' } });
    const failedSince = slack.calls.length;
    await slash(MEMBER, 'my data');
    const told = await slack.next(
      (c) => c.text.includes('could not send you the file'),
      failedSince,
    );
    expect(told.body.response_type).toBe('ephemeral');

    // Erase: a reason is required, they must have left, and the period must have run.
    const noReason = await slash(OFFICER, `member erase ${mention(MEMBER)}`);
    expect(noReason.text).toContain('reason');
    const staying = await slash(OFFICER, `member erase ${mention(MEMBER)} "Left the panel"`);
    expect(staying.text).toContain('has not left every group');
    await slash(OFFICER, `member withdraw ${mention(MEMBER)} "mina moved away"`);
    const early = await slash(OFFICER, `member erase ${mention(MEMBER)} "Left the panel"`);
    expect(early.text).toContain('can be erased from 2027-03-02');
    expect(await personModel(db).findOne({ platformUserId: MEMBER.id }).lean()).toMatchObject({
      displayName: 'mina',
    });

    now = new Date('2027-03-03T10:00:00Z');
    const erased = await slash(OFFICER, `member erase ${mention(MEMBER)} "Left in 2026"`);
    expect(erased.body.response_type).toBe('ephemeral');
    expect(erased.text).toContain('mina is now Member 1 in every record');
    expect(await personModel(db).countDocuments({ platformUserId: MEMBER.id })).toBe(0);
    const entry = await auditEntryModel(db).findOne({ action: 'person.erased' }).lean();
    expect(entry).toMatchObject({ reason: 'Left in 2026', details: { pseudonym: 1 } });
    const person = await personModel(db).findById(entry?.subject.id).lean();
    expect(person).toMatchObject({ displayName: 'Member 1' });
    const withdrawal = await auditEntryModel(db).findOne({ action: 'membership.withdrawn' }).lean();
    expect(withdrawal?.reason).toBe('Member 1 moved away');
  });
});
