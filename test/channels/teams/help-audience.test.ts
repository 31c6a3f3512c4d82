import { COMMANDS } from '../../../src/commands';
import { realityCheckModel } from '../../../src/store/checks/reality-check-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import type { TeamsUser } from '../../support/teams';
import { teamsJourney, ticked } from '../../support/teams-journey';

const person = (n: number, name: string): TeamsUser => ({
  aad: `99999999-9999-4999-8999-9999999999${String(n).padStart(2, '0')}`,
  name,
});
const OFFICER = person(1, 'Olive Officer');
const TARGET = person(2, 'Tina Target');
const PEOPLE: Record<string, { who: TeamsUser; role?: string }> = {
  chair: { who: person(3, 'Cara Chair'), role: 'chair' },
  'vice-chair': { who: person(4, 'Vic Vice'), role: 'vice-chair' },
  member: { who: person(5, 'Meg Member'), role: 'member' },
  staff: { who: person(6, 'Stu Staff'), role: 'staff' },
  committee: { who: person(7, 'Col Committee'), role: 'committee' },
  'no role': { who: person(8, 'Nat Nobody') },
  // Last: some of an officer's commands change the group (withdrawals, a new group).
  officer: { who: OFFICER },
};

// Refusals that say who may do it: the speaker's authority, not what they typed.
const AUTHORITY = /Only [^.]* can |You are not a member of this group/;

/*
 * `help` lists each command to exactly the people who may use it: for every role a person can
 * hold in a group, what `help` lists is compared with the commands whose handler does not refuse
 * them on authority, each sent minimally filled in.
 */
describe('Teams: help shows each command to exactly the people who may use it', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const { capture, say, click, buttonData, inputsOf } = teamsJourney(bot, {
    service: 'https://smba.help.example',
    tenant: 'tenant-help',
    channel: '19:help@thread.tacv2',
  });

  it('for each role, help lists the commands its handlers allow', async () => {
    const sent = capture();
    await say(OFFICER, 'group create "Tenant Inspectors" preset:southampton-ti');
    for (const { who, role } of [
      { who: TARGET, role: 'member' },
      ...Object.values(PEOPLE).filter((p) => p.role),
    ]) {
      const tenure = ['member', 'chair', 'vice-chair'].includes(role ?? '')
        ? ' tenure:tenant since:2020-01-01'
        : '';
      expect(await say(OFFICER, `group add @${who.name} role:${role}${tenure}`, [who])).toContain(
        'is now in the group',
      );
    }
    // A check to name in `check offer`: the target takes part once onboarded and trained.
    await click(TARGET, 'onboarding.confirm', {
      ...buttonData('onboarding.confirm', TARGET),
      ...ticked(inputsOf('onboarding.confirm', TARGET)),
    });
    await say(OFFICER, `member record @${TARGET.name} training:2026-02-01`, [TARGET]);
    await say(
      OFFICER,
      `check assign @${TARGET.name} "Report a repair" kind:test-call-repair due:2026-03-20`,
      [TARGET],
    );
    const check = await realityCheckModel(bot().connection).findOne({}).lean();
    // A review for the review commands' examples to name, so each reaches its authority check.
    await say(OFFICER, 'review open "Repairs" type:light');
    const review = await reviewModel(bot().connection).findOne({}).lean();

    /** The command as its example has it, naming the target and the check on record. */
    const minimal = (example: string) =>
      example
        .replace(/@[A-Z]\w+ [A-Z]\w+/g, `@${TARGET.name}`)
        .replace(/ review:R-\d+/, '')
        .replace(/check:C-\d+/, `check:${check?.reference ?? ''}`)
        .replace(/\bC-\d+\b/, check?.reference ?? '')
        .replace(/\bR-\d+\b/, review?.reference ?? '');
    // Leaving the group and making a new one go last: the rest run in the group as it is.
    const order = [...COMMANDS].sort(
      (a, b) =>
        Number(['resign', 'group-create'].includes(a.type)) -
          Number(['resign', 'group-create'].includes(b.type)) ||
        Number(a.type === 'group-create') - Number(b.type === 'group-create'),
    );

    const listed: Record<string, string[]> = {};
    const allowed: Record<string, string[]> = {};
    for (const [role, { who }] of Object.entries(PEOPLE)) {
      const before = sent.length;
      await say(who, 'help');
      const help = JSON.stringify(sent.slice(before));
      listed[role] = COMMANDS.filter((c) => help.includes(`"text":${JSON.stringify(c.usage)}`))
        .map((c) => c.name)
        .sort();
      allowed[role] = [];
      for (const command of order) {
        const at = sent.length;
        const text = minimal(command.example);
        await say(who, text, text.includes('@') ? [TARGET] : []);
        const answer = JSON.stringify(sent.slice(at));
        if (!AUTHORITY.test(answer)) allowed[role].push(command.name);
      }
      allowed[role].sort();
    }
    expect(listed).toEqual(allowed);
  }, 180_000);
});
