import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { auditEntryModel } from '../../../src/store/audit/audit-entry-model';
import { checkAssignmentModel } from '../../../src/store/checks/reality-check-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { shown, type TeamsSent, type TeamsUser } from '../../support/teams';
import { checklistAnswers, teamsJourney } from '../../support/teams-journey';

const LIVERPOOL = readFileSync(
  join(__dirname, '../../../src/domain/standards/examples/torus-liverpool-local-offers-q3.csv'),
  'utf8',
);
const person = (n: number, name: string): TeamsUser => ({
  aad: `78787878-7878-4787-8787-7878787878${String(n).padStart(2, '0')}`,
  name,
});
const OFFICER = person(1, 'Orla Officer');
const AVA = person(2, "Ava O'Neill");
// A tenant the bot knows (added to the group), whose name an inspector writes into findings.
const TESS = person(3, 'Tess Tenant');

const EMAILS = 'emails-acknowledged-within-4-hours';
const COMPLAINTS = 'formal-complaints-response';

/** The Tenant inspection fact beside one offer on a standards card. */
const inspectionOf = (card: string, key: string) =>
  new RegExp(
    `"title":"Key","value":"${key}"\\},\\{"title":"Target","value":"[^"]*"\\},\\{"title":"Latest","value":"[^"]*"\\},\\{"title":"Tenant inspection","value":"([^"]+)"`,
  ).exec(card)?.[1];

/*
 * Torus TIMS against the Liverpool local offers, from chat alone: the offers imported, a check
 * tied to two of them, the inspector's verdict on each with evidence, the officer's review
 * (returned once, then approved), the offers verified with the month, and only blinded findings
 * in the group's channel (TIMS: confidentiality agreement; policy findingsBlinded).
 */
