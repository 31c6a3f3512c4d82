import type { Connection } from 'mongoose';
import type { Clock } from '../../domain/shared/clock';

/** What every use-case runs against: the database and the time. */
export interface AppContext {
  db: Connection;
  now: Clock;
}
