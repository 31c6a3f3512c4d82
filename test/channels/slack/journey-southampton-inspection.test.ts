import nock from 'nock';
import { checklistFor } from '../../../src/domain/checks';
import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv, type SlackCall } from '../../support/slack';
import { buttonIn } from '../../support/slack-journey';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0SOTONINS';
const CHANNEL = 'C0SOTONINS';
const OFFICER = { id: 'U0OFFY', name: 'offy' };
const INSPECTORS = [
  { id: 'U0IANN', name: 'ann' },
  { id: 'U0IBOB', name: 'bob' },
  { id: 'U0ICAT', name: 'cat' },
];
const [ANN, BOB, CAT] = INSPECTORS as [Who, Who, Who];
const LATE = { id: 'U0IDAN', name: 'dan' };
// A tenant the bot knows (a member of the group), whose name an inspector writes down.
const TENANT = { id: 'U0TESS', name: 'tess' };
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/*
 * Southampton Tenant Inspectors: several inspectors on one inspection, each sending their own
 * findings, an officer reviewing them before anything leaves the panel, and what leaves it
 * "appropriately 'blinded' and anonymous so that identities are protected".
 */
describe('Slack journey: a Southampton inspection with several inspectors', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T11:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, typed, chosen, viewOf, dmTo } = slackSession(
    () => bot().url,
    slack,
    { team: TEAM, channel: CHANNEL },
  );
  const db = () => bot().connection;
  const assignmentOf = async (who: Who) => {
    const person = await personModel(db()).findOne({ platformUserId: who.id }).lean();
    return checkAssignmentModel(db()).findOne({ personId: person?._id }).lean();
  };
  /** What the bot posted into the group's channel (not a DM, not a private reply). */
  const channelPosts = (since: number) =>
    slack.calls
      .slice(since)
      .filter((c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL)
      .map((c) => c.text)
      .join('\n');

  async function join(who: Who) {
    const since = slack.calls.length;
    expect(
      (await slash(OFFICER, `group add ${mention(who)} role:member tenure:tenant since:2020-01-01`))
        .text,
    ).toContain(`${who.name} is now in the group as member`);
    const welcome = buttonIn(await dmTo(since, 'onboarding.confirm'), 'onboarding.confirm');
    await click(who, welcome.actionId, welcome.value);
    expect(
      (await slash(OFFICER, `member record ${mention(who)} training:2026-02-10`)).text,
    ).toContain(`recorded for ${who.name}`);
  }

  const answers = Object.fromEntries(
    checklistFor('empty-home-inspection').questions.map((q) => [
      `q.${q.id}`,
      q.answer === 'yes-no'
        ? chosen('true')
        : q.answer === 'rating'
          ? chosen('4')
          : q.answer === 'number'
            ? { type: 'number_input', value: '1' }
            : typed('Clean and secure'),
    ]),
  );

  /** Opens the findings modal from the latest findings.open button sent to `who`, and sends it. */
  async function sendFindings(who: Who, ref: string, since: number, weakness: string) {
    const open = buttonIn(await dmTo(since, `findings.open:${ref}`), 'findings.open');
    const form = viewOf((await click(who, open.actionId, open.value, 'modal'))[0]!);
    expect(form.callback_id).toBe('findings-form');
    const before = slack.calls.length;
    const res = await submit(
      who,
      form.callback_id,
      JSON.parse(form.private_metadata) as Record<string, unknown>,
      { ...answers, weaknesses: typed(weakness), recommendations: typed('Fix the back door') },
    );
    expect(res.status).toBe(200);
    await dmTo(before, 'your findings');
  }

  /** The officer's latest "findings to review" DM about `who`'s findings. */
  const reviewCardFor = (since: number, who: Who): Promise<SlackCall> =>
    slack.next(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.text.includes('Findings to review') &&
        c.text.includes(`From ${who.name}`),
      since,
    );

  it('caps the inspection, takes each inspector’s findings, reviews them and lets only blinded findings out', async () => {
    expect(
      (await slash(OFFICER, 'group create "Tenant Inspectors" preset:southampton-ti')).text,
    ).toContain('Tenant Inspectors');
    // Southampton's cap is 12 "for any one inspection"; adding 13 people over chat would take
    // most of this test's time, so the officer lowers it to 3 (on record, with a reason) and
    // the fourth is refused just as the thirteenth would be.
    expect(
      (
        await slash(
          OFFICER,
          'group policy set max-members-per-inspection:3 "A small pilot inspection"',
        )
      ).text,
    ).toContain('3');
    for (const who of [...INSPECTORS, LATE, TENANT]) await join(who);

    const offered = slack.calls.length;
    const assigned = await slash(
      OFFICER,
      `check assign ${mention(ANN)} "Empty home, Bitterne" kind:empty-home-inspection due:2026-03-20`,
    );
    const ref = /(C-\d+) offered to ann/.exec(assigned.text)?.[1] ?? '';
    expect(ref).toMatch(/^C-\d+$/);
    for (const who of [BOB, CAT])
      expect((await slash(OFFICER, `check offer ${mention(who)} check:${ref}`)).text).toContain(
        `${ref} offered to ${who.name}`,
      );
    expect((await slash(OFFICER, `check offer ${mention(LATE)} check:${ref}`)).text).toContain(
      'at most 3',
    );
    expect(await assignmentOf(LATE)).toBeNull();

    // Each accepts from their own offer and sends their own findings; Ann names the tenant.
    for (const who of INSPECTORS) {
      const offer = buttonIn(
        await slack.next(
          (c) =>
            c.method === 'chat.postMessage' &&
            c.text.includes(`check.accept:${ref}`) &&
            c.text.includes(`offered a reality check`),
          offered,
        ),
        'check.accept',
      );
      const accepting = slack.calls.length;
      expect((await click(who, offer.actionId, offer.value))[0]?.text).toContain(
        `accepted by ${who.name}`,
      );
      const reviewing = slack.calls.length;
      await sendFindings(
        who,
        ref,
        accepting,
        who === ANN
          ? 'Tess at 12 Hill Lane, SO14 7LY says the boiler was broken for a week'
          : `${who.name} found the boiler working`,
      );
      expect((await assignmentOf(who))?.status).toBe('submitted');
      // The officer gets each inspector's findings privately, as written beside the blinded text.
      const card = await reviewCardFor(reviewing, who);
      if (who === ANN) {
        expect(card.text).toContain('Tess at 12 Hill Lane, SO14 7LY');
        expect(card.text).toContain('[name] at [address], [postcode]');
      }
    }
    // The latest card shows the officer everyone's findings together: who has sent them.
    const last = await reviewCardFor(0, CAT);
    expect(last.text).toContain('Waiting for review: ann, bob, cat.');
    expect(channelPosts(0)).not.toContain('Tess');

    // Ann's findings approved from her card's button: the channel hears of them, blinded.
    const annCard = await reviewCardFor(0, ANN);
    const approve = buttonIn(annCard, 'findings.approve');
    const approving = slack.calls.length;
    expect((await click(OFFICER, approve.actionId, approve.value)).at(-1)?.text).toContain(
      `Findings approved on ${ref}`,
    );
    expect((await assignmentOf(ANN))?.status).toBe('reviewed');
    await slack.next(
      (c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL,
      approving,
    );

    // Bob's returned from his card: Slack asks for the reason in a small form.
    const bobCard = await reviewCardFor(0, BOB);
    const giveBack = buttonIn(bobCard, 'findings.return');
    const ask = viewOf((await click(OFFICER, giveBack.actionId, giveBack.value, 'modal'))[0]!);
    expect(ask.callback_id).toBe('ask:findings.return');
    const returning = slack.calls.length;
    const returned = await submit(
      OFFICER,
      ask.callback_id,
      JSON.parse(ask.private_metadata) as Record<string, unknown>,
      { reason: typed('Please say which room the boiler is in') },
    );
    expect(returned.status).toBe(200);
    await dmTo(returning, 'Please say which room the boiler is in');
    expect(await assignmentOf(BOB)).toMatchObject({
      status: 'accepted',
      returned: { reason: 'Please say which room the boiler is in' },
    });
    await sendFindings(BOB, ref, returning, 'bob found the boiler in the kitchen, working');

    // The rest approved by command; everything the channel saw is blinded and unnamed.
    const approvedAll = await slash(OFFICER, `findings approve ${ref}`);
    expect(approvedAll.text).toContain(`Findings approved on ${ref}`);
    for (const who of INSPECTORS) expect((await assignmentOf(who))?.status).toBe('reviewed');
    const seen = `${channelPosts(0)}\n${approvedAll.text}`;
    expect(seen).toContain('Inspector 1');
    expect(seen).toContain('[name] at [address], [postcode]');
    for (const secret of [/tess/i, /SO14 7LY/, /Hill Lane/, /\bann\b/, /\bbob\b/, /\bcat\b/])
      expect(seen).not.toMatch(secret);

    // Nothing more to approve: said plainly, nothing changed.
    expect((await slash(OFFICER, `findings approve ${ref}`)).text).toContain(
      `No findings on ${ref} are waiting for review`,
    );
    // Only an officer reviews findings.
    expect((await slash(ANN, `findings approve ${ref}`)).text).toMatch(/Only an officer/);

    const actions = (await auditEntryModel(db()).find({}).lean()).map((e) => e.action);
    expect(actions.filter((a) => a === 'check.findings-approved')).toHaveLength(3);
    expect(actions).toContain('check.findings-returned');
  }, 120_000);
});
