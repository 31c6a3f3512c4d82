import type { Readable } from 'node:stream';
import { z } from 'zod';
import { checkFindingFile, MAX_FILES_PER_FINDINGS } from '../../domain/findings/finding-file-kinds';
import { ok, refuse, type Refusal, type Result } from '../../domain/shared/result';
import type {
  CheckAssignmentRecord,
  RealityCheckRecord,
} from '../../store/checks/reality-check-model';
import type { FindingFileRecord } from '../../store/findings/finding-file-model';
import { FindingFileStore } from '../../store/findings/finding-file-store';
import { CHECK_NOT_FOUND, loadCheck } from '../checks/check-records';
import { openChecksFor } from '../checks/check-use-cases';
import type { Actor } from '../shared/actor';
import { requireGroupRole } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { audit } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';

export interface OpenFindings {
  check: RealityCheckRecord;
  assignment: CheckAssignmentRecord;
}

export const NO_OPEN_FINDINGS =
  'You have no findings open to add files to: accept a check first, and send its files before you submit its findings.';

/**
 * The findings a person's files belong to: the check they name (C-12), or else the one check
 * they have accepted and not yet sent findings for. With more than one, they are asked which.
 */
export async function openFindingsOf(
  ctx: AppContext,
  actor: Actor,
  checkRef?: string,
): Promise<Result<OpenFindings>> {
  if (checkRef) {
    const loaded = await loadCheck(ctx, actor.organisationId, checkRef);
    if (!loaded) return refuse(CHECK_NOT_FOUND.code, CHECK_NOT_FOUND.message);
    const mine = loaded.assignments.find((a) => a.personId === actor.personId);
    if (!mine) return refuse('check.someone-elses', 'That check was offered to someone else.');
    if (mine.status !== 'accepted')
      return refuse(
        'findings.not-open',
        mine.status === 'offered'
          ? `Accept ${loaded.record.reference} before you send files for its findings.`
          : `The findings for ${loaded.record.reference} are not open for files: it is ${mine.status}.`,
      );
    return ok({ check: loaded.record, assignment: mine });
  }
  const open = (await openChecksFor(ctx, actor.organisationId, actor.personId)).filter(
    (o) => o.assignment.status === 'accepted',
  );
  if (open.length === 0) return refuse('findings.none-open', NO_OPEN_FINDINGS);
  if (open.length > 1)
    return refuse(
      'findings.which',
      `You have ${open.length} checks open (${open.map((o) => o.check.reference).join(', ')}): send the files again with the check's reference as the message, e.g. ${open[0]!.check.reference}.`,
    );
  return ok(open[0]!);
}

/** A file's name as shown on cards: its last path part, no control characters, not too long. */
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '').trim();
  return (clean || 'file').slice(0, 200);
}

export interface AttachedFiles extends OpenFindings {
  added: FindingFileRecord[];
  /** Already on these findings (the same bytes), so not stored again. */
  alreadyThere: FindingFileRecord[];
}

/**
 * Files for an inspector's open findings. Every file is checked (its bytes' type, its size, how
 * many the findings hold) before any is stored, so a refusal stores nothing; each one stored is
 * on the audit trail with who sent it and when.
 */
