import nock from 'nock';
import { checklistFor } from '../../../src/domain/checks';
import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { conductEventModel } from '../../../src/store/conduct/conduct-event-model';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { buttonIn } from '../../support/slack-journey';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0SEDGEMOOR';
const OFFICER = { id: 'U0OLIVE', name: 'olive' };
const STAC_ONE = { id: 'U0STAC1', name: 'stella' };
const STAC_TWO = { id: 'U0STAC2', name: 'stan' };
const DEVELOPER = { id: 'U0DEV', name: 'devi' };
const RESIDENTS = Array.from({ length: 11 }, (_, i) => ({ id: `U0RES${i}`, name: `resident${i}` }));
const LATECOMER = { id: 'U0LATE', name: 'lottie' };
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/*
 * Homes in Sedgemoor customer-led scrutiny terms of reference, from chat alone: 4 to 12
 * residents (8.3), only one STAC member on a panel at a time and nobody who helped develop the
 * service (4.1), a confidentiality agreement signed (7.2) and initial training (4.2), interests
 * declared (9.1), and membership withdrawn for aggressive or offensive behaviour (11.1).
 */
describe('Slack journey: Sedgemoor customer-led scrutiny panel', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, typed, chosen, viewOf, dmTo, isShownForm } = slackSession(
    () => bot().url,
    slack,
    { team: TEAM, channel: 'C0PANEL' },
  );
  const db = () => bot().connection;
  const personOf = async (who: Who) =>
    (await personModel(db()).findOne({ platformUserId: who.id }).lean())?._id;
  const membershipOf = async (who: Who) =>
    membershipModel(db())
      .findOne({ personId: await personOf(who) })
      .lean();

  it('fills the panel within its rules, onboards with confidentiality, runs a check, takes a declaration and withdraws a member', async () => {
    expect(
      (await slash(OFFICER, 'group create "Repairs scrutiny panel" preset:sedgemoor-scrutiny'))
        .text,
    ).toContain('Repairs scrutiny panel');

    // 4.1: one STAC member on a panel at a time; a second is refused.
    const welcomed = slack.calls.length;
    expect(
      (
        await slash(
          OFFICER,
          `group add ${mention(STAC_ONE)} role:member tenure:tenant committee:STAC`,
        )
      ).text,
    ).toContain('stella is now in the group as member');
    const second = await slash(
      OFFICER,
      `group add ${mention(STAC_TWO)} role:member tenure:tenant committee:STAC`,
    );
    expect(second.text).toContain('Only 1 member of STAC can be on a panel at any one time');
    expect(await membershipOf(STAC_TWO)).toBeNull();
    // 4.1: nobody who helped develop the service under review.
    const developer = await slash(
      OFFICER,
      `group add ${mention(DEVELOPER)} role:member tenure:tenant helped-develop:yes`,
    );
    expect(developer.text).toMatch(/develop/i);
    expect(await membershipOf(DEVELOPER)).toBeNull();

    // 8.3: at most 12 residents.
    for (const who of RESIDENTS)
      expect(
        (await slash(OFFICER, `group add ${mention(who)} role:member tenure:tenant`)).text,
      ).toContain(`${who.name} is now in the group as member`);
    expect(
      (await slash(OFFICER, `group add ${mention(LATECOMER)} role:member tenure:tenant`)).text,
    ).toMatch(/12/);
    expect(await membershipOf(LATECOMER)).toBeNull();

    // 7.2 and 4.2: the confidentiality agreement is signed from the welcome, training recorded.
    const welcome = buttonIn(await dmTo(welcomed, 'onboarding.confirm'), 'onboarding.confirm');
    expect(welcome.value).toMatchObject({ confidentiality: 'true' });
    expect((await click(STAC_ONE, welcome.actionId, welcome.value)).at(-1)?.text).toContain(
      'on record',
    );
    expect(
      (await slash(OFFICER, `member record ${mention(STAC_ONE)} training:2026-02-01`)).text,
    ).toContain('recorded for stella');
    expect(await membershipOf(STAC_ONE)).toMatchObject({
      codeOfConductSignedOn: '2026-03-02',
      confidentialitySignedOn: '2026-03-02',
      trainingDoneOn: '2026-02-01',
    });

    // A reality check, accepted and completed from its buttons and the checklist modal.
    const offered = slack.calls.length;
    const assigned = await slash(
      OFFICER,
      `check assign ${mention(STAC_ONE)} "Call out of hours about a leak" kind:test-call-out-of-hours due:2026-03-16`,
    );
    const ref = /(C-\d+) offered to stella/.exec(assigned.text)?.[1] ?? '';
    expect(ref).not.toBe('');
    const offer = buttonIn(await dmTo(offered, `check.accept:${ref}`), 'check.accept');
    const accepting = slack.calls.length;
    expect((await click(STAC_ONE, offer.actionId, offer.value))[0]?.text).toContain(
      'accepted by stella',
    );
    const open = buttonIn(await dmTo(accepting, `findings.open:${ref}`), 'findings.open');
    const form = viewOf((await click(STAC_ONE, open.actionId, open.value, 'modal'))[0]!);
    const answers = Object.fromEntries(
      checklistFor('test-call-out-of-hours').questions.map((q) => [
        `q.${q.id}`,
        q.answer === 'yes-no'
          ? chosen('true')
          : q.answer === 'rating'
            ? chosen('3')
            : q.answer === 'number'
              ? { type: 'number_input', value: '4' }
              : typed('Answered after four rings'),
      ]),
    );
    const thanked = slack.calls.length;
    expect(
      (
        await submit(
          STAC_ONE,
          form.callback_id,
          JSON.parse(form.private_metadata) as Record<string, unknown>,
          { ...answers, weaknesses: typed('No callback time given') },
        )
      ).status,
    ).toBe(200);
    await dmTo(thanked, 'your findings');
    expect(await checkAssignmentModel(db()).findOne({}).lean()).toMatchObject({
      status: 'submitted',
    });

    // 9.1: an interest declared in writing, noted on the register.
    const declaring = slack.calls.length;
    await slash(RESIDENTS[0]!, 'declare');
    const declaration = viewOf(await slack.next(isShownForm, declaring));
    expect(
      (
        await submit(
          RESIDENTS[0]!,
          declaration.callback_id,
          JSON.parse(declaration.private_metadata) as Record<string, unknown>,
          {
            kind: { type: 'static_select', selected_option: { value: 'ongoing-complaint' } },
            detail: typed('I have an open complaint about a repair'),
            area: typed(''),
          },
        )
      ).status,
    ).toBe(200);
    await dmTo(declaring, 'register');
    expect(await declarationModel(db()).findOne({}).lean()).toMatchObject({
      kind: 'ongoing-complaint',
    });
    expect((await slash(OFFICER, 'register')).text).toContain('open complaint about a repair');

    // 11.1: aggressive or offensive behaviour ends membership, and frees the place.
    const subject = RESIDENTS[10]!;
    expect(
      (await slash(OFFICER, `conduct withdraw ${mention(subject)} "Swore at another member"`)).text,
    ).toContain(subject.name);
    expect((await membershipOf(subject))?.status).toMatchObject({ kind: 'withdrawn' });
    expect(
      (
        await conductEventModel(db())
          .find({ subjectId: await personOf(subject) })
          .lean()
      ).map((e) => e.kind),
    ).toContain('membership-withdrawn');
    expect((await slash(OFFICER, `conduct history ${mention(subject)}`)).text).toContain(
      'Swore at another member',
    );
    expect(
      (await slash(OFFICER, `group add ${mention(LATECOMER)} role:member tenure:tenant`)).text,
    ).toContain('lottie is now in the group as member');
  }, 120_000);
});
