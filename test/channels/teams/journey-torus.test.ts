import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { conductEventModel } from '../../../src/store/conduct/conduct-event-model';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import type { TeamsUser } from '../../support/teams';
import { checklistAnswers, teamsJourney } from '../../support/teams-journey';

const person = (n: number, name: string): TeamsUser => ({
  aad: `77777777-7777-4777-8777-7777777777${String(n).padStart(2, '0')}`,
  name,
});
const OFFICER = person(1, 'Olive Officer');
const AVA = person(2, 'Ava Inspector');
const BEN = person(3, 'Ben Shopper');
const CAL = person(4, 'Cal Member');
const STAFF = person(5, 'Stu Staff');

/*
 * Torus TIMS terms of reference, from chat alone: current tenants and customers join, staff do
 * not; over 18 confirmed, code of conduct and confidentiality agreement signed and training done
 * before taking part; a live complaint suspends until resolved; a breach ends membership.
 */
describe('Teams journey: Torus TIMS', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const { capture, say, click, buttonData, inputsOf, privately } = teamsJourney(bot, {
    service: 'https://smba.torus.example',
    tenant: 'tenant-torus',
    channel: '19:tims@thread.tacv2',
  });
  const db = () => bot().connection;
  const membershipOf = async (who: TeamsUser) => {
    const p = await personModel(db()).findOne({ platformUserId: who.aad }).lean();
    return membershipModel(db()).findOne({ personId: p?._id }).lean();
  };

  it('creates the group, onboards, checks, declares, suspends for a complaint and ends a membership for a breach', async () => {
    capture();
    expect(await say(OFFICER, 'group create "TIMS" preset:torus-tims')).toContain('TIMS');

    // Staff are excluded (Exclusions: "Members of staff within Torus").
    expect(
      await say(OFFICER, `group add @${STAFF.name} role:member tenure:tenant staff:yes`, [STAFF]),
    ).toMatch(/staff/i);
    expect(await membershipOf(STAFF)).toBeNull();

    for (const who of [AVA, BEN, CAL])
      expect(
        await say(
          OFFICER,
          `group add @${who.name} role:member tenure:tenant since:2021-05-01 staff:no breach:no`,
          [who],
        ),
      ).toContain(`${who.name} is now in the group as member`);

    // Before onboarding nobody may take part: a check offer is refused.
    expect(
      await say(
        OFFICER,
        `check assign @${AVA.name} "Report a dripping tap" kind:test-call-repair due:2026-03-20`,
        [AVA],
      ),
    ).toMatch(/18|code of conduct|confidentiality|training/i);

    // Each member confirms from their welcome card: over 18, code of conduct, confidentiality.
    for (const who of [AVA, BEN, CAL]) {
      const welcome = buttonData('onboarding.confirm', who);
      expect(
        await click(who, 'onboarding.confirm', {
          ...welcome,
          over18: 'true',
          codeOfConduct: 'true',
          confidentiality: 'true',
        }),
      ).toContain('on record');
      expect(await say(OFFICER, `member record @${who.name} training:2026-02-14`, [who])).toContain(
        `recorded for ${who.name}`,
      );
    }
    const ava = await membershipOf(AVA);
    expect(ava).toMatchObject({
      trainingDoneOn: '2026-02-14',
      codeOfConductSignedOn: '2026-03-02',
      confidentialitySignedOn: '2026-03-02',
    });
    expect(
      (await personModel(db()).findOne({ platformUserId: AVA.aad }).lean())?.facts.over18Confirmed,
    ).toBe(true);

    // A check: assigned, accepted from the offer card, findings submitted from the checklist.
    expect(
      await say(
        OFFICER,
        `check assign @${AVA.name} "Report a dripping tap" kind:test-call-repair due:2026-03-20`,
        [AVA],
      ),
    ).toContain(`offered to ${AVA.name}`);
    const offer = buttonData('check.accept');
    expect(await click(AVA, 'check.accept', offer)).toContain(`accepted by ${AVA.name}`);
    const form = buttonData('findings.submit', AVA);
    const submitted = await click(AVA, 'findings.submit', {
      ...form,
      ...checklistAnswers(inputsOf('findings.submit', AVA)),
      strengths: 'Answered in two minutes',
      weaknesses: 'No reference number given',
      recommendations: 'Always give a reference number',
      evidenceLinks: 'https://notes.example/call-1',
    });
    expect(submitted).toContain(`findings submitted by ${AVA.name}`);
    expect(await checkAssignmentModel(db()).findOne({}).lean()).toMatchObject({
      status: 'submitted',
    });

    // A declaration of interest, from the form `declare` gives, then on the register.
    expect(await say(AVA, 'declare')).toContain('declaration.submit');
    const declaration = buttonData('declaration.submit');
    expect(
      await click(AVA, 'declaration.submit', {
        ...declaration,
        kind: 'relative-on-staff',
        detail: 'My sister works in the repairs call centre',
      }),
    ).toContain('on the group’s register');
    expect(await declarationModel(db()).findOne({}).lean()).toMatchObject({
      kind: 'relative-on-staff',
    });
    expect(await say(OFFICER, 'register')).toContain(AVA.name);

    // A live complaint suspends a member until it is resolved.
    expect(await say(OFFICER, `member suspend @${BEN.name} complaint:yes`, [BEN])).toContain(
      `${BEN.name} is suspended`,
    );
    expect((await membershipOf(BEN))?.status.kind).toBe('suspended');
    expect(
      await say(
        OFFICER,
        `check assign @${BEN.name} "Email the hub" kind:test-email due:2026-03-20`,
        [BEN],
      ),
    ).toMatch(/suspended/i);
    expect(
      await say(OFFICER, `member lift @${BEN.name} "Complaint resolved on 2 March"`, [BEN]),
    ).toContain('suspension is lifted');
    expect((await membershipOf(BEN))?.status.kind).toBe('active');

    // A breach of the confidentiality agreement ends membership.
    expect(
      await say(OFFICER, `conduct withdraw @${CAL.name} "Shared a tenant’s details online"`, [CAL]),
    ).toContain(CAL.name);
    expect((await membershipOf(CAL))?.status).toMatchObject({ kind: 'withdrawn' });
    const cal = await personModel(db()).findOne({ platformUserId: CAL.aad }).lean();
    expect(
      (await conductEventModel(db()).find({ subjectId: cal?._id }).lean()).map((e) => e.kind),
    ).toContain('membership-withdrawn');
    await say(OFFICER, `conduct history @${CAL.name}`, [CAL]);
    expect(privately(OFFICER)).toContain('Shared a tenant’s details online');
  });
});
