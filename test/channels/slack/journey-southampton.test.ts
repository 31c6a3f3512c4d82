import nock from 'nock';
import { checklistFor } from '../../../src/domain/checks';
import { ballotModel } from '../../../src/store/conduct/ballot-model';
import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { buttonIn } from '../../support/slack-journey';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0SOTON';
const OFFICER = { id: 'U0FAY', name: 'fay' };
const NEWCOMER = { id: 'U0NEW', name: 'nell' };
const ANN = { id: 'U0ANN', name: 'ann' };
const BOB = { id: 'U0BOB', name: 'bob' };
const SUBJECT = { id: 'U0SAM', name: 'sam' };
// Enough inspectors for one more than an inspection may take.
const OTHERS = Array.from({ length: 11 }, (_, i) => ({ id: `U0INS${i}`, name: `inspector${i}` }));
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/*
 * Southampton Tenant Inspectors' terms and code of conduct, from chat alone: a tenant or
 * leaseholder of at least 12 months, or trained; at most 12 members on any one inspection; never
 * inspect your own area; and the code of conduct's ladder: warnings at a meeting, then the
 * members present vote to ask the member to leave, then to bar them.
 */
describe('Slack journey: Southampton Tenant Inspectors', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T18:30:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, typed, chosen, viewOf, dmTo, isShownForm } = slackSession(
    () => bot().url,
    slack,
    { team: TEAM, channel: 'C0SOTON' },
  );
  const db = () => bot().connection;
  const membershipOf = async (who: Who) => {
    const person = await personModel(db()).findOne({ platformUserId: who.id }).lean();
    return membershipModel(db()).findOne({ personId: person?._id }).lean();
  };

  /** Added, confirmed from the welcome DM's button, and trained. */
  async function join(who: Who, extra = 'since:2020-01-01') {
    const since = slack.calls.length;
    expect(
      (await slash(OFFICER, `group add ${mention(who)} role:member tenure:tenant ${extra}`)).text,
    ).toContain(`${who.name} is now in the group as member`);
    const welcome = buttonIn(await dmTo(since, 'onboarding.confirm'), 'onboarding.confirm');
    expect((await click(who, welcome.actionId, welcome.value)).at(-1)?.text).toContain('on record');
    expect(
      (await slash(OFFICER, `member record ${mention(who)} training:2026-02-10`)).text,
    ).toContain(`recorded for ${who.name}`);
  }

  it('joins by tenure or training, keeps inspections to 12 and out of own areas, and runs the conduct ladder', async () => {
    expect(
      (await slash(OFFICER, 'group create "Tenant Inspectors" preset:southampton-ti')).text,
    ).toContain('Tenant Inspectors');

    // A tenant of two months, untrained, is refused; once training is on record they may join.
    const short = await slash(
      OFFICER,
      `group add ${mention(NEWCOMER)} role:member tenure:tenant since:2026-01-05 area:Bitterne`,
    );
    expect(short.text).toContain('at least 12 months');
    expect(await membershipOf(NEWCOMER)).toBeNull();
    expect(
      (await slash(OFFICER, `member facts ${mention(NEWCOMER)} trained:2026-02-20`)).text,
    ).toContain('Eligibility facts recorded for nell');
    await join(NEWCOMER, 'since:2026-01-05 area:Bitterne');

    for (const who of [ANN, BOB, SUBJECT, ...OTHERS]) await join(who);

    // Never inspect your own area: Ann declares hers, and a check there is refused for her.
    const since = slack.calls.length;
    expect((await slash(ANN, 'declare')).text).toContain('The form is open');
    const form = viewOf(await slack.next(isShownForm, since));
    expect(form.callback_id).toBe('declaration-form');
    const declared = await submit(
      ANN,
      form.callback_id,
      JSON.parse(form.private_metadata) as Record<string, unknown>,
      {
        kind: { type: 'static_select', selected_option: { value: 'own-block-or-area' } },
        detail: typed('I live on the Shirley estate'),
        area: typed('Shirley'),
      },
    );
    expect(declared.status).toBe(200);
    await dmTo(since, 'register');
    expect(await declarationModel(db()).findOne({}).lean()).toMatchObject({
      kind: 'own-block-or-area',
      area: 'Shirley',
    });
    expect((await slash(BOB, 'register')).text).toContain('I live on the Shirley estate');
    const ownArea = await slash(
      OFFICER,
      `check assign ${mention(ANN)} "Empty home, Shirley" kind:empty-home-inspection due:2026-03-20 area:Shirley`,
    );
    expect(ownArea.text).toContain('You declared Shirley as your own area');

    // One inspection, offered to twelve; a thirteenth is refused.
    const offered = slack.calls.length;
    const assigned = await slash(
      OFFICER,
      `check assign ${mention(BOB)} "Empty home, Shirley" kind:empty-home-inspection due:2026-03-20 area:Shirley`,
    );
    const ref = /(C-\d+) offered to bob/.exec(assigned.text)?.[1] ?? '';
    expect(ref).not.toBe('');
    const offer = buttonIn(await dmTo(offered, `check.accept:${ref}`), 'check.accept');
    for (const who of [NEWCOMER, SUBJECT, ...OTHERS.slice(0, 9)])
      expect((await slash(OFFICER, `check offer ${mention(who)} check:${ref}`)).text).toContain(
        `${ref} offered to ${who.name}`,
      );
    expect(
      (await slash(OFFICER, `check offer ${mention(OTHERS[9]!)} check:${ref}`)).text,
    ).toContain('at most 12');
    expect(await checkAssignmentModel(db()).countDocuments({})).toBe(12);

    // Bob accepts from his offer and sends his findings through the checklist modal.
    const accepting = slack.calls.length;
    expect((await click(BOB, offer.actionId, offer.value))[0]?.text).toContain('accepted by bob');
    const open = buttonIn(await dmTo(accepting, `findings.open:${ref}`), 'findings.open');
    const findings = viewOf((await click(BOB, open.actionId, open.value, 'modal'))[0]!);
    expect(findings.callback_id).toBe('findings-form');
    const answers = Object.fromEntries(
      checklistFor('empty-home-inspection').questions.map((q) => [
        `q.${q.id}`,
        q.answer === 'yes-no'
          ? chosen('true')
          : q.answer === 'rating'
            ? chosen('4')
            : q.answer === 'number'
              ? { type: 'number_input', value: '2' }
              : typed('Clean and secure'),
      ]),
    );
    const thanked = slack.calls.length;
    const sent = await submit(
      BOB,
      findings.callback_id,
      JSON.parse(findings.private_metadata) as Record<string, unknown>,
      { ...answers, strengths: typed('Clean'), recommendations: typed('Check the locks') },
    );
    expect(sent.status).toBe(200);
    await dmTo(thanked, 'your findings');
    const bob = await personModel(db()).findOne({ platformUserId: BOB.id }).lean();
    expect((await checkAssignmentModel(db()).findOne({ personId: bob?._id }).lean())?.status).toBe(
      'submitted',
    );

    // The code of conduct, at a meeting: warnings, a vote to ask to leave, a vote to bar.
    const voters = [ANN, BOB, OTHERS[0]!];
    expect(
      (await slash(OFFICER, `attendance ${[SUBJECT, ...voters].map(mention).join(' ')}`)).text,
    ).toContain('Present at today’s meeting');
    for (const [i, reason] of [
      'Talking over the chair',
      'Still talking',
      'Personal remarks',
    ].entries())
      expect((await slash(OFFICER, `conduct warn ${mention(SUBJECT)} "${reason}"`)).text).toContain(
        `warning ${i + 1} of 3`,
      );
    const vote = async (
      question: 'asked-to-leave' | 'barred-for-a-period',
      command: string,
      closing: string,
    ) => {
      expect((await slash(OFFICER, command)).text).toContain('3 members may vote');
      const ballot = await ballotModel(db()).findOne({ question }).lean();
      const since = slack.calls.length;
      for (const who of voters)
        await click(who, `ballot.vote:${ballot?._id}:yes`, {
          ballotId: ballot?._id,
          choice: 'yes',
        });
      await dmTo(since, closing);
    };
    await vote(
      'asked-to-leave',
      `conduct vote ${mention(SUBJECT)} action:leave-meeting`,
      'You are asked to leave this meeting.',
    );
    await vote(
      'barred-for-a-period',
      `conduct vote ${mention(SUBJECT)} action:bar period:6m`,
      'You are barred from Tenant Inspectors',
    );
    expect((await membershipOf(SUBJECT))?.status).toMatchObject({
      kind: 'barred',
      until: '2026-09-02',
    });
    const history = await slash(OFFICER, `conduct history ${mention(SUBJECT)}`);
    for (const line of [
      'Warning 1: Talking over the chair',
      'Asked to leave',
      'Barred until 2026-09-02',
    ])
      expect(history.text).toContain(line);
  }, 120_000);
});
