import nock from 'nock';
import {
  checkAssignmentModel,
  realityCheckModel,
} from '../../../src/store/checks/reality-check-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

const TEAM = 'T0ASKING';
const OFFICER = { id: 'U0OFF', name: 'officer' };
const MEMBER = { id: 'U0ASKED', name: 'asked' };

/** Set up from chat alone: the group, the member, their training and the check, then the click. */
describe('Slack: buttons that need a reason open a modal first', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, typed, viewOf } = slackSession(() => bot().url, slack, {
    team: TEAM,
    channel: 'C0PANEL',
  });

  it('Decline opens a reason modal; an empty reason comes back inline; a reason declines the check', async () => {
    const db = bot().connection;
    await slash(OFFICER, 'group create "Inspectors" preset:torus-tims');
    const who = `<@${MEMBER.id}|${MEMBER.name}>`;
    expect((await slash(OFFICER, `group add ${who} role:member tenure:tenant`)).text).toContain(
      'now in the group',
    );
    // The officer records the member's training and agreements from the group's channel.
    expect(
      (
        await slash(
          OFFICER,
          `member record ${who} over18:yes training:2025-01-01 conduct:2025-01-01 confidentiality:2025-01-01`,
        )
      ).text,
    ).toContain('recorded for asked');
    await slash(
      OFFICER,
      `check assign ${who} "Reception visit" kind:reception-assessment due:2026-03-09`,
    );
    const check = await realityCheckModel(db).findOne({ title: 'Reception visit' }).lean();
    expect(check).not.toBeNull();
    const ref = check!.reference;

    const [opened] = await click(MEMBER, `check.decline:${ref}`, { ref }, 'modal');
    const view = viewOf(opened!);
    expect(view.callback_id).toBe('ask:check.decline');

    const answer = (reason: string) =>
      submit(
        MEMBER,
        view.callback_id,
        JSON.parse(view.private_metadata) as Record<string, unknown>,
        {
          reason: typed(reason),
        },
      );
    expect((await answer('  ')).json()).toEqual({
      response_action: 'errors',
      errors: { reason: 'Please fill this in.' },
    });
    expect((await checkAssignmentModel(db).findOne({ checkId: check!._id }).lean())?.status).toBe(
      'offered',
    );

    expect((await answer('On holiday that week')).status).toBe(200);
    expect(await checkAssignmentModel(db).findOne({ checkId: check!._id }).lean()).toMatchObject({
      status: 'declined',
      declineReason: 'On holiday that week',
    });
  });
});
