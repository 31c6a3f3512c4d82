export type DatabaseSource = 'uri' | 'ferretdb' | 'mongodb-memory-server';

/** A MongoDB-protocol server the bot can talk to, and how to let it go. */
export interface RunningDatabase {
  source: DatabaseSource;
  /** Connection string without a database name unless the user gave one. */
  uri: string;
  /** Safe to log: never contains credentials. */
  description: string;
  /** The server's binary, when we started one (tests start more of the same). */
  binary?: string;
  /** The processes we started for it, so tests can check that stop() leaves none behind. */
  pids?: number[];
  /** Which embedded backend runs, when FerretDB was started by us. */
  backend?: 'sqlite' | 'postgresql';
  /** Where FerretDB on PostgreSQL keeps its tables; may hold a password, so never logged. */
  postgresqlUrl?: string;
  stop(): Promise<void>;
}
