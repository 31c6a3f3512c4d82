import type { Model, QueryFilter, UpdateQuery } from 'mongoose';

/**
 * Applies `update` only if the record is still at `expectedVersion`, and bumps the version.
 * Two officers acting on the same record at once cannot overwrite each other silently: the
 * second gets null and is told to look again.
 */
export async function updateIfUnchanged<T extends { version: number }>(
  model: Model<T>,
  id: string,
  expectedVersion: number,
  update: UpdateQuery<T>,
): Promise<T | null> {
  const filter = { _id: id, version: expectedVersion } as unknown as QueryFilter<T>;
  const withVersion = { ...update, $inc: { ...(update.$inc ?? {}), version: 1 } } as UpdateQuery<T>;
  return model.findOneAndUpdate(filter, withVersion, { new: true }).lean<T>();
}

export const CHANGED_MEANWHILE = {
  code: 'changed-meanwhile',
  message: 'Someone else changed this at the same moment. Please look again and retry.',
} as const;
