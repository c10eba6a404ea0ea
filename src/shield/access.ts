import { User } from '../entities/user.entity';
import { DocumentAction, DocumentType, Permission, ReportKind, SimplePermission } from './permission-catalog';
import { WarehouseScope } from './warehouse-scope';

export interface Grants {
  permissions: ReadonlySet<SimplePermission>;
  warehouses: WarehouseScope;
  /** null: all report kinds. */
  reportKinds: ReadonlySet<ReportKind> | null;
  hasReportView: boolean;
  documentActions: ReadonlyMap<DocumentType, ReadonlySet<DocumentAction>>;
}

export const NO_GRANTS: Grants = {
  permissions: new Set(),
  warehouses: WarehouseScope.NONE,
  reportKinds: new Set(),
  hasReportView: false,
  documentActions: new Map(),
};

/**
 * What the viewer of one request may do: loaded once per request (access.loader.ts)
 * and read by every rule and scoped query. Pure data, no I/O.
 */
/** The application a request comes through (token claim `azp`/`client_id`); its grants are already intersected in. */
export interface AccessApplication {
  id: number;
  clientId: string;
  name: string;
  vendor: string;
}

export class Access {
  constructor(readonly user: User | null, readonly grants: Grants, readonly application: AccessApplication | null = null) {}

  static anonymous(): Access {
    return new Access(null, NO_GRANTS);
  }

  get authenticated(): boolean {
    return this.user !== null;
  }

  get userId(): number {
    if (!this.user) throw new Error('anonymous access has no user');
    return this.user.id;
  }

  has(permission: SimplePermission): boolean {
    return this.grants.permissions.has(permission);
  }

  get warehouses(): WarehouseScope {
    return this.grants.warehouses;
  }

  canSelectWarehouse(warehouseId: number | null | undefined): boolean {
    return this.grants.warehouses.has(warehouseId);
  }

  canReport(kind: ReportKind): boolean {
    return this.grants.hasReportView && (this.grants.reportKinds === null || this.grants.reportKinds.has(kind));
  }

  /** DESIGN §2: every action on a type implies VIEW of that type (acting on a document needs finding it). */
  canDocument(type: DocumentType, action: DocumentAction): boolean {
    const actions = this.grants.documentActions.get(type);
    if (!actions) return false;
    return action === DocumentAction.VIEW ? actions.size > 0 : actions.has(action);
  }

  /** Document types the viewer may see at all: any action on a type implies VIEW (DESIGN §2). */
  viewableDocumentTypes(): DocumentType[] {
    return [...this.grants.documentActions].filter(([, actions]) => actions.size > 0).map(([type]) => type);
  }

  /** Flat list of effective permissions, for `viewer` and explanations. */
  permissionList(): Permission[] {
    const list: Permission[] = [...this.grants.permissions];
    if (!this.grants.warehouses.isEmpty) list.push(Permission.WAREHOUSE_SELECT);
    if (this.grants.hasReportView) list.push(Permission.REPORT_VIEW);
    if (this.grants.documentActions.size > 0) list.push(Permission.DOCUMENT);
    return list.sort();
  }
}
