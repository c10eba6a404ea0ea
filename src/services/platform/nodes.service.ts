import Decimal from 'decimal.js';
import { ObjectLiteral, Repository } from 'typeorm';
import { RequestContext } from '../../context';
import { AccessAuditEntry } from '../../entities/access-audit-entry.entity';
import { DocumentItem } from '../../entities/document-item.entity';
import { Reservation } from '../../entities/reservation.entity';
import { RoleAssignment } from '../../entities/role-assignment.entity';
import { StockLevel } from '../../entities/stock-level.entity';
import { StockMovement } from '../../entities/stock-movement.entity';
import { restrictToWarehouses } from '../../shield/scoped-query';
import { roleAdminService } from '../access/role-admin.service';
import { applicationAdminService } from '../applications/application-admin.service';
import { formLayoutService } from '../catalog/form-layout.service';
import { productService } from '../catalog/product.service';
import { settingsAdminService } from '../catalog/settings-admin.service';
import { warehouseService } from '../catalog/warehouse.service';
import { documentQueryService } from '../documents/document-query.service';
import { tagNode } from './node-kinds';
import { IdKind } from './opaque-ids';
import { FORM_LAYOUT_TYPES, SETTINGS_KEY } from './singleton-keys';

/** A row of a located type by key, in the viewer's warehouses only (DESIGN §3.1): hidden rows are never fetched. */
const located = <T extends ObjectLiteral>(ctx: RequestContext, repository: Repository<T>, key: number) =>
  restrictToWarehouses(repository.createQueryBuilder('row'), ctx.access, 'row.warehouseId').andWhere('row.id = :key', { key }).getOne();

/** A ledger row with its running balance in its own warehouse (StockMovement.balance, as `movements(productId, warehouseId)` shows it). */
async function movement(ctx: RequestContext, key: number) {
  const row = await located(ctx, ctx.db.getRepository(StockMovement), key);
  if (!row) return null;
  const rows = await ctx.db.getRepository(StockMovement).createQueryBuilder('m').select(['m.id', 'm.quantity'])
    .where('m.productId = :productId AND m.warehouseId = :warehouseId AND m.id <= :key', { productId: row.productId, warehouseId: row.warehouseId, key })
    .getMany();
  return Object.assign(row, { balance: rows.reduce((sum, r) => sum.plus(r.quantity), new Decimal(0)) });
}

/**
 * How each kind of node is found: the same service as its own lookup (`warehouse(id:)`,
 * `document(id:)` …), which scopes by the viewer in SQL, or a scoped read of the row. Whether the
 * viewer may look it up at all, and the row guard of its type, are the shield's (the Node guard).
 */
const FINDERS: Record<IdKind, (ctx: RequestContext, key: number) => Promise<object | null>> = {
  Warehouse: (ctx, key) => warehouseService.byId(ctx, String(key)),
  Product: (ctx, key) => productService.byId(ctx, String(key)),
  InventoryDocument: (ctx, key) => documentQueryService.byId(ctx, String(key)),
  // A line is found through its document, which must be visible; the line's own warehouses are the guard's.
  DocumentItem: async (ctx, key) => {
    const item = await ctx.db.getRepository(DocumentItem).findOneBy({ id: key });
    return item && (await documentQueryService.byId(ctx, String(item.documentId))) ? item : null;
  },
  StockLevel: (ctx, key) => located(ctx, ctx.db.getRepository(StockLevel), key),
  StockMovement: movement,
  Reservation: (ctx, key) => located(ctx, ctx.db.getRepository(Reservation), key),
  User: (ctx, key) => ctx.loaders.user.load(key),
  Role: (ctx, key) => roleAdminService.byId(ctx, String(key)),
  RoleAssignment: (ctx, key) => ctx.db.getRepository(RoleAssignment).findOneBy({ id: key }),
  Application: (ctx, key) => applicationAdminService.byId(ctx, String(key)),
  AccessAuditEntry: (ctx, key) => ctx.db.getRepository(AccessAuditEntry).findOneBy({ id: key }),
  InventorySettings: async (ctx, key) => (key === SETTINGS_KEY ? settingsAdminService.get(ctx) : null),
  DocumentFormLayout: async (ctx, key) => {
    const type = FORM_LAYOUT_TYPES.get(key);
    return type ? formLayoutService.get(ctx, type) : null;
  },
};

/** `Kind:key` as the id boundary decodes a Node id (src/schema/opaque-id-boundary.ts); anything else names nothing. */
function parseNode(value: string): { kind: IdKind; key: number } | null {
  const match = /^(\w+):(\d{1,16})$/.exec(value);
  if (!match || !Object.prototype.hasOwnProperty.call(FINDERS, match[1])) return null;
  return { kind: match[1] as IdKind, key: Number(match[2]) };
}

/**
 * `node(id:)` and `nodes(ids:)` (issue 18 §2): the object an id names, tagged with its kind, or null
 * when it does not exist or the viewer cannot see it — the same null either way (DESIGN §3.2).
 */
export const nodeService = {
  async byId(ctx: RequestContext, value: string): Promise<object | null> {
    const node = parseNode(value);
    if (!node) return null;
    const found = await FINDERS[node.kind](ctx, node.key);
    return found ? tagNode(found, node.kind) : null;
  },

  byIds(ctx: RequestContext, values: string[]): Promise<Array<object | null>> {
    return Promise.all(values.map((value) => nodeService.byId(ctx, value)));
  },
};
