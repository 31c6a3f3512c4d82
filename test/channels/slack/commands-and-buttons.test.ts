import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { checklistFor } from '../../../src/domain/checks';
import {
  checkAssignmentModel,
  realityCheckModel,
} from '../../../src/store/checks/reality-check-model';
import { declarationModel } from '../../../src/store/declarations/declaration-model';
import { evidenceRequestModel } from '../../../src/store/evidence/evidence-request-model';
import { groupModel } from '../../../src/store/groups/group-model';
import { membershipModel } from '../../../src/store/people/membership-model';
import { personModel } from '../../../src/store/people/person-model';
import { reviewModel } from '../../../src/store/reviews/review-model';
import { standardModel } from '../../../src/store/standards/standard-model';
import { useTestBot } from '../../support/bot';
import { onlyLoopbackNetwork } from '../../support/http';
import { captureSlack, slackEnv } from '../../support/slack';
import { slackSession } from '../../support/slack-session';

const TEAM = 'T0EVERYTHING';
const OFFICER = { id: 'U0OFFICER', name: 'olive' };
const INSPECTOR = { id: 'U0INSPECTOR', name: 'ian' };
const STAFF = { id: 'U0STAFF', name: 'sam' };
const CHANNEL = 'C0INSPECTORS';
const LIVERPOOL = readFileSync(
  join(__dirname, '../../../src/domain/standards/examples/torus-liverpool-local-offers-q3.csv'),
  'utf8',
);

