import { TestApi } from '../support/api';

export const APP_FIELDS = `id clientId name description vendor callbackUrl status installedAt revokedAt
  registeredBy { login } installedBy { login } revokedBy { login }
  requestedPermissions { permission description scopeKind allWarehouses warehouseIds warehouses { code } allReportKinds reportKinds
    documentType actions { action description } }
  approvedPermissions { permission warehouseIds reportKinds documentType actions { action } }`;

export const REGISTER = `mutation($input: RegisterApplicationInput!) { registerApplication(input: $input) { ${APP_FIELDS} } }`;
export const INSTALL = `mutation($id: ID!) { installApplication(id: $id) { ${APP_FIELDS} } }`;
export const REVOKE = `mutation($id: ID!) { revokeApplication(id: $id) { ${APP_FIELDS} } }`;

/** Runs an operation as `login` through the application `clientId` (a token with the `azp` claim). */
export async function viaApp(api: TestApi, login: string, clientId: string, query: string, variables?: Record<string, unknown>) {
  return api.gql({ header: `Bearer ${await api.token(login, { clientId })}` }, query, variables);
}

/** Registers and installs an application as `admin`, failing the test on any error; returns its id. */
export async function installedApp(api: TestApi, clientId: string, requestedPermissions: unknown[], admin = 'admin'): Promise<string> {
  const reg = await api.gql(admin, REGISTER, { input: { name: `App ${clientId}`, clientId, requestedPermissions } });
  if (reg.errors) throw new Error(`registerApplication failed: ${JSON.stringify(reg.errors)}`);
  const inst = await api.gql(admin, INSTALL, { id: reg.data.registerApplication.id });
  if (inst.errors) throw new Error(`installApplication failed: ${JSON.stringify(inst.errors)}`);
  return reg.data.registerApplication.id;
}
