import type { Connection, Schema } from 'mongoose';
import { RecentMap } from './recent-map';

/**
 * How long a cached record may be used before it is read again. Writes made through this
 * process clear the collection's entries at once (see `clearedOnWrite`), so this bound only
 * covers changes another instance made: an officer's change on instance A is seen on
 * instance B within this many milliseconds.
 */
export const STALE_AFTER_MS = 30_000;

/** Enough for every organisation, group and conversation a landlord's bot sees in a day. */
const MAX_ENTRIES = 20_000;

interface Entry {
  value: Promise<unknown>;
  generation: number;
  loadedAt: number;
}

/**
 * Records read on every message and click that change rarely (organisations, groups and their
 * policy, conversation bindings, the people who write), kept in this process for a short while
 * so they are not read again each time.
 *
 * Each collection has a generation, moved on by every write this process makes to it (before
 * and after the write reaches the server). An entry is used only while its collection is still
 * at the generation it was read under, so a read that raced a write of this process is never
 * served afterwards, and no decision this instance makes after its own change (an officer
 * removed, a policy set) rests on what was there before.
 */
export class ReadCache {
  private readonly entries = new RecentMap<Entry>(MAX_ENTRIES);
  private readonly generations = new Map<string, number>();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** The cached value under `key`, else what `load` reads (one read for concurrent callers). */
  async get<T>(collection: string, key: string, load: () => PromiseLike<T>): Promise<T> {
    const id = `${collection}\u0000${key}`;
    const generation = this.generationOf(collection);
    const now = this.clock();
    const found = this.entries.peek(id);
    if (found && found.generation === generation && now - found.loadedAt < STALE_AFTER_MS)
      return structuredClone((await found.value) as T);
    // A mongoose query is only thenable, and runs again on each `then`: made a promise once.
    const value = Promise.resolve(load());
    const entry: Entry = { value, generation, loadedAt: now };
    this.entries.set(id, entry);
    // A failed read is not remembered: the next caller tries again.
    value.catch(() => this.entries.drop(id, entry));
    return structuredClone(await value);
  }

  /** Forgets everything kept (the bench measures a request with nothing in memory). */
  clear(): void {
    this.entries.clear();
  }

  /** This process wrote to the collection: nothing read from it before counts any more. */
  written(collection: string): void {
    this.generations.set(collection, this.generationOf(collection) + 1);
  }

  private generationOf(collection: string): number {
    return this.generations.get(collection) ?? 0;
  }
}

const caches = new WeakMap<Connection, ReadCache>();

/** The cache of one database connection: each bot, and each test file, has its own. */
export function readCacheOf(connection: Connection): ReadCache {
  let cache = caches.get(connection);
  if (!cache) {
    cache = new ReadCache();
    caches.set(connection, cache);
  }
  return cache;
}

const QUERY_WRITES = [
  'updateOne',
  'updateMany',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'deleteOne',
  'deleteMany',
] as const;

/**
 * Makes every write through the schema's model clear the cache of its collection, before the
 * write is sent and again once the server has answered. Writers that bypass mongoose (the
 * erasure of a person's data) call `readCacheOf(connection).written(name)` themselves.
 */
export function clearedOnWrite<T>(schema: Schema<T>, collection: string): void {
  const clear = (connection: Connection | undefined) => {
    if (connection) readCacheOf(connection).written(collection);
  };
  function fromQuery(this: { model: { db: Connection } }) {
    clear(this.model.db);
  }
  function fromDocumentOrModel(this: { db: Connection }) {
    clear(this.db);
  }
  schema.pre([...QUERY_WRITES], { document: false, query: true }, fromQuery);
  schema.post([...QUERY_WRITES], { document: false, query: true }, fromQuery);
  schema.pre('save', fromDocumentOrModel);
  schema.post('save', fromDocumentOrModel);
  schema.pre('insertMany', fromDocumentOrModel);
  schema.post('insertMany', fromDocumentOrModel);
  schema.pre('bulkWrite', fromDocumentOrModel);
  schema.post('bulkWrite', fromDocumentOrModel);
}
