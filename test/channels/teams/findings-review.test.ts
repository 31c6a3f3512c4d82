import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import type { TeamsUser } from '../../support/teams';
import { checklistAnswers, teamsJourney } from '../../support/teams-journey';

const person = (n: number, name: string): TeamsUser => ({
  aad: `79797979-7979-4797-8797-7979797979${String(n).padStart(2, '0')}`,
  name,
});
const OFFICER = person(1, 'Rhea Reviewer');
const JO = person(2, 'Jo Smith-Jones');
const KIT = person(3, 'Kit Carter');

/*
 * The officer's review by typed command in Teams: `findings return C-n @inspector "<reason>"`
 * and `findings approve C-n [@inspector]`, each refused plainly when something is missing, with
 * the review card listing where each inspector's findings stand.
 */
describe('Teams: findings reviewed by command', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const { capture, say, click, buttonData, inputsOf, privately } = teamsJourney(bot, {
    service: 'https://smba.findings-review.example',
    tenant: 'tenant-findings-review',
    channel: '19:findings-review@thread.tacv2',
  });
  const db = () => bot().connection;
  const statusOf = async (who: TeamsUser) => {
    const p = await personModel(db()).findOne({ platformUserId: who.aad }).lean();
    return (await checkAssignmentModel(db()).findOne({ personId: p?._id }).lean())?.status;
  };

  it('returns by command with a reason, approves one inspector, and refuses what is missing', async () => {
    capture();
    await say(OFFICER, 'group create "TIMS" preset:torus-tims');
    for (const who of [JO, KIT]) {
      await say(
        OFFICER,
        `group add @${who.name} role:member tenure:tenant since:2021-05-01 staff:no breach:no`,
        [who],
      );
      await click(who, 'onboarding.confirm', {
        ...buttonData('onboarding.confirm', who),
        over18: 'true',
        codeOfConduct: 'true',
        confidentiality: 'true',
      });
      await say(OFFICER, `member record @${who.name} training:2026-02-14`, [who]);
    }
    const assigned = await say(
      OFFICER,
      `check assign @${JO.name} "Report a repair" kind:test-call-repair due:2026-03-20`,
      [JO],
    );
    const ref = /(C-\d+) offered/.exec(assigned)?.[1] ?? '';
    await say(OFFICER, `check offer @${KIT.name} check:${ref}`, [KIT]);

    // Nothing sent yet: nothing to approve.
    expect(await say(OFFICER, `findings approve ${ref}`)).toContain(
      `No findings on ${ref} are waiting for review`,
    );

    for (const who of [JO, KIT]) {
      await click(who, 'check.accept', buttonData('check.accept', who));
      expect(
        await click(who, 'findings.submit', {
          ...buttonData('findings.submit', who),
          ...checklistAnswers(inputsOf('findings.submit', who)),
          weaknesses: `Kit Carter was on hold for 9 minutes (${who.name})`,
        }),
      ).toContain('findings submitted by');
    }
    // The officer's card shows every inspector's findings where they stand.
    expect(privately(OFFICER)).toContain(`Waiting for review: ${JO.name}, ${KIT.name}.`);

    // Missing pieces are named, and nothing changes.
    expect(await say(OFFICER, `findings return ${ref} @${JO.name}`, [JO])).toMatch(/reason/i);
    expect(await say(OFFICER, `findings return @${JO.name} "Add the time"`, [JO])).toMatch(
      /check reference/i,
    );
    expect(await say(OFFICER, 'findings approve C-999')).toContain('There is no check');
    expect(await say(JO, `findings approve ${ref}`)).toContain('Only an officer');
    expect(await statusOf(JO)).toBe('submitted');

    const returned = await say(
      OFFICER,
      `findings return ${ref} @${JO.name} "Add the time you rang"`,
      [JO],
    );
    expect(returned).toContain(`Findings on ${ref} from Inspector 1 returned`);
    expect(returned).not.toContain(JO.name.replace(/"/g, ''));
    expect(await statusOf(JO)).toBe('accepted');
    expect(privately(JO)).toContain('Returned by the officer: Add the time you rang');

    const approved = await say(OFFICER, `findings approve ${ref} @${KIT.name}`, [KIT]);
    expect(approved).toContain(`Findings approved on ${ref}`);
    expect(approved).toContain('Inspector 2');
    expect(approved).toContain('[name] was on hold');
    expect(await statusOf(KIT)).toBe('reviewed');
    expect(await statusOf(JO)).toBe('accepted');
    expect(await say(OFFICER, `findings approve ${ref} @${KIT.name}`, [KIT])).toContain(
      'already been approved',
    );

    const returnedEntry = await auditEntryModel(db())
      .findOne({ action: 'check.findings-returned' })
      .lean();
    expect(returnedEntry).toMatchObject({ reason: 'Add the time you rang' });
  });
});
