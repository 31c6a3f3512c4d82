import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { standardModel } from '../../../src/store/standards/standard-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

const TEAM = 'T0PAGING';
const OFFICER = { id: 'U0PAGER', name: 'petra' };
const LIVERPOOL = readFileSync(
  join(__dirname, '../../../src/domain/standards/examples/torus-liverpool-local-offers-q3.csv'),
  'utf8',
);

/** The keys a standards message shows (Slack text carries them as `key`), in order. */
const keysOn = (text: string) => [...text.matchAll(/Key `([a-z0-9-]+)`/g)].map((m) => m[1]);

describe('Slack: every one of the 43 Liverpool offers is reachable from `/scrutiny standards`', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, dmTo } = slackSession(() => bot().url, slack, {
    team: TEAM,
    channel: 'C0PAGING',
  });

  it('pages by typing page:, by the Next page button, and narrows by area:', async () => {
    nock('https://files.slack.com')
      .get('/files-pri/T0PAGING-F1/download/local-offers.csv')
      .reply(200, LIVERPOOL);
    const before = slack.calls.length;
    const imported = await submit(
      OFFICER,
      'standards-upload',
      {},
      {
        file: {
          type: 'file_input',
          files: [
            {
              id: 'F1',
              name: 'local-offers.csv',
              url_private_download:
                'https://files.slack.com/files-pri/T0PAGING-F1/download/local-offers.csv',
            },
          ],
        },
      },
    );
    expect(imported.status).toBe(200);
    expect((await dmTo(before, 'Standards imported')).text).toContain('43 added');
    const stored = (await standardModel(bot().connection).find({}).lean()).map((s) => s.key);
    expect(stored).toHaveLength(43);

    const first = await slash(OFFICER, 'standards');
    expect(keysOn(first.text)).toHaveLength(15);
    expect(first.text).toContain('Showing 1–15 of 43 standards (page 1 of 3).');
    expect((first.body.blocks as unknown[]).length).toBeLessThanOrEqual(50);

    // "Next page" replaces the message with page 2 and tells the clicker.
    const nextButton = JSON.stringify(first.body.blocks).match(
      /"action_id":"(list\.page:standards:2)","value":"((?:[^"\\]|\\.)*)"/,
    );
    expect(nextButton).not.toBeNull();
    const value = JSON.parse(JSON.parse(`"${nextButton![2]}"`) as string) as Record<
      string,
      unknown
    >;
    expect(value).toEqual({ list: 'standards', area: '', page: 2 });
    const clicked = await click(OFFICER, nextButton![1]!, value);
    expect(clicked[0]?.body.replace_original).toBe(true);
    const second = clicked[0]!;
    expect(second.text).toContain('Showing 16–30 of 43 standards (page 2 of 3).');

    const third = await slash(OFFICER, 'standards page:3');
    expect(third.text).toContain('Showing 31–43 of 43 standards (page 3 of 3).');
    expect(third.text).not.toContain('list.page');

    const everyKey = [...keysOn(first.text), ...keysOn(second.text), ...keysOn(third.text)];
    expect(everyKey).toHaveLength(43);
    expect([...everyKey].sort()).toEqual([...stored].sort());

    // A service area with & in its name: typed with "and", and named back as it is stored.
    const lettings = await slash(OFFICER, 'standards area:"Allocations and Lettings"');
    expect(lettings.text).toContain('Service standards: Allocations &amp; Lettings');
    const inArea = await standardModel(bot().connection)
      .find({ 'standard.serviceArea': 'Allocations & Lettings' })
      .lean();
    expect([...keysOn(lettings.text)].sort()).toEqual(inArea.map((s) => s.key).sort());
  });
});
