import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { standardModel } from '../../../src/store/standards/standard-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { shown, teamsChannel, type TeamsSent } from '../../support/teams';

const SERVICE = 'https://smba.standards-paging.example';
const OFFICER = { aad: '55555555-5555-4555-8555-555555555555', name: 'Petra Pager' };
const LIVERPOOL = readFileSync(
  join(__dirname, '../../../src/domain/standards/examples/torus-liverpool-local-offers-q3.csv'),
  'utf8',
);

const { activity, invoke, capture } = teamsChannel({
  service: SERVICE,
  tenant: 'tenant-standards-paging',
  channel: '19:standards-paging@thread.tacv2',
});

/**
 * What the bot sent, from `since` on, that says `says`: an answer may follow a placeholder
 * ("Reading local-offers.csv…"), so the test waits for the one it expects.
 */
async function answer(sent: TeamsSent[], since: number, says: string): Promise<string> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    const found = sent
      .slice(since)
      .map(shown)
      .find((s) => s.includes(says));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing sent says ${says}: ${sent.slice(since).map(shown).join('\n')}`);
}

/** The keys a standards card shows, in the order it shows them. */
const keysOn = (card: string) =>
  [...card.matchAll(/"title":"Key","value":"([a-z0-9-]+)"/g)].map((m) => m[1]);

/** The tenant-inspection state beside each standard on a card, in order. */
const inspectionsOn = (card: string) =>
  [...card.matchAll(/"title":"Tenant inspection","value":"([^"]+)"/g)].map((m) => m[1] ?? '');

describe('Teams: every one of the 43 Liverpool offers is reachable from `standards`, with its key', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-12-18T11:00:00Z') },
  );
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });

  it('pages by typing page:, by the Next page button, and narrows by area:', async () => {
    const sent = capture();
    const since = () => sent.length;
    nock('https://landlord.sharepoint.com').get('/local-offers.csv').reply(200, LIVERPOOL);
    let from = since();
    await send(
      activity(OFFICER, 'standards import', {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'local-offers.csv',
            content: {
              downloadUrl: 'https://landlord.sharepoint.com/local-offers.csv',
              fileType: 'csv',
            },
          },
        ],
      }),
    );
    await answer(sent, from, '43 added');
    const stored = (await standardModel(bot().connection).find({}).lean()).map((s) => s.key);
    expect(stored).toHaveLength(43);

    from = since();
    await send(activity(OFFICER, 'standards'));
    const first = await answer(sent, from, 'Service standards');
    expect(keysOn(first)).toHaveLength(15);
    expect(first).toContain('Showing 1–15 of 43 standards (page 1 of 3).');
    expect(first).toContain('type `standards page:2`');
    expect(first).toContain('standard:<key>');

    from = since();
    await send(activity(OFFICER, 'standards page:2'));
    const second = await answer(sent, from, 'Service standards');
    expect(second).toContain('Showing 16–30 of 43 standards (page 2 of 3).');

    // The button on page 2 asks for page 3; Teams answers the invoke with the card's new state.
    const card = JSON.parse(second) as {
      actions: Array<{ verb: string; data: Record<string, unknown> }>;
    };
    expect(card.actions).toEqual([
      expect.objectContaining({
        verb: 'list.page',
        data: { list: 'standards', page: 3, area: '' },
      }),
    ]);
    const clicked = await send(invoke(OFFICER, 'list.page', card.actions[0]!.data));
    expect(clicked.status).toBe(200);
    const third = JSON.stringify(clicked.json());
    expect(third).toContain('Showing 31–43 of 43 standards (page 3 of 3).');
    expect(third).toContain('That is the last page');
    expect(third).not.toContain('Next page');

    const everyKey = [...keysOn(first), ...keysOn(second), ...keysOn(third)];
    expect(everyKey).toHaveLength(43);
    expect([...everyKey].sort()).toEqual([...stored].sort());
    // Beside each figure, where the tenant inspectors' check stands: the Liverpool offers carry
    // "to be verified by tenant inspectors, inspection planned for <month>" on 11 promises.
    const inspections = [first, second, third].flatMap(inspectionsOn);
    expect(inspections).toHaveLength(43);
    expect(inspections.filter((s) => s.startsWith('planned '))).toHaveLength(11);
    expect(inspections).toContain('planned August 2021');
    expect(inspections).toContain('planned May 2021');
    expect(inspections).toContain('verified December 2020');
    expect(inspections).toContain('not planned');

    from = since();
    await send(activity(OFFICER, 'standards area:"repairs and maintenance"'));
    const repairs = await answer(sent, from, 'Service standards');
    expect(repairs).toContain('Service standards: Repairs and Maintenance');
    const inArea = await standardModel(bot().connection)
      .find({ 'standard.serviceArea': 'Repairs and Maintenance' })
      .lean();
    expect([...keysOn(repairs)].sort()).toEqual(inArea.map((s) => s.key).sort());
    expect(repairs).not.toContain('Showing');

    from = since();
    await send(activity(OFFICER, 'standards area:gardening'));
    await answer(sent, from, 'No service area is called “gardening”');
  });
});
