import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork, post } from '../../support/http';
import {
  sentPrivatelyTo,
  shown,
  teamsChannel,
  type TeamsSent,
  type TeamsUser,
} from '../../support/teams';

const OFFICER: TeamsUser = { aad: '61616161-6161-4616-8616-616161616101', name: 'Olive Officer' };
const MEMBER: TeamsUser = { aad: '61616161-6161-4616-8616-616161616102', name: 'Mo Member' };
const TENANT = 'tenant-policy';

/** Every TextBlock's text on the cards sent, in order. */
function texts(sent: readonly TeamsSent[]): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'TextBlock' && typeof record.text === 'string') found.push(record.text);
      Object.values(record).forEach(walk);
    }
  };
  for (const s of sent) walk(s.attachments?.map((a) => a.content));
  return found;
}

/**
 * Whose rule is it (domain.md): the over-18 check is Torus's alone. Southampton's group shows
 * it off with the document silent; Torus's shows it on with its clause, and an officer may
 * switch it off with a reason. Nothing here writes to the database; it reads to check.
 */
describe('Teams: a group’s policy, shown and changed from chat', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  // One tenant, one Bot Connector region: both channels' activities come from the same service URL.
  const southampton = teamsChannel({
    service: 'https://smba.policy.example',
    tenant: TENANT,
    channel: '19:policy-soton@thread.tacv2',
  });
  const torus = teamsChannel({
    service: 'https://smba.policy.example',
    tenant: TENANT,
    channel: '19:policy-torus@thread.tacv2',
  });
  const send = (body: unknown) =>
    post(`${bot().url}/api/messages`, JSON.stringify(body), { 'content-type': 'application/json' });
  /** Sends a command in a channel; resolves with everything the bot sent in answer. */
  const say = async (
    channel: typeof torus,
    sent: TeamsSent[],
    from: TeamsUser,
    text: string,
    who: TeamsUser[] = [],
  ): Promise<TeamsSent[]> => {
    const before = sent.length;
    expect((await send(channel.command(from, `<at>Scrutiny</at> ${text}`, who))).status).toBe(200);
    return sent.slice(before);
  };
  const said = (answer: readonly TeamsSent[]) => answer.map(shown).join('\n');

  it('Southampton: the over-18 check is off and the document does not say', async () => {
    const sent = southampton.capture();
    await say(southampton, sent, OFFICER, 'group create "Policy Inspectors" preset:southampton-ti');
    const answer = await say(southampton, sent, OFFICER, 'group policy');
    // Officers and the chair only: the card goes to the asker's own chat.
    const card = texts(sentPrivatelyTo(answer, OFFICER));
    expect(card).toContain('Rules of Policy Inspectors');
    expect(card).toContain('**18 or over confirmed before taking part**: off');
    expect(card).toContain(
      'over18-confirmation · The document does not say: off unless an officer sets it.',
    );
    expect(card).toContain('**Most on any one inspection**: 12');
  });

  it('Torus: on with its clause; a member is refused; an officer switches it off with a reason, on record', async () => {
    const sent = torus.capture();
    const db = bot().connection;
    await say(torus, sent, OFFICER, 'group create "Policy TIMS" preset:torus-tims');
    const group = await groupModel(db).findOne({ name: 'Policy TIMS' }).lean();
    expect(group?.policy).toMatchObject({ over18ConfirmationRequired: true });

    const card = texts(await say(torus, sent, OFFICER, 'group policy'));
    expect(card).toContain('**18 or over confirmed before taking part**: on');
    expect(card).toContain('over18-confirmation · Exclusions: "Anyone under 18"');

    expect(
      said(
        await say(
          torus,
          sent,
          OFFICER,
          `group add <at>${MEMBER.name}</at> role:member tenure:tenant since:2020-01-01`,
          [MEMBER],
        ),
      ),
    ).toContain('Mo Member is now in the group as member');
    expect(said(await say(torus, sent, MEMBER, 'group policy'))).toContain(
      'Only an officer or the chair can see the group’s rules.',
    );
    expect(
      said(
        await say(
          torus,
          sent,
          MEMBER,
          'group policy set over18-confirmation:off "I would rather not"',
        ),
      ),
    ).toContain('Only an officer can change a group’s rules.');
    expect((await groupModel(db).findById(group?._id).lean())?.policy).toMatchObject({
      over18ConfirmationRequired: true,
    });
    expect(await auditEntryModel(db).countDocuments({ action: 'group.policy-edited' })).toBe(0);

    // A rule name nobody has is refused with every rule's name.
    const unknown = said(await say(torus, sent, OFFICER, 'group policy set age-limit:off "x"'));
    expect(unknown).toContain("group policy set doesn't take age-limit:. It takes min-members:");
    expect(unknown).toContain('over18-confirmation:');

    const reason = 'Our age rule is under review; agreed at the March meeting';
    const changed = said(
      await say(torus, sent, OFFICER, `group policy set over18-confirmation:off "${reason}"`),
    );
    expect(changed).toContain('The rules of Policy TIMS are changed.');
    expect(changed).toContain(
      '18 or over confirmed before taking part (over18-confirmation): on → off',
    );
    expect(changed).toContain(`Recorded with the reason: “${reason}”.`);

    const stored = await groupModel(db).findById(group?._id).lean();
    expect(stored?.policy).toMatchObject({ over18ConfirmationRequired: false });
    const officer = await personModel(db).findOne({ platformUserId: OFFICER.aad }).lean();
    const entry = await auditEntryModel(db)
      .findOne({ action: 'group.policy-edited', groupId: group?._id })
      .lean();
    expect(entry).toMatchObject({
      subject: { kind: 'group', id: group?._id },
      actorId: officer?._id,
      reason,
      details: {
        changed: ['over18ConfirmationRequired'],
        before: { over18ConfirmationRequired: true },
        after: { over18ConfirmationRequired: false },
      },
    });

    expect(texts(await say(torus, sent, OFFICER, 'group policy'))).toContain(
      '**18 or over confirmed before taking part**: off (preset: on)',
    );
  });
});
