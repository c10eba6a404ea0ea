import { Reservation, ReservationStatus } from '../../src/entities/reservation.entity';
import { DocumentType } from '../../src/shield/permission-catalog';
import { codes, missingId, startApi, TestApi } from '../support/api';
import { firstError, managementSpec } from './fixtures';
import Decimal from 'decimal.js';

const WAREHOUSE = 'id code name address isDefault active';

const spec = managementSpec({
  warehouses: [{ key: 'stocked' }, { key: 'emptied' }, { key: 'reserved' }, { key: 'expired' }],
  products: [{ key: 'tee' }],
  documents: [
    { key: 'in', type: DocumentType.STOCK_RECEIPT, author: 'admin', items: [
      { product: 'tee', quantity: '5', price: '2', to: 'stocked' }, { product: 'tee', quantity: '3', price: '2', to: 'emptied' }] },
    { key: 'out', type: DocumentType.WRITE_OFF, author: 'admin', items: [{ product: 'tee', quantity: '3', from: 'emptied' }] },
  ],
});

describe('warehouse management (WAREHOUSE_EDIT)', () => {
  let api: TestApi;
  const id = (key: string) => String(api.ids.warehouses[key]);
  const all = async () => (await api.gql('admin', `{ warehouses(includeInactive: true) { ${WAREHOUSE} } }`)).data.warehouses as any[];
  const byCode = async (code: string) => (await all()).find((w) => w.code === code);

  beforeAll(async () => {
    api = await startApi(spec);
    const reservation = (warehouse: string, expiresAt: Date) => api.db.getRepository(Reservation).insert({
      productId: api.dbIds.products.tee, warehouseId: api.dbIds.warehouses[warehouse], quantity: new Decimal(1), dealRef: 'D-1',
      expiresAt, status: ReservationStatus.ACTIVE, createdById: api.dbIds.users.admin,
    });
    await reservation('reserved', new Date(Date.now() + 86_400_000));
    await reservation('expired', new Date(Date.now() - 86_400_000));
  });
  afterAll(() => api.close());

  it('an editor creates a warehouse with code, name and address; it is active and not the default', async () => {
    const res = await api.gql('admin', `mutation { createWarehouse(input: { code: "NORTH", name: "North hub", address: "3 Dock Road" }) { ${WAREHOUSE} } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.createWarehouse).toMatchObject({ code: 'NORTH', name: 'North hub', address: '3 Dock Road', isDefault: false, active: true });
    expect(await byCode('NORTH')).toMatchObject({ name: 'North hub' });
  });

  it('edits code, name and address; omitted fields stay, address null clears', async () => {
    const north = await byCode('NORTH');
    const res = await api.gql('admin', `mutation($id: ID!) { updateWarehouse(id: $id, input: { name: "North hub 2", address: null }) { ${WAREHOUSE} } }`, { id: north.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.updateWarehouse).toMatchObject({ code: 'NORTH', name: 'North hub 2', address: null });
    const renamed = await api.gql('admin', `mutation($id: ID!) { updateWarehouse(id: $id, input: { code: "NORTH-2" }) { code } }`, { id: north.id });
    expect(renamed.data.updateWarehouse).toEqual({ code: 'NORTH-2' });
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and creates nothing', async () => {
    const before = (await all()).length;
    const cases: Array<[string, string]> = [
      ['{ code: "has space", name: "X" }', 'input.code'],
      ['{ code: "", name: "X" }', 'input.code'],
      ['{ code: "alpha-dup", name: "" }', 'input.name'],
      ['{ code: "a", name: "Alpha again" }', 'input.code'], // codes are unique case-insensitively ("A" exists)
    ];
    for (const [input, field] of cases) {
      const res = await api.gql('admin', `mutation { createWarehouse(input: ${input}) { id } }`);
      expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.data.createWarehouse).toBeNull();
    }
    const dup = await api.gql('admin', 'mutation($id: ID!) { updateWarehouse(id: $id, input: { code: "b" }) { id } }', { id: id('A') });
    expect(firstError(dup)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    expect((await all()).length).toBe(before);
    expect(await byCode('A')).toMatchObject({ code: 'A' });
  });

  it('is FORBIDDEN without WAREHOUSE_EDIT, naming it, and changes nothing', async () => {
    const before = await all();
    for (const mutation of [
      'createWarehouse(input: { code: "X1", name: "X" }) { id }',
      `updateWarehouse(id: "${id('A')}", input: { name: "Hacked" }) { id }`,
      `deactivateWarehouse(id: "${id('B')}") { id }`,
      `setDefaultWarehouse(id: "${id('B')}") { id }`,
    ]) {
      const res = await api.gql('clerk', `mutation { ${mutation} }`);
      expect(firstError(res)).toMatchObject({ code: 'FORBIDDEN', permission: 'WAREHOUSE_EDIT' });
    }
    expect(await all()).toEqual(before);
  });

  it('an editor who can select only A edits A; B is NOT_FOUND exactly like a missing id', async () => {
    const own = await api.gql('editorA', `mutation($id: ID!) { updateWarehouse(id: $id, input: { address: "1 Alpha Street" }) { code address } }`, { id: id('A') });
    expect(own.data.updateWarehouse).toEqual({ code: 'A', address: '1 Alpha Street' });
    const hidden = await api.gql('editorA', 'mutation($id: ID!) { updateWarehouse(id: $id, input: { name: "Mine" }) { id } }', { id: id('B') });
    const missing = await api.gql('editorA', 'mutation($id: ID!) { updateWarehouse(id: $id, input: { name: "Mine" }) { id } }', { id: missingId('Warehouse') });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    expect(hidden.errors![0].message).toBe(missing.errors![0].message);
    for (const m of ['deactivateWarehouse', 'reactivateWarehouse', 'setDefaultWarehouse']) {
      expect(codes(await api.gql('editorA', `mutation($id: ID!) { ${m}(id: $id) { id } }`, { id: id('B') }))).toEqual(['NOT_FOUND']);
    }
    expect(await byCode('B')).toMatchObject({ name: 'Beta', active: true });
  });

  it('a warehouse created by an editor without ALL warehouses joins nobody\'s scope: the result is null, an ALL viewer sees it', async () => {
    const res = await api.gql('editorA', 'mutation { createWarehouse(input: { code: "SOUTH", name: "South" }) { id code } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.createWarehouse).toBeNull();
    const mine = await api.gql('editorA', '{ warehouses(includeInactive: true) { code } }');
    expect(mine.data.warehouses.map((w: any) => w.code)).toEqual(['A']);
    expect(await byCode('SOUTH')).toMatchObject({ name: 'South', active: true, isDefault: false });
  });

  it('setting the default moves it in one step: exactly one default afterwards', async () => {
    const res = await api.gql('admin', 'mutation($id: ID!) { setDefaultWarehouse(id: $id) { code isDefault } }', { id: id('B') });
    expect(res.data.setDefaultWarehouse).toEqual({ code: 'B', isDefault: true });
    expect((await all()).filter((w) => w.isDefault).map((w) => w.code)).toEqual(['B']);
  });

  it('an editor cannot move the default away from a warehouse they cannot select', async () => {
    const res = await api.gql('editorA', 'mutation($id: ID!) { setDefaultWarehouse(id: $id) { code } }', { id: id('A') });
    expect(firstError(res)).toMatchObject({ code: 'FORBIDDEN', permission: 'WAREHOUSE_SELECT' });
    expect((await all()).filter((w) => w.isDefault).map((w) => w.code)).toEqual(['B']);
  });

  it('the default warehouse cannot be deactivated', async () => {
    const res = await api.gql('admin', 'mutation($id: ID!) { deactivateWarehouse(id: $id) { id } }', { id: id('B') });
    expect(firstError(res)).toMatchObject({ code: 'INVALID_STATE', blockers: ['DEFAULT_WAREHOUSE'] });
  });

  it('a warehouse holding stock or active reservations cannot be deactivated; the error names what blocks it', async () => {
    const stocked = await api.gql('admin', 'mutation($id: ID!) { deactivateWarehouse(id: $id) { id } }', { id: id('stocked') });
    expect(firstError(stocked)).toMatchObject({ code: 'INVALID_STATE', blockers: ['STOCK'], productsInStock: 1, activeReservations: 0 });
    expect(stocked.errors![0].message).toMatch(/holds stock of 1 product/);
    const reserved = await api.gql('admin', 'mutation($id: ID!) { deactivateWarehouse(id: $id) { id } }', { id: id('reserved') });
    expect(firstError(reserved)).toMatchObject({ code: 'INVALID_STATE', blockers: ['ACTIVE_RESERVATIONS'], activeReservations: 1 });
    expect(await byCode('STOCKED')).toMatchObject({ active: true });
    expect(await byCode('RESERVED')).toMatchObject({ active: true });
  });

  it('stock back at zero and expired reservations do not block; deactivate and reactivate', async () => {
    for (const key of ['emptied', 'expired']) {
      const off = await api.gql('admin', 'mutation($id: ID!) { deactivateWarehouse(id: $id) { active } }', { id: id(key) });
      expect(off.errors).toBeUndefined();
      expect(off.data.deactivateWarehouse).toEqual({ active: false });
    }
    const listed = await api.gql('admin', '{ warehouses { code } }');
    expect(listed.data.warehouses.map((w: any) => w.code)).not.toContain('EMPTIED');
    const on = await api.gql('admin', 'mutation($id: ID!) { reactivateWarehouse(id: $id) { active } }', { id: id('emptied') });
    expect(on.data.reactivateWarehouse).toEqual({ active: true });
  });

  it('an inactive warehouse cannot become the default', async () => {
    const res = await api.gql('admin', 'mutation($id: ID!) { setDefaultWarehouse(id: $id) { id } }', { id: id('expired') });
    expect(firstError(res)).toMatchObject({ code: 'INVALID_STATE', blockers: ['INACTIVE'] });
    expect((await all()).filter((w) => w.isDefault).map((w) => w.code)).toEqual(['B']);
  });

  it('concurrent default changes leave exactly one default', async () => {
    const targets = ['A', 'B', 'stocked', 'reserved', 'NORTH'].map((key) => api.ids.warehouses[key] ?? null).filter(Boolean);
    const results = await Promise.all(targets.map((target) =>
      api.gql('admin', 'mutation($id: ID!) { setDefaultWarehouse(id: $id) { isDefault } }', { id: String(target) })));
    expect(results.flatMap(codes)).toEqual([]);
    expect((await all()).filter((w) => w.isDefault)).toHaveLength(1);
  });
});
