import { EntityManager, In } from 'typeorm';
import { RoleGrant } from '../../entities/role-grant.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { InputErrors } from '../../errors';
import { Grants } from '../../shield/access';
import { combineGrants } from '../../shield/grants';
import {
  DocumentAction, DocumentType, Permission, PERMISSION_CATALOG, ReportKind, ScopeKind,
} from '../../shield/permission-catalog';

/**
 * A grant as admins (and later applications, issue 10) submit it: the permission catalog's
 * shape. Scopes: `warehouseIds` for WAREHOUSE_SELECT, `reportKinds` for REPORT_VIEW — omitted
 * or null means ALL; `documentType` + `actions` for DOCUMENT.
 */
export interface GrantSpecInput {
  permission: string;
  warehouseIds?: Array<string | number> | null;
  reportKinds?: string[] | null;
  documentType?: string | null;
  actions?: string[] | null;
}

/** A validated grant in canonical form (sorted, ids resolved): what is stored and audited. */
export interface ValidGrant {
  permission: Permission;
  warehouseIds: number[] | null;
  reportKinds: ReportKind[] | null;
  documentType: DocumentType | null;
  actions: DocumentAction[];
}

const PERMISSIONS = new Set<string>(Object.values(Permission));
const isOneOf = <T extends string>(values: Record<string, T>, value: unknown): value is T =>
  typeof value === 'string' && (Object.values(values) as string[]).includes(value);

/**
 * Validates grant specs against the catalog and the warehouses that exist; every problem is
 * reported at once, each a field error naming its path from the argument (e.g.
 * `grants[2].warehouseIds`, issue 18 §4). Nothing is written.
 */
export async function validateGrantSpecs(tx: EntityManager, specs: GrantSpecInput[], field = 'grants'): Promise<ValidGrant[]> {
  const errors = new InputErrors();
  const checked = specs.map((spec, i) => ({ at: `${field}[${i}]`, grant: checkSpec(spec, `${field}[${i}]`, errors) }));
  const valid = checked.filter((c): c is { at: string; grant: ValidGrant } => c.grant !== null);
  const seen = new Set<string>();
  for (const { at, grant: g } of valid) {
    const key = g.permission === Permission.DOCUMENT ? `${g.permission}:${g.documentType}` : g.permission;
    if (seen.has(key)) errors.add(`${at}.permission`, `${key} is listed twice; list each permission (each document type) once`);
    seen.add(key);
  }
  const wanted = [...new Set(valid.flatMap((c) => c.grant.warehouseIds ?? []))];
  if (wanted.length) {
    const found = new Set((await tx.getRepository(Warehouse).findBy({ id: In(wanted) })).map((w) => w.id));
    for (const { at, grant } of valid) {
      const unknown = (grant.warehouseIds ?? []).find((id) => !found.has(id));
      if (unknown !== undefined) errors.add(`${at}.warehouseIds`, 'no warehouse with this id');
    }
  }
  errors.throwIfAny();
  return sortGrants(valid.map((c) => c.grant));
}

