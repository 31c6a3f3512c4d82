import type { SpeakerSettings } from '../../../app/conversations/speaker';
import type { Messenger } from '../../../app/messaging/messenger';
import type { AppContext } from '../../../app/shared/context';
import type { Logger } from '../../../log/logger';

export interface SlackListenerDeps {
  ctx: AppContext;
  settings: SpeakerSettings;
  messenger: Messenger;
  log: Logger;
  /** Slack's Web API base URL; files are fetched only from Slack or this host. */
  apiUrl: string;
}
