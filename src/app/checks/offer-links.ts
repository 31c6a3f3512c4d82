import { checkOfferKeys } from '../../domain/checks';
import { ok, type Result } from '../../domain/shared/result';
import type { RealityCheckRecord } from '../../store/checks/reality-check-model';
import { StandardBook } from '../../store/standards/standard-book';
import type { Actor } from '../shared/actor';
import type { AppContext } from '../shared/context';
import { audit } from '../shared/record-change';

/**
 * The local offers a new check verifies: `standard:` (one key, as before) and `offers:` folded
 * into one list, each on file in the organisation. Unknown keys are all named at once, so the
 * officer fixes the line in one go.
 */
export async function resolveOfferKeys(
  ctx: AppContext,
  organisationId: string,
  given: { standardKey?: string; offerKeys?: readonly string[] },
): Promise<Result<string[]>> {
  const wanted = [...(given.standardKey ? [given.standardKey] : []), ...(given.offerKeys ?? [])];
  const { keys, refusals } = checkOfferKeys(wanted);
  if (refusals.length > 0) return { ok: false, refusals };
  if (keys.length === 0) return ok([]);
  const book = new StandardBook(ctx.db);
  const found = await Promise.all(keys.map((key) => book.byKey(organisationId, key)));
  const unknown = keys.filter((_, i) => found[i] === null);
  if (unknown.length > 0)
    return {
      ok: false,
      refusals: [
        {
          code: 'check.unknown-offer',
          message: `No local offer on file has the key ${unknown.join(', ')}. \`standards\` lists each offer with its key.`,
        },
      ],
    };
  return ok(keys);
}

/**
 * Each offer's planned verification becomes "being verified by C-n": on the offer's own record
 * in the audit trail, so its history reads from planned to verified with who set each step.
 */
export async function recordVerificationsStarted(
  ctx: AppContext,
  actor: Actor,
  check: RealityCheckRecord,
): Promise<void> {
  const keys = check.offerKeys ?? [];
  if (keys.length === 0) return;
  const book = new StandardBook(ctx.db);
  for (const key of keys) {
    const standard = await book.byKey(check.organisationId, key);
    if (!standard) continue;
    await audit(ctx, actor, {
      subject: { kind: 'standard', id: standard._id },
      groupId: check.groupId,
      action: 'standard.verification-started',
      details: { key, check: check.reference },
    });
  }
}

/** Each offer's promise by key, for the findings form's labels. */
export async function offerPromisesOf(
  ctx: AppContext,
  organisationId: string,
  keys: readonly string[] = [],
): Promise<Map<string, string>> {
  const book = new StandardBook(ctx.db);
  const found = await Promise.all(keys.map((key) => book.byKey(organisationId, key)));
  return new Map(found.flatMap((s) => (s ? [[s.key, s.standard.promise] as const] : [])));
}
