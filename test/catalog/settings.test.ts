import { AccessAuditEntry } from '../../src/entities/access-audit-entry.entity';
import { LIMITS, SETTING_LIMITS } from '../../src/limits/limits';
import { codes, startApi, TestApi } from '../support/api';
import { firstError, managementSpec } from './fixtures';

describe('inventory settings (SETTINGS_EDIT)', () => {
  let api: TestApi;
  const audit = () => api.db.getRepository(AccessAuditEntry).find({ where: { subjectType: 'SETTINGS' }, order: { id: 'ASC' } });
  const read = async () => (await api.gql('admin', '{ settings { allowNegativeStock reservationDays } }')).data.settings;

  beforeAll(async () => { api = await startApi(managementSpec()); });
  afterAll(() => api.close());

  it('defaults: negative stock off, reservations for 3 days and at most 365; readable with INVENTORY_VIEW or SETTINGS_EDIT', async () => {
    for (const login of ['clerk', 'settings']) {
      const res = await api.gql(login, '{ settings { allowNegativeStock reservationDays maxReservationDays } }');
      expect(res.errors).toBeUndefined();
      expect(res.data.settings).toEqual({ allowNegativeStock: false, reservationDays: 3, maxReservationDays: SETTING_LIMITS.maxReservationDays });
    }
    const denied = await api.gql('nobody', '{ settings { reservationDays } }');
    expect(denied.data.settings).toBeNull();
    expect(firstError(denied)).toMatchObject({ code: 'FORBIDDEN', permission: 'INVENTORY_VIEW' });
    expect(codes(await api.gql(null, '{ settings { reservationDays } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('a settings editor changes them; each change is audited with who, before and after', async () => {
    const res = await api.gql('settings', 'mutation { updateSettings(input: { allowNegativeStock: true, reservationDays: 7 }) { allowNegativeStock reservationDays } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.updateSettings).toEqual({ allowNegativeStock: true, reservationDays: 7 });
    const partial = await api.gql('settings', 'mutation { updateSettings(input: { reservationDays: 14 }) { allowNegativeStock reservationDays } }');
    expect(partial.data.updateSettings).toEqual({ allowNegativeStock: true, reservationDays: 14 });
    const entries = await audit();
    expect(entries.map((e) => ({ actorId: e.actorId, action: e.action, before: e.before, after: e.after }))).toEqual([
      { actorId: api.dbIds.users.settings, action: 'SETTINGS_UPDATE', before: { allowNegativeStock: false, reservationDays: 3, maxReservationDays: 365, closedBefore: null }, after: { allowNegativeStock: true, reservationDays: 7, maxReservationDays: 365, closedBefore: null } },
      { actorId: api.dbIds.users.settings, action: 'SETTINGS_UPDATE', before: { allowNegativeStock: true, reservationDays: 7, maxReservationDays: 365, closedBefore: null }, after: { allowNegativeStock: true, reservationDays: 14, maxReservationDays: 365, closedBefore: null } },
    ]);
  });

  it('a change to the same values writes no audit entry', async () => {
    const before = (await audit()).length;
    await api.gql('settings', 'mutation { updateSettings(input: { reservationDays: 14 }) { reservationDays } }');
    expect((await audit()).length).toBe(before);
  });

  it('reservationDays must be 1..maxReservationDays (365; BAD_USER_INPUT naming it); nothing changes, nothing is audited', async () => {
    const before = (await audit()).length;
    for (const days of [0, 366, -5]) {
      const res = await api.gql('settings', 'mutation($d: Int) { updateSettings(input: { allowNegativeStock: false, reservationDays: $d }) { reservationDays } }', { d: days });
      expect(firstError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reservationDays' });
    }
    const nullFlag = await api.gql('settings', 'mutation { updateSettings(input: { allowNegativeStock: null }) { reservationDays } }');
    expect(firstError(nullFlag)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.allowNegativeStock' });
    expect(await read()).toEqual({ allowNegativeStock: true, reservationDays: 14 });
    expect((await audit()).length).toBe(before);
  });

  it(`maxReservationDays is 1..${LIMITS.reservationDays} and never below reservationDays (BAD_USER_INPUT naming the field); nothing changes`, async () => {
    const before = (await audit()).length;
    const update = (input: Record<string, unknown>) => api.gql('settings', 'mutation($i: UpdateSettingsInput!) { updateSettings(input: $i) { reservationDays maxReservationDays } }', { i: input });
    for (const days of [0, LIMITS.reservationDays + 1, -1, null]) {
      expect(firstError(await update({ maxReservationDays: days }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.maxReservationDays' });
    }
    // reservationDays is 14: a maximum below it is refused, and so is a default above the maximum.
    expect(firstError(await update({ maxReservationDays: 13 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.maxReservationDays' });
    expect(firstError(await update({ reservationDays: 30, maxReservationDays: 20 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reservationDays' });
    expect(firstError(await update({ reservationDays: 366 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reservationDays' });
    expect((await audit()).length).toBe(before);
    expect((await update({ maxReservationDays: LIMITS.reservationDays })).data.updateSettings).toEqual({ reservationDays: 14, maxReservationDays: LIMITS.reservationDays });
    expect((await update({ reservationDays: 400, maxReservationDays: 14 })).errors).toBeDefined();
    expect((await update({ maxReservationDays: 14 })).data.updateSettings).toEqual({ reservationDays: 14, maxReservationDays: 14 });
    const last = (await audit()).at(-1)!;
    expect([last.before, last.after]).toEqual([
      { allowNegativeStock: true, reservationDays: 14, maxReservationDays: LIMITS.reservationDays, closedBefore: null },
      { allowNegativeStock: true, reservationDays: 14, maxReservationDays: 14, closedBefore: null },
    ]);
    await update({ maxReservationDays: SETTING_LIMITS.maxReservationDays });
  });

  it('is FORBIDDEN without SETTINGS_EDIT, naming it', async () => {
    for (const input of ['reservationDays: 1', 'maxReservationDays: 30']) {
      const res = await api.gql('clerk', `mutation { updateSettings(input: { ${input} }) { reservationDays } }`);
      expect(firstError(res)).toMatchObject({ code: 'FORBIDDEN', permission: 'SETTINGS_EDIT' });
    }
    expect(await read()).toEqual({ allowNegativeStock: true, reservationDays: 14 });
  });
});
