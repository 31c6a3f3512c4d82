import { Types, type Connection, type Model, type Schema } from 'mongoose';
import type { EqualityFields } from './server/equality-indexes';

const schemas = new Map<string, Schema>();

/**
 * Declares a model once, for any connection: the bot and each test file have connections of
 * their own, so a model is compiled per connection on first use rather than on mongoose's global.
 */
export function defineModel<T>(
  name: string,
  schema: Schema<T>,
): (connection: Connection) => Model<T> {
  schemas.set(name, schema as Schema);
  return (connection) =>
    (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

export interface PrepareOptions {
  /** Adds indexes the server's equality filters can use where it needs them (FerretDB v1). */
  indexEqualities?: (database: string, wanted: EqualityFields[]) => Promise<unknown>;
}

/**
 * Compiles every declared model on the connection and waits for its indexes, so the unique
 * indexes that enforce "at most one" exist before the first request can race on them.
 */
export async function prepareModels(
  connection: Connection,
  options: PrepareOptions = {},
): Promise<void> {
  const wanted: EqualityFields[] = [];
  for (const [name, schema] of schemas) {
    const model =
      (connection.models[name] as Model<unknown> | undefined) ?? connection.model(name, schema);
    await model.init();
    // `_id`, and the first top-level field of each declared index: what the stores look up by
    // equality (FerretDB v1 passes no filter on a dotted path to PostgreSQL).
    const leading = schema
      .indexes()
      .map(([fields]) => Object.keys(fields).find((f) => !f.includes('.')));
    wanted.push({
      collection: model.collection.collectionName,
      fields: ['_id', ...leading.filter((f): f is string => f !== undefined)],
    });
  }
  await options.indexEqualities?.(connection.name, wanted);
}

/** Ids are ObjectId hex strings, so the domain handles plain strings. */
export function newId(): string {
  return new Types.ObjectId().toHexString();
}

export const idField = { type: String, default: newId } as const;