describe('Teams journey: a Torus TIMS inspection verifies local offers', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { BOOTSTRAP_OFFICERS: OFFICER.aad },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const { teams, capture, say, click, buttonData, inputsOf, privately, send } = teamsJourney(bot, {
    service: 'https://smba.torus-inspection.example',
    tenant: 'tenant-torus-inspection',
    channel: '19:tims-inspection@thread.tacv2',
  });
  const db = () => bot().connection;
  const inChannel = (sent: TeamsSent[], from: number) =>
    sent
      .slice(from)
      .filter((s) => !s.conversation?.startsWith('a:personal'))
      .map(shown)
      .join('\n');

  it('imports the offers, verifies two through a reviewed inspection, and shows the channel only blinded findings', async () => {
    const sent = capture();
    expect(await say(OFFICER, 'group create "TIMS" preset:torus-tims')).toContain('TIMS');

    // The Liverpool local offers, attached to `standards import` as Teams sends a file.
    nock('https://landlord.sharepoint.com').get('/local-offers.csv').reply(200, LIVERPOOL);
    const imported = teams.nextSent((s) => shown(s).includes('43 added'));
    const res = await send(
      teams.activity(OFFICER, '<at>Scrutiny</at> standards import', {
        attachments: [
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'local-offers.csv',
            content: {
              downloadUrl: 'https://landlord.sharepoint.com/local-offers.csv',
              fileType: 'csv',
            },
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    await imported;

    for (const who of [AVA, TESS]) {
      expect(
        await say(
          OFFICER,
          `group add @${who.name} role:member tenure:tenant since:2021-05-01 staff:no breach:no`,
          [who],
        ),
      ).toContain(`${who.name} is now in the group as member`);
    }
    await click(AVA, 'onboarding.confirm', {
      ...buttonData('onboarding.confirm', AVA),
      over18: 'true',
      codeOfConduct: 'true',
      confidentiality: 'true',
    });
    expect(await say(OFFICER, `member record @${AVA.name} training:2026-02-14`, [AVA])).toContain(
      `recorded for ${AVA.name}`,
    );

    // An unknown offer key, or more than ten, is refused and nothing is created.
    expect(
      await say(
        OFFICER,
        `check assign @${AVA.name} "Customer hub" kind:test-email due:2026-03-20 offers:${EMAILS},no-such-offer`,
        [AVA],
      ),
    ).toContain('No local offer on file has the key no-such-offer');
    const eleven = Array.from({ length: 11 }, (_, i) => `offer-${i}`).join(',');
    expect(
      await say(
        OFFICER,
        `check assign @${AVA.name} "Customer hub" kind:test-email due:2026-03-20 offers:${eleven}`,
        [AVA],
      ),
    ).toContain('at most 10 local offers');
    expect(await checkAssignmentModel(db()).countDocuments({})).toBe(0);

    // The check tied to two offers; each is now being verified by it.
    const assigned = await say(
      OFFICER,
      `check assign @${AVA.name} "Customer hub: emails and complaints" kind:test-email due:2026-03-20 offers:${EMAILS},${COMPLAINTS}`,
      [AVA],
    );
    const ref = /(C-\d+) offered to/.exec(assigned)?.[1] ?? '';
    expect(ref).toMatch(/^C-\d+$/);
    expect(assigned).toContain(`each is now being verified by ${ref}`);
    const before = await say(OFFICER, 'standards area:"Customer Service"');
    // The document planned the emails offer's inspection for August 2021; this check is it.
    expect(inspectionOf(before, EMAILS)).toBe(`being verified by ${ref} (planned August 2021)`);
    // The complaints offer was verified in December 2020 (the document says so); this is again.
    expect(inspectionOf(before, COMPLAINTS)).toBe(
      `verified December 2020; being verified again by ${ref}`,
    );

    // Ava accepts; her form asks about each offer: a choice and a sentence of evidence.
    expect(await click(AVA, 'check.accept', buttonData('check.accept', AVA))).toContain(
      `accepted by ${AVA.name}`,
    );
    const inputs = inputsOf('findings.submit', AVA);
    expect(inputs).toEqual(
      expect.arrayContaining([
        { id: `offer.${EMAILS}`, type: 'Input.ChoiceSet' },
        { id: `offerEvidence.${EMAILS}`, type: 'Input.Text' },
        { id: `offer.${COMPLAINTS}`, type: 'Input.ChoiceSet' },
        { id: `offerEvidence.${COMPLAINTS}`, type: 'Input.Text' },
      ]),
    );
    const form = {
      ...buttonData('findings.submit', AVA),
      ...checklistAnswers(inputs),
      strengths: 'Polite reply that named Tess Tenant’s case',
      recommendations: 'Give a reference number in every acknowledgement',
    };

    // A verdict left out, or a verdict that is not one of the three, changes nothing.
    const missing = await click(AVA, 'findings.submit', {
      ...form,
      [`offer.${EMAILS}`]: 'verified',
      [`offerEvidence.${EMAILS}`]: 'Acknowledged in 2 hours',
    });
    expect(missing).toContain(`Say whether the offer ${COMPLAINTS} was verified`);
    const odd = await click(AVA, 'findings.submit', {
      ...form,
      [`offer.${EMAILS}`]: 'maybe',
      [`offerEvidence.${EMAILS}`]: 'Acknowledged in 2 hours',
      [`offer.${COMPLAINTS}`]: 'partly',
      [`offerEvidence.${COMPLAINTS}`]: 'Answered on day 12',
    });
    expect(odd).toContain('not recorded');
    expect(await checkAssignmentModel(db()).findOne({}).lean()).toMatchObject({
      status: 'accepted',
    });

    const firstSend = sent.length;
    const submitted = await click(AVA, 'findings.submit', {
      ...form,
      [`offer.${EMAILS}`]: 'verified',
      [`offerEvidence.${EMAILS}`]:
        'Tess Tenant at 4 Elm Road, L1 8JQ had her email acknowledged in 2 hours',
      [`offer.${COMPLAINTS}`]: 'partly',
      [`offerEvidence.${COMPLAINTS}`]: 'A complaint was answered on day 12, not 10',
    });
    expect(submitted).toContain(`findings submitted by ${AVA.name}`);

    // The officer gets the review card privately: as written beside what would leave the panel.
    const review = privately(OFFICER);
    expect(review).toContain(`Findings to review: ${ref}`);
    expect(review).toContain('Tess Tenant at 4 Elm Road, L1 8JQ');
    expect(review).toContain('[name] at [address], [postcode]');
    expect(review).toContain('2 names, 1 postcode, 1 address removed');
    expect(inChannel(sent, firstSend)).not.toContain('Tess Tenant');

    // Returned once: a reason is needed, then Ava is told privately and may send again.
    const returnData = buttonData('findings.return', OFFICER);
    expect(await click(OFFICER, 'findings.return', returnData)).toContain(
      'Say why the findings are going back',
    );
    const returned = await click(OFFICER, 'findings.return', {
      ...returnData,
      reason: 'Please say which day the complaint was logged',
    });
    expect(returned).toContain('returned');
    // Her form comes back to her own chat, with the reason on it.
    expect(privately(AVA)).toContain(
      'Returned by the officer: Please say which day the complaint was logged',
    );
    expect(await checkAssignmentModel(db()).findOne({}).lean()).toMatchObject({
      status: 'accepted',
      returned: { reason: 'Please say which day the complaint was logged' },
    });
    // Nothing counts yet: the offers are still being verified.
    expect(inspectionOf(await say(OFFICER, 'standards area:"Customer Service"'), EMAILS)).toBe(
      `being verified by ${ref} (planned August 2021)`,
    );

    expect(
      await click(AVA, 'findings.submit', {
        ...buttonData('findings.submit', AVA),
        ...checklistAnswers(inputs),
        strengths: 'Polite reply that named Tess Tenant’s case',
        [`offer.${EMAILS}`]: 'verified',
        [`offerEvidence.${EMAILS}`]:
          'Tess Tenant at 4 Elm Road, L1 8JQ had her email acknowledged in 2 hours',
        [`offer.${COMPLAINTS}`]: 'partly',
        [`offerEvidence.${COMPLAINTS}`]:
          'Logged on 2 February, answered on day 12 of the 10 promised',
      }),
    ).toContain(`findings submitted by ${AVA.name}`);

    // Approved from the channel: what the channel sees is blinded, inspectors by number.
    const approving = sent.length;
    expect(await say(OFFICER, `findings approve ${ref}`)).toContain(`Findings approved on ${ref}`);
    const channel = inChannel(sent, approving);
    expect(channel).toContain(`${EMAILS} verified`);
    expect(channel).toContain(`${COMPLAINTS} partly verified`);
    expect(channel).toContain('Inspector 1');
    expect(channel).toContain('[name] at [address], [postcode]');
    for (const secret of ['Tess Tenant', 'Tess', 'Elm Road', 'L1 8JQ', AVA.name])
      expect(channel).not.toContain(secret);
    expect(
      sent
        .slice(approving)
        .filter((s) => s.conversation?.startsWith('a:personal'))
        .map((s) => s.text ?? '')
        .join('\n'),
    ).toContain(`Your findings for ${ref}`);

    // `standards` shows each offer's verdict with the month and the check.
    const after = await say(OFFICER, 'standards area:"Customer Service"');
    expect(inspectionOf(after, EMAILS)).toBe(`verified March 2026 (${ref})`);
    expect(inspectionOf(after, COMPLAINTS)).toBe(`partly verified March 2026 (${ref})`);
    expect(after).not.toContain('Tess');

    // Each step on the record with who and why.
    const actions = (await auditEntryModel(db()).find({}).lean()).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'standard.verification-started',
        'check.findings-submitted',
        'check.findings-returned',
        'check.findings-approved',
        'standard.verification-recorded',
      ]),
    );
    expect(
      await auditEntryModel(db()).findOne({ action: 'check.findings-returned' }).lean(),
    ).toMatchObject({ reason: 'Please say which day the complaint was logged' });
  });
});
