import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  type ClaimsIdentity,
  ConnectorFactory,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import { RecentMap } from '../../store/cache/recent-map';

/**
 * How many clients are kept: one per Bot Connector address (a handful per cloud region) and
 * audience. In emulator mode the address is whatever a request says, so the map is bounded.
 */
export const KEPT_CLIENTS = 64;

/**
 * botbuilder's CloudAdapter builds a new Bot Connector client, with its HTTP pipeline, and a new
 * user token client for every activity, before the bot sees it: about a twentieth of the bot's
 * CPU under a burst of card actions. The clients hold nothing of the request (credentials follow
 * from the bot's app id and the audience, and fetch and cache their own tokens), so one per app
 * id, address and audience is kept and shared, as botbuilder's older BotFrameworkAdapter did,
 * by turns and by proactive sends (a private answer, the outbox) alike. Nothing changes a kept
 * client: the outbox's sends skip the retry policy on a copy of its pipeline (single-try.ts).
 */
export class KeptClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new RecentMap<Promise<ConnectorClient>>(KEPT_CLIENTS);
  private readonly tokenClients = new RecentMap<Promise<UserTokenClient>>(KEPT_CLIENTS);

  constructor(options: ConfigurationBotFrameworkAuthenticationOptions) {
    super(options);
  }

  override async authenticateRequest(
    activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const inner = result.connectorFactory;
    return inner
      ? { ...result, connectorFactory: this.keptFactory(inner, result.claimsIdentity) }
      : result;
  }

  /** Proactive sends (continueConversationAsync, createConversationAsync) get kept clients too. */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.keptFactory(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.keep(this.tokenClients, appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }

  /** How many clients are kept now (for tests). */
  get keptCount(): number {
    return this.connectors.size + this.tokenClients.size;
  }

  private keptFactory(inner: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(identity);
    const connectors = this.connectors;
    const keep = this.keep.bind(this);
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return keep(connectors, JSON.stringify([appId, serviceUrl, audience ?? '']), () =>
          inner.create(serviceUrl, audience),
        );
      }
    })();
  }

  /** A client that failed to be made is not kept: the next activity tries again. */
  private keep<T>(kept: RecentMap<Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    const client = kept.get(key, make);
    client.catch(() => kept.drop(key, client));
    return client;
  }
}

/**
 * The app id the clients are made for, read as botbuilder reads it: the token's audience (a
 * request from a channel), else its appid claim (the emulator); none for unauthenticated requests.
 */
function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}
