import { z } from 'zod';
import {
  decideDeclaration as decideInDomain,
  DECLARATION_KIND_LABELS,
  registerFor,
  reconfirmationDueOn,
  reviseDecision as reviseInDomain,
  validateDeclaration,
} from '../../domain/declarations';
import type { DeclarationDecision } from '../../domain/shared/declarations';
import { DECLARATION_KINDS } from '../../domain/shared/declarations';
import { ok, refuse } from '../../domain/shared/result';
import { DeclarationRegister } from '../../store/declarations/declaration-register';
import { MembershipRoll } from '../../store/people/membership-roll';
import { isDuplicateKeyError } from '../../store/connection';
import { PersonBook } from '../../store/people/person-book';
import { OrganisationBook } from '../../store/organisations/organisation-book';
import { requireGroupRole, standingIn } from '../shared/authorise';
import { optionalText, recordId, requiredText } from '../shared/inputs';
import { audit, saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';
import { localToday } from '../people/standing';
import { declaredInterestOf } from './conflicts-of';

const NOT_FOUND = {
  code: 'declaration-not-found',
  message: 'There is no such declaration in your organisation.',
};

/**
 * A member declares an interest in writing (Sedgemoor ToR 9.1, Southampton and Torus codes of
 * conduct). Anyone in the group who has not left it may declare, whatever their role.
 */
export const declareInterest = defineUseCase({
  name: 'declareInterest',
  input: z.object({
    groupId: recordId,
    kind: z.enum(DECLARATION_KINDS),
    detail: requiredText(1000),
    area: optionalText(100),
  }),
  async run(ctx, actor, input) {
    const membership = await new MembershipRoll(ctx.db).of(input.groupId, actor.personId);
    if (!membership || membership.status.kind === 'withdrawn')
      return refuse(
        'declarations.not-in-group',
        'Only people in this group can declare an interest here.',
      );
    const checked = validateDeclaration({
      id: 'new',
      personId: actor.personId,
      groupId: input.groupId,
      kind: input.kind,
      detail: input.detail,
      area: input.area,
      declaredAt: ctx.now(),
    });
    if (!checked.ok) return checked;
    const record = await new DeclarationRegister(ctx.db).declare({
      organisationId: actor.organisationId,
      groupId: input.groupId,
      personId: actor.personId,
      kind: checked.value.kind,
      detail: checked.value.detail,
      area: checked.value.area,
      declaredAt: ctx.now(),
      declaredBy: actor.personId,
    });
    await audit(ctx, actor, {
      subject: { kind: 'declaration', id: record._id },
      groupId: record.groupId,
      action: 'declaration.made',
      details: { kind: record.kind },
    });
    return ok(record);
  },
});

const decisionInput = z.object({
  declarationId: recordId,
  outcome: z.enum(['noted', 'excluded']),
  from: z.object({ kind: z.enum(['review', 'check']), id: recordId }).optional(),
  reason: optionalText(500),
});

function decisionOf(input: z.output<typeof decisionInput>): DeclarationDecision | undefined {
  if (input.outcome === 'noted') return { outcome: 'noted' };
  return input.from ? { outcome: 'excluded', from: input.from } : undefined;
}

/**
 * The chair, vice-chair or an officer decides what a declaration means: noted (the member may
 * take part, Sedgemoor ToR 9.2) or excluded from a named review or check. A later change is a
 * revision with a reason, and the audit entry keeps the decision it replaced.
 */
export const decideDeclaration = defineUseCase({
  name: 'decideDeclaration',
  input: decisionInput,
  async run(ctx, actor, input) {
    const record = await new DeclarationRegister(ctx.db).get(
      input.declarationId,
      actor.organisationId,
    );
    if (!record) return refuse(NOT_FOUND.code, NOT_FOUND.message);
    const refusals = await requireGroupRole(
      ctx,
      actor,
      record.groupId,
      ['chair', 'vice-chair', 'officer'],
      'decide on declarations of interest',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const decision = decisionOf(input);
    if (!decision)
      return refuse(
        'declarations.exclusion-needs-target',
        'Say which review or check the member is excluded from.',
      );
    const by = { decidedBy: actor.personId, decidedAt: ctx.now() };
    const revising = record.decision !== undefined;
    const decided = revising
      ? reviseInDomain(declaredInterestOf(record), decision, { ...by, reason: input.reason ?? '' })
      : decideInDomain(declaredInterestOf(record), decision, by);
    if (!decided.ok) return decided;
    return saveChange(
      ctx,
      actor,
      new DeclarationRegister(ctx.db).declarations,
      record,
      { decision: { ...decision, ...by, reason: input.reason } },
      {
        subject: { kind: 'declaration', id: record._id },
        groupId: record.groupId,
        action: revising ? 'declaration.decision-revised' : 'declaration.decided',
        reason: input.reason,
        details: { decision, revises: record.decision ?? null },
      },
    );
  },
});

/** The declarer (or an officer) says an interest no longer applies; the record stays. */
export const endDeclaration = defineUseCase({
  name: 'endDeclaration',
  input: z.object({ declarationId: recordId, reason: requiredText(500) }),
  async run(ctx, actor, input) {
    const record = await new DeclarationRegister(ctx.db).get(
      input.declarationId,
      actor.organisationId,
    );
    if (!record) return refuse(NOT_FOUND.code, NOT_FOUND.message);
    if (record.personId !== actor.personId) {
      const refusals = await requireGroupRole(
        ctx,
        actor,
        record.groupId,
        ['officer'],
        'end someone else’s declaration',
      );
      if (refusals.length > 0) return { ok: false, refusals };
    }
    if (record.endedAt)
      return refuse('declarations.already-ended', 'That declaration has already been ended.');
    return saveChange(
      ctx,
      actor,
      new DeclarationRegister(ctx.db).declarations,
      record,
      { endedAt: ctx.now(), endedBy: actor.personId },
      {
        subject: { kind: 'declaration', id: record._id },
        groupId: record.groupId,
        action: 'declaration.ended',
        reason: input.reason,
      },
    );
  },
});

export interface RegisterLine {
  personId: string;
  displayName: string;
  declarations: Array<{
    id: string;
    kindLabel: string;
    detail: string;
    area?: string;
    decision: string;
  }>;
  reconfirmationDueOn: string;
  overdue: boolean;
}

/**
 * The group's register of interests, one entry per person, with when each must next
 * re-confirm (yearly). Anyone in the group may read it; nobody outside it.
 */
export const declarationRegister = defineUseCase({
  name: 'declarationRegister',
  input: z.object({ groupId: recordId }),
  async run(ctx, actor, input) {
    const [standing, membership, today] = await Promise.all([
      standingIn(ctx, actor, input.groupId),
      new MembershipRoll(ctx.db).of(input.groupId, actor.personId),
      localToday(ctx, actor.organisationId),
    ]);
    if (!standing || standing.roles.length === 0)
      return refuse(
        'declarations.not-in-group',
        'Only people in this group can read its register of interests.',
      );
    // The register is confidential to the group (Southampton Code of Conduct "Handling
    // information"; Trafford QIP ToR 13): someone whose membership was withdrawn has left it, and
    // a barred member is kept from the group for the period of the bar.
    const status = membership?.status;
    const shut =
      status?.kind === 'withdrawn' || (status?.kind === 'barred' && today < status.until);
    if (!standing.isOfficer && shut)
      return refuse(
        'declarations.not-in-group',
        'Only people in this group can read its register of interests.',
      );
    const register = new DeclarationRegister(ctx.db);
    const records = await register.ofGroup(input.groupId);
    const ended = records.filter((r) => r.endedAt).map((r) => r._id);
    const confirmations = await register.reconfirmationsOf(input.groupId);
    const confirmedAt = new Map(confirmations.map((c) => [c.personId, c.at]));
    const entries = registerFor(input.groupId, records.map(declaredInterestOf), {
      endedIds: ended,
      confirmedAt,
    });
    const names = await new PersonBook(ctx.db).namesOf(entries.map((e) => e.personId));
    const organisation = await new OrganisationBook(ctx.db).get(actor.organisationId);
    const lines: RegisterLine[] = entries.map((entry) => {
      const due = reconfirmationDueOn(entry.lastConfirmedAt, organisation.timeZone);
      return {
        personId: entry.personId,
        displayName: names.get(entry.personId) ?? 'Someone',
        declarations: entry.declarations.map((d) => ({
          id: d.id,
          kindLabel: DECLARATION_KIND_LABELS[d.kind],
          detail: d.detail,
          area: d.area,
          decision: !d.decision
            ? 'awaiting a decision'
            : d.decision.outcome === 'noted'
              ? 'noted: may take part'
              : `excluded from a ${d.decision.from.kind}`,
        })),
        reconfirmationDueOn: due,
        overdue: due <= today,
      };
    });
    return ok(lines);
  },
});

/**
 * The member confirms their declarations still stand (the yearly re-confirmation). One record
 * per person per day, held by a unique index, so repeated clicks count once.
 */
export const reconfirmDeclarations = defineUseCase({
  name: 'reconfirmDeclarations',
  input: z.object({ groupId: recordId }),
  async run(ctx, actor, input) {
    const membership = await new MembershipRoll(ctx.db).of(input.groupId, actor.personId);
    if (!membership || membership.status.kind === 'withdrawn')
      return refuse(
        'declarations.not-in-group',
        'Only people in this group can confirm declarations here.',
      );
    const on = await localToday(ctx, actor.organisationId);
    try {
      const created = await new DeclarationRegister(ctx.db).reconfirm({
        organisationId: actor.organisationId,
        groupId: input.groupId,
        personId: actor.personId,
        on,
        at: ctx.now(),
      });
      await audit(ctx, actor, {
        subject: { kind: 'person', id: actor.personId },
        groupId: input.groupId,
        action: 'declaration.reconfirmed',
      });
      return ok({
        on,
        alreadyConfirmedToday: false,
        reconfirmationId: created._id as string | undefined,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return ok({
        on,
        alreadyConfirmedToday: true,
        reconfirmationId: undefined as string | undefined,
      });
    }
  },
});
