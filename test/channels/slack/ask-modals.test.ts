import nock from 'nock';
import { assignCheck } from '../../../src/app/checks/check-use-cases';
import { createGroup } from '../../../src/app/groups/create-group';
import { organisationFor, personFor } from '../../../src/app/organisations/register-organisation';
import { addMember } from '../../../src/app/people/add-member';
import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import {
  SLACK_API_URL,
  SLACK_HOOKS,
  slashCommandBody,
  slackEnv,
  slackHeaders,
} from '../../support/slack';

const TEAM = 'T0ASKING';
const MEMBER = 'U0ASKED';

describe('Slack: buttons that need a reason open a modal first', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(slackEnv);
  const api = () => nock(SLACK_API_URL.replace(/\/api\/$/, ''));
  const interact = (payload: unknown) => {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return post(
      `${bot().url}/api/slack/interactivity`,
      body,
      slackHeaders(body, 'application/x-www-form-urlencoded'),
    );
  };

  it('Decline opens a reason modal; an empty reason comes back inline; a reason declines the check', async () => {
    api()
      .post('/api/auth.test')
      .optionally()
      .reply(200, { ok: true, team_id: TEAM, user_id: 'U0BOT', bot_id: 'B0BOT' });
    const db = bot().connection;
    const ctx = { db, now: () => new Date() };
    const org = await organisationFor(ctx, {
      platform: 'slack',
      platformTenantId: TEAM,
      name: 'Asking Homes',
      timeZone: 'Europe/London',
    });
    const officer = await personFor(ctx, org._id, {
      platformUserId: 'U0OFF',
      displayName: 'Officer',
      bootstrapOfficer: true,
    });
    const actor = { organisationId: org._id, personId: officer._id };
    // Tied to the channel slashCommandBody writes from, so commands there are about this group.
    const group = await createGroup(ctx, actor, {
      name: 'Inspectors',
      presetKey: 'torus-tims',
      conversationId: 'C0PANEL',
    });
    if (!group.ok) throw new Error('group');
    const member = await personFor(ctx, org._id, {
      platformUserId: MEMBER,
      displayName: 'Asked Member',
    });
    const added = await addMember(ctx, actor, {
      groupId: group.value._id,
      personId: member._id,
      roles: ['member'],
      tenure: 'tenant',
      tenancyStartedOn: '2019-01-01',
      facts: { over18Confirmed: true, trainedOn: '2025-01-01' },
    });
    if (!added.ok) throw new Error(JSON.stringify(added.refusals));
    // The officer records the member's training and agreements from the group's channel.
    const answered = new Promise<string>((resolve) => {
      nock(SLACK_HOOKS)
        .post(/^\/commands\//, (body: unknown) => {
          resolve(JSON.stringify(body));
          return true;
        })
        .reply(200, 'ok');
    });
    const record = slashCommandBody(
      `member record <@${MEMBER}|asked> training:2025-01-01 conduct:2025-01-01 confidentiality:2025-01-01`,
      'U0OFF',
      TEAM,
    );
    const recorded = await post(
      `${bot().url}/api/slack/commands`,
      record,
      slackHeaders(record, 'application/x-www-form-urlencoded'),
    );
    expect(recorded.status).toBe(200);
    expect(await answered).toContain('recorded for Asked Member');
    expect(await membershipModel(db).findById(added.value._id).lean()).toMatchObject({
      trainingDoneOn: '2025-01-01',
      codeOfConductSignedOn: '2025-01-01',
      confidentialitySignedOn: '2025-01-01',
    });
    const due = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
    const assigned = await assignCheck(ctx, actor, {
      groupId: group.value._id,
      personId: member._id,
      title: 'Reception visit',
      kind: 'reception-assessment',
      dueOn: due,
    });
    if (!assigned.ok) throw new Error(JSON.stringify(assigned.refusals));
    const ref = assigned.value.check.reference;

    const opened = new Promise<Record<string, unknown>>((resolve) => {
      api()
        .post('/api/views.open', (body: Record<string, unknown>) => {
          resolve(body);
          return true;
        })
        .reply(200, { ok: true });
    });
    const click = await interact({
      type: 'block_actions',
      team: { id: TEAM },
      user: { id: MEMBER, name: 'asked', team_id: TEAM },
      channel: { id: 'D0ASKED' },
      trigger_id: 'trigger-decline',
      response_url: 'https://hooks.slack.test.example/actions/decline',
      actions: [
        {
          type: 'button',
          action_id: `check.decline:${ref}`,
          block_id: 'check-offer',
          value: JSON.stringify({ ref }),
          action_ts: '1',
        },
      ],
    });
    expect(click.status).toBe(200);
    const view = JSON.parse((await opened).view as string) as {
      callback_id: string;
      private_metadata: string;
    };
    expect(view.callback_id).toBe('ask:check.decline');

    const submit = (reason: string) =>
      interact({
        type: 'view_submission',
        team: { id: TEAM },
        user: { id: MEMBER, name: 'asked', team_id: TEAM },
        view: {
          id: 'V2',
          callback_id: view.callback_id,
          private_metadata: view.private_metadata,
          state: { values: { reason: { value: { type: 'plain_text_input', value: reason } } } },
        },
      });
    expect((await submit('  ')).json()).toEqual({
      response_action: 'errors',
      errors: { reason: 'Please fill this in.' },
    });
    expect(
      (await checkAssignmentModel(db).findOne({ checkId: assigned.value.check._id }).lean())
        ?.status,
    ).toBe('offered');

    api().post('/api/chat.postMessage').reply(200, { ok: true, ts: '2' });
    expect((await submit('On holiday that week')).status).toBe(200);
    expect(
      await checkAssignmentModel(db).findOne({ checkId: assigned.value.check._id }).lean(),
    ).toMatchObject({ status: 'declined', declineReason: 'On holiday that week' });
  });
});
