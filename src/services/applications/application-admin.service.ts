import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { Application, ApplicationStatus } from '../../entities/application.entity';
import { badInput, InputErrors, invalidState } from '../../errors';
import { NO_GRANTS } from '../../shield/access';
import { accessChange, assertNoEscalation, audit, AuditSubject } from '../access/access-admin.service';
import { effectiveGrants, GrantSpecInput, validateGrantSpecs } from '../access/grant-spec';
import { assertInReach } from '../access/reach';
import { parseId } from '../platform/ids';

export interface RegisterApplicationInput {
  name: string;
  description?: string | null;
  vendor?: string | null;
  callbackUrl?: string | null;
  clientId?: string | null;
  requestedPermissions: GrantSpecInput[];
}

const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{2,63}$/;

function text(value: string | null | undefined, field: string, max: number, required = false): string {
  const trimmed = (value ?? '').trim();
  if (required && !trimmed) throw badInput(field, 'must not be empty');
  if (trimmed.length > max) throw badInput(field, `at most ${max} characters`);
  return trimmed;
}

function callbackUrl(value: string | null | undefined): string | null {
  const url = (value ?? '').trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badInput('input.callbackUrl', 'must be an absolute URL');
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(parsed.hostname))) {
    throw badInput('input.callbackUrl', 'must be https (http only for localhost)');
  }
  if (url.length > 500) throw badInput('input.callbackUrl', 'at most 500 characters');
  return url;
}

async function clientIdOf(tx: EntityManager, given: string | null | undefined): Promise<string> {
  if (given === null || given === undefined || given.trim() === '') return `app_${randomBytes(12).toString('hex')}`;
  // Stored as given and matched byte-exactly against `azp` (docs/access-admin.md, exact identities):
  // no trimming, and no second id that differs from a registered one only in case.
  const clientId = given;
  if (!CLIENT_ID.test(clientId)) throw badInput('input.clientId', '3–64 characters: letters, digits and . _ : -, starting with a letter or digit');
  const clash = await tx.getRepository(Application).createQueryBuilder('a').where('LOWER(a.clientId) = :c', { c: clientId.toLowerCase() }).getOne();
  if (clash) throw badInput('input.clientId', `"${clientId}" is already registered`);
  return clientId;
}

async function requireApplication(tx: EntityManager, id: string): Promise<Application> {
  const key = parseId(id);
  const application = key === null ? null : await tx.getRepository(Application).findOneBy({ id: key });
  if (!application) throw badInput('id', 'no application with this id');
  return application;
}

/** How an application appears in the audit log. */
const snapshot = (a: Application) => ({
  id: a.id, clientId: a.clientId, name: a.name, vendor: a.vendor, status: a.status,
  requestedGrants: a.requestedGrants, approvedGrants: a.approvedGrants,
});

/**
 * Applications (DESIGN §2, issue 10): registered with the grants they request, installed by an
 * admin who holds all of them (no escalation through an app), revoked at any time. Access changes
 * like role edits: under the access-admin lock, audited in the same transaction.
 */
export const applicationAdminService = {
  list(ctx: RequestContext, status: ApplicationStatus | null | undefined): Promise<Application[]> {
    return ctx.db.getRepository(Application).find({ where: status ? { status } : {}, order: { name: 'ASC', id: 'ASC' } });
  },

  byId(ctx: RequestContext, id: string): Promise<Application | null> {
    const key = parseId(id);
    return key === null ? Promise.resolve(null) : ctx.db.getRepository(Application).findOneBy({ id: key });
  },

  register(ctx: RequestContext, input: RegisterApplicationInput): Promise<Application> {
    return accessChange(ctx, async (tx) => {
      const errors = new InputErrors();
      const name = errors.check(() => text(input.name, 'input.name', 128, true));
      const description = errors.check(() => text(input.description, 'input.description', 1000));
      const vendor = errors.check(() => text(input.vendor, 'input.vendor', 128));
      const url = errors.check(() => callbackUrl(input.callbackUrl));
      const requested = input.requestedPermissions;
      if (!requested.length) errors.add('input.requestedPermissions', 'request at least one permission');
      const requestedGrants = await errors.checkAsync(() => validateGrantSpecs(tx, requested, 'input.requestedPermissions'));
      const clientId = await errors.checkAsync(() => clientIdOf(tx, input.clientId));
      errors.throwIfAny();
      const application = await tx.save(Application, tx.create(Application, {
        clientId, name, description, vendor, callbackUrl: url, status: ApplicationStatus.REQUESTED, requestedGrants,
        approvedGrants: null, registeredById: ctx.access.userId, installedById: null, installedAt: null, revokedById: null, revokedAt: null,
      }));
      await audit(ctx, tx, 'APPLICATION_REGISTERED', AuditSubject.APPLICATION, application.id, null, snapshot(application));
      return application;
    });
  },

  /** Approves everything the application requests; the installing admin must hold all of it. */
  install(ctx: RequestContext, id: string): Promise<Application> {
    return accessChange(ctx, async (tx) => {
      const application = await requireApplication(tx, id);
      if (application.status === ApplicationStatus.INSTALLED) {
        throw invalidState('The application is already installed.', { status: application.status });
      }
      assertNoEscalation(ctx, NO_GRANTS, effectiveGrants(application.requestedGrants));
      const before = snapshot(application);
      Object.assign(application, {
        status: ApplicationStatus.INSTALLED, approvedGrants: application.requestedGrants,
        installedById: ctx.access.userId, installedAt: new Date(), revokedById: null, revokedAt: null,
      });
      const saved = await tx.save(Application, application);
      await audit(ctx, tx, 'APPLICATION_INSTALLED', AuditSubject.APPLICATION, saved.id, before, snapshot(saved));
      return saved;
    });
  },

  /** Refuses a requested application or withdraws an installed one; its next request is refused. */
  revoke(ctx: RequestContext, id: string): Promise<Application> {
    return accessChange(ctx, async (tx) => {
      const application = await requireApplication(tx, id);
      if (application.status === ApplicationStatus.REVOKED) {
        throw invalidState('The application is already revoked.', { status: application.status });
      }
      // Application grants like a user's: withdrawing one beyond the actor's own access is out of reach (issue 15 point 1).
      if (application.approvedGrants) assertInReach(ctx, effectiveGrants(application.approvedGrants), `Application ${application.clientId}`);
      const before = snapshot(application);
      Object.assign(application, { status: ApplicationStatus.REVOKED, revokedById: ctx.access.userId, revokedAt: new Date() });
      const saved = await tx.save(Application, application);
      await audit(ctx, tx, 'APPLICATION_REVOKED', AuditSubject.APPLICATION, saved.id, before, snapshot(saved));
      return saved;
    });
  },
};
