import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { DocumentItem } from '../../entities/document-item.entity';
import { writeDocumentWarehouses } from '../documents/document-warehouses';
import { DocumentStatus, InventoryDocument } from '../../entities/inventory-document.entity';
import { Product } from '../../entities/product.entity';
import { Role } from '../../entities/role.entity';
import { RoleAssignment } from '../../entities/role-assignment.entity';
import { RoleGrant } from '../../entities/role-grant.entity';
import { User } from '../../entities/user.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { DocumentType } from '../../shield/permission-catalog';
import { numberingWarehouse, takeDocumentNumber } from '../documents/document-number';
import { postMovements } from '../documents/ledger.service';
import { reversalOf } from '../documents/movements';
import { exactly, plannedRowsOf, valueRows } from '../documents/valuation';
import { utcDay } from '../documents/document-dates';
import { planCount } from '../documents/stock-count';
import { captureCosts, purchasePriceOf } from '../documents/cost-capture';
import { GrantSpec, grantRows } from '../access/standard-roles';
import { ensureStandardRoles } from '../access/standard-roles.service';

/**
 * A small declarative description of a data set: the demo data and test fixtures are
 * both written this way. Keys are names local to the spec; `SeedResult` maps them to ids.
 */
export interface SeedSpec {
  warehouses?: Array<{ key: string; code?: string; name?: string; address?: string; isDefault?: boolean; active?: boolean }>;
  products?: Array<{
    key: string; sku?: string; name?: string; parent?: string; attributes?: Record<string, string>;
    purchasePrice?: string | null; salePrice?: string | null; unit?: string;
  }>;
  /** Custom roles; the standard roles are created with `standardRoles: true` and referenced by their SystemRole key. */
  roles?: Array<{ key: string; name?: string; description?: string; grants: GrantSpec[] }>;
  standardRoles?: boolean;
  users?: Array<{ key: string; login?: string; name?: string; active?: boolean; roles: Array<{ role: string; warehouses?: string[] }> }>;
  documents?: Array<{
    key: string; type: DocumentType; status?: DocumentStatus; title?: string; author: string; at?: Date; cancelledAt?: Date;
    dealRef?: string;
    items: Array<{ product: string; quantity: string; price?: string; from?: string; to?: string }>;
  }>;
}

export interface SeedResult {
  warehouses: Record<string, number>;
  products: Record<string, number>;
  roles: Record<string, number>;
  users: Record<string, number>;
  documents: Record<string, number>;
}

const keyed = (result: Record<string, number>, kind: string, key: string) => {
  const id = result[key];
  if (id === undefined) throw new Error(`seed: unknown ${kind} "${key}"`);
  return id;
};

export async function applySeed(db: DataSource, spec: SeedSpec): Promise<SeedResult> {
  return db.transaction((tx) => seedInto(tx, spec));
}

