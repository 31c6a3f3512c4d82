/**
 * A map that keeps at most `limit` entries, dropping the one used longest ago: for what a process
 * keeps in memory under keys that requests name (records read, Bot Connector clients, chats).
 */
export class RecentMap<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly limit: number) {}

  /** The entry, now the most recently used; undefined when there is none. */
  peek(key: string): T | undefined {
    const found = this.entries.get(key);
    if (found === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, found);
    return found;
  }

  /** The entry, made with `make` when there is none. */
  get(key: string, make: () => T): T {
    const found = this.peek(key);
    if (found !== undefined) return found;
    const made = make();
    this.set(key, made);
    return made;
  }

  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Drops the entry, if it is still `value`. */
  drop(key: string, value: T): void {
    if (this.entries.get(key) === value) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
