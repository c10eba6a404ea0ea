import { Access } from './access';
import { DocumentAction, DocumentType, Permission, ReportKind, SimplePermission } from './permission-catalog';
import { Check, Denial, FieldRule } from './rule';

/** The field is exactly as visible as the object that carries it. */
export const withParent: FieldRule = { kind: 'withParent' };

/** Several fields of one type that are visible with their parent. */
export const visibleWithParent = (...fields: string[]): Record<string, FieldRule> =>
  Object.fromEntries(fields.map((field) => [field, withParent]));

export const rule = (name: string, check: Check): FieldRule => ({ kind: 'check', name, check });

const missing = (permission: string, what: string): Denial => ({
  code: 'FORBIDDEN',
  permission,
  message: `Missing permission ${permission}: ${what}.`,
});

const notAuthenticated: Denial = { code: 'UNAUTHENTICATED', message: 'A valid bearer token is required.' };

const authCheck: Check = (access) => (access.authenticated ? null : notAuthenticated);

export const authenticated = rule('authenticated', authCheck);

/** All the listed simple permissions (and a valid identity). */
export const requires = (...permissions: SimplePermission[]): FieldRule =>
  rule(`requires(${permissions.join(',')})`, (access) => {
    if (!access.authenticated) return notAuthenticated;
    for (const p of permissions) if (!access.has(p)) return missing(p, 'this field needs it');
    return null;
  });

export const requiresReport = (kind: ReportKind): FieldRule =>
  rule(`report(${kind})`, (access) => {
    if (!access.authenticated) return notAuthenticated;
    return access.canReport(kind) ? null : missing(`REPORT_VIEW:${kind}`, `this report section needs it`);
  });

/** DOCUMENT type × action on the type named by the parent (or by a fixed type). */
export const requiresDocumentAction = (action: DocumentAction, typeOf: (parent: any, args: any) => DocumentType): FieldRule =>
  rule(`document(${action})`, (access, parent, args) => {
    if (!access.authenticated) return notAuthenticated;
    const type = typeOf(parent, args);
    return access.canDocument(type, action) ? null : missing(`DOCUMENT:${type}:${action}`, 'this document action needs it');
  });

/** Runs checks in order; the first denial wins. */
export const allOf = (...rules: FieldRule[]): FieldRule => {
  const checks = rules.filter((r): r is Extract<FieldRule, { kind: 'check' }> => r.kind === 'check');
  return rule(checks.map((c) => c.name).join('&'), (access, parent, args) => {
    for (const c of checks) {
      const denial = c.check(access, parent, args);
      if (denial) return denial;
    }
    return null;
  });
};


export const canSelect = (access: Access, warehouseId: number | null | undefined) => access.canSelectWarehouse(warehouseId);

export { Permission };
