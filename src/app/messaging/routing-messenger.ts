import { organisationModel } from '../../store/organisations/organisation-model';
import type { AppContext } from '../shared/context';
import type { Messenger, OutgoingMessage, Recipient, SendOutcome } from './messenger';

/**
 * The proactive-message function the scheduler uses: it sends through whichever platform the
 * recipient's organisation runs on, so the scheduler never knows which one it talks to.
 */
export class RoutingMessenger implements Messenger {
  private readonly platforms = new Map<string, string>();

  constructor(
    private readonly ctx: AppContext,
    private readonly byPlatform: Partial<Record<'teams' | 'slack', Messenger>>,
  ) {}

  async send(to: Recipient, message: OutgoingMessage): Promise<SendOutcome> {
    const platform = await this.platformOf(to.organisationId);
    const messenger = platform ? this.byPlatform[platform as 'teams' | 'slack'] : undefined;
    if (!messenger)
      return {
        sent: false,
        retryable: false,
        reason: platform ? `${platform} is not switched on here` : 'no such organisation',
      };
    return messenger.send(to, message);
  }

  private async platformOf(organisationId: string): Promise<string | undefined> {
    const known = this.platforms.get(organisationId);
    if (known) return known;
    const organisation = await organisationModel(this.ctx.db)
      .findById(organisationId)
      .select({ platform: 1 })
      .lean<{ platform: string } | null>();
    if (organisation) this.platforms.set(organisationId, organisation.platform);
    return organisation?.platform;
  }
}
