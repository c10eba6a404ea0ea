import { DataSource } from 'typeorm';
import { unauthenticated } from '../errors';
import { Access } from '../shield/access';
import { loadAccess } from '../shield/access.loader';
import { Identity, InvalidToken } from './identity';

/**
 * Turns the Authorization header into the request's access object. No header: an
 * anonymous viewer, whom every root field refuses with UNAUTHENTICATED (introspection
 * still works, so the playground can show the docs). A header that does not carry a
 * valid token for an active user fails the whole request with UNAUTHENTICATED. A token naming
 * an application (`azp`/`client_id`): unknown → UNAUTHENTICATED, not installed or revoked →
 * FORBIDDEN (HTTP 403); installed → the user's access ∩ the app's approved grants (issue 10).
 */
export async function authenticate(
  db: DataSource,
  verify: (token: string) => Promise<Identity>,
  header: string | undefined,
): Promise<Access> {
  if (header === undefined || header === '') return Access.anonymous();
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  let identity: Identity;
  try {
    identity = await verify(match[1]);
  } catch (error) {
    if (error instanceof InvalidToken) throw unauthenticated(`The bearer token is not valid (${error.message}).`);
    throw error;
  }
  const access = await loadAccess(db, identity.login, identity.clientId);
  if (!access) throw unauthenticated('The token names an unknown or deactivated user.');
  return access;
}
