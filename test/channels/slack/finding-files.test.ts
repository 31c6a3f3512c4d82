import { createHmac } from 'node:crypto';
import nock from 'nock';
import { checklistFor } from '../../../src/domain/checks';
import { findingFileModel } from '../../../src/store/findings/finding-file-model';
import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { EXE_AS_PHOTO, PDF, pngOf } from '../../support/finding-files';
import { captureSlack, slackEnv } from '../../support/slack';
import { buttonIn } from '../../support/slack-journey';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0FILES';
const OFFICER = { id: 'U0OFF', name: 'olu' };
const INSPECTOR = { id: 'U0INS', name: 'ivy' };
const OTHER = { id: 'U0OTH', name: 'otto' };
const FILE_LINK_SECRET = 'findings-file-link-secret-for-tests-0123456789';
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/*
 * Photos and documents chosen in the findings modal's file_input. Slack's view_submission
 * carries them as file objects in the input's state (name, size, url_private_download), and the
 * bot fetches each with its bot token:
 * https://docs.slack.dev/reference/block-kit/block-elements/file-input-element/
 * https://docs.slack.dev/reference/objects/file-object
 */
describe('Slack: photos and documents with findings', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id, FILE_LINK_SECRET },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, typed, chosen, viewOf, dmTo } = slackSession(
    () => bot().url,
    slack,
    { team: TEAM, channel: 'C0FILES' },
  );
  const files = () => nock('https://files.slack.com');
  const slackFile = (id: string, name: string, size: number) => ({
    id,
    name,
    mimetype: 'image/png',
    size,
    url_private: `https://files.slack.com/files-pri/${TEAM}-${id}/${name}`,
    url_private_download: `https://files.slack.com/files-pri/${TEAM}-${id}/download/${name}`,
  });

  let form: ReturnType<typeof viewOf>;
  let answers: Record<string, Record<string, unknown>>;

  it('an inspector accepts a check; the findings form has a file input', async () => {
    expect((await slash(OFFICER, 'group create "Inspectors" preset:torus-tims')).text).toContain(
      'Inspectors',
    );
    for (const who of [INSPECTOR, OTHER]) {
      await slash(OFFICER, `group add ${mention(who)} role:member tenure:tenant since:2019-01-01`);
      expect(
        (
          await slash(
            OFFICER,
            `member record ${mention(who)} over18:yes training:2025-01-01 conduct:2025-01-01 confidentiality:2025-01-01`,
          )
        ).text,
      ).toContain(`recorded for ${who.name}`);
    }
    const offered = slack.calls.length;
    const assigned = await slash(
      OFFICER,
      `check assign ${mention(INSPECTOR)} "Damp at 4 Elm Road" kind:empty-home-inspection due:2026-03-20`,
    );
    const ref = /(C-\d+) offered to ivy/.exec(assigned.text)?.[1] ?? '';
    expect(ref).not.toBe('');
    const offer = buttonIn(await dmTo(offered, `check.accept:${ref}`), 'check.accept');
    const accepting = slack.calls.length;
    await click(INSPECTOR, offer.actionId, offer.value);
    const open = buttonIn(await dmTo(accepting, `findings.open:${ref}`), 'findings.open');
    form = viewOf((await click(INSPECTOR, open.actionId, open.value, 'modal'))[0]!);
    expect(JSON.stringify(form.blocks)).toContain('"type":"file_input"');
    answers = Object.fromEntries(
      checklistFor('empty-home-inspection').questions.map((q) => [
        `q.${q.id}`,
        q.answer === 'yes-no'
          ? chosen('true')
          : q.answer === 'rating'
            ? chosen('4')
            : q.answer === 'number'
              ? { type: 'number_input', value: '2' }
              : typed('Mould behind the wardrobe'),
      ]),
    );
  });

  it('a file whose bytes are not an allowed type is refused beside the field and nothing is kept', async () => {
    files().get(`/files-pri/${TEAM}-F0EXE/download/photo.png`).reply(200, EXE_AS_PHOTO);
    const res = await submit(
      INSPECTOR,
      form.callback_id,
      JSON.parse(form.private_metadata) as Record<string, unknown>,
      {
        ...answers,
        recommendations: typed('Treat the damp'),
        files: {
          type: 'file_input',
          files: [slackFile('F0EXE', 'photo.png', EXE_AS_PHOTO.length)],
        },
      },
    );
    expect(res.status).toBe(200);
    const answer = res.json() as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(answer.errors.files).toContain('photo.png is not a file I can keep');
    expect(await findingFileModel(bot().connection).countDocuments({})).toBe(0);
  });

  it('a file Slack says is over 10 MB is refused without fetching it', async () => {
    const res = await submit(
      INSPECTOR,
      form.callback_id,
      JSON.parse(form.private_metadata) as Record<string, unknown>,
      {
        ...answers,
        recommendations: typed('Treat the damp'),
        files: { type: 'file_input', files: [slackFile('F0BIG', 'huge.png', 11 * 1024 * 1024)] },
      },
    );
    const answer = res.json() as { errors: Record<string, string> };
    expect(answer.errors.files).toContain('larger than 10 MB');
    expect(await findingFileModel(bot().connection).countDocuments({})).toBe(0);
  });

  it('files chosen in the form are fetched with the bot token, kept, audited and linked for the inspector alone', async () => {
    const photo = pngOf(300_000);
    let token: string | undefined;
    files()
      .get(`/files-pri/${TEAM}-F0PNG/download/kitchen.png`)
      .reply(function () {
        token = this.req.headers.authorization as string | undefined;
        return [200, photo];
      });
    files().get(`/files-pri/${TEAM}-F0PDF/download/meter.pdf`).reply(200, PDF);
    const thanked = slack.calls.length;
    const res = await submit(
      INSPECTOR,
      form.callback_id,
      JSON.parse(form.private_metadata) as Record<string, unknown>,
      {
        ...answers,
        recommendations: typed('Treat the damp'),
        files: {
          type: 'file_input',
          files: [
            slackFile('F0PNG', 'kitchen.png', photo.length),
            slackFile('F0PDF', 'meter.pdf', PDF.length),
          ],
        },
      },
    );
    expect(res.status).toBe(200);
    const dm = await dmTo(thanked, 'your findings');
    expect(token).toBe('Bearer xoxb-test-token');
    const stored = await findingFileModel(bot().connection).find({}).sort({ name: 1 }).lean();
    expect(stored.map((f) => [f.name, f.contentType])).toEqual([
      ['kitchen.png', 'image/png'],
      ['meter.pdf', 'application/pdf'],
    ]);
    expect(
      await auditEntryModel(bot().connection).countDocuments({
        action: 'check.findings-file-added',
      }),
    ).toBe(2);

    const links = [...dm.text.matchAll(/(http:\/\/127\.0\.0\.1:\d+\/files\/[^|"\\]+)/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&'),
    );
    expect(links).toHaveLength(2);
    const kitchen = links.find((l) => l.includes(stored[0]!._id))!;
    const got = await fetch(kitchen);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('cache-control')).toBe('private, no-store');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    const pdf = await fetch(links.find((l) => l.includes(stored[1]!._id))!);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment;/);
    await pdf.arrayBuffer();

    // The same link moved to another person, tampered with, or past its time: 403.
    const url = new URL(kitchen);
    const other = new URL(kitchen);
    other.searchParams.set('p', '65f0c0ffee0000000000b0ff');
    expect((await fetch(other)).status).toBe(403);
    const tampered = new URL(kitchen);
    tampered.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 3600));
    expect((await fetch(tampered)).status).toBe(403);
    const sign = (id: string, person: string, exp: number) =>
      createHmac('sha256', FILE_LINK_SECRET)
        .update(`finding-file\n${id}\n${person}\n${exp}`)
        .digest('hex');
    const person = url.searchParams.get('p')!;
    const past = Math.floor(new Date('2026-03-02T09:00:00Z').getTime() / 1000);
    const expired = `${bot().url}/files/${stored[0]!._id}?p=${person}&exp=${past}&sig=${sign(stored[0]!._id, person, past)}`;
    const refused = await fetch(expired);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('kitchen');
    // A well-signed link to a file that is not there: 404.
    const exp = past + 7200;
    const unknown = '65f0c0ffee0000000000a0ff';
    expect(
      (
        await fetch(
          `${bot().url}/files/${unknown}?p=${person}&exp=${exp}&sig=${sign(unknown, person, exp)}`,
        )
      ).status,
    ).toBe(404);
    // A well-signed link for someone who may not see these findings (another member): 403.
    const stranger = '65f0c0ffee0000000000b0aa';
    expect(
      (
        await fetch(
          `${bot().url}/files/${stored[0]!._id}?p=${stranger}&exp=${exp}&sig=${sign(stored[0]!._id, stranger, exp)}`,
        )
      ).status,
    ).toBe(403);
  });
});
