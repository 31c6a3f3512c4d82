import nock from 'nock';
import { outgoingFileModel } from '../../../src/store/outgoing-files/outgoing-file-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import {
  personalChatOf,
  sentPrivatelyTo,
  type TeamsSent,
  type TeamsUser,
} from '../../support/teams';
import { teamsJourney } from '../../support/teams-journey';

const person = (n: number, name: string): TeamsUser => ({
  aad: `77777777-7777-4777-8777-7777777777${String(n).padStart(2, '0')}`,
  name,
});
const OFFICER = person(1, 'Olu Officer');
const MEMBER = person(2, 'Mina Member');
const OTHER = person(3, 'Oscar Other');
const TENANT = 'tenant-file-delivery';
const ONEDRIVE = 'https://landlord-my.sharepoint.com';

/*
 * Files from the bot to a person in Teams: a file consent card in their personal chat, then on
 * accept Teams sends `fileConsent/invoke` with an upload session in the person's OneDrive, the
 * bot PUTs the bytes there (Content-Range) and shows the file with a file info card; on decline
 * nothing is sent. Shapes as Microsoft documents them:
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4#send-files-to-personal-chat
 * https://learn.microsoft.com/en-us/microsoftteams/platform/resources/bot-v3/bots-files
 */
describe('Teams: files to the asker through the file consent card in their personal chat', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const { teams, capture, say, send } = teamsJourney(bot, {
    service: 'https://smba.delivery.example',
    tenant: TENANT,
    channel: '19:delivery@thread.tacv2',
  });
  const personal = (who: TeamsUser) => ({
    conversation: { id: personalChatOf(who), conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  });
  /** The person's click on a consent card, as Teams invokes the bot. */
  const consent = (who: TeamsUser, value: Record<string, unknown>) =>
    send({
      ...teams.activity(who, '', personal(who)),
      type: 'invoke',
      name: 'fileConsent/invoke',
      value: { type: 'fileUpload', ...value },
    });
  const uploadInfo = (name: string, uploadUrl = `${ONEDRIVE}/personal/mina/upload-session-1`) => ({
    name,
    uploadUrl,
    contentUrl: `${ONEDRIVE}/personal/mina/Documents/Applications/Scrutiny/${name}`,
    uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C8C',
    fileType: name.split('.').pop(),
  });
  type Card = { contentType?: string; name?: string; contentUrl?: string; content?: unknown };
  const cardsOf = (sent: TeamsSent[], contentType: string) =>
    sent
      .map((s) => (s.attachments?.[0] ?? {}) as Card)
      .filter((card) => card.contentType === contentType);
  const textsTo = (sent: TeamsSent[], who: TeamsUser) =>
    sentPrivatelyTo(sent, who).map((s) => s.text ?? '');

  it('asked in the channel: pointer there, consent cards privately; accept uploads to OneDrive, someone else cannot take it, decline sends nothing', async () => {
    const sent = capture();
    const created = await say(OFFICER, 'group create "Delivery Panel" preset:torus-tims');
    expect(created).toContain('group policy set retention-years:6');
    await say(OFFICER, `group add @${MEMBER.name} role:member tenure:tenant since:2019-01-01`, [
      MEMBER,
    ]);

    const before = sent.length;
    const answer = await say(MEMBER, 'my data');
    expect(answer).toContain('I’ve sent you the details in our private chat.');
    const inChannel = sent.slice(before).filter((s) => !s.conversation?.startsWith('a:personal'));
    expect(cardsOf(inChannel, 'application/vnd.microsoft.teams.card.file.consent')).toEqual([]);
    const offers = cardsOf(
      sentPrivatelyTo(sent, MEMBER),
      'application/vnd.microsoft.teams.card.file.consent',
    );
    expect(offers.map((o) => o.name)).toEqual([
      'my-data-2026-03-02.json',
      'my-data-2026-03-02.txt',
    ]);
    const [json, txt] = offers.map(
      (o) =>
        o.content as {
          sizeInBytes: number;
          acceptContext: { offerId: string };
          declineContext: { offerId: string };
          description: string;
        },
    );
    expect(json?.sizeInBytes).toBeGreaterThan(100);
    expect(json?.acceptContext).toEqual(json?.declineContext);
    expect(json?.acceptContext.offerId).toMatch(/^[\w-]{32}$/);

    // Someone else answering with the offer's id gets nothing, and the offer stays.
    let res = await consent(OTHER, {
      action: 'accept',
      context: txt?.acceptContext,
      uploadInfo: uploadInfo('my-data-2026-03-02.txt'),
    });
    expect(res.status).toBe(200);
    expect(textsTo(sent, OTHER)).toContain(
      'That file was offered to someone else, so I have not sent it.',
    );
    expect(await outgoingFileModel(bot().connection).countDocuments({})).toBe(2);

    // Accept: the whole file in one PUT with its range, then the file shown in the chat.
    let put: { range: unknown; body: Buffer } | undefined;
    nock(ONEDRIVE)
      .put('/personal/mina/upload-session-1')
      .reply(function (_uri, body) {
        put = {
          range: this.req.headers['content-range'],
          // nock hands over text as it came, and only bytes that are not text as hex.
          body: Buffer.from(body as string, /^[0-9a-f]+$/.test(body as string) ? 'hex' : 'utf8'),
        };
        return [201, { id: 'drive-item-1', name: 'my-data-2026-03-02.json' }];
      });
    res = await consent(MEMBER, {
      action: 'accept',
      context: json?.acceptContext,
      uploadInfo: uploadInfo('my-data-2026-03-02.json'),
    });
    expect(res.status).toBe(200);
    expect(put?.range).toBe(`bytes 0-${(json?.sizeInBytes ?? 0) - 1}/${json?.sizeInBytes}`);
    const uploaded = JSON.parse(put?.body.toString('utf8') ?? '{}') as {
      person: { displayName: string };
    };
    expect(uploaded.person.displayName).toBe(MEMBER.name);
    const info = cardsOf(
      sentPrivatelyTo(sent, MEMBER),
      'application/vnd.microsoft.teams.card.file.info',
    );
    expect(info.at(-1)).toEqual({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      contentUrl: `${ONEDRIVE}/personal/mina/Documents/Applications/Scrutiny/my-data-2026-03-02.json`,
      name: 'my-data-2026-03-02.json',
      content: { uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C8C', fileType: 'json' },
    });

    // Decline: nothing uploaded, said so, and the waiting bytes are gone.
    res = await consent(MEMBER, { action: 'decline', context: txt?.declineContext });
    expect(res.status).toBe(200);
    expect(textsTo(sent, MEMBER)).toContain('I have not sent my-data-2026-03-02.txt.');
    expect(await outgoingFileModel(bot().connection).countDocuments({})).toBe(0);

    // Answering an offer already taken (or never made) uploads nothing.
    res = await consent(MEMBER, {
      action: 'accept',
      context: json?.acceptContext,
      uploadInfo: uploadInfo('my-data-2026-03-02.json'),
    });
    expect(res.status).toBe(200);
    expect(textsTo(sent, MEMBER).at(-1)).toContain('no longer waiting for you');
  });

  it('asked in the personal chat: the cards follow there; an upload address off Microsoft’s hosts gets nothing', async () => {
    const sent = capture();
    const res = await send(teams.activity(MEMBER, 'my data', personal(MEMBER)));
    expect(res.status).toBe(200);
    const offers = cardsOf(sent, 'application/vnd.microsoft.teams.card.file.consent');
    expect(offers).toHaveLength(2);
    expect(sent.every((s) => s.conversation === personalChatOf(MEMBER))).toBe(true);
    const context = (offers[0]?.content as { acceptContext: unknown }).acceptContext;
    // No nock for this host: a request there would fail the test's network rule anyway.
    await consent(MEMBER, {
      action: 'accept',
      context,
      uploadInfo: uploadInfo('my-data-2026-03-02.json', 'https://files.attacker.example/upload'),
    });
    expect(textsTo(sent, MEMBER).at(-1)).toBe(
      'OneDrive did not take the file. Ask for it again in a moment.',
    );
    const stored = await personModel(bot().connection)
      .findOne({ platformUserId: MEMBER.aad })
      .lean();
    expect(stored?.displayName).toBe(MEMBER.name);
  });
});
