import { POLICY_RULE_LABELS } from '../../../src/domain/groups/preset-clauses';
import nock from 'nock';
import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv, type SlackCall } from '../../support/slack';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0POLICY';
const OFFICER = { id: 'U0POLOFFICER', name: 'olive' };
const MEMBER = { id: 'U0POLMEMBER', name: 'mo' };
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/** Each section's text: one per rule, "*label*: value…\n`name` · clause". */
function sections(call: SlackCall): string[] {
  const blocks = (call.body.blocks ?? []) as Array<{ type: string; text?: { text: string } }>;
  return blocks.filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
}

/**
 * Whose rule is it (domain.md): the over-18 check is Torus's alone. Southampton's group shows
 * it off with the document silent; Torus's shows it on with its clause, and an officer may
 * switch it off with a reason. Nothing here writes to the database; it reads to check.
 */
describe('Slack: a group’s policy, shown and changed from chat', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const southampton = slackSession(() => bot().url, slack, { team: TEAM, channel: 'C0POLSOTON' });
  const torus = slackSession(() => bot().url, slack, { team: TEAM, channel: 'C0POLTORUS' });

  it('Southampton: the over-18 check is off and the document does not say', async () => {
    await southampton.slash(OFFICER, 'group create "Policy Inspectors" preset:southampton-ti');
    const shown = await southampton.slash(OFFICER, 'group policy');
    // Officers and the chair only: the card goes to the asker alone.
    expect(shown.body.response_type).toBe('ephemeral');
    const rows = sections(shown);
    expect(rows).toHaveLength(POLICY_RULE_LABELS.length);
    expect(rows).toContain(
      '*18 or over confirmed before taking part*: off\n`over18-confirmation` · The document does not say: off unless an officer sets it.',
    );
    expect(rows).toContain(
      '*Most on any one inspection*: 12\n`max-members-per-inspection` · "There is a limit of 12 members for any one inspection."',
    );
  });

  it('Torus: on with its clause; a member is refused; an officer switches it off with a reason, on record', async () => {
    const db = bot().connection;
    await torus.slash(OFFICER, 'group create "Policy TIMS" preset:torus-tims');
    const group = await groupModel(db).findOne({ name: 'Policy TIMS' }).lean();
    expect(group?.policy).toMatchObject({ over18ConfirmationRequired: true });

    const shown = sections(await torus.slash(OFFICER, 'group policy'));
    expect(shown).toContain(
      '*18 or over confirmed before taking part*: on\n`over18-confirmation` · Exclusions: "Anyone under 18"',
    );

    expect(
      (
        await torus.slash(
          OFFICER,
          `group add ${mention(MEMBER)} role:member tenure:tenant since:2020-01-01`,
        )
      ).text,
    ).toContain('mo is now in the group as member');
    expect((await torus.slash(MEMBER, 'group policy')).text).toContain(
      'Only an officer or the chair can see the group’s rules.',
    );
    expect(
      (await torus.slash(MEMBER, 'group policy set over18-confirmation:off "I would rather not"'))
        .text,
    ).toContain('Only an officer can change a group’s rules.');
    expect((await groupModel(db).findById(group?._id).lean())?.policy).toMatchObject({
      over18ConfirmationRequired: true,
    });
    expect(await auditEntryModel(db).countDocuments({ action: 'group.policy-edited' })).toBe(0);

    // A rule name slip is refused with the one meant, and nothing changes.
    expect((await torus.slash(OFFICER, 'group policy set over18:off "x"')).text).toContain(
      'Did you mean over18-confirmation:?',
    );

    const reason = 'Our age rule is under review; agreed at the March meeting';
    const changed = await torus.slash(
      OFFICER,
      `group policy set over18-confirmation:off "${reason}"`,
    );
    expect(changed.text).toContain('The rules of Policy TIMS are changed.');
    expect(changed.text).toContain(
      '18 or over confirmed before taking part (over18-confirmation): on → off',
    );
    expect(changed.text).toContain(`Recorded with the reason: “${reason}”.`);

    const stored = await groupModel(db).findById(group?._id).lean();
    expect(stored?.policy).toMatchObject({ over18ConfirmationRequired: false });
    const officer = await personModel(db).findOne({ platformUserId: OFFICER.id }).lean();
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

    expect(sections(await torus.slash(OFFICER, 'group policy'))).toContain(
      '*18 or over confirmed before taking part*: off _(preset: on)_\n`over18-confirmation` · Exclusions: "Anyone under 18"',
    );
  });
});
