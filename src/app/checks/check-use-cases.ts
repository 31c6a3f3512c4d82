import { z } from 'zod';
import {
  acceptCheck as acceptInDomain,
  assignmentOf,
  CHECK_KINDS,
  createRealityCheck,
  MAX_OFFERS_PER_CHECK,
  OFFER_VERDICTS,
  MAX_OFFER_EVIDENCE,
  declineCheck as declineInDomain,
  offerCheck,
  submitFindings as submitInDomain,
  type Assignment,
  type RealityCheck,
} from '../../domain/checks';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { isDuplicateKeyError } from '../../store/connection';
import { GroupBook } from '../../store/groups/group-book';
import type { GroupRecord } from '../../store/groups/group-model';
import { CheckBook } from '../../store/checks/check-book';
import type {
  CheckAssignmentRecord,
  RealityCheckRecord,
} from '../../store/checks/reality-check-model';
import { nextReference } from '../../store/references';
import { Seats } from '../../store/seats';
import { conflictsOf } from '../declarations/conflicts-of';
import { policyOf, whyCannotTakePart } from '../people/standing';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { httpsUrl, localDate, optionalText, recordId, requiredText } from '../shared/inputs';
import { audit, saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';
import { CHECK_NOT_FOUND, loadCheck, type LoadedCheck } from './check-records';
import { recordVerificationsStarted, resolveOfferKeys } from './offer-links';

const assigneePool = (checkId: string) => `check:${checkId}:assignees`;
const checkRef = z.string().trim().min(1, 'say which check, e.g. C-40');
const offerKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use an offer key `standards` lists');

/**
 * An officer creates a check and offers it to a member. Every reason the member cannot take it
 * comes back at once: their standing in the group, declared interests and own area, and the
 * group's cap on one inspection (Southampton TI ToR: at most 12).
 */
export const assignCheck = defineUseCase({
  name: 'assignCheck',
  input: z.object({
    groupId: recordId,
    personId: recordId,
    title: requiredText(200),
    kind: z.enum(CHECK_KINDS),
    dueOn: localDate,
    reviewId: recordId.optional(),
    standardKey: optionalText(100),
    /** The local offers the check verifies (`offers:`), besides standardKey. */
    offerKeys: z
      .array(offerKey)
      .max(MAX_OFFERS_PER_CHECK * 2)
      .optional(),
    area: optionalText(100),
  }),
  async run(ctx, actor, input) {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'assign checks',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const offers = await resolveOfferKeys(ctx, actor.organisationId, input);
    if (!offers.ok) return offers;
    const offerKeys = offers.value.length > 0 ? offers.value : undefined;
    const draft = createRealityCheck({
      id: 'new',
      groupId: input.groupId,
      kind: input.kind,
      reviewId: input.reviewId,
      standardKey: input.standardKey,
      offerKeys,
      area: input.area,
      dueOn: input.dueOn,
    });
    if (!draft.ok) return draft;
    // Vet the person before a reference is spent on a check nobody can do.
    const vetted = await vet(ctx, actor, draft.value, input.personId);
    if (!vetted.ok) return vetted;
    const reference = await nextReference(ctx.db, actor.organisationId, 'C');
    const record = await new CheckBook(ctx.db).create({
      organisationId: actor.organisationId,
      groupId: input.groupId,
      reference,
      title: input.title,
      kind: input.kind,
      reviewId: input.reviewId,
      standardKey: input.standardKey,
      offerKeys,
      area: input.area,
      dueOn: input.dueOn,
      createdAt: ctx.now(),
      createdBy: actor.personId,
    });
    await audit(ctx, actor, {
      subject: { kind: 'check', id: record._id },
      groupId: record.groupId,
      action: 'check.created',
      details: { reference, kind: record.kind, dueOn: record.dueOn, offerKeys: offerKeys ?? [] },
    });
    await recordVerificationsStarted(ctx, actor, record);
    const offered = await offer(
      ctx,
      actor,
      { record, assignments: [], domain: { ...draft.value, id: record._id } },
      input.personId,
    );
    if (!offered.ok) return offered;
    return ok({ check: record, assignment: offered.value });
  },
});

/** Offers an existing check to one more member. */
export const offerCheckTo = defineUseCase({
  name: 'offerCheckTo',
  input: z.object({ checkRef, personId: recordId }),
  async run(ctx, actor, input) {
    const loaded = await loadCheck(ctx, actor.organisationId, input.checkRef);
    if (!loaded) return refuse(CHECK_NOT_FOUND.code, CHECK_NOT_FOUND.message);
    const refusals = await requireGroupRole(
      ctx,
      actor,
      loaded.record.groupId,
      ['officer'],
      'assign checks',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    return offer(ctx, actor, loaded, input.personId);
  },
});

async function vet(
  ctx: AppContext,
  actor: Actor,
  check: RealityCheck,
  personId: string,
): Promise<Result<{ group: GroupRecord; next: RealityCheck }>> {
  const group = await new GroupBook(ctx.db).get(check.groupId);
  const policy = policyOf(group);
  const [canTakePart, conflicts] = await Promise.all([
    whyCannotTakePart(ctx, { organisationId: actor.organisationId, groupId: group._id, personId }),
    conflictsOf(ctx, {
      organisationId: actor.organisationId,
      groupId: group._id,
      personId,
      target: { checkId: check.id, reviewId: check.reviewId, area: check.area },
    }),
  ]);
  const next = offerCheck({
    check,
    candidate: { personId, canTakePart },
    conflicts,
    offeredBy: actor.personId,
    at: ctx.now(),
    maxPerInspection: policy.maxMembersPerInspection,
  });
  return next.ok ? ok({ group, next: next.value }) : next;
}

async function offer(
  ctx: AppContext,
  actor: Actor,
  loaded: LoadedCheck,
  personId: string,
): Promise<Result<CheckAssignmentRecord>> {
  const vetted = await vet(ctx, actor, loaded.domain, personId);
  if (!vetted.ok) return vetted;
  const { group, next } = vetted.value;
  const policy = policyOf(group);
  const seats = new Seats(ctx.db);
  const pool = assigneePool(loaded.record._id);
  if (policy.maxMembersPerInspection !== undefined) {
    // The count above was a read; the seat is what holds the cap when officers race.
    const seat = await seats.claim(pool, policy.maxMembersPerInspection, personId, ctx.now());
    if (!seat.taken)
      return refuse(
        'check.inspection-full',
        `This inspection already has ${policy.maxMembersPerInspection} members, the most the group allows on any one inspection.`,
      );
  }
  const assignment = assignmentOf(next, personId) as Assignment;
  const previous = loaded.assignments.find((a) => a.personId === personId);
  let saved: CheckAssignmentRecord;
  try {
    if (previous) {
      const changed = await saveChange(
        ctx,
        actor,
        new CheckBook(ctx.db).assignments,
        previous,
        { ...assignment, declinedAt: undefined, declineReason: undefined },
        offeredChange(loaded, personId),
      );
      if (!changed.ok) {
        await seats.release(pool, personId);
        return changed;
      }
      return ok(changed.value);
    }
    saved = await new CheckBook(ctx.db).createAssignment({
      organisationId: actor.organisationId,
      groupId: loaded.record.groupId,
      checkId: loaded.record._id,
      ...assignment,
    });
  } catch (error) {
    await seats.release(pool, personId);
    if (!isDuplicateKeyError(error)) throw error;
    return refuse('check.already-assigned', 'This person has already been offered this check.');
  }
  await audit(ctx, actor, offeredChange(loaded, personId));
  return ok(saved);
}

function offeredChange(loaded: LoadedCheck, personId: string) {
  return {
    subject: { kind: 'check', id: loaded.record._id },
    groupId: loaded.record.groupId,
    action: 'check.offered',
    details: { reference: loaded.record.reference, personId },
  };
}

/** Runs a member's step on their own assignment and saves only that assignment. */
async function memberStep(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  action: string,
  step: (check: RealityCheck) => Result<RealityCheck>,
  reason?: string,
  options: { takesPart?: boolean } = {},
): Promise<Result<{ check: RealityCheckRecord; assignment: CheckAssignmentRecord }>> {
  const loaded = await loadCheck(ctx, actor.organisationId, ref);
  if (!loaded) return refuse(CHECK_NOT_FOUND.code, CHECK_NOT_FOUND.message);
  const mine = loaded.assignments.find((a) => a.personId === actor.personId);
  if (!mine) return refuse('check.someone-elses', 'That check was offered to someone else.');
  if (options.takesPart) {
    // The offer was vetted when it was made; a member barred or suspended since then may not
    // take part now (domain.md "Joining versus taking part"), so accepting and submitting are
    // checked again. Declining stays open to them.
    const cannot = await whyCannotTakePart(ctx, {
      organisationId: actor.organisationId,
      groupId: loaded.record.groupId,
      personId: actor.personId,
    });
    if (cannot.length > 0) return { ok: false, refusals: cannot };
  }
  const next = step(loaded.domain);
  if (!next.ok) return next;
  const updated = assignmentOf(next.value, actor.personId) as Assignment;
  const saved = await saveChange(
    ctx,
    actor,
    new CheckBook(ctx.db).assignments,
    mine,
    { ...updated },
    {
      subject: { kind: 'check', id: loaded.record._id },
      groupId: loaded.record.groupId,
      action,
      reason,
      details: { reference: loaded.record.reference, personId: actor.personId },
    },
  );
  return saved.ok ? ok({ check: loaded.record, assignment: saved.value }) : saved;
}

/**
 * The member takes the check on. Accepting again is harmless: the second click is told it is
 * already accepted and nothing is written twice.
 */
export const acceptCheck = defineUseCase({
  name: 'acceptCheck',
  input: z.object({ checkRef }),
  async run(ctx, actor, input) {
    return memberStep(
      ctx,
      actor,
      input.checkRef,
      'check.accepted',
      (check) => acceptInDomain(check, actor.personId, ctx.now()),
      undefined,
      { takesPart: true },
    );
  },
});

/** The member turns the check down with a reason; their place on the inspection is freed. */
export const declineCheck = defineUseCase({
  name: 'declineCheck',
  input: z.object({ checkRef, reason: requiredText(500) }),
  async run(ctx, actor, input) {
    const result = await memberStep(
      ctx,
      actor,
      input.checkRef,
      'check.declined',
      (check) => declineInDomain(check, actor.personId, input.reason, ctx.now()),
      input.reason,
    );
    if (result.ok)
      await new Seats(ctx.db).release(assigneePool(result.value.check._id), actor.personId);
    return result;
  },
});

const answer = z.union([z.boolean(), z.number(), z.string().max(2000)]);
const lines = z.array(z.string().trim().max(2000)).max(50).default([]);

/** The accepted assignee submits checklist answers and findings. */
export const submitCheckFindings = defineUseCase({
  name: 'submitCheckFindings',
  input: z.object({
    checkRef,
    answers: z.record(z.string(), answer),
    strengths: lines,
    weaknesses: lines,
    recommendations: lines,
    evidenceLinks: z.array(httpsUrl).max(20).default([]),
    /** Verified, partly or not, with the evidence, for each offer the check verifies. */
    offers: z
      .array(
        z.object({
          offerKey,
          verdict: z.enum(OFFER_VERDICTS),
          evidence: z.string().trim().max(MAX_OFFER_EVIDENCE),
        }),
      )
      .max(MAX_OFFERS_PER_CHECK)
      .default([]),
  }),
  async run(ctx, actor, input) {
    return memberStep(
      ctx,
      actor,
      input.checkRef,
      'check.findings-submitted',
      (check) =>
        submitInDomain(
          check,
          actor.personId,
          {
            answers: input.answers,
            findings: {
              strengths: input.strengths,
              weaknesses: input.weaknesses,
              recommendations: input.recommendations,
              evidence: input.evidenceLinks,
            },
            offers: input.offers,
          },
          ctx.now(),
        ),
      undefined,
      { takesPart: true },
    );
  },
});

export interface OpenCheck {
  check: RealityCheckRecord;
  assignment: CheckAssignmentRecord;
}

/** The person's checks still waiting on them, for `mine` and the App Home. */
export async function openChecksFor(
  ctx: AppContext,
  organisationId: string,
  personId: string,
): Promise<OpenCheck[]> {
  const book = new CheckBook(ctx.db);
  const assignments = await book.openAssignmentsOf(organisationId, personId);
  const checks = await book.checksByIds(assignments.map((a) => a.checkId));
  const byId = new Map(checks.map((c) => [c._id, c]));
  return assignments
    .flatMap((assignment) => {
      const check = byId.get(assignment.checkId);
      return check ? [{ check, assignment }] : [];
    })
    .sort((a, b) => a.check.dueOn.localeCompare(b.check.dueOn));
}
