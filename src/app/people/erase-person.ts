import { z } from 'zod';
import type { LocalDate } from '../../domain/calendar/local-date';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { conversationModel } from '../../store/conversations/conversation-model';
import { groupModel } from '../../store/groups/group-model';
import { OutgoingFileStore } from '../../store/outgoing-files/outgoing-file-store';
import { rewriteAuditText, rewriteOrganisationText } from '../../store/people/erasure';
import { membershipModel } from '../../store/people/membership-model';
import { personModel, type PersonRecord } from '../../store/people/person-model';
import { nextReference } from '../../store/references';
import { CHANGED_MEANWHILE, updateIfUnchanged } from '../../store/versioned-update';
import { requireOfficer } from '../shared/authorise';
import { recordId, requiredText } from '../shared/inputs';
import { audit } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';
import { localToday, policyOf } from './standing';

/** What the bot suggests where a group's documents set no retention period. */
export const SUGGESTED_RETENTION_YEARS = 6;

/** The day `years` after `from` (29 February becomes 1 March in a year without one). */
export function yearsAfter(from: LocalDate, years: number): LocalDate {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10) as LocalDate;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The rewrite an erasure applies to stored text: the person's name as a whole word (any case)
 * becomes their pseudonym, and their platform ids become a pseudonymous id. A name of one or two
 * letters is left alone in text, where it would match far more than the person.
 */
export function pseudonymRewrite(
  person: Pick<PersonRecord, 'displayName' | 'platformUserId' | 'chatUserId'>,
  pseudonym: string,
  pseudonymId: string,
): (text: string) => string {
  const name = person.displayName.trim();
  const byName =
    name.length >= 3
      ? new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'giu')
      : undefined;
  const ids = [person.platformUserId, person.chatUserId].filter(
    (id): id is string => typeof id === 'string' && id.length >= 3,
  );
  return (text) => {
    let out = byName ? text.replace(byName, pseudonym) : text;
    for (const id of ids) out = out.split(id).join(pseudonymId);
    return out;
  };
}

export interface Erased {
  pseudonym: string;
  number: number;
  /** How many stored records, beside the person's own, had their name or ids in them. */
  rewritten: number;
}

/**
 * Whether the person may be erased today: they hold no place in any group (all withdrawn), and
 * the longest retention period among their past groups has run since they last left. A group
 * without a retention period blocks it, with the suggestion to set one.
 */
async function retentionRefusal(
  ctx: Parameters<typeof localToday>[0],
  person: PersonRecord,
): Promise<Result<{ leftOn: LocalDate; years: number }>> {
  const memberships = await membershipModel(ctx.db)
    .find({ organisationId: person.organisationId, personId: person._id })
    .lean();
  if (memberships.length === 0)
    return refuse(
      'erase.never-a-member',
      `${person.displayName} was never in a group here, so no group's retention period applies; nothing was erased.`,
    );
  const groups = await groupModel(ctx.db)
    .find({
      _id: { $in: memberships.map((m) => m.groupId) },
      organisationId: person.organisationId,
    })
    .lean();
  const nameOf = new Map(groups.map((g) => [g._id, g.name]));
  const staying = memberships.filter((m) => m.status.kind !== 'withdrawn');
  if (staying.length > 0)
    return refuse(
      'erase.still-a-member',
      `${person.displayName} has not left every group: still ${staying
        .map((m) => `${m.status.kind} in ${nameOf.get(m.groupId) ?? 'a group'}`)
        .join(', ')}. Only someone who has left every group can be erased.`,
    );
  const unset = groups.filter((g) => policyOf(g).retentionYears === undefined);
  if (unset.length > 0)
    return refuse(
      'erase.no-retention-period',
      `${unset.map((g) => g.name).join(', ')} ${unset.length === 1 ? 'has' : 'have'} no retention period set, so I cannot tell when ${person.displayName}'s details may go. Set one in the group's chat, e.g. \`group policy set retention-years:${SUGGESTED_RETENTION_YEARS}\` (six years is usual).`,
    );
  const years = Math.max(...groups.map((g) => policyOf(g).retentionYears ?? 0));
  const leftOn = memberships
    .map((m) => (m.status.kind === 'withdrawn' ? m.status.on : ''))
    .sort()
    .at(-1) as LocalDate;
  const from = yearsAfter(leftOn, years);
  const today = await localToday(ctx, person.organisationId);
  if (today < from)
    return refuse(
      'erase.within-retention',
      `${person.displayName} left on ${leftOn}; their groups keep a leaver's details for ${years} years, so they can be erased from ${from}.`,
    );
  return ok({ leftOn, years });
}

/**
 * An officer erases a person who has left (UK GDPR Art. 17, after the group's retention
 * period): their name becomes "Member <n>" (numbered per organisation, never reused) and their
 * platform ids go, in their own record and in every stored text that carried them, the audit
 * trail's reasons included. Counts, decisions and who-did-what stay, under the pseudonym. The
 * erasure itself is audited with the officer's reason.
 */
export const erasePerson = defineUseCase({
  name: 'erasePerson',
  input: z.strictObject({ personId: recordId, reason: requiredText(500) }),
  async run(ctx, actor, input): Promise<Result<Erased>> {
    const refusals = await requireOfficer(ctx, actor, 'erase a person');
    if (refusals.length > 0) return { ok: false, refusals };
    const people = personModel(ctx.db);
    const person = await people
      .findOne({ _id: input.personId, organisationId: actor.organisationId })
      .lean<PersonRecord>();
    if (!person) return refuse('erase.unknown', 'That person is not in your organisation.');
    if (person.erased)
      return refuse(
        'erase.already',
        `That person was already erased; they are Member ${person.erased.pseudonym}.`,
      );
    if (person.isOfficer)
      return refuse(
        'erase.officer',
        `${person.displayName} is an officer; an officer's details are kept while they are one.`,
      );
    const allowed = await retentionRefusal(ctx, person);
    if (!allowed.ok) return allowed;

    const number = Number((await nextReference(ctx.db, actor.organisationId, 'M')).slice(2));
    const pseudonym = `Member ${number}`;
    const saved = await updateIfUnchanged(people, person._id, person.version, {
      displayName: pseudonym,
      // Unique per organisation, and no longer anyone's platform id.
      platformUserId: `erased:${person._id}`,
      facts: {},
      erased: { at: ctx.now(), pseudonym: number },
    });
    if (!saved) return { ok: false, refusals: [{ ...CHANGED_MEANWHILE }] };
    await people.updateOne({ _id: person._id }, { $unset: { chatUserId: 1 } });
    // Their own chat with the bot: its reference names them, and nobody may write to it now.
    await conversationModel(ctx.db).deleteMany({
      organisationId: actor.organisationId,
      personId: person._id,
    });
    const offers = new OutgoingFileStore(ctx.db);
    await offers.removeFor({ personId: person._id });
    if (person.chatUserId) await offers.removeFor({ recipientChatId: person.chatUserId });
    const rewrite = pseudonymRewrite(person, pseudonym, `member-${number}`);
    const rewritten =
      (await rewriteOrganisationText(ctx.db, actor.organisationId, rewrite)) +
      (await rewriteAuditText(ctx.db, actor.organisationId, rewrite));
    await audit(ctx, actor, {
      subject: { kind: 'person', id: person._id },
      action: 'person.erased',
      reason: rewrite(input.reason),
      details: {
        pseudonym: number,
        leftOn: allowed.value.leftOn,
        retentionYears: allowed.value.years,
      },
    });
    return ok({ pseudonym, number, rewritten });
  },
});
