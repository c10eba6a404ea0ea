import { In } from 'typeorm';
import { RequestContext } from '../../context';
import { Role } from '../../entities/role.entity';
import { RoleAssignment } from '../../entities/role-assignment.entity';
import { RoleGrant } from '../../entities/role-grant.entity';
import { User } from '../../entities/user.entity';
import { Warehouse } from '../../entities/warehouse.entity';
import { badInput } from '../../errors';
import { Application, ApplicationStatus } from '../../entities/application.entity';
import { Access, Grants } from '../../shield/access';
import { loadUserGrants } from '../../shield/access.loader';
import { permitsDocumentAction } from '../../shield/document-access';
import { intersectGrants } from '../../shield/grants';
import { DocumentAction, DocumentType, Permission, ReportKind, ScopeKind, scopeKindOf, SimplePermission } from '../../shield/permission-catalog';
import { requireUser } from './access-admin.service';
import { effectiveGrants, fromGrantRows, ValidGrant } from './grant-spec';
import { parseId } from '../platform/ids';
import { encodeId } from '../platform/opaque-ids';

export interface ExplainQuestion {
  userId: string;
  /** Through this application (token `azp`): the user's access ∩ its approved grants, as enforced. */
  clientId?: string | null;
  permission?: Permission | null;
  warehouseId?: string | null;
  reportKind?: ReportKind | null;
  documentType?: DocumentType | null;
  action?: DocumentAction | null;
}

interface Requirement {
  permission: Permission;
  warehouseId: number | null;
  reportKind: ReportKind | null;
  documentType: DocumentType | null;
  action: DocumentAction | null;
  description: string;
}

export interface Verdict { assignment: RoleAssignment; grants: boolean; reason: string }
export interface Explanation {
  user: User;
  granted: boolean;
  summary: string;
  requirements: Array<Requirement & { granted: boolean; verdicts: Verdict[] }>;
}

const req = (permission: Permission, extra: Partial<Requirement> = {}): Requirement => {
  const r = { permission, warehouseId: null, reportKind: null, documentType: null, action: null, ...extra };
  const scope = r.warehouseId !== null ? ` on warehouse ${encodeId('Warehouse', r.warehouseId)}` : r.reportKind ? ` on ${r.reportKind} reports`
    : r.documentType ? ` ${r.action} on ${r.documentType}` : permission === Permission.WAREHOUSE_SELECT ? ' on any warehouse' : '';
  return { ...r, description: `${permission}${scope}` };
};

/** Turns the question into requirements: a warehouse adds WAREHOUSE_SELECT, a document type adds DOCUMENT. */
function requirementsOf(q: ExplainQuestion, warehouseId: number | null): Requirement[] {
  if (q.action && !q.documentType) throw badInput('documentType', 'name the document type the action is on');
  const kind = q.permission ? scopeKindOf(q.permission) : null;
  if (q.reportKind && q.permission && kind !== ScopeKind.REPORT_KINDS) throw badInput('reportKind', `${q.permission} takes no report kind`);
  if (q.documentType && q.permission && kind !== ScopeKind.DOCUMENT_TYPE_ACTIONS && q.permission !== Permission.WAREHOUSE_SELECT) {
    // Asking "may she PROCESS receipts in warehouse B" combines DOCUMENT with WAREHOUSE_SELECT; other pairs make no sense.
    throw badInput('documentType', `${q.permission} takes no document type`);
  }
  const out: Requirement[] = [];
  if (q.permission && kind === ScopeKind.NONE) out.push(req(q.permission));
  if (q.permission === Permission.REPORT_VIEW || q.reportKind) out.push(req(Permission.REPORT_VIEW, { reportKind: q.reportKind ?? null }));
  if (q.permission === Permission.DOCUMENT && !q.documentType) throw badInput('documentType', 'DOCUMENT needs a document type');
  if (q.documentType) {
    // Like every document access, it needs the inventory area (DESIGN §2; canViewDocument).
    if (q.permission !== Permission.INVENTORY_VIEW) out.push(req(Permission.INVENTORY_VIEW));
    out.push(req(Permission.DOCUMENT, { documentType: q.documentType, action: q.action ?? DocumentAction.VIEW }));
  }
  if (q.permission === Permission.WAREHOUSE_SELECT || warehouseId !== null) out.push(req(Permission.WAREHOUSE_SELECT, { warehouseId }));
  if (!out.length) throw badInput('permission', 'ask about a permission, a warehouse, a report kind or a document type');
  return out;
}

const list = (ids: number[]) => `[${ids.map((id) => encodeId('Warehouse', id)).join(', ')}]`;