/** One spec in canonical form, or null when a problem (added to `errors`) leaves it meaningless. */
function checkSpec(spec: GrantSpecInput, at: string, errors: InputErrors): ValidGrant | null {
  if (!PERMISSIONS.has(spec.permission)) {
    errors.add(`${at}.permission`, `unknown permission "${spec.permission}"`);
    return null;
  }
  const before = errors.count;
  const permission = spec.permission as Permission;
  const kind = PERMISSION_CATALOG.find((p) => p.permission === permission)!.scopeKind;
  const has = (value: unknown) => value !== undefined && value !== null;
  const refuse = (name: string) => errors.add(`${at}.${name}`, `${permission} takes no ${name}`);
  if (kind !== ScopeKind.WAREHOUSES && has(spec.warehouseIds)) refuse('warehouseIds');
  if (kind !== ScopeKind.REPORT_KINDS && has(spec.reportKinds)) refuse('reportKinds');
  if (kind !== ScopeKind.DOCUMENT_TYPE_ACTIONS && has(spec.documentType)) refuse('documentType');
  if (kind !== ScopeKind.DOCUMENT_TYPE_ACTIONS && has(spec.actions)) refuse('actions');

  const grant: ValidGrant = { permission, warehouseIds: null, reportKinds: null, documentType: null, actions: [] };
  if (kind === ScopeKind.WAREHOUSES && has(spec.warehouseIds)) {
    const ids = spec.warehouseIds!.map((id) => (/^\d{1,15}$/.test(String(id)) ? Number(id) : NaN));
    if (ids.length === 0) errors.add(`${at}.warehouseIds`, 'name at least one warehouse, or omit it for ALL');
    else if (ids.some(Number.isNaN)) errors.add(`${at}.warehouseIds`, 'no warehouse with this id');
    else grant.warehouseIds = [...new Set(ids)].sort((a, b) => a - b);
  }
  if (kind === ScopeKind.REPORT_KINDS && has(spec.reportKinds)) {
    const bad = spec.reportKinds!.find((k) => !isOneOf(ReportKind, k));
    if (bad !== undefined) errors.add(`${at}.reportKinds`, `unknown report kind "${bad}"`);
    else if (spec.reportKinds!.length === 0) errors.add(`${at}.reportKinds`, 'name at least one report kind, or omit it for ALL');
    else grant.reportKinds = [...new Set(spec.reportKinds as ReportKind[])].sort();
  }
  if (kind === ScopeKind.DOCUMENT_TYPE_ACTIONS) {
    if (!isOneOf(DocumentType, spec.documentType)) errors.add(`${at}.documentType`, 'DOCUMENT needs a known document type');
    else grant.documentType = spec.documentType;
    const actions = spec.actions ?? [];
    const bad = actions.find((a) => !isOneOf(DocumentAction, a));
    if (bad !== undefined) errors.add(`${at}.actions`, `unknown document action "${bad}"`);
    else if (actions.length === 0) errors.add(`${at}.actions`, 'DOCUMENT needs at least one action');
    else grant.actions = ACTION_ORDER.filter((a) => actions.includes(a));
  }
  return errors.count > before ? null : grant;
}

const ACTION_ORDER = Object.values(DocumentAction);

const sortGrants = (grants: ValidGrant[]) =>
  [...grants].sort((a, b) => a.permission.localeCompare(b.permission) || (a.documentType ?? '').localeCompare(b.documentType ?? ''));

/** role_grant rows of a role (DOCUMENT: one row per type × action). */
export function toGrantRows(roleId: number, grants: ValidGrant[]): RoleGrant[] {
  return grants.flatMap((g) => {
    const row = (extra: Partial<RoleGrant>) =>
      Object.assign(new RoleGrant(), { roleId, permission: g.permission, documentType: null, action: null, scope: null, ...extra });
    if (g.permission === Permission.DOCUMENT) return g.actions.map((action) => row({ documentType: g.documentType, action }));
    if (g.permission === Permission.WAREHOUSE_SELECT) return [row({ scope: g.warehouseIds })];
    if (g.permission === Permission.REPORT_VIEW) return [row({ scope: g.reportKinds })];
    return [row({})];
  });
}

/** The canonical grants of a role from its stored rows. */
export function fromGrantRows(rows: RoleGrant[]): ValidGrant[] {
  const byKey = new Map<string, ValidGrant>();
  for (const r of rows) {
    const key = r.permission === Permission.DOCUMENT ? `${r.permission}:${r.documentType}` : r.permission;
    const grant = byKey.get(key) ?? {
      permission: r.permission, documentType: r.documentType, actions: [],
      warehouseIds: r.permission === Permission.WAREHOUSE_SELECT && r.scope ? r.scope.map(Number).sort((a, b) => a - b) : null,
      reportKinds: r.permission === Permission.REPORT_VIEW && r.scope ? ([...r.scope].sort() as ReportKind[]) : null,
    };
    if (r.action && !grant.actions.includes(r.action)) grant.actions.push(r.action);
    byKey.set(key, grant);
  }
  for (const g of byKey.values()) g.actions = ACTION_ORDER.filter((a) => g.actions.includes(a));
  return sortGrants([...byKey.values()]);
}

/** What a holder of these grants may do, optionally through an assignment narrowing WAREHOUSE_SELECT. */
export function effectiveGrants(grants: ValidGrant[], assignmentWarehouseScope: number[] | null = null): Grants {
  return combineGrants(toGrantRows(0, grants).map((row) => ({
    permission: row.permission, documentType: row.documentType, action: row.action, scope: row.scope,
    assignmentWarehouseScope,
  })));
}
