import { RequestContext } from '../../context';
import { roleAdminService } from '../access/role-admin.service';
import { formLayoutService } from '../catalog/form-layout.service';
import { productService } from '../catalog/product.service';
import { settingsAdminService } from '../catalog/settings-admin.service';
import { warehouseService } from '../catalog/warehouse.service';
import { visibleDocumentLoader } from '../documents/document-query.service';
import { movementBalanceLoader } from '../documents/movement-history.service';
import { tagNode } from './node-kinds';
import { IdKind } from './opaque-ids';
import { FORM_LAYOUT_TYPES, SETTINGS_KEY } from './singleton-keys';

/** A ledger row with its running balance in its own warehouse (StockMovement.balance, as `movements(productId, warehouseId)` shows it). */
async function movement(ctx: RequestContext, key: number) {
  const row = await ctx.loaders.stockMovement.load(key);
  return row && Object.assign(row, { balance: await movementBalanceLoader(ctx).load(key) });
}

/**
 * How each kind of node is found: through the request's loaders (src/loaders), the same its own
 * lookup uses (`warehouse(id:)`, `document(id:)` …) or a scoped read of the row, so the lookups of
 * one `nodes(ids:)` are batched — one statement per kind (and step), whatever the number of ids.
 * Hidden rows are not fetched; whether the viewer may look the kind up at all, and the row guard
 * of its type, are the shield's (the Node guard).
 */
const FINDERS: Record<IdKind, (ctx: RequestContext, key: number) => Promise<object | null>> = {
  Warehouse: (ctx, key) => warehouseService.byId(ctx, String(key)),
  Product: (ctx, key) => productService.byId(ctx, String(key)),
  InventoryDocument: (ctx, key) => visibleDocumentLoader(ctx).load(key),
  // A line is found through its document, which must be visible; the line's own warehouses are the guard's.
  DocumentItem: async (ctx, key) => {
    const item = await ctx.loaders.documentItem.load(key);
    return item && (await visibleDocumentLoader(ctx).load(item.documentId)) ? item : null;
  },
  StockLevel: (ctx, key) => ctx.loaders.stockLevel.load(key),
  StockMovement: movement,
  Reservation: (ctx, key) => ctx.loaders.reservation.load(key),
  User: (ctx, key) => ctx.loaders.user.load(key),
  Role: (ctx, key) => roleAdminService.byId(ctx, String(key)),
  RoleAssignment: (ctx, key) => ctx.loaders.roleAssignment.load(key),
  Application: (ctx, key) => ctx.loaders.application.load(key),
  AccessAuditEntry: (ctx, key) => ctx.loaders.auditEntry.load(key),
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

  /** All looked up at once, so the loaders batch them; an id given twice is looked up once. */
  byIds(ctx: RequestContext, values: string[]): Promise<Array<object | null>> {
    const found = new Map<string, Promise<object | null>>();
    for (const value of values) if (!found.has(value)) found.set(value, nodeService.byId(ctx, value));
    return Promise.all(values.map((value) => found.get(value)!));
  },
};
