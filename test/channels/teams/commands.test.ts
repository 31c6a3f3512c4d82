import nock from 'nock';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { evidenceRequestModel } from '../../../src/store/evidence/evidence-request-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { standardModel } from '../../../src/store/standards/standard-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { personalChatOf, sentPrivatelyTo, shown, teamsChannel } from '../../support/teams';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SERVICE = 'https://smba.commands.example';
const TENANT = 'tenant-commands';
const OFFICER = { aad: '33333333-3333-4333-8333-333333333333', name: 'Oona Officer' };
const STAFF = { aad: '44444444-4444-4444-8444-444444444444', name: 'Sam Servicelead' };
const CHANNEL = '19:scrutiny-panel@thread.tacv2';
const LIVERPOOL = readFileSync(
  join(__dirname, '../../../src/domain/standards/examples/torus-liverpool-local-offers-q3.csv'),
  'utf8',
);

const { activity, invoke, mention, capture, nextSent } = teamsChannel({
  service: SERVICE,
  tenant: TENANT,
  channel: CHANNEL,
});

describe('Teams: every command over HTTP', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-12-18T11:00:00Z') },
  );
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });

  it('help, group create, standards import (attached CSV) and standards, review open, evidence request, declare, register and mine', async () => {
    const sent = capture();
    const db = bot().connection;

    await send(activity(OFFICER, 'help'));
    expect(shown(sent.at(-1))).toContain('group create');

    await send(activity(OFFICER, 'group create "Scrutiny Panel" preset:sedgemoor-scrutiny'));
    expect(shown(sent.at(-1))).toContain('Scrutiny Panel');

    // A file sent to the bot: Teams gives a OneDrive/SharePoint download URL.
    // https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/bots-filesv4#receive-files-in-personal-chat
    nock('https://landlord-my.sharepoint.com')
      .get('/personal/oona/Documents/local-offers.csv')
      .reply(200, LIVERPOOL);
    const imported = nextSent((s) => shown(s).includes('added'));
    await send(
      activity(OFFICER, 'standards import', {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'local-offers.csv',
            contentUrl:
              'https://landlord-my.sharepoint.com/personal/oona/Documents/local-offers.csv',
            content: {
              downloadUrl:
                'https://landlord-my.sharepoint.com/personal/oona/Documents/local-offers.csv',
              uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C8C',
              fileType: 'csv',
            },
          },
        ],
      }),
    );
    // The turn answers at once; the file is read after it, and the result follows in the thread.
    expect(shown(sent.at(-1))).toContain('Reading local-offers.csv');
    expect(shown(await imported)).toContain('43 added');
    expect(await standardModel(db).countDocuments({})).toBe(43);
    await send(activity(OFFICER, 'standards'));
    expect(shown(sent.at(-1))).toContain('below target');

    await send(activity(OFFICER, 'review open "Repairs: first-time fixes" type:light'));
    const review = await reviewModel(db).findOne({}).lean();
    expect(shown(sent.at(-1))).toContain(`Review ${review?.reference} opened`);

    const before = sent.length;
    await send(
      activity(
        OFFICER,
        `evidence request <at>${STAFF.name}</at> "Repair satisfaction figures" review:${review?.reference}`,
        { entities: [mention(STAFF)] },
      ),
    );
    const request = await evidenceRequestModel(db).findOne({}).lean();
    // Friday 18 December 2026 + 10 working days, past Christmas, the Boxing Day substitute and New Year.
    expect(request?.dueAt.toISOString()).toBe('2027-01-06T23:59:59.999Z');
    expect(request?.reviewId).toBe(review?._id);
    const toStaff = sent.slice(before).find((s) => shown(s).includes('evidence.sent'));
    expect(shown(toStaff)).toContain('Repair satisfaction figures');

    const moreTime = await send(
      invoke(STAFF, 'evidence.more-time', {
        ref: request?.reference,
        until: '2027-01-20',
        reason: 'Figures are audited in January',
      }),
    );
    expect(JSON.stringify(moreTime.json())).toContain('asked for more time');
    expect((await evidenceRequestModel(db).findById(request?._id).lean())?.state).toBe(
      'more-time-asked',
    );
    const sentIt = await send(
      invoke(STAFF, 'evidence.sent', {
        ref: request?.reference,
        link: 'https://files.example/q3.xlsx',
      }),
    );
    expect(JSON.stringify(sentIt.json())).toContain('marked as sent');
    const someoneElse = await send(
      invoke(OFFICER, 'evidence.more-time', {
        ref: request?.reference,
        until: '2027-01-20',
        reason: 'x',
      }),
    );
    expect(JSON.stringify(someoneElse.json())).toContain('made to someone else');

    await send(activity(OFFICER, 'declare'));
    expect(shown(sent.at(-1))).toContain('declaration.submit');
    const group = JSON.parse(shown(sent.at(-1))) as {
      actions: Array<{ data: { groupId: string } }>;
    };
    const groupId = group.actions[0]!.data.groupId;
    const empty = await send(
      invoke(OFFICER, 'declaration.submit', { groupId, kind: 'other', detail: '' }),
    );
    expect(JSON.stringify(empty.json())).toContain('not recorded');
    expect(await declarationModel(db).countDocuments({})).toBe(0);
    await send(
      invoke(OFFICER, 'declaration.submit', {
        groupId,
        kind: 'relative-on-staff',
        detail: 'My cousin works in lettings',
      }),
    );
    expect(await declarationModel(db).countDocuments({})).toBe(1);

    await send(activity(OFFICER, 'register'));
    expect(shown(sent.at(-1))).toContain('My cousin works in lettings');

    const declaration = await declarationModel(db).findOne({}).lean();
    const notAllowed = await send(
      invoke(STAFF, 'declaration.decide', { declarationId: declaration?._id, outcome: 'noted' }),
    );
    expect(JSON.stringify(notAllowed.json())).toContain(
      'Only the chair, the vice-chair or an officer',
    );
    const noTarget = await send(
      invoke(OFFICER, 'declaration.decide', {
        declarationId: declaration?._id,
        outcome: 'excluded',
      }),
    );
    expect(JSON.stringify(noTarget.json())).toContain('Name the review or check');
    expect(
      (await declarationModel(db).findById(declaration?._id).lean())?.decision,
    ).toBeUndefined();
    const decided = await send(
      invoke(OFFICER, 'declaration.decide', {
        declarationId: declaration?._id,
        outcome: 'excluded',
        [`exclude-${declaration?._id}`]: review?.reference.toLowerCase(),
      }),
    );
    expect(JSON.stringify(decided.json())).toContain(`excluded from review ${review?.reference}`);
    expect((await declarationModel(db).findById(declaration?._id).lean())?.decision).toMatchObject({
      outcome: 'excluded',
      from: { kind: 'review', id: review?._id },
    });
    expect(sent.some((s) => shown(s).includes('Your declaration has been decided'))).toBe(true);

    await send(activity(STAFF, 'mine'));
    expect(shown(sentPrivatelyTo(sent, STAFF).at(-1))).toContain('Nothing is waiting on you');
  });

  it('an unreadable command says what was wrong and suggests the usage, to the writer alone', async () => {
    const sent = capture();
    await send(activity(OFFICER, 'review open'));
    expect(shown(sentPrivatelyTo(sent, OFFICER).at(-1))).toMatch(/review open/);
    // The channel gets a pointer, nothing more.
    expect(sent.at(-1)?.conversation?.startsWith(`${CHANNEL};messageid=`)).toBe(true);
    expect(shown(sent.at(-1))).toContain('private chat');
    expect(
      sent
        .filter((s) => s.conversation !== personalChatOf(OFFICER))
        .map(shown)
        .join(),
    ).not.toMatch(/review open/);
  });
});
