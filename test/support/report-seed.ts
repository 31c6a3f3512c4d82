import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  acceptCheck,
  assignCheck,
  offerCheckTo,
  submitCheckFindings,
} from '../../src/app/checks/check-use-cases';
import { approveCheckFindings } from '../../src/app/checks/findings-review-use-cases';
import { requestEvidence, markEvidenceSent } from '../../src/app/evidence/evidence-use-cases';
import { createGroup } from '../../src/app/groups/create-group';
import { organisationFor, personFor } from '../../src/app/organisations/register-organisation';
import { addMember } from '../../src/app/people/add-member';
import {
  addReviewImprovementAction,
  addReviewRecommendation,
  completeReviewStep,
  skipReviewStep,
  decideReviewRecommendations,
  recordReviewManagementResponse,
} from '../../src/app/reviews/review-progress';
import { agreeReviewScope } from '../../src/app/reviews/review-step-use-cases';
import { openReview, recordReviewMeeting } from '../../src/app/reviews/review-use-cases';
import type { Actor } from '../../src/app/shared/actor';
import type { AppContext } from '../../src/app/shared/context';
import { importStandards } from '../../src/app/standards/standard-use-cases';
import type { Answer, ChecklistQuestion, CheckKind } from '../../src/domain/checks';
import { checklistFor } from '../../src/domain/checks/checklists';
import { membershipModel } from '../../src/store/people/membership-model';

/**
 * A landlord's year of scrutiny, recorded through the use-cases as officers and inspectors
 * would: the Torus Liverpool local offers, a Southampton-style inspector team (findings
 * blinded), checks verifying offers with findings approved or still waiting, and a Sedgemoor
 * review worked through to its improvement plan. Used by the report tests and bench/reports.ts.
 */

