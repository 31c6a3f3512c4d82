import type { SpeakerSettings } from '../../../app/conversations/speaker';
import type { Messenger } from '../../../app/messaging/messenger';
import type { AppContext } from '../../../app/shared/context';
import type { Logger } from '../../../log/logger';

/** Runs work that follows an ack, a bounded number at a time (see after-ack.ts). */
export type AfterAck = <T>(work: () => Promise<T>) => Promise<T>;

export interface SlackListenerDeps {
  ctx: AppContext;
  settings: SpeakerSettings;
  messenger: Messenger;
  log: Logger;
  /** Slack's Web API base URL; files are fetched only from Slack or this host. */
  apiUrl: string;
  afterAck: AfterAck;
}
