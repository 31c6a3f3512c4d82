import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  importStandardsFromCsv,
  importStandardsFromJson,
  isScrutinyCandidate,
  listScrutinyCandidates,
  type ServiceStandard,
} from '../../domain/standards';
import { ok, refuse } from '../../domain/shared/result';
import { isDuplicateKeyError } from '../../store/connection';
import { StandardBook } from '../../store/standards/standard-book';
import { requireOfficer } from '../shared/authorise';
import type { AppContext } from '../shared/context';
import { audit, saveChange } from '../shared/record-change';
import { defineUseCase } from '../shared/use-case';

export interface ImportOutcome {
  added: number;
  updated: number;
  unchanged: number;
  candidates: string[];
}

/**
 * An officer imports the organisation's local offers from a CSV or JSON table. Every bad row
 * is listed and nothing is stored unless the whole table reads cleanly; a standard already on
 * file is updated (versioned and audited with what changed), never duplicated.
 */
export const importStandards = defineUseCase({
  name: 'importStandards',
  input: z.object({
    format: z.enum(['csv', 'json']),
    text: z.string().min(1, 'the file is empty').max(2_000_000),
  }),
  async run(ctx, actor, input) {
    const refusals = await requireOfficer(ctx, actor, 'import service standards');
    if (refusals.length > 0) return { ok: false, refusals };
    let read;
    if (input.format === 'csv') read = importStandardsFromCsv(input.text);
    else {
      let json: unknown;
      try {
        json = JSON.parse(input.text);
      } catch {
        return refuse('standards.bad-json', 'That file is not valid JSON.');
      }
      read = importStandardsFromJson(json);
    }
    if (!read.ok) return read;
    const book = new StandardBook(ctx.db);
    const outcome: ImportOutcome = { added: 0, updated: 0, unchanged: 0, candidates: [] };
    for (const standard of read.value) {
      const stored = await book.byKey(actor.organisationId, standard.key);
      // Stored as JSON holds it (no undefined fields), so an unchanged row compares equal.
      const fields = JSON.parse(JSON.stringify(standard)) as ServiceStandard;
      if (!stored) {
        try {
          const created = await book.add({
            organisationId: actor.organisationId,
            key: standard.key,
            standard: fields,
            importedAt: ctx.now(),
            importedBy: actor.personId,
          });
          await audit(ctx, actor, {
            subject: { kind: 'standard', id: created._id },
            action: 'standard.imported',
            details: { key: standard.key },
          });
          outcome.added += 1;
        } catch (error) {
          if (!isDuplicateKeyError(error)) throw error;
          outcome.unchanged += 1;
        }
      } else if (isDeepStrictEqual(stored.standard, fields)) {
        outcome.unchanged += 1;
      } else {
        const was = fieldsOf(stored.standard);
        const now = fieldsOf(fields);
        const changed = Object.keys(now).filter((k) => !isDeepStrictEqual(was[k], now[k]));
        const saved = await saveChange(
          ctx,
          actor,
          book.standards,
          stored,
          { standard: fields, importedAt: ctx.now(), importedBy: actor.personId },
          {
            subject: { kind: 'standard', id: stored._id },
            action: 'standard.updated',
            details: {
              key: standard.key,
              changed,
              before: Object.fromEntries(changed.map((k) => [k, was[k] ?? null])),
            },
          },
        );
        if (!saved.ok) return saved;
        outcome.updated += 1;
      }
      if (isScrutinyCandidate(standard)) outcome.candidates.push(standard.key);
    }
    return ok(outcome);
  },
});

/** A standard's fields by name, to say which ones an import changed. */
function fieldsOf(standard: ServiceStandard): Record<string, unknown> {
  return { ...standard };
}

export interface StandardLine {
  standard: ServiceStandard;
  belowTarget: boolean;
}

/** The organisation's standards, those below target first (worst first), then by service area. */
export async function listStandards(
  ctx: AppContext,
  organisationId: string,
): Promise<StandardLine[]> {
  const records = await new StandardBook(ctx.db).allOf(organisationId);
  const standards = records.map((r) => r.standard);
  const candidates = listScrutinyCandidates(standards).map((c) => c.standard.key);
  const rank = new Map(candidates.map((key, i) => [key, i]));
  return standards
    .map((standard) => ({ standard, belowTarget: rank.has(standard.key) }))
    .sort((a, b) => {
      const ra = rank.get(a.standard.key) ?? Number.MAX_SAFE_INTEGER;
      const rb = rank.get(b.standard.key) ?? Number.MAX_SAFE_INTEGER;
      return (
        ra - rb ||
        a.standard.serviceArea.localeCompare(b.standard.serviceArea) ||
        a.standard.key.localeCompare(b.standard.key)
      );
    });
}
