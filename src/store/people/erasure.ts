import type { Connection } from 'mongoose';
import { auditEntryModel } from '../audit/audit-entry-model';
import { readCacheOf } from '../cache/read-cache';

/**
 * Collections whose stored text is never personal or is handled on its own: the audit trail
 * (AuditTrail's erasure rewrite, below), GridFS chunks (bytes, not text), reference counters and
 * workspace installations (a workspace's token, needed to keep serving everyone else).
 */
const SKIPPED = new Set(['audit_trail', 'references', 'slack_installations', 'people']);
/**
 * These keep no organisation on their documents, so a sweep could only reach them by touching
 * every landlord's records. They are short-lived (a click's stored answer is pruned after a day, a
 * change's claim after it lands), and erasure comes years after someone leaves (the retention
 * period), so nothing of the person is left in them by then.
 */
const UNSCOPED = new Set(['revision_claims', 'inbound_deliveries', 'inbound_finishes']);

/** Replaces what `rewrite` changes in every string of a document; undefined when nothing did. */
function rewritten(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') {
    const next = rewrite(value);
    return next === value ? undefined : next;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item: unknown) => {
      const out = rewritten(item, rewrite);
      if (out === undefined) return item;
      changed = true;
      return out;
    });
    return changed ? next : undefined;
  }
  if (value && typeof value === 'object' && !(value instanceof Date) && isPlain(value)) {
    let changed = false;
    const next: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const out = rewritten(item, rewrite);
      next[key] = out === undefined ? item : out;
      if (out !== undefined) changed = true;
    }
    return changed ? next : undefined;
  }
  return undefined;
}

function isPlain(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Erasure's sweep over everything the organisation has stored: each document's strings are
 * rewritten (a person's name and platform ids to their pseudonym) wherever they occur, in any
 * collection, so a field added later is not missed. Ids, counts, dates and decisions are not
 * strings that name anyone and stay as they were. Returns how many documents changed.
 */
export async function rewriteOrganisationText(
  connection: Connection,
  organisationId: string,
  rewrite: (text: string) => string,
): Promise<number> {
  const db = connection.db;
  if (!db) throw new Error('The database is not connected.');
  let changed = 0;
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  for (const { name } of collections) {
    if (SKIPPED.has(name) || UNSCOPED.has(name)) continue;
    if (name.endsWith('.chunks') || name.startsWith('system.')) continue;
    const collection = db.collection<Record<string, unknown>>(name);
    for await (const doc of collection.find({ organisationId })) {
      const set: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(doc)) {
        if (key === '_id' || key === 'organisationId') continue;
        const out = rewritten(value, rewrite);
        if (out !== undefined) set[key] = out;
      }
      if (Object.keys(set).length === 0) continue;
      // A versioned record moves on a version, so a change read before this one cannot land.
      if (typeof doc.version === 'number') set.version = doc.version + 1;
      // Past mongoose, so the cached copies of what it rewrites are cleared here.
      readCacheOf(connection).written(name);
      await collection.updateOne({ _id: doc._id }, { $set: set });
      readCacheOf(connection).written(name);
      changed += 1;
    }
  }
  return changed;
}

/**
 * The one change the audit trail takes, and only for an erasure (UK GDPR Art. 17): a person's
 * name and platform ids in an entry's reason and details become their pseudonym. Who did what,
 * to which record and when stay exactly as written, so the trail stays whole and readable. It
 * goes under the model's append-only guard on purpose; nothing else may.
 */
export async function rewriteAuditText(
  connection: Connection,
  organisationId: string,
  rewrite: (text: string) => string,
): Promise<number> {
  const collection = auditEntryModel(connection).collection;
  let changed = 0;
  for await (const entry of collection.find({ organisationId })) {
    const set: Record<string, unknown> = {};
    for (const key of ['reason', 'details'] as const) {
      const out = rewritten(entry[key], rewrite);
      if (out !== undefined) set[key] = out;
    }
    if (Object.keys(set).length === 0) continue;
    await collection.updateOne({ _id: entry._id }, { $set: set });
    changed += 1;
  }
  return changed;
}
