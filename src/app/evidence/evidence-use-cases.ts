import { z } from 'zod';
import { meet } from '../../domain/deadlines';
import { readableDate } from '../../domain/reviews/review-refusals';
import { ok, refuse } from '../../domain/shared/result';
import { DeadlineBook } from '../../store/deadlines/deadline-book';
import { GroupBook } from '../../store/groups/group-book';
import { EvidenceRequestBook } from '../../store/evidence/evidence-request-book';
import type { EvidenceRequestRecord } from '../../store/evidence/evidence-request-model';
import { OrganisationBook } from '../../store/organisations/organisation-book';
import { PersonBook } from '../../store/people/person-book';
import { newId } from '../../store/model-registry';
import { nextReference, normaliseReference } from '../../store/references';
import { startDeadline } from '../deadlines/start-deadline';
import { calendarOf } from '../organisations/register-organisation';
import { localToday, policyOf } from '../people/standing';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { httpsUrl, localDate, optionalText, recordId, requiredText } from '../shared/inputs';
import { audit, saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';

export const NOT_FOUND = {
  code: 'evidence-request-not-found',
  message: 'There is no information request with that reference in your organisation.',
};

/**
 * An officer asks a member of staff for information. Where the group's document gives staff a
 * number of working days (Sedgemoor ToR 6.1: 10), that is the due date, counted on the
 * organisation's calendar, and an officer may give longer but not less. Where it gives none, the
 * officer says when it is due.
 */
export const requestEvidence = defineUseCase({
  name: 'requestEvidence',
  input: z.object({
    groupId: recordId,
    personId: recordId,
    what: requiredText(500),
    reviewId: recordId.optional(),
    dueOn: localDate.optional(),
  }),
  async run(ctx, actor, input) {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'request information from staff',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const person = await new PersonBook(ctx.db).inOrganisation(
      actor.organisationId,
      input.personId,
    );
    if (!person)
      return refuse('person-not-found', 'That person is not known in your organisation.');
    const today = await localToday(ctx, actor.organisationId);
    if (input.dueOn && input.dueOn < today)
      return refuse(
        'evidence.due-in-past',
        `The due date ${input.dueOn} has already passed; choose today or later.`,
      );
    const entitled = policyOf(
      await new GroupBook(ctx.db).get(input.groupId),
    ).informationRequestWorkingDays;
    if (entitled === undefined && !input.dueOn)
      return refuse(
        'evidence.due-needed',
        "This group's terms set no time for staff to answer, so say when it is due, e.g. due:+10wd.",
      );
    const earliest =
      entitled === undefined
        ? undefined
        : (await calendarOf(ctx, actor.organisationId)).addWorkingDays(today, entitled);
    if (earliest && input.dueOn && input.dueOn < earliest)
      return refuse(
        'evidence.due-too-soon',
        `Staff have ${entitled} working days to send information under this group's terms, so it cannot be due before ${readableDate(earliest)}.`,
      );
    const dueOn = input.dueOn ?? earliest;
    const reference = await nextReference(ctx.db, actor.organisationId, 'E');
    const requestId = newId();
    const deadline = await startDeadline(ctx, {
      organisationId: actor.organisationId,
      groupId: input.groupId,
      kind: 'information-request',
      subject: { kind: 'evidence-request', id: requestId },
      ownerId: person._id,
      from: ctx.now(),
      dueOn,
      startedBy: actor.personId,
    });
    const record = await new EvidenceRequestBook(ctx.db).create({
      _id: requestId,
      organisationId: actor.organisationId,
      groupId: input.groupId,
      reference,
      reviewId: input.reviewId,
      requestedOf: person._id,
      requestedBy: actor.personId,
      what: input.what,
      deadlineId: deadline._id,
      dueAt: deadline.dueAt,
      state: 'open',
      links: [],
      createdAt: ctx.now(),
    });
    await audit(ctx, actor, {
      subject: { kind: 'evidence-request', id: record._id },
      groupId: record.groupId,
      action: 'evidence.requested',
      details: { reference, requestedOf: person._id, dueAt: deadline.dueAt.toISOString() },
    });
    return ok(record);
  },
});

export async function loadRequest(ctx: AppContext, actor: Actor, ref: string) {
  const reference = normaliseReference(ref, 'E');
  if (!reference) return undefined;
  const found = await new EvidenceRequestBook(ctx.db).byReference(actor.organisationId, reference);
  return found ?? undefined;
}

/** The person asked (or an officer) says the information has been sent; the clock stops. */
export const markEvidenceSent = defineUseCase({
  name: 'markEvidenceSent',
  input: z.object({
    requestRef: requiredText(20),
    link: httpsUrl.optional(),
    note: optionalText(500),
  }),
  async run(ctx, actor, input) {
    const request = await loadRequest(ctx, actor, input.requestRef);
    if (!request) return refuse(NOT_FOUND.code, NOT_FOUND.message);
    if (request.requestedOf !== actor.personId) {
      const refusals = await requireGroupRole(
        ctx,
        actor,
        request.groupId,
        ['officer'],
        'answer a request made to someone else',
      );
      if (refusals.length > 0) return { ok: false, refusals };
    }
    if (request.state === 'sent')
      return refuse('evidence.already-sent', `${request.reference} is already marked as sent.`);
    // "Not me" sent the request back to the officer and stopped its reminders; it is closed, and
    // the officer asks the right person with a new request.
    if (request.state === 'redirected')
      return refuse(
        'evidence.closed',
        `${request.reference} went back to the officer as not for the person asked, so it cannot be marked as sent.`,
      );
    const saved = await saveChange(
      ctx,
      actor,
      new EvidenceRequestBook(ctx.db).requests,
      request,
      { state: 'sent', links: input.link ? [...request.links, input.link] : request.links },
      {
        subject: { kind: 'evidence-request', id: request._id },
        groupId: request.groupId,
        action: 'evidence.sent',
        reason: input.note,
      },
    );
    if (!saved.ok) return saved;
    const book = new DeadlineBook(ctx.db);
    const deadline = await book.get(request.deadlineId, actor.organisationId);
    const organisation = await new OrganisationBook(ctx.db).get(actor.organisationId);
    if (deadline && deadline.state !== 'met') {
      const met = meet(deadline, ctx.now(), organisation.timeZone);
      if (met.ok && (await book.save(met.value)))
        await audit(ctx, actor, {
          subject: { kind: 'deadline', id: deadline._id },
          groupId: request.groupId,
          action: 'deadline.met',
        });
    }
    return saved;
  },
});

/**
 * The person asked says they need longer, proposing a date and saying why. The deadline stands
 * until an officer grants a new one; the officer is told.
 */
export const askForMoreTime = defineUseCase({
  name: 'askForMoreTime',
  input: z.object({ requestRef: requiredText(20), until: localDate, reason: requiredText(500) }),
  async run(ctx, actor, input) {
    const request = await loadRequest(ctx, actor, input.requestRef);
    if (!request) return refuse(NOT_FOUND.code, NOT_FOUND.message);
    if (request.requestedOf !== actor.personId)
      return refuse('evidence.someone-elses', 'That request was made to someone else.');
    if (request.state === 'sent')
      return refuse('evidence.already-sent', `${request.reference} is already marked as sent.`);
    if (request.state === 'redirected')
      return refuse('evidence.closed', `${request.reference} is back with the officer.`);
    if (input.until <= (await localToday(ctx, actor.organisationId)))
      return refuse('evidence.more-time-in-past', 'Propose a date after today.');
    return saveChange(
      ctx,
      actor,
      new EvidenceRequestBook(ctx.db).requests,
      request,
      {
        state: 'more-time-asked',
        moreTime: { until: input.until, reason: input.reason, askedAt: ctx.now() },
      },
      {
        subject: { kind: 'evidence-request', id: request._id },
        groupId: request.groupId,
        action: 'evidence.more-time-asked',
        reason: input.reason,
        details: { until: input.until },
      },
    );
  },
});

/** Requests still waiting on this person, for `mine`, the App Home and the nudges. */
export async function openRequestsFor(
  ctx: AppContext,
  organisationId: string,
  personId: string,
): Promise<EvidenceRequestRecord[]> {
  return new EvidenceRequestBook(ctx.db).waitingOn(organisationId, personId);
}
