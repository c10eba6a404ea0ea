import { Brackets, EntityManager } from 'typeorm';
import { RequestContext } from '../../context';
import { User } from '../../entities/user.entity';
import { badInput, InputErrors } from '../../errors';
import { Page, PageArgs } from '../../schema/connection';
import { accessChange, audit, AuditSubject, requireUser } from './access-admin.service';
import { BY_ID, OrderColumn, paginate } from '../platform/paginate';
import { parseId } from '../platform/ids';
import { UserFilter, UserOrder, UserOrderField } from '../../schema/user-list.type';

const USER_COLUMNS: Record<UserOrderField, OrderColumn<User>> = {
  // Any case together, on both databases (MariaDB's collation ignores case, SQLite's does not).
  LOGIN: { path: 'LOWER(u.login)', kind: 'text' },
  NAME: { path: 'LOWER(u.name)', kind: 'text' },
};
import { assertUserInReach } from './reach';
import { likePattern } from '../catalog/product.service';

export interface UserInput {
  login?: string | null;
  name?: string | null;
  email?: string | null;
}

const LOGIN = /^[A-Za-z0-9._@-]{1,64}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const snapshot = (u: User) => ({ login: u.login, name: u.name, email: u.email, active: u.active });

function checkName(name: string | null | undefined): string {
  const text = (name ?? '').trim();
  if (!text) throw badInput('input.name', 'must not be empty');
  if (text.length > 255) throw badInput('input.name', 'at most 255 characters');
  return text;
}

function checkEmail(email: string | null | undefined): string | null {
  const text = (email ?? '').trim();
  if (!text) return null;
  if (text.length > 255 || !EMAIL.test(text)) throw badInput('input.email', 'not an e-mail address');
  return text;
}

/**
 * The login is the token's `sub`, compared byte-exactly (a binary no-pad collation on MariaDB, BINARY on SQLite;
 * docs/access-admin.md). So it is stored exactly as given — ASCII letters, digits and . _ @ -, no
 * spaces to trim, nothing to normalize — and no login may differ from an existing one only in case.
 */
async function checkLogin(tx: EntityManager, login: string | null | undefined): Promise<string> {
  const text = login ?? '';
  if (!LOGIN.test(text)) throw badInput('input.login', '1 to 64 ASCII letters, digits or . _ @ - (no spaces)');
  const clash = await tx.getRepository(User).createQueryBuilder('u').where('LOWER(u.login) = :l', { l: text.toLowerCase() }).getOne();
  if (clash) throw badInput('input.login', `the login "${clash.login}" is taken`);
  return text;
}

/**
 * Users: the login is the token's `sub` and cannot change (tokens would then name someone else).
 * Deactivation refuses every later request of the user (authenticate.ts) and keeps their history.
 */
export const userAdminService = {
  list(ctx: RequestContext, filter: { search?: string | null; includeInactive: boolean } & UserFilter, page: PageArgs,
    order: UserOrder | null = null): Promise<Page<User>> {
    const qb = ctx.db.getRepository(User).createQueryBuilder('u');
    if (!filter.includeInactive) qb.andWhere('u.active = :active', { active: true });
    const search = filter.search?.trim();
    if (search) {
      const pattern = likePattern(search);
      qb.andWhere(new Brackets((w) => {
        w.where("LOWER(u.login) LIKE :pattern ESCAPE '!'", { pattern }).orWhere("LOWER(u.name) LIKE :pattern ESCAPE '!'", { pattern });
      }));
    }
    if (filter.login) qb.andWhere('LOWER(u.login) = :login', { login: filter.login.toLowerCase() });
    if (filter.active !== undefined && filter.active !== null) qb.andWhere('u.active = :isActive', { isActive: filter.active });
    if (filter.roleId !== undefined && filter.roleId !== null) {
      qb.andWhere('u.id IN (SELECT ra.userId FROM role_assignment ra WHERE ra.roleId = :roleId)', { roleId: parseId(filter.roleId) ?? -1 });
    }
    return paginate(qb, 'u', page, order ? { key: `U${order.field}`, direction: order.direction, column: USER_COLUMNS[order.field] } : BY_ID);
  },

  create(ctx: RequestContext, input: UserInput): Promise<User> {
    return accessChange(ctx, async (tx) => {
      const errors = new InputErrors();
      const user = tx.create(User, {
        login: await errors.checkAsync(() => checkLogin(tx, input.login)),
        name: errors.check(() => checkName(input.name)),
        email: errors.check(() => checkEmail(input.email)),
        active: true,
      });
      errors.throwIfAny();
      const saved = await tx.save(User, user);
      await audit(ctx, tx, 'USER_CREATED', AuditSubject.USER, saved.id, null, snapshot(saved));
      return saved;
    });
  },

  update(ctx: RequestContext, id: string, input: UserInput): Promise<User> {
    return accessChange(ctx, async (tx) => {
      const user = await requireUser(tx, id, 'id');
      await assertUserInReach(ctx, tx, user);
      const before = snapshot(user);
      const errors = new InputErrors();
      if (input.name !== undefined && input.name !== null) user.name = errors.check(() => checkName(input.name));
      if (input.email !== undefined) user.email = errors.check(() => checkEmail(input.email));
      errors.throwIfAny();
      const saved = await tx.save(User, user);
      await audit(ctx, tx, 'USER_UPDATED', AuditSubject.USER, user.id, before, snapshot(saved));
      return saved;
    });
  },

  /**
   * Deactivating the last active ACCESS_MANAGE holder is refused by accessChange. Both directions
   * need the user within the actor's reach: reactivating gives back everything they hold, like an
   * assignment would; deactivating takes it away (issue 15 point 1).
   */
  setActive(ctx: RequestContext, id: string, active: boolean): Promise<User> {
    return accessChange(ctx, async (tx) => {
      const user = await requireUser(tx, id, 'id');
      await assertUserInReach(ctx, tx, user);
      const before = snapshot(user);
      user.active = active;
      const saved = await tx.save(User, user);
      await audit(ctx, tx, active ? 'USER_REACTIVATED' : 'USER_DEACTIVATED', AuditSubject.USER, user.id, before, snapshot(saved));
      return saved;
    });
  },
};
