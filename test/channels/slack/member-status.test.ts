import nock from 'nock';
import {
  checkAssignmentModel,
  realityCheckModel,
} from '../../../src/store/checks/reality-check-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

const TEAM = 'T0STATUS';
const OFFICER = { id: 'U0STOFFICER', name: 'olive' };
const INSPECTOR = { id: 'U0STINSPECTOR', name: 'ian' };
const OTHER = { id: 'U0STOTHER', name: 'wendy' };
const mention = (who: { id: string; name: string }) => `<@${who.id}|${who.name}>`;

/**
 * Everything about a person from chat alone: eligibility facts, suspension and its lifting,
 * resigning and withdrawal. Nothing here writes to the database; it only reads to check.
 */
describe('Slack: a person’s facts and status from chat', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, dmTo } = slackSession(() => bot().url, slack, {
    team: TEAM,
    channel: 'C0STATUS',
  });

  it('group add with facts refused with every reason; member facts then group add; suspend, lift, resign, withdraw', async () => {
    const db = bot().connection;
    await slash(OFFICER, 'group create "Status Panel" preset:southampton-ti');
    const group = await groupModel(db).findOne({ name: 'Status Panel' }).lean();
    expect(group).not.toBeNull();

    // Southampton TI ToR: every reason at once, told to the officer alone.
    const refused = await slash(
      OFFICER,
      `group add ${mention(INSPECTOR)} role:member tenure:tenant since:2026-01-05 staff:yes breach:yes`,
    );
    expect(refused.body.response_type).toBe('ephemeral');
    expect(refused.text).toContain('ian cannot join');
    expect(refused.text).toContain('you need your manager’s agreement');
    expect(refused.text).toContain('in breach of your tenancy');
    expect(refused.text).toContain('at least 12 months');
    expect(await membershipModel(db).countDocuments({ groupId: group?._id })).toBe(1);

    const facts = await slash(
      OFFICER,
      `member facts ${mention(INSPECTOR)} staff:yes manager-agreed:yes breach:no`,
    );
    expect(facts.body.response_type).toBe('ephemeral');
    expect(facts.text).toContain('Eligibility facts recorded for ian.');
    expect(
      (
        await slash(
          OFFICER,
          `group add ${mention(INSPECTOR)} role:member tenure:tenant since:2020-01-01`,
        )
      ).text,
    ).toContain('ian is now in the group as member');
    expect(
      (
        await slash(
          OFFICER,
          `group add ${mention(OTHER)} role:member tenure:tenant since:2020-01-01`,
        )
      ).text,
    ).toContain('wendy is now in the group as member');

    await click(INSPECTOR, `onboarding.confirm:${group?._id}`, {
      groupId: group?._id,
      over18: 'true',
      codeOfConduct: 'true',
    });
    await slash(OFFICER, `member record ${mention(INSPECTOR)} training:today`);
    await slash(
      OFFICER,
      `check assign ${mention(INSPECTOR)} "Empty home at 4 Elm Road" kind:empty-home-inspection due:2026-03-20`,
    );
    const check = await realityCheckModel(db).findOne({ groupId: group?._id }).lean();
    const ref = check?.reference ?? '';
    expect(ref).toMatch(/^C-\d+$/);

    const since = slack.calls.length;
    const suspended = await slash(
      OFFICER,
      `member suspend ${mention(INSPECTOR)} "Under investigation"`,
    );
    expect(suspended.text).toContain('ian is suspended.');
    await dmTo(since, 'You are suspended from the group');
    const notNow = await click(INSPECTOR, `check.accept:${ref}`, { ref });
    expect(notNow.at(-1)?.text).toContain('Your membership has been suspended since');
    expect((await checkAssignmentModel(db).findOne({ checkId: check?._id }).lean())?.status).toBe(
      'offered',
    );

    const lifted = await slash(OFFICER, `member lift ${mention(INSPECTOR)} "Investigation closed"`);
    expect(lifted.text).toContain("ian's suspension is lifted.");
    const accepted = await click(INSPECTOR, `check.accept:${ref}`, { ref });
    expect(accepted[0]?.text).toContain('accepted by ian');

    const resigned = await slash(INSPECTOR, 'resign "Moving out of the area"');
    expect(resigned.text).toContain('ian has left Status Panel.');

    const beforeWithdraw = slack.calls.length;
    const withdrawn = await slash(
      OFFICER,
      `member withdraw ${mention(OTHER)} "No longer a customer"`,
    );
    expect(withdrawn.text).toContain("wendy's membership is withdrawn.");
    await dmTo(
      beforeWithdraw,
      'Your membership of the group has been withdrawn: No longer a customer',
    );
    const ended = await membershipModel(db)
      .find({ groupId: group?._id, 'status.kind': 'withdrawn' })
      .sort({ 'status.reason': 1 })
      .lean();
    expect(ended.map((m) => (m.status.kind === 'withdrawn' ? m.status.reason : undefined))).toEqual(
      ['No longer a customer', 'Resigned: Moving out of the area'],
    );
  });
});