export const attachFindingFiles = defineUseCase({
  name: 'attachFindingFiles',
  input: z.object({
    checkRef: z.string().trim().max(40).optional(),
    files: z
      .array(
        z.object({
          name: z.string().max(1000).transform(displayName),
          bytes: z.instanceof(Buffer),
        }),
      )
      .min(1, { error: 'no file came with the message' }),
  }),
  async run(ctx, actor, input): Promise<Result<AttachedFiles>> {
    const open = await openFindingsOf(ctx, actor, input.checkRef || undefined);
    if (!open.ok) return open;
    const { check, assignment } = open.value;
    const store = new FindingFileStore(ctx.db);
    const refusals: Refusal[] = [];
    for (const file of input.files) {
      const checked = checkFindingFile(file.name, file.bytes);
      if (!checked.ok)
        refusals.push({ code: `findings.file-${checked.reason}`, message: checked.message });
    }
    const held = await store.countOf(assignment._id);
    if (held + input.files.length > MAX_FILES_PER_FINDINGS)
      refusals.push({
        code: 'findings.too-many-files',
        message: `Findings can carry at most ${MAX_FILES_PER_FINDINGS} files; ${check.reference} has ${held} already and you sent ${input.files.length}.`,
      });
    if (refusals.length > 0) return { ok: false, refusals };
    const added: FindingFileRecord[] = [];
    const alreadyThere: FindingFileRecord[] = [];
    for (const file of input.files) {
      const outcome = await store.add(
        {
          organisationId: actor.organisationId,
          groupId: check.groupId,
          checkId: check._id,
          assignmentId: assignment._id,
          personId: assignment.personId,
          name: file.name,
          uploadedBy: actor.personId,
          uploadedAt: ctx.now(),
        },
        file.bytes,
      );
      if (outcome.added) {
        added.push(outcome.record);
        await audit(ctx, actor, {
          subject: { kind: 'check', id: check._id },
          groupId: check.groupId,
          action: 'check.findings-file-added',
          details: {
            reference: check.reference,
            fileId: outcome.record._id,
            name: outcome.record.name,
            contentType: outcome.record.contentType,
            size: outcome.record.size,
            sha256: outcome.record.sha256,
          },
        });
      } else if (outcome.reason === 'duplicate') alreadyThere.push(outcome.record);
      else refusals.push({ code: 'findings.file-type', message: outcome.message });
    }
    if (refusals.length > 0 && added.length === 0) return { ok: false, refusals };
    return ok({ check, assignment, added, alreadyThere });
  },
});

/**
 * Whether the person may see files of these findings: the inspector whose findings they are,
 * and the group's officers (an organisation's officers are officers of every group).
 */
async function maySee(ctx: AppContext, viewer: Actor, file: FindingFileRecord): Promise<boolean> {
  if (viewer.organisationId !== file.organisationId) return false;
  if (viewer.personId === file.personId) return true;
  const refusals = await requireGroupRole(ctx, viewer, file.groupId, ['officer'], 'see findings');
  return refusals.length === 0;
}

export interface FileLink {
  name: string;
  url: string;
}

/**
 * The files of one inspector's findings the viewer may see, each with a link made for them
 * alone. Empty where the bot has no link signer or the viewer may see none.
 */
export async function findingFileLinks(
  ctx: AppContext,
  viewer: Actor,
  assignmentId: string,
): Promise<FileLink[]> {
  const links = ctx.fileLinks;
  if (!links) return [];
  const files = await new FindingFileStore(ctx.db).ofAssignment(assignmentId);
  if (files.length === 0 || !(await maySee(ctx, viewer, files[0]!))) return [];
  const now = ctx.now();
  return files.map((file) => ({
    name: file.name,
    url: links.linkFor(file._id, viewer.personId, now),
  }));
}

export type OpenedFile =
  | { kind: 'file'; record: FindingFileRecord; bytes: Readable }
  | { kind: 'unknown' }
  | { kind: 'forbidden' };

/** A file for the person a signed link names, if it exists and they may still see it. */
export async function openFindingFile(
  ctx: AppContext,
  fileId: string,
  personId: string,
): Promise<OpenedFile> {
  if (!/^[0-9a-f]{24}$/.test(fileId)) return { kind: 'unknown' };
  const store = new FindingFileStore(ctx.db);
  const record = await store.get(fileId);
  if (!record) return { kind: 'unknown' };
  const viewer = { organisationId: record.organisationId, personId };
  if (!(await maySee(ctx, viewer, record))) return { kind: 'forbidden' };
  return { kind: 'file', record, bytes: store.openBytes(fileId) };
}
