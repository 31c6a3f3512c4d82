import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { checklistFor } from '../../../src/domain/checks';
import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { buttonIn } from '../../support/slack-journey';
import { slackSession, type Who } from '../../support/slack-session';

const TEAM = 'T0OFFERS';
const CHANNEL = 'C0OFFERS';
const OFFICER = { id: 'U0OFFRO', name: 'olga' };
const INSPECTOR = { id: 'U0OFFRI', name: 'ivy' };
const LIVERPOOL = readFileSync(
  join(__dirname, '../../../src/domain/standards/examples/torus-liverpool-local-offers-q3.csv'),
  'utf8',
);
const LIFTS = 'lift-inspections';
const GAS = 'gas-safety-certificates';
const mention = (who: Who) => `<@${who.id}|${who.name}>`;

/** The tenant-inspection line beside one offer in a Slack standards message. */
const inspectionOf = (text: string, key: string) =>
  new RegExp(`Key \`${key}\` · [^"]*? · inspection ([^"\\\\]+)`).exec(text)?.[1];

/*
 * Slack's side of a check that verifies local offers: the offers as radio buttons and a
 * sentence of evidence each in the findings modal, a gap refused beside its field, and the
 * verdict counting on the standards only once an officer approves.
 */
describe('Slack: findings on the local offers a check verifies', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const { slash, click, submit, typed, chosen, viewOf, dmTo } = slackSession(
    () => bot().url,
    slack,
    { team: TEAM, channel: CHANNEL },
  );
  const db = () => bot().connection;

  it('asks for each offer’s verdict and evidence, refuses a gap inline, and counts only approved findings', async () => {
    expect((await slash(OFFICER, 'group create "TIMS" preset:torus-tims')).text).toContain('TIMS');
    nock('https://files.slack.com')
      .get('/files-pri/T0OFFERS-F1/download/local-offers.csv')
      .reply(200, LIVERPOOL);
    const importing = slack.calls.length;
    await submit(
      OFFICER,
      'standards-upload',
      {},
      {
        file: {
          type: 'file_input',
          files: [
            {
              id: 'F1',
              name: 'local-offers.csv',
              url_private_download:
                'https://files.slack.com/files-pri/T0OFFERS-F1/download/local-offers.csv',
            },
          ],
        },
      },
    );
    expect((await dmTo(importing, 'Standards imported')).text).toContain('43 added');

    const since = slack.calls.length;
    await slash(
      OFFICER,
      `group add ${mention(INSPECTOR)} role:member tenure:tenant since:2020-01-01 staff:no breach:no`,
    );
    const welcome = buttonIn(await dmTo(since, 'onboarding.confirm'), 'onboarding.confirm');
    await click(INSPECTOR, welcome.actionId, welcome.value);
    await slash(OFFICER, `member record ${mention(INSPECTOR)} training:2026-02-10`);

    // `standard:` still names one offer, folded in with offers:.
    const offering = slack.calls.length;
    const assigned = await slash(
      OFFICER,
      `check assign ${mention(INSPECTOR)} "Lifts and gas" kind:site-visit due:2026-03-20 standard:${LIFTS} offers:${GAS}`,
    );
    expect(assigned.text).toContain(`It verifies ${LIFTS}, ${GAS}`);
    const ref = /(C-\d+) offered/.exec(assigned.text)?.[1] ?? '';
    const offer = buttonIn(await dmTo(offering, `check.accept:${ref}`), 'check.accept');
    const accepting = slack.calls.length;
    await click(INSPECTOR, offer.actionId, offer.value);
    const open = buttonIn(await dmTo(accepting, `findings.open:${ref}`), 'findings.open');
    const form = viewOf((await click(INSPECTOR, open.actionId, open.value, 'modal'))[0]!);
    const blockIds = form.blocks.map((b) => b.block_id).filter(Boolean);
    expect(blockIds).toEqual(
      expect.arrayContaining([
        `offer.${LIFTS}`,
        `offerEvidence.${LIFTS}`,
        `offer.${GAS}`,
        `offerEvidence.${GAS}`,
      ]),
    );

    // Each offer is asked about by its promise, so the inspector reads what they are checking.
    expect(JSON.stringify(form)).toContain('Service and maintain passenger lifts');
    const answers = Object.fromEntries(
      checklistFor('site-visit').questions.map((q) => [
        `q.${q.id}`,
        q.answer === 'yes-no'
          ? chosen('true')
          : q.answer === 'rating'
            ? chosen('3')
            : q.answer === 'number'
              ? { type: 'number_input', value: '1' }
              : typed('Seen on the visit'),
      ]),
    );
    const metadata = JSON.parse(form.private_metadata) as Record<string, unknown>;
    const base = {
      ...answers,
      weaknesses: typed('One lift out of service'),
      [`offer.${LIFTS}`]: chosen('partly'),
      [`offerEvidence.${LIFTS}`]: typed('Two of three lifts inspected on time'),
      [`offer.${GAS}`]: chosen('verified'),
    };

    // No evidence for the gas offer: refused beside that field, nothing stored.
    const gap = await submit(INSPECTOR, 'findings-form', metadata, {
      ...base,
      [`offerEvidence.${GAS}`]: typed(''),
    });
    expect(gap.status).toBe(200);
    expect(gap.json()).toEqual({
      response_action: 'errors',
      errors: expect.objectContaining({
        [`offerEvidence.${GAS}`]: expect.stringContaining(`Give the evidence for ${GAS}`),
      }),
    });
    expect((await checkAssignmentModel(db()).findOne({}).lean())?.status).toBe('accepted');

    const sending = slack.calls.length;
    const sent = await submit(INSPECTOR, 'findings-form', metadata, {
      ...base,
      [`offerEvidence.${GAS}`]: typed('Certificates on file for every flat visited'),
    });
    expect(sent.status).toBe(200);
    await dmTo(sending, 'your findings');
    expect((await checkAssignmentModel(db()).findOne({}).lean())?.submission).toMatchObject({
      offers: [
        { offerKey: LIFTS, verdict: 'partly' },
        { offerKey: GAS, verdict: 'verified' },
      ],
    });

    // Submitted is not approved: the standards still say the check is under way.
    const waiting = await slash(OFFICER, 'standards area:"Looking after your home"');
    expect(inspectionOf(waiting.text, LIFTS)).toContain(`being verified by ${ref}`);

    expect((await slash(OFFICER, `findings approve ${ref} ${mention(INSPECTOR)}`)).text).toContain(
      `${LIFTS} partly verified; ${GAS} verified`,
    );
    const after = await slash(OFFICER, 'standards area:"Looking after your home"');
    expect(inspectionOf(after.text, LIFTS)).toContain(`partly verified March 2026 (${ref})`);
    expect(inspectionOf(after.text, GAS)).toContain(`verified March 2026 (${ref})`);
  });
});
