import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { sentPrivatelyTo, shown, teamsChannel, type TeamsUser } from '../../support/teams';

const OFFICER: TeamsUser = { aad: '81818181-8181-4818-8818-818181818101', name: 'Orin Officer' };
const MEMBER: TeamsUser = { aad: '81818181-8181-4818-8818-818181818102', name: 'Mae Member' };
const SERVICE = 'https://smba.help-groups.example';

/** `help` in a group's chat speaks of the asker's place in that group, not in any group. */
describe('Teams: help in a group’s channel', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const panelA = teamsChannel({
    service: SERVICE,
    tenant: 'tenant-help',
    channel: '19:a@thread.tacv2',
  });
  const panelB = teamsChannel({
    service: SERVICE,
    tenant: 'tenant-help',
    channel: '19:b@thread.tacv2',
  });
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });

  it('shows member commands only in the chat of a group the person belongs to', async () => {
    const sent = panelA.capture();
    await send(
      panelA.command(OFFICER, '<at>Scrutiny</at> group create "Panel A" preset:torus-tims'),
    );
    await send(
      panelA.command(
        OFFICER,
        `<at>Scrutiny</at> group add <at>${MEMBER.name}</at> role:member tenure:tenant`,
        [MEMBER],
      ),
    );
    await send(
      panelB.command(OFFICER, '<at>Scrutiny</at> group create "Panel B" preset:torus-tims'),
    );

    await send(panelA.command(MEMBER, '<at>Scrutiny</at> help'));
    expect(shown(sent.at(-1))).toContain('declare');
    await send(panelB.command(MEMBER, '<at>Scrutiny</at> help'));
    expect(shown(sent.at(-1))).not.toContain('declare');
    expect(shown(sent.at(-1))).toContain('mine');
    expect(sentPrivatelyTo(sent, MEMBER).map(shown).join()).not.toContain('declare');
  });
});
