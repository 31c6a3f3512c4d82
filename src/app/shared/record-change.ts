import type { Model } from 'mongoose';
import type { Refusal } from '../../domain/shared/result';
import { AuditTrail } from '../../store/audit/audit-trail';
import { CHANGED_MEANWHILE, updateIfUnchanged } from '../../store/versioned-update';
import type { Actor } from './actor';
import type { AppContext } from './context';

export interface Change {
  subject: { kind: string; id: string };
  groupId?: string;
  action: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/**
 * Saves a versioned change and appends its audit entry: the one way use-cases change a record,
 * so no change lands without who, when and why, and a racing change is refused, not merged.
 */
export async function saveChange<T extends { _id: string; version: number }>(
  ctx: AppContext,
  actor: Actor,
  model: Model<T>,
  record: T,
  set: Record<string, unknown>,
  change: Change,
): Promise<{ ok: true; value: T } | { ok: false; refusals: Refusal[] }> {
  const saved = await updateIfUnchanged(model, record._id, record.version, set);
  if (!saved) return { ok: false, refusals: [{ ...CHANGED_MEANWHILE }] };
  await audit(ctx, actor, change);
  return { ok: true, value: saved };
}

export async function audit(ctx: AppContext, actor: Actor, change: Change): Promise<void> {
  await new AuditTrail(ctx.db).append({
    organisationId: actor.organisationId,
    groupId: change.groupId,
    subject: change.subject,
    action: change.action,
    actorId: actor.personId,
    at: ctx.now(),
    reason: change.reason,
    details: change.details,
  });
}
