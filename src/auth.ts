import { ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';

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
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (err instanceof AuthenticationError || (err instanceof Error && TOKEN_ERRORS.has(err.name))) {
        // One fixed message: botbuilder's own quote the token's claims, which the caller wrote.
        throw new AuthenticationError(REFUSED, StatusCodes.UNAUTHORIZED);
      }
      throw err;
    }
  }
}
