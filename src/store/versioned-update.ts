import { Schema, type Connection, type Model, type QueryFilter } from 'mongoose';
import { isDuplicateKeyError } from './connection';
import { defineModel } from './model-registry';

/**
 * Who moved which record to which version. The unique _id (model, record, version) is the
 * lock: of two requests changing the same record from the same version, exactly one can
 * insert the claim. A conditional findOneAndUpdate alone is not enough: FerretDB v1 applies
 * concurrent updates without isolation (measured here: up to 15 of 20 racing conditional
 * updates "won"), while a unique index holds on every server we support.
 */
interface RevisionClaimRecord {
  _id: string;
  at: Date;
  /** The update the winner applies, kept so an interrupted change can be rolled forward. */
  update: Record<string, unknown>;
}

const revisionClaimSchema = new Schema<RevisionClaimRecord>(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
    update: { type: Schema.Types.Mixed, required: true },
  },
  { collection: 'revision_claims', versionKey: false, minimize: false },
);
const revisionClaimModel = defineModel<RevisionClaimRecord>('RevisionClaim', revisionClaimSchema);

/**
 * True for the one caller, across every instance, that claims `key` first: the same unique-id
 * lock, for a change that has no version of its own (taking over a delivery left unfinished).
 */
export async function claimOnce(connection: Connection, key: string, at: Date): Promise<boolean> {
  try {
    await revisionClaimModel(connection).create({ _id: key, at, update: {} });
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

function claimId(modelName: string, id: string, version: number): string {
  return `${modelName}:${id}:${version}`;
}

/**
 * Applies `set` to the record only if it is still at `expectedVersion`, moving it to the next
 * version. Two officers acting on the same record at once cannot overwrite each other: the
 * second gets null and is told to look again.
 */
export async function updateIfUnchanged<T extends { version: number }>(
  model: Model<T>,
  id: string,
  expectedVersion: number,
  set: Record<string, unknown>,
): Promise<T | null> {
  const connection: Connection = model.db;
  const claims = revisionClaimModel(connection);
  const nextVersion = expectedVersion + 1;
  const update = { ...set, version: nextVersion };
  try {
    await claims.create({
      _id: claimId(model.modelName, id, nextVersion),
      at: new Date(),
      update,
    });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await rollForward(model, claims, id, expectedVersion);
    return null;
  }
  const filter = { _id: id, version: expectedVersion } as unknown as QueryFilter<T>;
  const updated = await model
    .findOneAndUpdate(filter, { $set: update }, { returnDocument: 'after' })
    .lean<T>();
  if (updated) return updated;
  // A loser may have rolled our claimed update forward before we wrote it: the claim for this
  // version is ours, so a record now at that version carries our change.
  const current = await model.findById(id).lean<T>();
  return current && current.version === nextVersion ? current : null;
}

/** If the claim's winner stopped before updating the record, finish its update. */
async function rollForward<T extends { version: number }>(
  model: Model<T>,
  claims: Model<RevisionClaimRecord>,
  id: string,
  expectedVersion: number,
): Promise<void> {
  const claim = await claims
    .findById(claimId(model.modelName, id, expectedVersion + 1))
    .lean<RevisionClaimRecord>();
  if (!claim) return;
  const filter = { _id: id, version: expectedVersion } as unknown as QueryFilter<T>;
  await model.updateOne(filter, { $set: claim.update });
}

export const CHANGED_MEANWHILE = {
  code: 'changed-meanwhile',
  message: 'Someone else changed this at the same moment. Please look again and retry.',
} as const;
