import { groupModel } from '../../../src/store/groups/group-model';
import { realityCheckModel } from '../../../src/store/checks/reality-check-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { sentPrivatelyTo, shown, teamsChannel } from '../../support/teams';

const OFFICER = { aad: '12121212-1212-4121-8121-121212121212', name: 'Olive Officer' };
const MEMBER = { aad: '34343434-3434-4343-8343-343434343434', name: 'Ian Inspector' };

/**
 * A new group set up from chat alone, as an officer would: nothing here writes to the
 * database, so every step a real group needs before its first check has a command or a card.
 */
describe('Teams: an officer records a new member’s training from chat', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad, TIME_ZONE: 'Europe/London' },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const teams = teamsChannel({
    service: 'https://smba.training.example',
    tenant: 'tenant-training',
    channel: '19:training-panel@thread.tacv2',
  });
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });

  it('group create, group add, the welcome card, check assign refused for training, member record, then check assign', async () => {
    const sent = teams.capture();
    const db = bot().connection;
    const says = (text: string) => sent.some((s) => shown(s).includes(text));

    await send(
      teams.command(
        OFFICER,
        '<at>Scrutiny</at> group create "Training Panel" preset:southampton-ti',
      ),
    );
    const group = await groupModel(db).findOne({ name: 'Training Panel' }).lean();
    expect(group).not.toBeNull();

    // The welcome goes to the member's own chat, which may come after the officer's answer.
    const welcome = teams.nextSent((s) => shown(s).includes('onboarding.confirm'));
    await send(
      teams.command(
        OFFICER,
        '<at>Scrutiny</at> group add <at>Ian Inspector</at> role:member tenure:tenant since:2020-01-01',
        [MEMBER],
      ),
    );
    expect(says('Ian Inspector is now in the group as member')).toBe(true);
    expect((await welcome).conversation).toMatch(/^a:personal-/);
    const confirmed = await send(
      teams.invoke(MEMBER, 'onboarding.confirm', {
        groupId: group?._id,
        over18: 'true',
        codeOfConduct: 'true',
      }),
    );
    expect(JSON.stringify(confirmed.json())).toContain('on record');

    const assign =
      '<at>Scrutiny</at> check assign <at>Ian Inspector</at> "Empty home at 4 Elm Road" kind:empty-home-inspection due:2026-03-20';
    await send(teams.command(OFFICER, assign, [MEMBER]));
    // The refusal is for the officer alone, so it goes to their own chat.
    expect(
      sentPrivatelyTo(sent, OFFICER).some((s) =>
        shown(s).includes('You need to complete the initial training'),
      ),
    ).toBe(true);
    expect(await realityCheckModel(db).countDocuments({ groupId: group?._id })).toBe(0);

    await send(
      teams.command(
        OFFICER,
        '<at>Scrutiny</at> member record <at>Ian Inspector</at> training:today',
        [MEMBER],
      ),
    );
    expect(says('Training on Monday 2 March 2026 recorded for Ian Inspector.')).toBe(true);

    await send(teams.command(OFFICER, assign, [MEMBER]));
    const check = await realityCheckModel(db).findOne({ groupId: group?._id }).lean();
    expect(check?.reference).toMatch(/^C-\d+$/);
    expect(says(`${check?.reference} offered to Ian Inspector`)).toBe(true);
  });
});
