import {
  checkAssignmentModel,
  realityCheckModel,
} from '../../../src/store/checks/reality-check-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import { sentPrivatelyTo, shown, teamsChannel } from '../../support/teams';

const OFFICER = { aad: '56565656-5656-4565-8565-565656565656', name: 'Olive Officer' };
const MEMBER = { aad: '78787878-7878-4787-8787-787878787878', name: 'Ian Inspector' };
const OTHER = { aad: '9a9a9a9a-9a9a-49a9-89a9-9a9a9a9a9a9a', name: 'Wendy Went' };

/**
 * Everything about a person from chat alone: eligibility facts, suspension and its lifting,
 * resigning and withdrawal. Nothing here writes to the database; it only reads to check.
 */
describe('Teams: a person’s facts and status from chat', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad, TIME_ZONE: 'Europe/London' },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const teams = teamsChannel({
    service: 'https://smba.status.example',
    tenant: 'tenant-status',
    channel: '19:status-panel@thread.tacv2',
  });
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });
  const at = (who: { name: string }) => `<at>${who.name}</at>`;

  it('group add with facts refused with every reason; member facts then group add; suspend, lift, resign, withdraw', async () => {
    const sent = teams.capture();
    const db = bot().connection;
    const says = (text: string) => sent.some((s) => shown(s).includes(text));
    const toOfficer = (text: string) =>
      sentPrivatelyTo(sent, OFFICER).some((s) => shown(s).includes(text));

    await send(
      teams.command(OFFICER, '<at>Scrutiny</at> group create "Status Panel" preset:southampton-ti'),
    );
    const group = await groupModel(db).findOne({ name: 'Status Panel' }).lean();
    expect(group).not.toBeNull();

    // Southampton TI ToR: staff without their manager's agreement, a breach causing a conflict,
    // and under 12 months a tenant: all three reasons at once, to the officer alone.
    await send(
      teams.command(
        OFFICER,
        `<at>Scrutiny</at> group add ${at(MEMBER)} role:member tenure:tenant since:2026-01-05 staff:yes breach:yes`,
        [MEMBER],
      ),
    );
    expect(toOfficer('Ian Inspector cannot join')).toBe(true);
    expect(toOfficer('you need your manager’s agreement')).toBe(true);
    expect(toOfficer('in breach of your tenancy')).toBe(true);
    expect(toOfficer('at least 12 months')).toBe(true);
    expect(await membershipModel(db).countDocuments({ groupId: group?._id })).toBe(1);

    await send(
      teams.command(
        OFFICER,
        `<at>Scrutiny</at> member facts ${at(MEMBER)} staff:yes manager-agreed:yes breach:no`,
        [MEMBER],
      ),
    );
    expect(toOfficer('Eligibility facts recorded for Ian Inspector.')).toBe(true);
    await send(
      teams.command(
        OFFICER,
        `<at>Scrutiny</at> group add ${at(MEMBER)} role:member tenure:tenant since:2020-01-01`,
        [MEMBER],
      ),
    );
    expect(says('Ian Inspector is now in the group as member')).toBe(true);
    await send(
      teams.command(
        OFFICER,
        `<at>Scrutiny</at> group add ${at(OTHER)} role:member tenure:tenant since:2020-01-01`,
        [OTHER],
      ),
    );
    expect(says('Wendy Went is now in the group as member')).toBe(true);

    await send(
      teams.invoke(MEMBER, 'onboarding.confirm', {
        groupId: group?._id,
        over18: 'true',
        codeOfConduct: 'true',
      }),
    );
    await send(
      teams.command(OFFICER, `<at>Scrutiny</at> member record ${at(MEMBER)} training:today`, [
        MEMBER,
      ]),
    );
    await send(
      teams.command(
        OFFICER,
        `<at>Scrutiny</at> check assign ${at(MEMBER)} "Empty home at 4 Elm Road" kind:empty-home-inspection due:2026-03-20`,
        [MEMBER],
      ),
    );
    const check = await realityCheckModel(db).findOne({ groupId: group?._id }).lean();
    expect(check?.reference).toMatch(/^C-\d+$/);
    const accept = () => send(teams.invoke(MEMBER, 'check.accept', { ref: check?.reference }));

    await send(
      teams.command(
        OFFICER,
        `<at>Scrutiny</at> member suspend ${at(MEMBER)} "Under investigation"`,
        [MEMBER],
      ),
    );
    expect(says('Ian Inspector is suspended.')).toBe(true);
    expect(sentPrivatelyTo(sent, MEMBER).some((s) => shown(s).includes('You are suspended'))).toBe(
      true,
    );
    const refused = await accept();
    expect(JSON.stringify(refused.json())).toContain('Your membership has been suspended since');
    expect((await checkAssignmentModel(db).findOne({ checkId: check?._id }).lean())?.status).toBe(
      'offered',
    );

    await send(
      teams.command(OFFICER, `<at>Scrutiny</at> member lift ${at(MEMBER)} "Investigation closed"`, [
        MEMBER,
      ]),
    );
    expect(says("Ian Inspector's suspension is lifted.")).toBe(true);
    const accepted = await accept();
    expect(JSON.stringify(accepted.json())).toContain('accepted by Ian Inspector');

    await send(teams.command(MEMBER, '<at>Scrutiny</at> resign "Moving out of the area"'));
    expect(says('Ian Inspector has left Status Panel.')).toBe(true);
    const ian = await membershipModel(db)
      .find({ groupId: group?._id, 'status.kind': 'withdrawn' })
      .lean();
    expect(ian.map((m) => (m.status.kind === 'withdrawn' ? m.status.reason : undefined))).toEqual([
      'Resigned: Moving out of the area',
    ]);

    await send(
      teams.command(
        OFFICER,
        `<at>Scrutiny</at> member withdraw ${at(OTHER)} "No longer a customer"`,
        [OTHER],
      ),
    );
    expect(says("Wendy Went's membership is withdrawn.")).toBe(true);
    expect(
      sentPrivatelyTo(sent, OTHER).some((s) =>
        shown(s).includes('Your membership of the group has been withdrawn: No longer a customer'),
      ),
    ).toBe(true);
    expect(
      await membershipModel(db).countDocuments({ groupId: group?._id, 'status.kind': 'withdrawn' }),
    ).toBe(2);
  });
});
