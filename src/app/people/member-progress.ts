import { z } from 'zod';
import { termEndFor, type PersonFacts } from '../../domain/people';
import { ok, refuse } from '../../domain/shared/result';
import { GroupBook } from '../../store/groups/group-book';
import { MembershipRoll } from '../../store/people/membership-roll';
import { PersonBook } from '../../store/people/person-book';
import { requireGroupRole } from '../shared/authorise';
import { localDate, recordId, requiredText } from '../shared/inputs';
import { saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';
import { recordedFacts } from './add-member';
import { localToday, personFactsOf, policyOf } from './standing';

/**
 * An officer records what a member has done to be ready to take part: training, the code of
 * conduct and confidentiality agreement signed (dates only), the "over 18" confirmation (never a
 * birth date), and the start of their term, from which the policy's term end follows.
 */
export const recordMemberProgress = defineUseCase({
  name: 'recordMemberProgress',
  input: z
    .object({
      groupId: recordId,
      personId: recordId,
      trainingDoneOn: localDate.optional(),
      codeOfConductSignedOn: localDate.optional(),
      confidentialitySignedOn: localDate.optional(),
      termStartsOn: localDate.optional(),
      over18Confirmed: z.literal(true).optional(),
    })
    .refine((v) => Object.keys(v).length > 2, { error: 'say what the member has done' }),
  async run(ctx, actor, input) {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'record members’ training and agreements',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const book = new PersonBook(ctx.db);
    const roll = new MembershipRoll(ctx.db);
    const [group, membership, person] = await Promise.all([
      new GroupBook(ctx.db).byId(input.groupId),
      roll.of(input.groupId, input.personId),
      book.inOrganisation(actor.organisationId, input.personId),
    ]);
    if (!group || !membership || !person)
      return refuse('membership.not-a-member', 'That person is not in this group.');
    if (input.over18Confirmed && person.facts.over18Confirmed !== true) {
      const saved = await saveChange(
        ctx,
        actor,
        book.people,
        person,
        { facts: { ...person.facts, over18Confirmed: true } },
        {
          subject: { kind: 'person', id: person._id },
          groupId: group._id,
          action: 'person.over-18-confirmed',
        },
      );
      if (!saved.ok) return saved;
    }
    const set: Record<string, unknown> = {};
    for (const key of [
      'trainingDoneOn',
      'codeOfConductSignedOn',
      'confidentialitySignedOn',
      'termStartsOn',
    ] as const)
      if (input[key]) set[key] = input[key];
    if (input.termStartsOn) set.termEndsOn = termEndFor(policyOf(group), input.termStartsOn);
    if (Object.keys(set).length === 0) return { ok: true, value: membership };
    return saveChange(ctx, actor, roll.memberships, membership, set, {
      subject: { kind: 'membership', id: membership._id },
      groupId: group._id,
      action: 'membership.progress-recorded',
      details: set,
    });
  },
});

/**
 * Onboarding, done by the member themself from the welcome card: they confirm they are 18 or
 * over (Torus TIMS ToR: no one under 18) and sign the code of conduct and, where the group asks
 * for one, the confidentiality agreement. Only the dates and the confirmation are kept.
 */
export const confirmOwnAgreements = defineUseCase({
  name: 'confirmOwnAgreements',
  input: z.object({
    groupId: recordId,
    over18: z.boolean().default(false),
    codeOfConduct: z.boolean().default(false),
    confidentiality: z.boolean().default(false),
  }),
  async run(ctx, actor, input) {
    const book = new PersonBook(ctx.db);
    const roll = new MembershipRoll(ctx.db);
    const [group, membership, person] = await Promise.all([
      new GroupBook(ctx.db).byId(input.groupId),
      roll.of(input.groupId, actor.personId),
      book.inOrganisation(actor.organisationId, actor.personId),
    ]);
    if (!group || !membership || !person || membership.status.kind === 'withdrawn')
      return refuse('membership.not-a-member', 'You are not a member of this group.');
    // Only what the group's own document asks for (an age only Torus states).
    const policy = policyOf(group);
    const missing = [
      policy.over18ConfirmationRequired && !input.over18
        ? { code: 'membership.over-18-needed', message: 'Please confirm that you are 18 or over.' }
        : undefined,
      policy.codeOfConductRequired && !input.codeOfConduct
        ? { code: 'membership.code-needed', message: 'Please agree to the code of conduct.' }
        : undefined,
      policy.confidentialityAgreementRequired && !input.confidentiality
        ? {
            code: 'membership.confidentiality-needed',
            message: `${group.name} asks every member to sign the confidentiality agreement.`,
          }
        : undefined,
    ].filter((refusal) => refusal !== undefined);
    if (missing.length > 0) return { ok: false, refusals: missing };
    const today = await localToday(ctx, actor.organisationId);
    if (input.over18 && person.facts.over18Confirmed !== true) {
      const saved = await saveChange(
        ctx,
        actor,
        book.people,
        person,
        { facts: { ...person.facts, over18Confirmed: true } },
        {
          subject: { kind: 'person', id: person._id },
          groupId: group._id,
          action: 'person.over-18-confirmed',
        },
      );
      if (!saved.ok) return saved;
    }
    const set: Record<string, unknown> = {};
    if (input.codeOfConduct && !membership.codeOfConductSignedOn) set.codeOfConductSignedOn = today;
    if (input.confidentiality && !membership.confidentialitySignedOn)
      set.confidentialitySignedOn = today;
    if (Object.keys(set).length === 0) return { ok: true, value: membership };
    return saveChange(ctx, actor, roll.memberships, membership, set, {
      subject: { kind: 'membership', id: membership._id },
      groupId: group._id,
      action: 'membership.agreements-signed',
      details: set,
    });
  },
});

/**
 * An officer records the eligibility facts the group's rules read about a person (staff and a
 * manager's agreement, breach of tenancy, judgement or notice, ex-customer, board elsewhere,
 * excluded before, helped develop the service, committee), before or after `group add`. Only the
 * yes/no answers and a committee's name are kept; `committeeMemberOf: null` clears the committee.
 * A member's place is not re-judged here: the rules read the facts when they next join or take
 * part (standing exclusions stop a member taking part, standing-exclusions.ts).
 */
export const recordPersonFacts = defineUseCase({
  name: 'recordPersonFacts',
  input: z.object({
    groupId: recordId,
    personId: recordId,
    facts: recordedFacts
      .omit({ committeeMemberOf: true, over18Confirmed: true })
      .extend({ committeeMemberOf: z.union([z.null(), requiredText(100)]).optional() })
      .refine((v) => Object.values(v).some((value) => value !== undefined), {
        error: 'say which facts to record',
      }),
  }),
  async run(ctx, actor, input) {
    const refusals = await requireGroupRole(
      ctx,
      actor,
      input.groupId,
      ['officer'],
      'record people’s eligibility facts',
    );
    if (refusals.length > 0) return { ok: false, refusals };
    const book = new PersonBook(ctx.db);
    const person = await book.inOrganisation(actor.organisationId, input.personId);
    if (!person)
      return refuse('person-not-found', 'That person is not known in your organisation.');
    const before = personFactsOf(person);
    const { committeeMemberOf, ...answers } = input.facts;
    const next: PersonFacts = { ...before };
    for (const [key, value] of Object.entries(answers))
      if (value !== undefined) Object.assign(next, { [key]: value });
    if (committeeMemberOf === null) delete next.committeeMemberOf;
    else if (committeeMemberOf !== undefined) next.committeeMemberOf = committeeMemberOf;
    const changed = (Object.keys({ ...before, ...next }) as Array<keyof PersonFacts>).filter(
      (key) => before[key] !== next[key],
    );
    if (changed.length === 0) return ok(person);
    return saveChange(
      ctx,
      actor,
      book.people,
      person,
      { facts: next },
      {
        subject: { kind: 'person', id: person._id },
        groupId: input.groupId,
        action: 'person.facts-recorded',
        details: { fields: changed },
      },
    );
  },
});
