import type { Connection } from 'mongoose';
import type { Clock } from '../../domain/shared/clock';
import type { FileLinks } from '../findings/file-links';
import type { Observer } from './observer';

/** What every use-case runs against: the database and the time. */
export interface AppContext {
  db: Connection;
  now: Clock;
  /** Signs links to findings files; without it, cards list files by name only. */
  fileLinks?: FileLinks;
  /** Told how each command and click ended (the bot's metrics); absent, nobody is. */
  observer?: Observer;
}