describe('Slack: every command and every button, over signed HTTP', () => {
  onlyLoopbackNetwork();
  const bot = useTestBot(
    { ...slackEnv, BOOTSTRAP_OFFICERS: OFFICER.id },
    { clock: () => new Date('2026-03-02T10:00:00Z') },
  );
  const slack = captureSlack(nock);
  beforeEach(() => slack.install());
  const db = () => bot().connection;
  const { slash, click, submit, typed, chosen, viewOf, dmTo, isShownForm } = slackSession(
    () => bot().url,
    slack,
    { team: TEAM, channel: CHANNEL },
  );

  it('help, or /scrutiny alone, lists what this person may do', async () => {
    expect((await slash(OFFICER, 'help')).text).toContain('group create');
    const forMember = await slash(STAFF, '');
    expect(forMember.text).toContain('mine');
    expect(forMember.text).not.toContain('group create');
  });

  it('group create and group add with an escaped mention; the new member confirms onboarding from the welcome', async () => {
    const created = await slash(OFFICER, 'group create "Tenant Inspectors" preset:southampton-ti');
    expect(created.text).toContain('Tenant Inspectors');
    expect(created.body.response_type).toBe('in_channel');
    const group = await groupModel(db()).findOne({ name: 'Tenant Inspectors' }).lean();
    expect(group?.conversationId).toBe(CHANNEL);

    const since = slack.calls.length;
    const added = await slash(
      OFFICER,
      `group add <@${INSPECTOR.id}|${INSPECTOR.name}> role:member tenure:tenant since:2020-01-01 area:Shirley`,
    );
    expect(added.text).toContain('ian is now in the group as member');
    const welcome = await dmTo(since, 'onboarding.confirm');
    expect(welcome.token).toBe('Bearer xoxb-test-token');

    const answered = await click(INSPECTOR, `onboarding.confirm:${group?._id}`, {
      groupId: group?._id,
      over18: 'true',
      codeOfConduct: 'true',
    });
    expect(answered[0]?.body.replace_original).toBe(true);
    expect(answered.at(-1)?.text).toContain('on record');
    const person = await personModel(db()).findOne({ platformUserId: INSPECTOR.id }).lean();
    expect(person?.facts.over18Confirmed).toBe(true);
    // Training is recorded by the officer (Southampton TI ToR: trained before inspecting).
    const recorded = await slash(
      OFFICER,
      `member record <@${INSPECTOR.id}|${INSPECTOR.name}> training:2025-01-01`,
    );
    expect(recorded.text).toContain('Training on Wednesday 1 January 2025 recorded for ian.');
    expect(
      (await membershipModel(db()).findOne({ groupId: group?._id, personId: person?._id }).lean())
        ?.trainingDoneOn,
    ).toBe('2025-01-01');
  });

  it('standards import opens a file form for officers only; the chosen file is fetched from Slack with the bot token', async () => {
    expect((await slash(STAFF, 'standards import')).text).toContain(
      'Only an officer can import service standards.',
    );
    const since = slack.calls.length;
    expect((await slash(OFFICER, 'standards import')).text).toContain('The form is open');
    const form = viewOf(await slack.next(isShownForm, since));
    expect(form.callback_id).toBe('standards-upload');

    const file = (url: string) => ({
      type: 'file_input',
      files: [{ id: 'F1', name: 'local-offers.csv', url_private_download: url }],
    });
    const elsewhere = await submit(
      OFFICER,
      'standards-upload',
      {},
      {
        file: file('https://files.example.org/local-offers.csv'),
      },
    );
    expect(elsewhere.json()).toEqual({
      response_action: 'errors',
      errors: { file: 'That file is not on Slack.' },
    });

    let token: string | undefined;
    nock('https://files.slack.com')
      .get('/files-pri/T0EVERYTHING-F1/download/local-offers.csv')
      .reply(function () {
        token = this.req.headers.authorization as string;
        return [200, LIVERPOOL];
      });
    const before = slack.calls.length;
    const imported = await submit(
      OFFICER,
      'standards-upload',
      {},
      {
        file: file('https://files.slack.com/files-pri/T0EVERYTHING-F1/download/local-offers.csv'),
      },
    );
    expect(imported.status).toBe(200);
    expect(token).toBe('Bearer xoxb-test-token');
    expect((await dmTo(before, 'Standards imported')).text).toContain('43 added');
    expect(await standardModel(db()).countDocuments({})).toBe(43);

    expect((await slash(STAFF, 'standards')).text).toContain('below target');
  });

  it('review open and evidence request; the staff member marks it sent from the button, and nobody else can', async () => {
    const opened = await slash(OFFICER, 'review open "Repairs: first-time fixes" type:light');
    const review = await reviewModel(db()).findOne({}).lean();
    expect(opened.text).toContain(`Review ${review?.reference} opened`);

    // Southampton's terms give staff no set time to answer, so the officer must say when.
    const undated = await slash(
      OFFICER,
      `evidence request <@${STAFF.id}|${STAFF.name}> "Repair satisfaction figures" review:${review?.reference}`,
    );
    expect(undated.text).toContain('say when it is due');
    expect(await evidenceRequestModel(db()).countDocuments({})).toBe(0);

    const since = slack.calls.length;
    await slash(
      OFFICER,
      `evidence request <@${STAFF.id}|${STAFF.name}> "Repair satisfaction figures" review:${review?.reference} due:+10wd`,
    );
    const toStaff = await dmTo(since, 'evidence.sent');
    expect(toStaff.text).toContain('Repair satisfaction figures');
    const request = await evidenceRequestModel(db()).findOne({}).lean();

    // The person asked, or an officer on their behalf; not another member.
    const notTheirs = await click(INSPECTOR, `evidence.sent:${request?.reference}`, {
      ref: request?.reference,
    });
    expect(notTheirs).toHaveLength(1);
    expect(notTheirs[0]?.body.replace_original).toBe(false);
    expect(notTheirs[0]?.text).toContain('request made to someone else');
    expect((await evidenceRequestModel(db()).findById(request?._id).lean())?.state).not.toBe(
      'sent',
    );

    const sent = await click(STAFF, `evidence.sent:${request?.reference}`, {
      ref: request?.reference,
    });
    expect(sent[0]?.body.replace_original).toBe(true);
    expect(sent[0]?.text).toContain('marked as sent');
    expect(sent.at(-1)?.text).toContain(`✓ Thank you: ${request?.reference} is marked as sent.`);
    expect((await evidenceRequestModel(db()).findById(request?._id).lean())?.state).toBe('sent');

    // Need more time asks for a date first (the modal itself is covered in ask-modals.test).
    const asked = await click(
      STAFF,
      `evidence.more-time:${request?.reference}`,
      { ref: request?.reference },
      'modal',
    );
    expect(viewOf(asked[0]!).callback_id).toBe('ask:evidence.more-time');
  });

  it('declare from the button, then register: the officer decides from its buttons, excluding asks which review', async () => {
    const group = await groupModel(db()).findOne({ name: 'Tenant Inspectors' }).lean();
    const opened = await click(
      INSPECTOR,
      `declaration.open:${group?._id}`,
      { groupId: group?._id },
      'modal',
    );
    const form = viewOf(opened[0]!);
    expect(form.callback_id).toBe('declaration-form');
    const since = slack.calls.length;
    const declared = await submit(
      INSPECTOR,
      'declaration-form',
      JSON.parse(form.private_metadata) as Record<string, unknown>,
      {
        kind: { type: 'static_select', selected_option: { value: 'relative-on-staff' } },
        detail: typed('My cousin works in lettings'),
        area: typed(''),
      },
    );
    expect(declared.status).toBe(200);
    await dmTo(since, 'register');
    const declaration = await declarationModel(db()).findOne({}).lean();
    expect(declaration?.detail).toBe('My cousin works in lettings');

    const register = await slash(OFFICER, 'register');
    expect(register.text).toContain('My cousin works in lettings');
    expect(register.text).toContain(`declaration.decide:${declaration?._id}:excluded`);

    const refused = await click(INSPECTOR, `declaration.decide:${declaration?._id}:noted`, {
      declarationId: declaration?._id,
      outcome: 'noted',
    });
    expect(refused[0]?.text).toContain('Only the chair, the vice-chair or an officer');
    expect(
      (await declarationModel(db()).findById(declaration?._id).lean())?.decision,
    ).toBeUndefined();

    const asked = await click(
      OFFICER,
      `declaration.decide:${declaration?._id}:excluded`,
      { declarationId: declaration?._id, outcome: 'excluded' },
      'modal',
    );
    const ask = viewOf(asked[0]!);
    expect(ask.callback_id).toBe('ask:declaration.decide');
    const review = await reviewModel(db()).findOne({}).lean();
    const before = slack.calls.length;
    const decided = await submit(
      OFFICER,
      ask.callback_id,
      JSON.parse(ask.private_metadata) as Record<string, unknown>,
      {
        exclude: typed(review?.reference ?? ''),
      },
    );
    expect(decided.status).toBe(200);
    await dmTo(before, 'Your declaration has been decided');
    expect(
      (await declarationModel(db()).findById(declaration?._id).lean())?.decision,
    ).toMatchObject({
      outcome: 'excluded',
      from: { kind: 'review', id: review?._id },
    });
  });

  it('check assign, accept from the offer (not by someone else, not twice), and findings through the modal', async () => {
    const since = slack.calls.length;
    const assigned = await slash(
      OFFICER,
      `check assign <@${INSPECTOR.id}|${INSPECTOR.name}> "Empty home at 4 Elm Road" kind:empty-home-inspection due:2026-03-20`,
    );
    const check = await realityCheckModel(db()).findOne({}).lean();
    expect(assigned.text).toContain(`${check?.reference} offered to ian`);
    await dmTo(since, `check.accept:${check?.reference}`);
    const ref = check?.reference ?? '';

    const someoneElse = await click(STAFF, `check.accept:${ref}`, { ref });
    expect(someoneElse).toHaveLength(1);
    expect(someoneElse[0]?.text).toContain('offered to someone else');
    expect((await checkAssignmentModel(db()).findOne({ checkId: check?._id }).lean())?.status).toBe(
      'offered',
    );
    const notYet = await click(INSPECTOR, `findings.open:${ref}`, { ref });
    expect(notYet[0]?.text).toContain('Accept the check before you fill in its findings.');

    const before = slack.calls.length;
    const accepted = await click(INSPECTOR, `check.accept:${ref}`, { ref });
    expect(accepted[0]?.body.replace_original).toBe(true);
    expect(accepted[0]?.text).toContain('accepted by ian');
    expect(accepted.at(-1)?.text).toContain(`✓ You accepted ${ref}.`);
    await dmTo(before, `findings.open:${ref}`);
    const twice = await click(INSPECTOR, `check.accept:${ref}`, { ref });
    expect(twice).toHaveLength(1);
    expect(twice[0]?.text).toContain('already accepted');

    const opened = await click(INSPECTOR, `findings.open:${ref}`, { ref }, 'modal');
    const form = viewOf(opened[0]!);
    expect(form.callback_id).toBe('findings-form');
    const questions = checklistFor('empty-home-inspection').questions;
    expect(form.blocks.map((b) => b.block_id)).toEqual(
      expect.arrayContaining(questions.map((q) => `q.${q.id}`)),
    );

    const answer = (q: (typeof questions)[number]) =>
      q.answer === 'yes-no'
        ? chosen('true')
        : q.answer === 'rating'
          ? chosen('4')
          : q.answer === 'number'
            ? { type: 'number_input', value: '2' }
            : typed('Fine');
    const all = Object.fromEntries(questions.map((q) => [`q.${q.id}`, answer(q)]));
    const required = questions.find((q) => q.required)!;
    const metadata = JSON.parse(form.private_metadata) as Record<string, unknown>;

    const missing = await submit(INSPECTOR, 'findings-form', metadata, {
      ...all,
      [`q.${required.id}`]: typed(''),
      strengths: typed('Clean kitchen'),
    });
    expect(missing.json()).toMatchObject({
      response_action: 'errors',
      errors: { [`q.${required.id}`]: expect.stringContaining('needs an answer') as unknown },
    });
    const badLink = await submit(INSPECTOR, 'findings-form', metadata, {
      ...all,
      strengths: typed('Clean kitchen'),
      evidenceLinks: typed('http://not-secure.example/photo.jpg'),
    });
    expect(badLink.json()).toMatchObject({
      response_action: 'errors',
      errors: { evidenceLinks: expect.stringContaining('https') as unknown },
    });
    expect((await checkAssignmentModel(db()).findOne({ checkId: check?._id }).lean())?.status).toBe(
      'accepted',
    );

    const thanksFrom = slack.calls.length;
    const good = await submit(INSPECTOR, 'findings-form', metadata, {
      ...all,
      strengths: typed('Clean kitchen\nNew boiler'),
      recommendations: typed('Replace the back door lock'),
      evidenceLinks: typed('https://files.example.org/elm-road/kitchen.jpg'),
    });
    expect(good.status).toBe(200);
    await dmTo(thanksFrom, 'your findings');
    const assignment = await checkAssignmentModel(db()).findOne({ checkId: check?._id }).lean();
    expect(assignment?.status).toBe('submitted');
    expect(JSON.stringify(assignment?.submission)).toContain('New boiler');
  });

  it('mine, and its refresh button, show what is waiting on the person', async () => {
    const mine = await slash(STAFF, 'mine');
    expect(mine.text).toContain('Nothing is waiting on you');
    const refreshed = await click(STAFF, 'mine.refresh', {});
    expect(refreshed[0]?.body.replace_original).toBe(true);
    expect(refreshed[0]?.text).toContain('Nothing is waiting on you');
  });

  it('a click with a payload it cannot read changes nothing and says why', async () => {
    const answered = await click(INSPECTOR, 'check.accept:x', { ref: '' });
    expect(answered).toHaveLength(1);
    expect(answered[0]?.text).toContain('Please check');
  });
});