async function seedInto(tx: EntityManager, spec: SeedSpec): Promise<SeedResult> {
  const result: SeedResult = { warehouses: {}, products: {}, roles: {}, users: {}, documents: {} };

  for (const w of spec.warehouses ?? []) {
    const saved = await tx.save(Warehouse, tx.create(Warehouse, {
      code: w.code ?? w.key.toUpperCase(), name: w.name ?? `Warehouse ${w.key}`, address: w.address ?? null,
      isDefault: w.isDefault ?? false, active: w.active ?? true,
    }));
    result.warehouses[w.key] = saved.id;
  }

  for (const p of spec.products ?? []) {
    const saved = await tx.save(Product, tx.create(Product, {
      sku: p.sku ?? p.key.toUpperCase(), name: p.name ?? `Product ${p.key}`,
      parentId: p.parent ? keyed(result.products, 'product', p.parent) : null, attributes: p.attributes ?? null,
      purchasePrice: p.purchasePrice === undefined ? new Decimal('10') : p.purchasePrice === null ? null : new Decimal(p.purchasePrice),
      salePrice: p.salePrice === undefined || p.salePrice === null ? null : new Decimal(p.salePrice), unit: p.unit ?? 'pcs',
    }));
    result.products[p.key] = saved.id;
  }

  // The standard roles may already exist (database.ts creates them on every start).
  if (spec.standardRoles) Object.assign(result.roles, await ensureStandardRoles(tx));
  for (const r of spec.roles ?? []) {
    const role = await tx.save(Role, tx.create(Role, { name: r.name ?? r.key, description: r.description ?? '', systemKey: null }));
    result.roles[r.key] = role.id;
    await tx.save(RoleGrant, grantRows(role.id, r.grants, (key) => keyed(result.warehouses, 'warehouse', String(key))));
  }

  for (const u of spec.users ?? []) {
    const user = await tx.save(User, tx.create(User, { login: u.login ?? u.key, name: u.name ?? u.key, active: u.active ?? true }));
    result.users[u.key] = user.id;
    for (const a of u.roles) {
      await tx.save(RoleAssignment, tx.create(RoleAssignment, {
        userId: user.id, roleId: keyed(result.roles, 'role', a.role),
        warehouseScope: a.warehouses ? a.warehouses.map((w) => keyed(result.warehouses, 'warehouse', w)) : null,
      }));
    }
  }

  for (const d of spec.documents ?? []) {
    result.documents[d.key] = await seedDocument(tx, d, result);
  }
  return result;
}

/** Expands grant specs into role_grant rows (DOCUMENT: one row per type × action); warehouses named by seed key. */
async function seedDocument(tx: EntityManager, d: NonNullable<SeedSpec['documents']>[number], ids: SeedResult): Promise<number> {
  const at = d.at ?? new Date();
  const status = d.status ?? DocumentStatus.PROCESSED;
  const authorId = keyed(ids.users, 'user', d.author);
  const sides = d.items.map((i) => ({
    fromWarehouseId: i.from ? keyed(ids.warehouses, 'warehouse', i.from) : null,
    toWarehouseId: i.to ? keyed(ids.warehouses, 'warehouse', i.to) : null,
  }));
  const doc = await tx.save(InventoryDocument, tx.create(InventoryDocument, {
    type: d.type, status: DocumentStatus.DRAFT, ...await takeDocumentNumber(tx, d.type, numberingWarehouse(sides)), title: d.title ?? '',
    dealRef: d.dealRef ?? null, authorId, createdAt: at, updatedAt: at, documentDate: utcDay(at),
  }));
  const items = await tx.save(DocumentItem, d.items.map((i, n) => tx.create(DocumentItem, {
    documentId: doc.id, productId: keyed(ids.products, 'product', i.product), quantity: new Decimal(i.quantity),
    purchasePrice: i.price ? new Decimal(i.price) : null, ...sides[n],
  })));
  await writeDocumentWarehouses(tx, doc.id, items);
  if (status === DocumentStatus.DRAFT) return doc.id;

  // Valued as processing values them (DESIGN §1): outgoing lines at their source's average cost;
  // a count's differences against the book at `at` (stock-count.ts).
  const { planned, books } = d.type === DocumentType.INVENTORY_COUNT ? await planCount(tx, doc, items, at, at)
    : { planned: plannedRowsOf(doc, items, (item) => item.purchasePrice ?? new Decimal(0), at), books: null };
  const rows = planned.map((p) => p.row);
  const price = (productId: number) => purchasePriceOf(tx, productId);
  await postMovements(tx, rows, false, (states) => valueRows(planned, states, price));
  await captureCosts(tx, items, rows, (item) => ({ bookQuantity: books?.get(item.id) }));
  Object.assign(doc, { status: DocumentStatus.PROCESSED, processedAt: at, processedById: authorId });
  if (status === DocumentStatus.CANCELLED) {
    const cancelledAt = d.cancelledAt ?? at;
    const reversal = reversalOf(rows, cancelledAt);
    await postMovements(tx, reversal, false, (states) => valueRows(exactly(reversal), states, price));
    Object.assign(doc, { status: DocumentStatus.CANCELLED, cancelledAt, cancelledById: authorId });
  }
  await tx.save(InventoryDocument, doc);
  return doc.id;
}