/** Why one assignment does or does not grant one requirement. */
function judge(r: Requirement, roleName: string, roleGrants: Grants, narrowed: Grants, scope: number[] | null): { grants: boolean; reason: string } {
  const role = `role "${roleName}"`;
  switch (r.permission) {
    case Permission.WAREHOUSE_SELECT: {
      if (roleGrants.warehouses.isEmpty) return { grants: false, reason: `${role} has no WAREHOUSE_SELECT` };
      const roleScope = roleGrants.warehouses.all ? 'all warehouses' : `warehouses ${list(roleGrants.warehouses.list())}`;
      const wanted = r.warehouseId;
      if (wanted !== null && !roleGrants.warehouses.has(wanted)) return { grants: false, reason: `${role} grants WAREHOUSE_SELECT on ${roleScope} only, not ${wanted}` };
      if (scope !== null && (wanted !== null ? !narrowed.warehouses.has(wanted) : narrowed.warehouses.isEmpty)) {
        return { grants: false, reason: `${role} grants ${roleScope}, but this assignment narrows it to ${list(scope)}` };
      }
      return { grants: true, reason: `${role} grants WAREHOUSE_SELECT on ${roleScope}${scope !== null ? `, narrowed by this assignment to ${list(scope)}` : ''}` };
    }
    case Permission.REPORT_VIEW: {
      if (!roleGrants.hasReportView) return { grants: false, reason: `${role} has no REPORT_VIEW` };
      const kinds = roleGrants.reportKinds === null ? 'all report kinds' : `[${[...roleGrants.reportKinds].sort().join(', ')}]`;
      const ok = r.reportKind === null || roleGrants.reportKinds === null || roleGrants.reportKinds.has(r.reportKind);
      return { grants: ok, reason: `${role} grants REPORT_VIEW on ${kinds}` };
    }
    case Permission.DOCUMENT: {
      const actions = [...(roleGrants.documentActions.get(r.documentType!) ?? [])];
      // Every action implies VIEW of its type (DESIGN §2), as Access.canDocument says.
      const ok = r.action === DocumentAction.VIEW ? actions.length > 0 : actions.includes(r.action!);
      return { grants: ok, reason: actions.length ? `${role} grants ${r.documentType} ${actions.sort().join(', ')}` : `${role} grants nothing on ${r.documentType}` };
    }
    default: {
      const ok = roleGrants.permissions.has(r.permission as SimplePermission);
      return { grants: ok, reason: `${role} ${ok ? 'grants' : 'does not grant'} ${r.permission}` };
    }
  }
}

/** What the enforcement says about the question, for this access object. */
function enforced(access: Access, q: ExplainQuestion, warehouseId: number | null): boolean {
  if (q.documentType) {
    const doc = { type: q.documentType, warehouseIds: warehouseId === null ? [] : [warehouseId] };
    if (!permitsDocumentAction(access, doc, q.action ?? DocumentAction.VIEW)) return false;
  } else if (warehouseId !== null ? !access.canSelectWarehouse(warehouseId) : q.permission === Permission.WAREHOUSE_SELECT && access.warehouses.isEmpty) {
    return false;
  }
  if (q.permission === Permission.REPORT_VIEW || q.reportKind) {
    if (q.reportKind ? !access.canReport(q.reportKind) : !access.grants.hasReportView) return false;
  }
  const kind = q.permission ? scopeKindOf(q.permission) : null;
  return !(q.permission && kind === ScopeKind.NONE && !access.has(q.permission as SimplePermission));
}

/** explainAccess (issue 4 §7): which role assignments grant the asked access, or why none does. */
export const explainAccessService = {
  async explain(ctx: RequestContext, q: ExplainQuestion): Promise<Explanation> {
    const user = await requireUser(ctx.db.manager, q.userId, 'userId');
    let warehouseId: number | null = null;
    if (q.warehouseId !== undefined && q.warehouseId !== null) {
      warehouseId = parseId(q.warehouseId);
      const exists = warehouseId !== null && (await ctx.db.getRepository(Warehouse).existsBy({ id: warehouseId }));
      if (!exists) throw badInput('warehouseId', 'no warehouse with this id');
    }
    const requirements = requirementsOf(q, warehouseId);

    const assignments = await ctx.db.getRepository(RoleAssignment).find({ where: { userId: user.id }, order: { id: 'ASC' } });
    const roleIds = assignments.map((a) => a.roleId);
    const roles = roleIds.length ? await ctx.db.getRepository(Role).findBy({ id: In(roleIds) }) : [];
    const rows = roleIds.length ? await ctx.db.getRepository(RoleGrant).findBy({ roleId: In(roleIds) }) : [];
    const grantsOf = new Map<number, ValidGrant[]>(roleIds.map((id) => [id, fromGrantRows(rows.filter((g) => g.roleId === id))]));

    const judged = requirements.map((r) => {
      const verdicts = assignments.map((a) => {
        const grants = grantsOf.get(a.roleId)!;
        const name = roles.find((role) => role.id === a.roleId)?.name ?? `#${encodeId('Role', a.roleId)}`;
        return { assignment: a, ...judge(r, name, effectiveGrants(grants), effectiveGrants(grants, a.warehouseScope), a.warehouseScope) };
      });
      return { ...r, granted: verdicts.some((v) => v.grants), verdicts };
    });

    const missing = judged.filter((r) => !r.granted).map((r) => r.description);
    // The verdict is the enforcement's (issue 14 point 6): the same predicates the rules and the
    // mutations ask, over the access object the user's (or their application's) request would carry.
    const userGrants = await loadUserGrants(ctx.db, user.id);
    const app = q.clientId ? await ctx.db.getRepository(Application).findOneBy({ clientId: q.clientId }) : null;
    if (q.clientId && app?.clientId !== q.clientId) throw badInput('clientId', `no application with client id "${q.clientId}"`);
    const installed = !app || app.status === ApplicationStatus.INSTALLED;
    const access = new Access(user, app ? intersectGrants(userGrants, effectiveGrants(app.approvedGrants ?? [])) : userGrants);
    const granted = user.active && installed && enforced(access, q, warehouseId);
    const summary = !user.active ? `${user.login} is deactivated: every request is refused.`
      : !installed ? `The application "${app!.name}" is not installed: its requests are refused.`
        : granted ? `${user.login}${app ? ` through "${app.name}"` : ''} has ${judged.map((r) => r.description).join(' and ')}.`
          : missing.length === 0 ? `The application "${app!.name}" is not approved for ${judged.map((r) => r.description).join(' and ')}.`
            : assignments.length === 0 ? `${user.login} holds no roles, so nothing grants ${missing.join(' or ')}.`
              : `No role assignment of ${user.login} grants ${missing.join(' or ')}.`;
    return { user, granted, summary, requirements: judged };
  },
};
