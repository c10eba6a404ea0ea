import { EntityManager } from 'typeorm';
import { inTransaction } from '../platform/transaction';
import { RequestContext } from '../../context';
import { Reservation, ReservationStatus } from '../../entities/reservation.entity';
import { StockLevel } from '../../entities/stock-level.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { badInput, forbidden, InputErrors, invalidState } from '../../errors';
import { TEXT_LENGTHS } from '../../limits/limits';
import { CreateWarehouseInput, UpdateWarehouseInput } from '../../schema/warehouse-input.type';
import { Permission } from '../../shield/permission-catalog';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { parseId } from '../platform/ids';
import { notFound, unlessTaken } from '../platform/management-errors';
import { forUpdate } from '../platform/row-lock';

const { warehouseCode: CODE_LENGTH, name: NAME_LENGTH, address: ADDRESS_LENGTH } = TEXT_LENGTHS;
const CODE = new RegExp(`^[A-Za-z0-9._-]{1,${CODE_LENGTH}}$`);

const validCode = (code: string) => {
  if (!CODE.test(code)) throw badInput('input.code', `must be 1–${CODE_LENGTH} letters, digits, ".", "_" or "-"`);
  return code;
};
const validName = (name: string) => {
  if (name.length < 1 || name.length > NAME_LENGTH) throw badInput('input.name', `must be 1–${NAME_LENGTH} characters`);
  return name;
};
const validAddress = (address: string | null | undefined) => {
  const text = address?.trim() || null;
  if (text && text.length > ADDRESS_LENGTH) throw badInput('input.address', `must be at most ${ADDRESS_LENGTH} characters`);
  return text;
};

/**
 * A warehouse the viewer can select, locked for the change. Hidden and missing warehouses
 * are the same NOT_FOUND (DESIGN §3.2); scoping goes through the one SQL scoping helper.
 */
async function lockSelectable(ctx: RequestContext, tx: EntityManager, id: string): Promise<Warehouse> {
  const key = parseId(id);
  if (key === null) throw notFound('warehouse', id);
  const qb = tx.getRepository(Warehouse).createQueryBuilder('w').where('w.id = :key', { key });
  const warehouse = await forUpdate(restrictToWarehouses(qb, ctx.access, 'w.id')).getOne();
  if (!warehouse) throw notFound('warehouse', id);
  return warehouse;
}

/**
 * Codes are unique over all warehouses, so a code held by a warehouse the viewer cannot select
 * cannot be answered "as if free". The refusal then names nothing (issue 15 point 4, DESIGN
 * §3.9): the same words as for a code that is not available for any other reason, no id, no
 * name, no "already exists". A clash with a warehouse the viewer can see says which one.
 */
async function assertCodeFree(ctx: RequestContext, tx: EntityManager, code: string, exceptId: number | null) {
  // Another warehouse's number prefix (its code when created) is taken too: a number names one warehouse (docs/documents.md "Numbers").
  const qb = tx.getRepository(Warehouse).createQueryBuilder('w')
    .where('(LOWER(w.code) = :code OR LOWER(w.numberPrefix) = :code)', { code: code.toLowerCase() });
  if (exceptId !== null) qb.andWhere('w.id <> :exceptId', { exceptId });
  const clash = await qb.getOne();
  if (clash && ctx.access.canSelectWarehouse(clash.id)) {
    throw badInput('input.code', clash.code.toLowerCase() === code.toLowerCase() ? `warehouse ${clash.code} already has this code`
      : `warehouse ${clash.code} numbers its documents with "${clash.numberPrefix}" (its first code)`);
  }
  if (clash) throw badInput('input.code', unavailable(code));
}

const unavailable = (code: string) => `the code "${code}" is not available; choose another`;

// A concurrent insert that won the race may be hidden: the generic answer.
const save = (tx: EntityManager, warehouse: Warehouse) =>
  unlessTaken(() => tx.getRepository(Warehouse).save(warehouse), 'input.code', unavailable(warehouse.code));

/** What keeps a warehouse from being deactivated: being the default, stock, active reservations. */
async function deactivationBlockers(tx: EntityManager, warehouse: Warehouse) {
  const productsInStock = await tx.getRepository(StockLevel).createQueryBuilder('l')
    .where('l.warehouseId = :id AND l.quantity <> 0', { id: warehouse.id }).getCount();
  const activeReservations = await tx.getRepository(Reservation).createQueryBuilder('r')
    .where('r.warehouseId = :id AND r.status = :status AND r.expiresAt > :now',
      { id: warehouse.id, status: ReservationStatus.ACTIVE, now: new Date() })
    .getCount();
  const blockers = [
    ...(warehouse.isDefault ? ['DEFAULT_WAREHOUSE'] : []),
    ...(productsInStock ? ['STOCK'] : []),
    ...(activeReservations ? ['ACTIVE_RESERVATIONS'] : []),
  ];
  return { blockers, productsInStock, activeReservations };
}

