import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { conductEventModel } from '../../../src/store/conduct/conduct-event-model';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import type { TeamsUser } from '../../support/teams';
import { checklistAnswers, teamsJourney, ticked } from '../../support/teams-journey';

const person = (n: number, name: string): TeamsUser => ({
  aad: `88888888-8888-4888-8888-8888888888${String(n).padStart(2, '0')}`,
  name,
});
const OFFICER = person(1, 'Olive Officer');
const TENANTS = ['Tia', 'Tom', 'Tess', 'Ted', 'Tara', 'Theo'].map((name, i) =>
  person(10 + i, `${name} Tenant`),
);
const LEASEHOLDERS = ['Lea', 'Lou'].map((name, i) => person(20 + i, `${name} Leaseholder`));
const THIRD_LEASEHOLDER = person(22, 'Liz Leaseholder');
const JUDGEMENT = person(23, 'Jay Judged');
const COMMITTEE = person(30, 'Nora Nominations');

/*
 * Trafford Quality and Insight Panel terms of reference, from chat alone: 8 to 15 members, at
 * most 2 leaseholders (7), no county court judgement or notice (8), induction training (11), and
 * a breach referred to the Nominations Committee, who decide (12).
 */
describe('Teams journey: Trafford Quality and Insight Panel', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const { capture, say, click, buttonData, inputsOf, privately } = teamsJourney(bot, {
    service: 'https://smba.trafford.example',
    tenant: 'tenant-trafford',
    channel: '19:qip@thread.tacv2',
  });
  const db = () => bot().connection;
  const personOf = async (who: TeamsUser) =>
    (await personModel(db()).findOne({ platformUserId: who.aad }).lean())?._id;
  const membershipOf = async (who: TeamsUser) =>
    membershipModel(db())
      .findOne({ personId: await personOf(who) })
      .lean();

  it('fills the panel within its caps, runs a check, takes a declaration and a referral to its end', async () => {
    capture();
    expect(
      await say(OFFICER, 'group create "Quality and Insight Panel" preset:trafford-qip'),
    ).toContain('Quality and Insight Panel');
    for (const who of TENANTS)
      expect(
        await say(OFFICER, `group add @${who.name} role:member tenure:tenant since:2019-01-01`, [
          who,
        ]),
      ).toContain(`${who.name} is now in the group as member`);
    for (const who of LEASEHOLDERS)
      expect(
        await say(
          OFFICER,
          `group add @${who.name} role:member tenure:leaseholder since:2019-01-01`,
          [who],
        ),
      ).toContain(`${who.name} is now in the group as member`);

    // ToR 7: "A maximum of 2 places can be filled by leaseholders".
    expect(
      await say(
        OFFICER,
        `group add @${THIRD_LEASEHOLDER.name} role:member tenure:leaseholder since:2019-01-01`,
        [THIRD_LEASEHOLDER],
      ),
    ).toMatch(/leaseholder/i);
    expect(await membershipOf(THIRD_LEASEHOLDER)).toBeNull();
    // ToR 8: a County Court judgement or Notice of Seeking Possession excludes. The fact is
    // recorded first (for the officer alone), and `group add` reads it.
    await say(OFFICER, `member facts @${JUDGEMENT.name} judgement:yes staff:no`, [JUDGEMENT]);
    expect(privately(OFFICER)).toContain(`Eligibility facts recorded for ${JUDGEMENT.name}`);
    expect(
      await say(
        OFFICER,
        `group add @${JUDGEMENT.name} role:member tenure:tenant since:2019-01-01`,
        [JUDGEMENT],
      ),
    ).toMatch(/judgement/i);
    expect(await membershipOf(JUDGEMENT)).toBeNull();
    expect(
      await membershipModel(db()).countDocuments({ roles: 'member', 'status.kind': 'active' }),
    ).toBe(8);

    // The Nominations Committee is a Board committee: no Panel place, no Panel eligibility.
    expect(
      await say(OFFICER, `group add @${COMMITTEE.name} role:committee`, [COMMITTEE]),
    ).toContain(`${COMMITTEE.name} is now in the group as committee`);

    // Onboarding: each toggle the welcome card shows ticked (18 or over, the code of conduct;
    // no confidentiality agreement here), then induction training.
    const [tia, tom] = [TENANTS[0]!, TENANTS[1]!];
    for (const who of [tia, tom]) {
      expect(
        await click(who, 'onboarding.confirm', {
          ...buttonData('onboarding.confirm', who),
          ...ticked(inputsOf('onboarding.confirm', who)),
        }),
      ).toContain('on record');
      expect(await say(OFFICER, `member record @${who.name} training:2026-01-20`, [who])).toContain(
        `recorded for ${who.name}`,
      );
    }

    // A check, accepted and completed.
    expect(
      await say(
        OFFICER,
        `check assign @${tia.name} "Reception at Sale office" kind:reception-assessment due:2026-03-27`,
        [tia],
      ),
    ).toContain(`offered to ${tia.name}`);
    expect(await click(tia, 'check.accept', buttonData('check.accept'))).toContain(
      `accepted by ${tia.name}`,
    );
    expect(
      await click(tia, 'findings.submit', {
        ...buttonData('findings.submit', tia),
        ...checklistAnswers(inputsOf('findings.submit', tia)),
        strengths: 'Warm welcome',
        weaknesses: 'No hearing loop',
        recommendations: 'Fit a hearing loop',
      }),
    ).toContain(`findings submitted by ${tia.name}`);
    expect(await checkAssignmentModel(db()).findOne({}).lean()).toMatchObject({
      status: 'submitted',
    });

    // A declaration of interest, through the form.
    await say(tom, 'declare');
    expect(
      await click(tom, 'declaration.submit', {
        ...buttonData('declaration.submit'),
        kind: 'contractor-or-supplier-link',
        detail: 'My son is an apprentice with the gas contractor',
      }),
    ).toContain('on the group’s register');
    expect(await declarationModel(db()).countDocuments({})).toBe(1);
    expect(await say(tia, 'register')).toContain(tom.name);

    // ToR 12: a breach goes to the Nominations Committee, who record what they decided.
    const subject = TENANTS[5]!;
    expect(await say(OFFICER, `conduct warn @${subject.name} "x"`, [subject])).toContain(
      'This group’s policy has no warnings.',
    );
    expect(await say(OFFICER, `conduct refer @${subject.name}`, [subject])).toContain(
      `${subject.name} is referred to`,
    );
    const referral = buttonData('conduct.outcome', COMMITTEE);
    // Only the committee (or an officer) records the outcome.
    expect(
      await click(tia, 'conduct.outcome', { ...referral, outcome: 'Nothing', remove: 'no' }),
    ).toContain('Only');
    expect(
      await click(COMMITTEE, 'conduct.outcome', {
        ...referral,
        outcome: 'Abusive messages to another member; membership ends.',
        remove: 'yes',
      }),
    ).toContain('membership has ended');
    expect((await membershipOf(subject))?.status).toMatchObject({ kind: 'withdrawn' });
    const events = await conductEventModel(db())
      .find({ subjectId: await personOf(subject) })
      .sort({ at: 1, _id: 1 })
      .lean();
    expect(events.map((e) => e.kind)).toEqual(['referred', 'investigation-outcome']);
  });
});
