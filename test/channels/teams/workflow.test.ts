import nock from 'nock';
import {
  checkAssignmentModel,
  realityCheckModel,
} from '../../../src/store/checks/reality-check-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { AuditTrail } from '../../../src/store/audit/audit-trail';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';

const SERVICE = 'https://smba.workflow.example';
const TENANT = 'tenant-workflow';
const OFFICER_AAD = '11111111-1111-4111-8111-111111111111';
const MEMBER_AAD = '22222222-2222-4222-8222-222222222222';
const CHANNEL = '19:panel-channel@thread.tacv2';

type Sent = {
  type?: string;
  text?: string;
  attachments?: Array<{ content: Record<string, unknown> }>;
};

let activityCounter = 0;
function activity(
  from: { aad: string; name: string },
  text: string,
  extra: Record<string, unknown> = {},
) {
  activityCounter += 1;
  return {
    type: 'message',
    id: `act-${activityCounter}`,
    timestamp: new Date().toISOString(),
    serviceUrl: `${SERVICE}/`,
    channelId: 'msteams',
    from: { id: `29:${from.aad}`, name: from.name, aadObjectId: from.aad },
    conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT },
    recipient: { id: '28:bot', name: 'Scrutiny' },
    text,
    channelData: { tenant: { id: TENANT } },
    ...extra,
  };
}

/** Captures every reply the bot sends into any conversation. */
function captureConnector(): Sent[] {
  const sent: Sent[] = [];
  nock(SERVICE)
    .persist()
    .post(/\/v3\/conversations\/[^/]+\/activities(\/.*)?$/, (body: Sent) => {
      sent.push(body);
      return true;
    })
    .reply(200, { id: 'reply' })
    .post('/v3/conversations', () => true)
    .reply(200, { id: 'a:personal-chat-member' });
  return sent;
}

function cardText(sent: Sent | undefined): string {
  return JSON.stringify(sent?.attachments?.[0]?.content ?? sent?.text ?? '');
}

