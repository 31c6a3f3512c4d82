import { Types, type Connection, type Model, type Schema } from 'mongoose';
import { isDuplicateKeyError } from './connection';
import type { EqualityFields } from './server/equality-indexes';
import { FirstRunWroteError, isReplay, nextDeliveryId, unscopedId } from './delivery-scope';

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
    stopReplayAtFirstRunWrites(
      (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema),
    );
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
    const compiled: unknown = connection.models[name] ?? connection.model(name, schema);
    const model = stopReplayAtFirstRunWrites(compiled as Model<unknown>);
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

/**
 * Ids are 24 hex digits in ObjectIds' order, so the domain handles plain strings. Inside the
 * handling of a chat delivery they follow from the delivery's id (see delivery-scope), so a
 * second run of a delivery whose first died part-way creates the same records, not new ones.
 */
export function newId(): string {
  return nextDeliveryId() ?? unscopedId(new Types.ObjectId().toHexString());
}

/**
 * In a second run of a delivery, a record whose id exists already was written by the first run.
 * If the second would write it with the same unique key (every unique index but `_id`'s), it is
 * on the first run's path: the write is taken as done (the record may have moved on since, by a
 * sweep or a vote), and the run goes on to what the first never reached. If not, the second run
 * has read what the first wrote and gone another way (the first run's warning would be counted,
 * and this one numbered 2): it stops there (see delivery-scope). Any other unique key ("one vote
 * per member") answers as it always does.
 *
 * At the collection, under mongoose: its error middleware cannot turn a failed save into a
 * successful one. Every new record's save passes through insertOne.
 */
function stopReplayAtFirstRunWrites<T>(model: Model<T>): Model<T> {
  if (replayAware.has(model)) return model;
  replayAware.add(model);
  const uniqueKeys = model.schema
    .indexes()
    .filter(([, options]) => (options as { unique?: boolean } | undefined)?.unique)
    .map(([fields]) => Object.keys(fields));
  const collection = model.collection as unknown as {
    insertOne(doc: { _id?: unknown }, options?: unknown): Promise<unknown>;
  };
  const insertOne = collection.insertOne.bind(collection);
  collection.insertOne = async (doc, options) => {
    try {
      return await insertOne(doc, options);
    } catch (error) {
      if (!isReplay() || !isDuplicateKeyError(error)) throw error;
      // FerretDB does not say which unique key a duplicate broke: look for the id itself.
      const stored: unknown = await model.findById(doc._id).lean();
      if (!stored) throw error;
      const sameKey = uniqueKeys.every((key) =>
        key.every((path) => valueAt(stored, path) === valueAt(doc, path)),
      );
      if (sameKey) return { acknowledged: true, insertedId: doc._id };
      throw new FirstRunWroteError();
    }
  };
  return model;
}

const replayAware = new WeakSet<object>();

/** A field's value, by dotted path, as comparable text. */
function valueAt(record: unknown, path: string): string {
  let value: unknown = record;
  for (const part of path.split('.'))
    value =
      value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return JSON.stringify(value instanceof Date ? value.getTime() : value) ?? 'undefined';
}

export const idField = { type: String, default: newId } as const;
