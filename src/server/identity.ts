import { createRemoteJWKSet, errors, JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { Config } from '../config';

export interface Identity {
  /** The user's login (`sub`). */
  login: string;
  /** An application's client id (`azp` or `client_id`), when an integration calls on the user's behalf. */
  clientId?: string;
}

export class InvalidToken extends Error {}

/** Verifies bearer tokens: HS256 with JWT_SECRET, or RS256/ES256 against a JWKS URL. */
export function createTokenVerifier(config: Config) {
  const jwks: JWTVerifyGetKey | undefined = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  const secret = config.jwtSecret ? new TextEncoder().encode(config.jwtSecret) : undefined;
  const options = {
    algorithms: jwks ? ['RS256', 'ES256'] : ['HS256'],
    ...(config.jwtIssuer ? { issuer: config.jwtIssuer } : {}),
    ...(config.jwtAudience ? { audience: config.jwtAudience } : {}),
  };

  return async (token: string): Promise<Identity> => {
    try {
      const { payload } = jwks ? await jwtVerify(token, jwks, options) : await jwtVerify(token, secret!, options);
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new InvalidToken('token has no subject');
      const clientId = (payload.azp ?? payload.client_id) as unknown;
      return { login: payload.sub, ...(typeof clientId === 'string' ? { clientId } : {}) };
    } catch (error) {
      if (error instanceof InvalidToken) throw error;
      if (error instanceof errors.JWTExpired) throw new InvalidToken('token expired');
      throw new InvalidToken('token invalid');
    }
  };
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
