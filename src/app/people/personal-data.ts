import { z } from 'zod';
import { ok, refuse } from '../../domain/shared/result';
import { auditEntryModel } from '../../store/audit/audit-entry-model';
import { checkAssignmentModel, realityCheckModel } from '../../store/checks/reality-check-model';
import { ballotModel, ballotParticipationModel, voteModel } from '../../store/conduct/ballot-model';
import { attendanceModel } from '../../store/conduct/attendance-model';
import { conductEventModel } from '../../store/conduct/conduct-event-model';
import { deadlineModel } from '../../store/deadlines/deadline-model';
import { declarationModel } from '../../store/declarations/declaration-model';
import { reconfirmationModel } from '../../store/declarations/reconfirmation-model';
import { evidenceRequestModel } from '../../store/evidence/evidence-request-model';
import { findingFileModel } from '../../store/findings/finding-file-model';
import { groupModel } from '../../store/groups/group-model';
import { organisationModel } from '../../store/organisations/organisation-model';
import { membershipModel } from '../../store/people/membership-model';
import { personModel } from '../../store/people/person-model';
import type { OutgoingFile } from '../messaging/outgoing-file';
import type { AppContext } from '../shared/context';
import { audit } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';
import { localToday } from './standing';

/**
 * Why the export has no secret-ballot choices: they are stored under a key that cannot be
 * joined to the voter once the ballot closes (src/store/conduct/ballot-model.ts), so the bot
 * itself cannot tell which choice was this person's.
 */
export const SECRET_BALLOT_NOTE =
  'How you voted in secret ballots is not included: the bot stores secret votes so that they cannot be linked back to the voter once the ballot closes, so it cannot tell which votes were yours. Votes in open ballots are included.';

/** Leaves out the record-keeping fields that mean nothing to the person reading the export. */
function readable<T extends object>(record: T): Record<string, unknown> {
  const { version: _version, ...rest } = record as T & { version?: unknown };
  return rest;
}

/**
 * Everything the bot holds about one person of an organisation, as one object: their person
 * record, memberships (and the status changes the audit trail holds), declarations, checks
 * offered, accepted and their findings (theirs, so not blinded), finding files' details,
 * deadlines they own, evidence asked of them, conduct events about them, attendance, open
 * ballot votes, and every audit entry naming them as the one who acted or the one acted on.
 */
export async function collectPersonalData(
  ctx: AppContext,
  organisationId: string,
  personId: string,
): Promise<Record<string, unknown> | undefined> {
  const { db } = ctx;
  const person = await personModel(db).findOne({ _id: personId, organisationId }).lean();
  if (!person) return undefined;
  const mine = { organisationId, personId };
  const [
    organisation,
    memberships,
    declarations,
    reconfirmations,
    assignments,
    files,
    deadlines,
    evidence,
    conduct,
    attendance,
    ballotsAbout,
    openVotes,
    ballotsTakenPart,
  ] = await Promise.all([
    organisationModel(db).findById(organisationId).lean(),
    membershipModel(db).find(mine).lean(),
    declarationModel(db).find(mine).lean(),
    reconfirmationModel(db).find(mine).lean(),
    checkAssignmentModel(db).find(mine).lean(),
    findingFileModel(db).find(mine).lean(),
    deadlineModel(db).find({ organisationId, ownerId: personId }).lean(),
    evidenceRequestModel(db).find({ organisationId, requestedOf: personId }).lean(),
    conductEventModel(db).find({ organisationId, subjectId: personId }).lean(),
    attendanceModel(db).find(mine).lean(),
    ballotModel(db).find({ organisationId, subjectId: personId }).lean(),
    voteModel(db).find({ voterId: personId }).lean(),
    ballotParticipationModel(db).countDocuments({ personId }),
  ]);
  const groupIds = [...new Set(memberships.map((m) => m.groupId))];
  const checkIds = [...new Set(assignments.map((a) => a.checkId))];
  const [groups, checks] = await Promise.all([
    groupModel(db)
      .find({ _id: { $in: groupIds }, organisationId })
      .lean(),
    realityCheckModel(db)
      .find({ _id: { $in: checkIds }, organisationId })
      .lean(),
  ]);
  const groupName = new Map(groups.map((g) => [g._id, g.name]));
  const checkOf = new Map(checks.map((c) => [c._id, c]));
  // Their own records, so entries about any of them are about the person.
  const recordIds = [
    personId,
    ...memberships.map((m) => m._id),
    ...declarations.map((d) => d._id),
    ...assignments.map((a) => a._id),
  ];
  const auditEntries = await auditEntryModel(db)
    .find({
      organisationId,
      $or: [
        { actorId: personId },
        { 'subject.id': { $in: recordIds } },
        { 'details.personId': personId },
      ],
    })
    .sort({ at: 1, _id: 1 })
    .lean();
  const membershipIds = new Set(memberships.map((m) => m._id));
  return {
    about: `What the scrutiny bot holds about you in ${organisation?.name ?? 'your organisation'}.`,
    notIncluded: [SECRET_BALLOT_NOTE],
    person: readable(person),
    memberships: memberships.map((m) => ({
      group: groupName.get(m.groupId) ?? m.groupId,
      ...readable(m),
      statusHistory: auditEntries
        .filter((e) => membershipIds.has(e.subject.id) && e.subject.id === m._id)
        .map((e) => ({ at: e.at, action: e.action, reason: e.reason, details: e.details })),
    })),
    declarations: declarations.map(readable),
    declarationReconfirmations: reconfirmations.map(readable),
    checks: assignments.map((a) => {
      const check = checkOf.get(a.checkId);
      return {
        check: check
          ? { reference: check.reference, title: check.title, kind: check.kind, dueOn: check.dueOn }
          : a.checkId,
        ...readable(a),
      };
    }),
    findingFiles: files.map((f) => ({
      name: f.name,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      uploadedAt: f.uploadedAt,
      check: checkOf.get(f.checkId)?.reference ?? f.checkId,
    })),
    deadlines: deadlines.map(readable),
    evidenceRequested: evidence.map(readable),
    conductEvents: conduct.map(readable),
    attendance: attendance.map(readable),
    ballotsAboutYou: ballotsAbout.map((b) => ({
      _id: b._id,
      groupId: b.groupId,
      question: b.question,
      meetingOn: b.meetingOn,
      openedAt: b.openedAt,
      state: b.state,
      outcome: b.outcome,
    })),
    openBallotVotes: openVotes.map((v) => ({ ballotId: v.ballotId, choice: v.choice })),
    ballotsTakenPart,
    auditEntries: auditEntries.map(readable),
  };
}

