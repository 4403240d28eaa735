import { ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import {
  AuthenticationError,
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** What jsonwebtoken throws for a token it cannot trust; botbuilder lets these through as a 500. */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

export const REFUSED = 'Unauthorized. Request is not authorized.';

/**
 * Bot Framework authentication that answers every untrustworthy token with
 * 401. botbuilder 4.23.3 turns a token signed with the wrong key (or with a
 * malformed signature) into a 500 carrying the library's error message;
 * that is still closed (no turn runs) but tells a prober more than it needs
 * and hides an attack as a server fault in the logs. Its other refusals
 * quote claims from the token ("Invalid AppId passed on token: ..."), which
 * CloudAdapter then prints and returns: text chosen by whoever sent it.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new ClientCache<ConnectorClient>();
  private readonly userTokenClients = new ClientCache<UserTokenClient>();

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      const result = await super.authenticateRequest(activity, authHeader);
      return {
        ...result,
        connectorFactory: this.reusing(result.connectorFactory, appIdOf(result.claimsIdentity)),
      };
    } catch (err) {
      if (err instanceof AuthenticationError || (err instanceof Error && TOKEN_ERRORS.has(err.name))) {
        // One fixed message: botbuilder's own quote the token's claims, which the caller wrote.
        throw new AuthenticationError(REFUSED, StatusCodes.UNAUTHORIZED);
      }
      throw err;
    }
  }

  /**
   * CloudAdapter asks for a ConnectorClient and a UserTokenClient on every
   * turn, and botbuilder builds each afresh: a new Azure HTTP pipeline and
   * credentials object, about a tenth of a turn's CPU time, even when the
   * replies go back in the HTTP response and the client is never used. Both
   * are stateless between calls, so one per bot identity and service URL is
   * kept and reused, as botbuilder-dotnet does (a bounded number: in local
   * mode anyone may choose the service URL).
   */
  private reusing(inner: ConnectorFactory | undefined, appId: string): ConnectorFactory | undefined {
    return inner && new ReusingConnectorFactory(inner, appId, this.connectors);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(appIdOf(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly connectors: ClientCache<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.connectors.get([this.appId, serviceUrl, audience ?? ''].join('\n'), () =>
      this.inner.create(serviceUrl, audience),
    );
  }
}

function appIdOf(identity: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';
}

/** Clients by key, created once; the oldest is forgotten past MAX_CLIENTS, and a failed creation is not kept. */
export class ClientCache<T> {
  static readonly MAX_CLIENTS = 32;
  private readonly clients = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    const known = this.clients.get(key);
    if (known) return known;
    const created = create();
    this.clients.set(key, created);
    created.catch(() => {
      if (this.clients.get(key) === created) this.clients.delete(key);
    });
    if (this.clients.size > ClientCache.MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    return created;
  }

  get size(): number {
    return this.clients.size;
  }
}
