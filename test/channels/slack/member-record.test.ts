import nock from 'nock';
import { realityCheckModel } from '../../../src/store/checks/reality-check-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

const TEAM = 'T0TRAINING';
const OFFICER = { id: 'U0TROFFICER', name: 'olive' };
const INSPECTOR = { id: 'U0TRINSPECTOR', name: 'ian' };

/**
 * A new group set up from chat alone, as an officer would: nothing here writes to the
 * database, so every step a real group needs before its first check has a command or a button.
 */
describe('Slack: an officer records a new member’s training from chat', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, dmTo } = slackSession(() => bot().url, slack, {
    team: TEAM,
    channel: 'C0TRAINING',
  });

  it('group create, group add, the welcome, check assign refused for training, member record, then check assign', async () => {
    const db = bot().connection;
    await slash(OFFICER, 'group create "Training Panel" preset:southampton-ti');
    const group = await groupModel(db).findOne({ name: 'Training Panel' }).lean();
    expect(group).not.toBeNull();

    const since = slack.calls.length;
    const added = await slash(
      OFFICER,
      `group add <@${INSPECTOR.id}|${INSPECTOR.name}> role:member tenure:tenant since:2020-01-01`,
    );
    expect(added.text).toContain('ian is now in the group as member');
    await dmTo(since, 'onboarding.confirm');
    const answered = await click(INSPECTOR, `onboarding.confirm:${group?._id}`, {
      groupId: group?._id,
      over18: 'true',
      codeOfConduct: 'true',
    });
    expect(answered.at(-1)?.text).toContain('on record');

    const assign = `check assign <@${INSPECTOR.id}|${INSPECTOR.name}> "Empty home at 4 Elm Road" kind:empty-home-inspection due:2026-03-20`;
    expect((await slash(OFFICER, assign)).text).toContain(
      'You need to complete the initial training',
    );
    expect(await realityCheckModel(db).countDocuments({ groupId: group?._id })).toBe(0);

    const recorded = await slash(
      OFFICER,
      `member record <@${INSPECTOR.id}|${INSPECTOR.name}> training:today`,
    );
    expect(recorded.text).toContain('Training on Monday 2 March 2026 recorded for ian.');

    const offered = await slash(OFFICER, assign);
    const check = await realityCheckModel(db).findOne({ groupId: group?._id }).lean();
    expect(check?.reference).toMatch(/^C-\d+$/);
    expect(offered.text).toContain(`${check?.reference} offered to ian`);
  });
});