describe('Teams: the scrutiny workflow end to end over HTTP', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER_AAD, TIME_ZONE: 'Europe/London' },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const url = () => `${bot().url}/api/messages`;
  const send = (body: unknown) =>
    post(url(), JSON.stringify(body), { 'content-type': 'application/json' });
  const officer = { aad: OFFICER_AAD, name: 'Olive Officer' };
  const member = { aad: MEMBER_AAD, name: 'Ian Inspector' };
  const mention = (who: { aad: string; name: string }) => ({
    type: 'mention',
    text: `<at>${who.name}</at>`,
    mentioned: { id: who.aad, name: who.name },
  });

  it('an officer creates a group in a channel, adds a member, offers a check that reaches the member, who accepts it from the card', async () => {
    const sent = captureConnector();
    const db = bot().connection;

    expect(
      (
        await send(
          activity(
            officer,
            '<at>Scrutiny</at> group create "Tenant Inspectors" preset:southampton-ti',
          ),
        )
      ).status,
    ).toBe(200);
    expect(cardText(sent.at(-1))).toContain('Tenant Inspectors');
    const group = await groupModel(db).findOne({ name: 'Tenant Inspectors' }).lean();
    expect(group?.conversationId).toBe(CHANNEL);

    await send(
      activity(
        officer,
        '<at>Scrutiny</at> group add <at>Ian Inspector</at> role:member tenure:tenant since:2020-01-01 area:Shirley',
        {
          entities: [mention(member)],
        },
      ),
    );
    expect(
      sent.some((s) => cardText(s).includes('Ian Inspector is now in the group as member')),
    ).toBe(true);
    const welcome = sent.find((s) => cardText(s).includes('onboarding.confirm'));
    expect(cardText(welcome)).toContain('Welcome to Tenant Inspectors');
    const person = await personModel(db).findOne({ platformUserId: MEMBER_AAD }).lean();
    const membership = await membershipModel(db)
      .findOne({ groupId: group?._id, personId: person?._id })
      .lean();
    expect(membership?.roles).toEqual(['member']);

    // Onboarding from the welcome card: a toggle left off is refused and nothing is stored.
    const unticked = await send({
      ...activity(member, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'onboarding.confirm',
          data: { groupId: group?._id, over18: 'true', codeOfConduct: 'false' },
        },
        trigger: 'manual',
      },
    });
    expect(JSON.stringify(unticked.json())).toContain('agree to the code of conduct');
    expect(
      (await membershipModel(db).findById(membership?._id).lean())?.codeOfConductSignedOn,
    ).toBeUndefined();
    const confirmed = await send({
      ...activity(member, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'onboarding.confirm',
          data: { groupId: group?._id, over18: 'true', codeOfConduct: 'true' },
        },
        trigger: 'manual',
      },
    });
    expect(JSON.stringify(confirmed.json())).toContain('on record');
    expect((await personModel(db).findById(person?._id).lean())?.facts.over18Confirmed).toBe(true);
    expect(
      (await membershipModel(db).findById(membership?._id).lean())?.codeOfConductSignedOn,
    ).toBe('2026-03-02');
    // Training is recorded by the officer (Southampton TI ToR: trained before inspecting).
    await send(
      activity(officer, '<at>Scrutiny</at> member record <at>Ian Inspector</at> training:today', {
        entities: [mention(member)],
      }),
    );
    expect(
      sent.some((s) =>
        cardText(s).includes('Training on Monday 2 March 2026 recorded for Ian Inspector'),
      ),
    ).toBe(true);
    expect((await membershipModel(db).findById(membership?._id).lean())?.trainingDoneOn).toBe(
      '2026-03-02',
    );

    const before = sent.length;
    await send(
      activity(
        officer,
        '<at>Scrutiny</at> check assign <at>Ian Inspector</at> "Empty home at 4 Elm Road" kind:empty-home-inspection due:2026-03-20',
        {
          entities: [mention(member)],
        },
      ),
    );
    const check = await realityCheckModel(db).findOne({ groupId: group?._id }).lean();
    expect(check?.reference).toMatch(/^C-\d+$/);
    const afterAssign = sent.slice(before);
    expect(
      afterAssign.some((s) => cardText(s).includes(`${check?.reference} offered to Ian Inspector`)),
    ).toBe(true);
    const offer = afterAssign.find((s) => cardText(s).includes('check.accept'));
    expect(offer).toBeDefined();

    const invoke = await send({
      ...activity(member, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: 'check.accept', data: { ref: check?.reference } },
        trigger: 'manual',
      },
    });
    expect(invoke.status).toBe(200);
    expect(JSON.stringify(invoke.json())).toContain('accepted by Ian Inspector');
    const assignment = await checkAssignmentModel(db).findOne({ checkId: check?._id }).lean();
    expect(assignment?.status).toBe('accepted');

    // A double click (or Teams retrying the invoke) does not act twice.
    const again = await send({
      ...activity(member, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: 'check.accept', data: { ref: check?.reference } },
        trigger: 'manual',
      },
    });
    expect(again.status).toBe(200);
    const entries = await new AuditTrail(db).forSubject('check', check!._id);
    expect(entries.filter((e) => e.action === 'check.accepted')).toHaveLength(1);
    expect((await checkAssignmentModel(db).findOne({ checkId: check?._id }).lean())?.version).toBe(
      assignment?.version,
    );

    // The checklist reached the inspector's own chat; they fill it in and submit it.
    const form = sent.find((s) => cardText(s).includes('findings.submit'));
    expect(form).toBeDefined();
    const inputs: Array<{ id: string; type: string }> = [];
    JSON.stringify(form?.attachments?.[0]?.content, (_key, value: unknown) => {
      const node = value as { id?: unknown; type?: unknown } | null;
      if (
        node &&
        typeof node.id === 'string' &&
        node.id.startsWith('q.') &&
        typeof node.type === 'string'
      )
        inputs.push({ id: node.id, type: node.type });
      return value;
    });
    expect(inputs.length).toBeGreaterThan(3);
    const answers = Object.fromEntries(
      inputs.map(({ id, type }) => [
        id,
        type === 'Input.Toggle'
          ? 'true'
          : type === 'Input.ChoiceSet'
            ? '4'
            : type === 'Input.Number'
              ? '0'
              : 'Clean and ready to let',
      ]),
    );
    const findings = (data: Record<string, unknown>) => ({
      ...activity(member, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'findings.submit',
          data: { ref: check?.reference, ...answers, ...data },
        },
        trigger: 'manual',
      },
    });
    const badLink = await send(findings({ evidenceLinks: 'http://not-secure.example/photo.jpg' }));
    expect(JSON.stringify(badLink.json())).toContain('not recorded');
    expect((await checkAssignmentModel(db).findOne({ checkId: check?._id }).lean())?.status).toBe(
      'accepted',
    );
    const submitted = await send(
      findings({
        strengths: 'Clean\nSecure',
        weaknesses: 'Garden overgrown',
        recommendations: 'Clear gardens before letting',
        evidenceLinks: 'https://photos.example/elm-road-1.jpg',
      }),
    );
    expect(JSON.stringify(submitted.json())).toContain('findings submitted by Ian Inspector');
    const done = await checkAssignmentModel(db).findOne({ checkId: check?._id }).lean();
    expect(done?.status).toBe('submitted');
    expect(done?.submission).toMatchObject({
      findings: {
        strengths: ['Clean', 'Secure'],
        evidence: ['https://photos.example/elm-road-1.jpg'],
      },
    });
  });

  it('a member who is not an officer is refused in one sentence and nothing is created', async () => {
    const sent = captureConnector();
    await send(activity(member, 'group create "Shadow panel" preset:torus-tims'));
    // The refusal is for the writer alone: sent to their own chat, with a pointer in the channel.
    expect(cardText(sent.at(-2))).toContain('Only an officer can create a group.');
    expect(cardText(sent.at(-1))).toContain('sent you the details in our private chat');
    expect(await groupModel(bot().connection).countDocuments({ name: 'Shadow panel' })).toBe(0);
  });

  it('a card click with a bad payload changes nothing and says why', async () => {
    captureConnector();
    const invoke = await send({
      ...activity(member, ''),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: 'check.explode', data: {} },
        trigger: 'manual',
      },
    });
    expect(invoke.status).toBe(200);
    expect(JSON.stringify(invoke.json())).toContain('Please check');
  });
});