/** Warehouses (WAREHOUSE_EDIT, issue 9 §1); see docs/catalog-and-warehouses.md for the scope decisions. */
export const warehouseAdminService = {
  async create(ctx: RequestContext, input: CreateWarehouseInput): Promise<Warehouse> {
    const errors = new InputErrors();
    const code = errors.check(() => validCode(input.code.trim()));
    const name = errors.check(() => validName(input.name.trim()));
    const address = errors.check(() => validAddress(input.address));
    return inTransaction(ctx.db, async (tx) => {
      if (code !== undefined) await errors.checkAsync(() => assertCodeFree(ctx, tx, code, null));
      errors.throwIfAny();
      // The very first warehouse becomes the default, so there is always exactly one.
      const hasDefault = await tx.getRepository(Warehouse).existsBy({ isDefault: true });
      return save(tx, tx.getRepository(Warehouse).create({ code, name, address, isDefault: !hasDefault, active: true }));
    });
  },

  async update(ctx: RequestContext, id: string, input: UpdateWarehouseInput): Promise<Warehouse> {
    const errors = new InputErrors();
    const changes: Partial<Warehouse> = {};
    if (input.code !== undefined) changes.code = errors.check(() => validCode((input.code ?? '').trim()));
    if (input.name !== undefined) changes.name = errors.check(() => validName((input.name ?? '').trim()));
    if (input.address !== undefined) changes.address = errors.check(() => validAddress(input.address));
    return inTransaction(ctx.db, async (tx) => {
      const warehouse = await lockSelectable(ctx, tx, id);
      const code = changes.code;
      if (code !== undefined) await errors.checkAsync(() => assertCodeFree(ctx, tx, code, warehouse.id));
      errors.throwIfAny();
      // The number prefix never follows the code (a row written around the entity gets its old code now).
      warehouse.numberPrefix ??= warehouse.code.toUpperCase();
      return save(tx, Object.assign(warehouse, changes));
    });
  },

  async deactivate(ctx: RequestContext, id: string): Promise<Warehouse> {
    return inTransaction(ctx.db, async (tx) => {
      const warehouse = await lockSelectable(ctx, tx, id);
      if (!warehouse.active) return warehouse;
      const { blockers, productsInStock, activeReservations } = await deactivationBlockers(tx, warehouse);
      if (blockers.length) {
        const reasons = [
          ...(warehouse.isDefault ? ['it is the default warehouse'] : []),
          ...(productsInStock ? [`it holds stock of ${productsInStock} product(s)`] : []),
          ...(activeReservations ? [`it has ${activeReservations} active reservation(s)`] : []),
        ];
        throw invalidState(`Warehouse ${warehouse.code} cannot be deactivated: ${reasons.join('; ')}.`, {
          blockers, productsInStock, activeReservations,
        });
      }
      return save(tx, Object.assign(warehouse, { active: false }));
    });
  },

  async reactivate(ctx: RequestContext, id: string): Promise<Warehouse> {
    return inTransaction(ctx.db, async (tx) => {
      const warehouse = await lockSelectable(ctx, tx, id);
      return warehouse.active ? warehouse : save(tx, Object.assign(warehouse, { active: true }));
    });
  },

  /**
   * Moves the default flag in one transaction, so there is exactly one default at every commit.
   * Changing the default edits the current default too, so the viewer must be able to select both.
   */
  async setDefault(ctx: RequestContext, id: string): Promise<Warehouse> {
    return inTransaction(ctx.db, async (tx) => {
      // The current default first: this locking read scans (and on MariaDB locks) the rows in key order, so two
      // concurrent calls queue up here instead of each holding its target and deadlocking on the other's.
      const current = await forUpdate(tx.getRepository(Warehouse).createQueryBuilder('w').where('w.isDefault = :yes', { yes: true })).getMany();
      const warehouse = await lockSelectable(ctx, tx, id);
      if (!warehouse.active) throw invalidState(`Warehouse ${warehouse.code} is inactive and cannot be the default.`, { blockers: ['INACTIVE'] });
      if (warehouse.isDefault) return warehouse;
      if (current.some((w) => !ctx.access.canSelectWarehouse(w.id))) {
        throw forbidden(`Missing permission ${Permission.WAREHOUSE_SELECT}: changing the default needs the current default warehouse too.`, {
          permission: Permission.WAREHOUSE_SELECT,
        });
      }
      await tx.getRepository(Warehouse).update({ isDefault: true }, { isDefault: false });
      return save(tx, Object.assign(warehouse, { isDefault: true }));
    });
  },
};
