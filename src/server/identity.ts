import { createRemoteJWKSet, errors, JWTPayload, JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { Config } from '../config';

export interface Identity {
  /** The user's login (`sub`). */
  login: string;
  /** An application's client id (`azp` or `client_id`), when an integration calls on the user's behalf. */
  clientId?: string;
}

export class InvalidToken extends Error {}

/** Clock skew tolerated between the token issuer and this server (exp, nbf, iat), in seconds. */
export const CLOCK_SKEW_SECONDS = 60;

/** Verifies bearer tokens: HS256 with JWT_SECRET, or RS256/ES256 against a JWKS URL. */
export function createTokenVerifier(config: Config) {
  const jwks: JWTVerifyGetKey | undefined = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  const options = {
    algorithms: jwks ? ['RS256', 'ES256'] : ['HS256'],
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_SKEW_SECONDS,
    ...(config.jwtIssuer ? { issuer: config.jwtIssuer } : {}),
    ...(config.jwtAudience ? { audience: config.jwtAudience } : {}),
  };

  return async (token: string): Promise<Identity> => {
    try {
      const { payload } = jwks ? await jwtVerify(token, jwks, options) : await jwtVerify(token, secret!, options);
      assertBounded(payload, config.jwtMaxLifetimeSeconds);
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidToken('token has no subject');
      const clientId = clientIdOf(payload);
      return { login: payload.sub, ...(clientId !== undefined ? { clientId } : {}) };
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidToken('token expired');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp') throw new InvalidToken('token has no expiry');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') throw new InvalidToken('token not yet valid');
      throw new InvalidToken('token invalid');
    }
  };
}

/**
 * A token is bounded (issue 15 point 5): its lifetime, counted from `iat` (or from now when the
 * issuer sets none), is at most JWT_MAX_LIFETIME, and it was not issued in the future beyond
 * the clock skew (a token "issued" years ahead would outlive any rotation of keys or roles).
 */
function assertBounded(payload: JWTPayload, maxLifetimeSeconds: number): void {
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number') throw new InvalidToken('token has no expiry');
  if (payload.iat !== undefined && payload.iat > now + CLOCK_SKEW_SECONDS) throw new InvalidToken('token issued in the future');
  const start = typeof payload.iat === 'number' ? payload.iat : now;
  if (payload.exp - start > maxLifetimeSeconds || payload.exp - now > maxLifetimeSeconds) {
    throw new InvalidToken(`token lifetime exceeds ${maxLifetimeSeconds} s`);
  }
}

/**
 * The application a token speaks for. A claim of the wrong type, an empty one, or `azp` and
 * `client_id` naming different applications is refused rather than ignored: ignoring it would
 * let the token act as the bare user, without the application's narrower grants (fail open).
 */
function clientIdOf(payload: JWTPayload): string | undefined {
  const claims = [payload.azp, payload.client_id].filter((value) => value !== undefined);
  for (const value of claims) {
    if (typeof value !== 'string' || value === '') throw new InvalidToken('token names an application with a malformed azp/client_id');
  }
  if (claims.length === 2 && claims[0] !== claims[1]) throw new InvalidToken('token names two different applications');
  return claims[0] as string | undefined;
}

/** Development tokens (the `npm run token` CLI and tests): HS256 with the configured secret. */
export async function mintToken(
  secret: string,
  login: string,
  options: { clientId?: string; expiresIn?: string; issuer?: string; audience?: string } = {},
): Promise<string> {
  const jwt = new SignJWT({ ...(options.clientId ? { azp: options.clientId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(login)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