export function must<T>(result: { ok: true; value: T } | { ok: false; refusals: unknown[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.value;
}

export const INSPECTOR_NAMES = ['Priya Shah', 'Tomasz Wójcik', 'Bernadette Okafor'];
export const STAFF = { officer: 'Fay Facilitator', lead: 'Larry Lead', manager: 'Max Manager' };

export interface Seeded {
  officer: Actor;
  chair: Actor;
  member: Actor;
  lead: Actor;
  inspectors: Actor[];
  inspectorGroupId: string;
  panelGroupId: string;
  checkRefs: string[];
  reviewRef: string;
}

let organisations = 0;

function answers(kind: CheckKind): Record<string, Answer> {
  const answerFor = (q: ChecklistQuestion): Answer =>
    q.answer === 'yes-no' ? true : q.answer === 'text' ? 'Tuesday 10am, sent to the hub' : 4;
  return Object.fromEntries(checklistFor(kind).questions.map((q) => [q.id, answerFor(q)]));
}

async function member(
  ctx: AppContext,
  officer: Actor,
  groupId: string,
  person: Actor,
  roles: Array<'member' | 'chair'> = ['member'],
): Promise<void> {
  const added = must(
    await addMember(ctx, officer, {
      groupId,
      personId: person.personId,
      roles,
      tenure: 'tenant',
      tenancyStartedOn: '2020-01-01',
      homeArea: 'Shirley',
      facts: { over18Confirmed: true, trainedOn: '2025-01-10' },
    }),
  );
  await membershipModel(ctx.db).updateOne(
    { _id: added._id },
    {
      $set: {
        trainingDoneOn: '2025-01-10',
        codeOfConductSignedOn: '2025-01-10',
        confidentialitySignedOn: '2025-01-10',
      },
    },
  );
}

async function person(ctx: AppContext, organisationId: string, name: string, officer = false) {
  const p = await personFor(ctx, organisationId, {
    platformUserId: `user-${name.toLowerCase().replace(/\W+/g, '-')}`,
    displayName: name,
    bootstrapOfficer: officer,
  });
  return { organisationId, personId: p._id };
}

/**
 * `checks` checks due in July to September 2026, the first verifying the emails and complaints
 * offers with two inspectors' findings approved, every third left waiting for the officer.
 * The clock must read a date in July 2026 before this runs.
 */
export async function seedReportData(
  ctx: AppContext,
  options: { checks: number },
): Promise<Seeded> {
  organisations += 1;
  const org = await organisationFor(ctx, {
    platform: 'teams',
    platformTenantId: `reports-${process.pid}-${organisations}`,
    name: 'Liverpool Homes',
    timeZone: 'Europe/London',
  });
  const officer = await person(ctx, org._id, STAFF.officer, true);
  const lead = await person(ctx, org._id, STAFF.lead);
  const manager = await person(ctx, org._id, STAFF.manager);
  const inspectors = [];
  for (const name of INSPECTOR_NAMES) inspectors.push(await person(ctx, org._id, name));
  const chair = await person(ctx, org._id, 'Carol Chair');
  const csv = readFileSync(
    join(__dirname, '../../src/domain/standards/examples/torus-liverpool-local-offers-q3.csv'),
    'utf8',
  );
  must(await importStandards(ctx, officer, { format: 'csv', text: csv }));

  const inspectorGroup = must(
    await createGroup(ctx, officer, { name: 'Tenant Inspectors', presetKey: 'southampton-ti' }),
  );
  for (const i of inspectors) await member(ctx, officer, inspectorGroup._id, i);

  const checkRefs: string[] = [];
  for (let n = 0; n < options.checks; n += 1) {
    const first = n === 0;
    const kind: CheckKind = first
      ? 'test-email'
      : n % 2 === 0
        ? 'test-email'
        : 'empty-home-inspection';
    const inspector = inspectors[n % inspectors.length]!;
    const assigned = must(
      await assignCheck(ctx, officer, {
        groupId: inspectorGroup._id,
        personId: inspector.personId,
        title: first ? 'Test email to the Customer Hub' : `Check ${n + 1}`,
        kind,
        dueOn: `2026-0${7 + (n % 3)}-${String(10 + (n % 15)).padStart(2, '0')}`,
        ...(kind === 'test-email'
          ? {
              offerKeys: first
                ? ['emails-acknowledged-within-4-hours', 'formal-complaints-response']
                : ['emails-acknowledged-within-4-hours'],
            }
          : { standardKey: 'lift-inspections' }),
      }),
    );
    const ref = assigned.check.reference;
    checkRefs.push(ref);
    const team = first ? inspectors.slice(0, 2) : [inspector];
    if (first) {
      must(await offerCheckTo(ctx, officer, { checkRef: ref, personId: inspectors[1]!.personId }));
    }
    for (const [i, who] of team.entries()) {
      must(await acceptCheck(ctx, who, { checkRef: ref }));
      must(
        await submitCheckFindings(ctx, who, {
          checkRef: ref,
          answers: answers(kind),
          strengths: [
            i === 0
              ? 'The acknowledgement arrived in 2 hours and named the adviser, Priya Shah was thanked by name.'
              : 'The reply was polite and clear.',
          ],
          weaknesses: [
            'The full reply took 6 working days; my neighbour at 4 Elm Road waited longer.',
          ],
          recommendations: ['Send the full reply within 5 working days.'],
          evidenceLinks: ['https://sharepoint.example/inspections/email-screenshot.png'],
          offers:
            kind === 'test-email'
              ? [
                  {
                    offerKey: 'emails-acknowledged-within-4-hours',
                    verdict: i === 0 ? 'verified' : 'partly',
                    evidence:
                      'Acknowledged at 11:52 for an email sent at 10:00; call me on 07700 900123.',
                  },
                  ...(first
                    ? [
                        {
                          offerKey: 'formal-complaints-response',
                          verdict: 'not-verified' as const,
                          evidence: 'No complaint reply within 10 working days.',
                        },
                      ]
                    : []),
                ]
              : [
                  {
                    offerKey: 'lift-inspections',
                    verdict: 'partly',
                    evidence: 'The lift certificate in the lobby was two months out of date.',
                  },
                ],
        }),
      );
    }
    if (first || n % 3 !== 0) must(await approveCheckFindings(ctx, officer, { checkRef: ref }));
  }

  const panel = must(
    await createGroup(ctx, officer, { name: 'Scrutiny Panel', presetKey: 'sedgemoor-scrutiny' }),
  );
  await member(ctx, officer, panel._id, chair, ['member', 'chair']);
  // Staff are on the panel's roll to be asked for evidence and to answer for management
  // (Sedgemoor ToR 6.1, 6.2); the membership rules are for tenants, so they are recorded as is.
  for (const staff of [lead, manager])
    await membershipModel(ctx.db).create({
      organisationId: org._id,
      groupId: panel._id,
      personId: staff.personId,
      roles: ['staff'],
      status: { kind: 'active' },
      joinedAt: ctx.now(),
    });
  const review = must(
    await openReview(ctx, officer, {
      groupId: panel._id,
      topic: 'Complaints handling',
      depth: 'light-touch',
      topicSource: 'complaints',
    }),
  );
  const reviewRef = review.reference;
  // A reality check done for the review (Sedgemoor 4.3(4)), due after the third quarter.
  const forReview = must(
    await assignCheck(ctx, officer, {
      groupId: inspectorGroup._id,
      personId: inspectors[0]!.personId,
      title: 'Complaint made by phone, followed to the reply',
      kind: 'test-call-repair',
      dueOn: '2026-10-20',
      reviewId: review._id,
    }),
  );
  must(await acceptCheck(ctx, inspectors[0]!, { checkRef: forReview.check.reference }));
  must(
    await submitCheckFindings(ctx, inspectors[0]!, {
      checkRef: forReview.check.reference,
      answers: answers('test-call-repair'),
      strengths: ['The adviser logged the complaint while I was on the line.'],
      weaknesses: ['Nobody said when Bernadette Okafor would hear back.'],
      recommendations: ['Tell every caller the date of the written reply.'],
    }),
  );
  must(await approveCheckFindings(ctx, officer, { checkRef: forReview.check.reference }));
  must(
    await agreeReviewScope(ctx, officer, {
      reviewRef,
      scope:
        'Stage 1 complaints from first contact to the written reply; compensation is out of scope.',
    }),
  );
  for (const on of ['2026-07-06', '2026-07-20'])
    must(
      await recordReviewMeeting(ctx, officer, {
        reviewRef,
        on,
        attendees: 6,
        notes: 'Desktop review of complaint files',
      }),
    );
  const asked = must(
    await requestEvidence(ctx, officer, {
      groupId: panel._id,
      personId: lead.personId,
      what: 'The complaints policy and the last quarter’s response times',
      reviewId: review._id,
    }),
  );
  must(
    await markEvidenceSent(ctx, officer, {
      requestRef: asked.reference,
      link: 'https://sharepoint.example/complaints-policy.pdf',
    }),
  );
  must(
    await requestEvidence(ctx, officer, {
      groupId: panel._id,
      personId: lead.personId,
      what: 'Twenty closed complaint files, blinded',
      reviewId: review._id,
    }),
  );
  must(
    await addReviewRecommendation(ctx, officer, {
      reviewRef,
      text: 'Answer every stage 1 complaint within 10 working days.',
    }),
  );
  must(
    await addReviewRecommendation(ctx, officer, {
      reviewRef,
      text: 'Text tenants when their complaint is logged.',
    }),
  );
  for (const step of [2, 3, 4, 5]) {
    const done = await completeReviewStep(ctx, officer, { reviewRef, step });
    if (!done.ok)
      must(await skipReviewStep(ctx, officer, { reviewRef, step, reason: 'Light-touch review' }));
  }
  must(
    await decideReviewRecommendations(ctx, officer, {
      reviewRef,
      decisions: [
        { recommendationId: '1', agreed: true },
        { recommendationId: '2', agreed: true },
      ],
      managementPersonId: manager.personId,
    }),
  );
  must(await completeReviewStep(ctx, officer, { reviewRef, step: 6 }));
  must(
    await recordReviewManagementResponse(ctx, officer, {
      reviewRef,
      receivedOn: '2026-07-21',
      responses: [
        { recommendationId: '1', decision: 'accept' },
        {
          recommendationId: '2',
          decision: 'reject',
          reason: 'No budget for a text service this year.',
        },
      ],
    }),
  );
  must(
    await addReviewImprovementAction(ctx, officer, {
      reviewRef,
      recommendationId: '1',
      action: 'Add a complaints triage slot each morning',
      ownerPersonId: lead.personId,
      dueOn: '2026-08-14',
    }),
  );
  must(
    await addReviewImprovementAction(ctx, officer, {
      reviewRef,
      recommendationId: '1',
      action: 'Report stage 1 response times monthly to the panel',
      ownerPersonId: lead.personId,
      dueOn: '2026-12-31',
    }),
  );
  return {
    officer,
    chair,
    member: inspectors[2]!,
    lead,
    inspectors,
    inspectorGroupId: inspectorGroup._id,
    panelGroupId: panel._id,
    checkRefs,
    reviewRef,
  };
}
