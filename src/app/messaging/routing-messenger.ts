import { OrganisationBook } from '../../store/organisations/organisation-book';
import type { Platform } from '../../store/organisations/organisation-model';
import type { AppContext } from '../shared/context';
import type { Messenger, OutgoingMessage, Recipient, SendOutcome } from './messenger';

/**
 * The proactive-message function the scheduler uses: it sends through whichever platform the
 * recipient's organisation runs on, so the scheduler never knows which one it talks to.
 */
export class RoutingMessenger implements Messenger {
  private readonly platforms = new Map<string, Platform>();

  constructor(
    private readonly ctx: AppContext,
    private readonly byPlatform: Partial<Record<Platform, Messenger>>,
  ) {}

  async send(to: Recipient, message: OutgoingMessage): Promise<SendOutcome> {
    const platform = await this.platformOf(to.organisationId);
    const messenger = platform ? this.byPlatform[platform] : undefined;
    if (!messenger)
      return {
        sent: false,
        retryable: false,
        reason: platform ? `${platform} is not switched on here` : 'no such organisation',
      };
    return messenger.send(to, message);
  }

  private async platformOf(organisationId: string): Promise<Platform | undefined> {
    const known = this.platforms.get(organisationId);
    if (known) return known;
    const platform = await new OrganisationBook(this.ctx.db).platformOf(organisationId);
    if (platform) this.platforms.set(organisationId, platform);
    return platform;
  }
}
