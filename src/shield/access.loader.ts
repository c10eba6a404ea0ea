import { DataSource, EntityManager } from 'typeorm';
import { Application, ApplicationStatus } from '../entities/application.entity';
import { User } from '../entities/user.entity';
import { forbidden, unauthenticated } from '../errors';
import { effectiveGrants } from '../services/access/grant-spec';
import { Access, Grants } from './access';
import { combineGrants, GrantRow, intersectGrants } from './grants';

/**
 * Builds the per-request access object in one statement (the user joined to all grants of all
 * their assignments), whatever the number of roles — plus one for the application when the token
 * names one. Nothing is cached across requests, so an admin's change (a role edit, a revoked
 * application) applies on the very next request on every instance (issues 4, 10). One statement,
 * not the user and then the grants: every request pays it, a posting's create and process twice (issue 16 §4).
 */
export async function loadAccess(db: DataSource, login: string, clientId?: string): Promise<Access | null> {
  const application = clientId === undefined ? null : await loadApplication(db, clientId);
  const { entities: [user], raw } = await db.getRepository(User).createQueryBuilder('u')
    .leftJoin('role_assignment', 'a', 'a.userId = u.id')
    .leftJoin('role_grant', 'g', 'g.roleId = a.roleId')
    .addSelect(GRANT_COLUMNS)
    .where('u.login = :login', { login })
    .getRawAndEntities<GrantColumns>();
  // Byte-exact, whatever the column's collation does (issue 15 point 2, docs/access-admin.md).
  if (!user || user.login !== login || !user.active) return null;
  // A user without assignments (or with roles without grants) comes as one row of NULL grant columns.
  const grants = grantsOf(raw.filter((r) => r.permission !== null));
  if (!application) return new Access(user, grants);
  // DESIGN §2: an application never sees more than both the user and its approved grants allow.
  const { id, name, vendor } = application;
  return new Access(user, intersectGrants(grants, effectiveGrants(application.approvedGrants ?? [])),
    { id, clientId: application.clientId, name, vendor });
}

type GrantColumns = Omit<GrantRow, 'scope' | 'assignmentWarehouseScope'> & { scope: string | null; assignmentScope: string | null };
const GRANT_COLUMNS = ['g.permission AS permission', 'g.documentType AS documentType', 'g.action AS action', 'g.scope AS scope',
  'a.warehouseScope AS assignmentScope'];

/** A user's effective grants: the union over all their assignments, in one join (DESIGN §2). */
export async function loadUserGrants(source: DataSource | EntityManager, userId: number): Promise<Grants> {
  const rows: GrantColumns[] = await source
    .createQueryBuilder()
    .select(GRANT_COLUMNS)
    .from('role_assignment', 'a')
    .innerJoin('role_grant', 'g', 'g.roleId = a.roleId')
    .where('a.userId = :userId', { userId })
    .getRawMany();
  return grantsOf(rows);
}

const grantsOf = (rows: GrantColumns[]): Grants => combineGrants(rows.map((r) => ({
  permission: r.permission,
  documentType: r.documentType,
  action: r.action,
  scope: r.scope === null ? null : JSON.parse(r.scope),
  assignmentWarehouseScope: r.assignmentScope === null ? null : JSON.parse(r.assignmentScope),
})));

/**
 * The installed application a token names. Unknown: UNAUTHENTICATED (the token is not one we
 * issued for an integration we know); registered but not installed, or revoked: FORBIDDEN
 * (HTTP 403) for the whole request.
 */
async function loadApplication(db: DataSource, clientId: string): Promise<Application> {
  const found = await db.getRepository(Application).findOne({ where: { clientId } });
  const application = found?.clientId === clientId ? found : null;
  if (!application) throw unauthenticated(`The token names an unknown application "${clientId}".`);
  if (application.status !== ApplicationStatus.INSTALLED) {
    const error = forbidden(`The application "${application.name}" is ${application.status === ApplicationStatus.REVOKED
      ? 'revoked' : 'not installed'}; an administrator must install it before it can call the API.`,
    { reason: `APPLICATION_${application.status}`, clientId, http: { status: 403 } });
    throw error;
  }
  return application;
}
