import nock from 'nock';
import { findingFileModel } from '../../../src/store/findings/finding-file-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { jpegOf } from '../../support/finding-files';
import { personalChatOf, shown, type TeamsUser } from '../../support/teams';
import { teamsJourney } from '../../support/teams-journey';

const person = (n: number, name: string): TeamsUser => ({
  aad: `88888888-8888-4888-8888-8888888888${String(n).padStart(2, '0')}`,
  name,
});
const OFFICER = person(1, 'Olu Officer');
const INSPECTOR = person(2, 'Ines Inspector');
const IDLE = person(3, 'Ida Idle');
const TENANT = 'tenant-files';

/*
 * Files sent to the bot in a person's own chat go to their open findings. Teams hands the bot a
 * OneDrive download URL for each (application/vnd.microsoft.teams.file.download.info):
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4#receive-files-in-personal-chat
 */
describe('Teams: photos sent in the personal chat go to the open findings', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const { teams, capture, say, click, buttonData } = teamsJourney(bot, {
    service: 'https://smba.files.example',
    tenant: TENANT,
    channel: '19:files@thread.tacv2',
  });
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });
  /** A message in the person's one-to-one chat with the bot, with files attached. */
  const inPersonalChat = (from: TeamsUser, text: string, attachments: unknown[]) =>
    teams.activity(from, text, {
      conversation: { id: personalChatOf(from), conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      attachments,
    });
  const oneDrive = (name: string) => ({
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    name,
    contentUrl: `https://landlord-my.sharepoint.com/personal/ines/Documents/${name}`,
    content: {
      downloadUrl: `https://landlord-my.sharepoint.com/personal/ines/Documents/${name}?download=1`,
      uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C8C',
      fileType: name.split('.').pop(),
    },
  });
  const ready = (who: TeamsUser) =>
    `member record @${who.name} over18:yes training:2025-01-01 conduct:2025-01-01 confidentiality:2025-01-01`;

  it('refuses files from someone with no open findings, then keeps an accepted check’s photo and links it', async () => {
    const sent = capture();
    await say(OFFICER, 'group create "Inspectors" preset:torus-tims');
    for (const who of [INSPECTOR, IDLE]) {
      await say(OFFICER, `group add @${who.name} role:member tenure:tenant since:2019-01-01`, [
        who,
      ]);
      expect(await say(OFFICER, ready(who), [who])).toContain(`recorded for ${who.name}`);
    }

    // No open findings: refused at once, nothing fetched or kept.
    let res = await send(inPersonalChat(IDLE, '', [oneDrive('hall.jpg')]));
    expect(res.status).toBe(200);
    expect(shown(sent.at(-1))).toContain('no findings open');
    expect(await findingFileModel(bot().connection).countDocuments({})).toBe(0);

    const assigned = await say(
      OFFICER,
      `check assign @${INSPECTOR.name} "Damp at 4 Elm Road" kind:empty-home-inspection due:2026-03-20`,
      [INSPECTOR],
    );
    const ref = /C-\d+/.exec(assigned)?.[0] ?? '';
    expect(await click(INSPECTOR, 'check.accept', buttonData('check.accept', INSPECTOR))).toContain(
      'accepted by',
    );

    // A pasted picture (not a file), and a file from a host that is not Teams': refused.
    await send(
      inPersonalChat(INSPECTOR, '', [
        { contentType: 'image/png', contentUrl: 'https://smba.files.example/v3/attachments/x' },
      ]),
    );
    expect(shown(sent.at(-1))).toContain('attach the photo as a file');
    await send(
      inPersonalChat(INSPECTOR, '', [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'x.jpg',
          content: { downloadUrl: 'https://files.attacker.example/x.jpg' },
        },
      ]),
    );
    expect(shown(sent.at(-1))).toContain('came from elsewhere');
    expect(await findingFileModel(bot().connection).countDocuments({})).toBe(0);

    // The photo is read after the turn; the result follows with a link for the inspector.
    const photo = jpegOf(250_000);
    nock('https://landlord-my.sharepoint.com')
      .get('/personal/ines/Documents/kitchen.jpg')
      .query({ download: '1' })
      .reply(200, photo);
    const result = teams.nextSent(
      (s) => shown(s).includes('Reality check') && shown(s).includes('kitchen.jpg'),
    );
    res = await send(inPersonalChat(INSPECTOR, '', [oneDrive('kitchen.jpg')]));
    expect(res.status).toBe(200);
    expect(shown(sent.at(-1))).toContain(`Reading kitchen.jpg for ${ref}`);
    const card = await result;
    expect(card.conversation).toBe(personalChatOf(INSPECTOR));
    const stored = await findingFileModel(bot().connection).findOne({}).lean();
    expect(stored).toMatchObject({
      name: 'kitchen.jpg',
      contentType: 'image/jpeg',
      size: photo.length,
    });
    const link = /\((http:\/\/127\.0\.0\.1:\d+\/files\/[^)\s"]+)\)/.exec(shown(card))?.[1] ?? '';
    expect(link).toContain(stored!._id);
    const got = await fetch(link.replace(/\\u0026/g, '&'));
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
    expect(got.headers.get('content-disposition')).toMatch(/^inline;/);
  });

  it('with two checks open, the person is asked which, and the reference as the message picks it', async () => {
    const sent = capture();
    const assigned = await say(
      OFFICER,
      `check assign @${INSPECTOR.name} "Repairs line" kind:test-call-repair due:2026-03-25`,
      [INSPECTOR],
    );
    const ref = /C-\d+/.exec(assigned)?.[0] ?? '';
    await click(INSPECTOR, 'check.accept', buttonData('check.accept', INSPECTOR));
    await send(inPersonalChat(INSPECTOR, '', [oneDrive('call-log.txt')]));
    expect(shown(sent.at(-1))).toContain('2 checks open');

    nock('https://landlord-my.sharepoint.com')
      .get('/personal/ines/Documents/call-log.txt')
      .query({ download: '1' })
      .reply(200, 'Rang at 09:02, answered at 09:09\n');
    const result = teams.nextSent(
      (s) => shown(s).includes('Reality check') && shown(s).includes('call-log.txt'),
    );
    await send(inPersonalChat(INSPECTOR, ref, [oneDrive('call-log.txt')]));
    expect(shown(await result)).toContain(ref);
    const stored = await findingFileModel(bot().connection)
      .findOne({ name: 'call-log.txt' })
      .lean();
    expect(stored?.contentType).toBe('text/plain');
  });
});
