import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  ConnectorFactory,
  type ConnectorClient,
  JwtTokenValidation,
  type UserTokenClient,
} from 'botframework-connector';

/**
 * How many clients are kept: one per Bot Connector address (a handful per cloud region) and
 * audience. In emulator mode the address is whatever a request says, so the map is bounded.
 */
export const KEPT_CLIENTS = 64;

/** A bounded map, the entry used longest ago going first. */
class Kept<T> {
  private readonly entries = new Map<string, T>();

  get(key: string, make: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const made = make();
    this.entries.set(key, made);
    if (this.entries.size > KEPT_CLIENTS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return made;
  }

  /** Drops the entry, if it is still `value`. */
  drop(key: string, value: T): void {
    if (this.entries.get(key) === value) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * botbuilder's CloudAdapter builds a new Bot Connector client, with its HTTP pipeline, and a new
 * user token client for every activity, before the bot sees it: about a twentieth of the bot's
 * CPU under a burst of card actions. The clients hold nothing of the request (credentials follow
 * from the bot's app id and the audience, and fetch and cache their own tokens), so one per app
 * id, address and audience is kept and shared, as botbuilder's older BotFrameworkAdapter did.
 */
export class KeptClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Kept<Promise<ConnectorClient>>();
  private readonly tokenClients = new Kept<Promise<UserTokenClient>>();

  constructor(options: ConfigurationBotFrameworkAuthenticationOptions) {
    super(options);
  }

  override async authenticateRequest(
    activity: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>[0],
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.keptFactory(result) };
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

  private keptFactory(result: AuthenticateRequestResult): ConnectorFactory | undefined {
    const inner = result.connectorFactory;
    if (!inner) return undefined;
    const appId = appIdOf(result.claimsIdentity);
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
  private keep<T>(kept: Kept<Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    const client = kept.get(key, make);
    client.catch(() => kept.drop(key, client));
    return client;
  }
}

function appIdOf(identity: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';
}