/** The export's readable summary: what there is, section by section, and what is not there. */
function summaryOf(data: Record<string, unknown>, today: string): string {
  const person = data.person as { displayName?: string };
  const lines = [
    `Your data held by the scrutiny bot, ${today}`,
    '',
    String(data.about),
    `Name on record: ${person.displayName ?? ''}`,
    '',
  ];
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value) && key !== 'notIncluded') lines.push(`${key}: ${value.length}`);
  }
  lines.push(`ballotsTakenPart: ${String(data.ballotsTakenPart)}`);
  const memberships = (data.memberships ?? []) as Array<{
    group: string;
    roles: string[];
    status: { kind: string };
  }>;
  if (memberships.length > 0) {
    lines.push('', 'Memberships:');
    for (const m of memberships)
      lines.push(`- ${m.group}: ${m.roles.join(', ')} (${m.status.kind})`);
  }
  lines.push('', 'Not included:', ...(data.notIncluded as string[]).map((n) => `- ${n}`));
  lines.push('', 'Every detail is in the JSON file sent with this one.');
  return `${lines.join('\n')}\n`;
}

/**
 * A person asks for what the bot holds about them (UK GDPR Art. 15): the data as a JSON file
 * and a plain-text summary, for them alone. The asking is recorded in the audit trail.
 */
export const exportOwnData = defineUseCase({
  name: 'exportOwnData',
  input: z.strictObject({}),
  async run(ctx, actor) {
    const data = await collectPersonalData(ctx, actor.organisationId, actor.personId);
    if (!data) return refuse('personal-data.unknown', 'I hold nothing about you yet.');
    const today = await localToday(ctx, actor.organisationId);
    const files: OutgoingFile[] = [
      {
        name: `my-data-${today}.json`,
        contentType: 'application/json',
        bytes: Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8'),
        description: 'Everything the scrutiny bot holds about you (JSON)',
      },
      {
        name: `my-data-${today}.txt`,
        contentType: 'text/plain; charset=utf-8',
        bytes: Buffer.from(summaryOf(data, today), 'utf8'),
        description: 'A readable summary of your data',
      },
    ];
    await audit(ctx, actor, {
      subject: { kind: 'person', id: actor.personId },
      action: 'person.data-exported',
      details: { files: files.map((f) => f.name) },
    });
    return ok({ files, data });
  },
});
