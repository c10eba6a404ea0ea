import { RequestContext } from '../../context';
import { inTransaction } from '../platform/transaction';
import { Settings } from '../../entities/settings.entity';
import { badInput, InputErrors } from '../../errors';
import { LIMITS } from '../../limits/limits';
import { UpdateSettingsInput } from '../../schema/settings.type';
import { recordAudit } from '../access/audit.service';
import { forUpdate } from '../platform/row-lock';
import { getSettings } from './settings.service';

const snapshot = (s: Settings) => ({ allowNegativeStock: s.allowNegativeStock, reservationDays: s.reservationDays, maxReservationDays: s.maxReservationDays,
  closedBefore: s.closedBefore });

/** Why a number of days is not a whole number from 1 to max (LIMITS.reservationDays, issue 15 §7); null when it is. */
const days = (value: number | null, max: number): string | null =>
  (value === null || !Number.isInteger(value) || value < 1 || value > max ? `must be a whole number of days from 1 to ${max}` : null);

/** Inventory settings (SETTINGS_EDIT, issue 9 §4); every change is audited like access changes. */
export const settingsAdminService = {
  get(ctx: RequestContext): Promise<Settings> {
    return getSettings(ctx.db.manager);
  },

  async update(ctx: RequestContext, input: UpdateSettingsInput): Promise<Settings> {
    const errors = new InputErrors();
    const changes: Partial<Settings> = {};
    if (input.allowNegativeStock !== undefined) {
      if (input.allowNegativeStock === null) errors.add('input.allowNegativeStock', 'must be true or false');
      else changes.allowNegativeStock = input.allowNegativeStock;
    }
    if (input.reservationDays !== undefined) {
      const reason = days(input.reservationDays, LIMITS.reservationDays);
      if (reason) errors.add('input.reservationDays', reason);
      else changes.reservationDays = input.reservationDays!;
    }
    if (input.maxReservationDays !== undefined) {
      const reason = days(input.maxReservationDays, LIMITS.reservationDays);
      if (reason) errors.add('input.maxReservationDays', reason);
      else changes.maxReservationDays = input.maxReservationDays!;
    }
    if (input.closedBefore !== undefined) {
      // Issue 19 §1: at most today (UTC) — an open day cannot be closed ahead — so a posting dated
      // today never needs the settings row (document-dates.ts). Moving it back reopens days: the
      // same permission, and the audit log keeps every move.
      const today = new Date().toISOString().slice(0, 10);
      if (input.closedBefore !== null && input.closedBefore > today) errors.add('input.closedBefore', `must be at most today (${today}, UTC)`);
      else changes.closedBefore = input.closedBefore;
    }
    errors.throwIfAny();
    return inTransaction(ctx.db, async (tx) => {
      const settings = await forUpdate(tx.getRepository(Settings).createQueryBuilder('s').where('s.id = 1')).getOneOrFail();
      const before = snapshot(settings);
      const after = { ...before, ...changes };
      // The default period lies within the maximum, whichever of the two this change moves.
      if (after.reservationDays > after.maxReservationDays) {
        const field = changes.reservationDays !== undefined ? 'input.reservationDays' : 'input.maxReservationDays';
        throw badInput(field, `the default reservation period (reservationDays ${after.reservationDays}) cannot exceed maxReservationDays (${after.maxReservationDays})`);
      }
      if (JSON.stringify(before) === JSON.stringify(after)) return settings;
      await tx.getRepository(Settings).update({ id: 1 }, changes);
      await recordAudit(tx, { actorId: ctx.access.userId, action: 'SETTINGS_UPDATE', subjectType: 'SETTINGS', subjectId: 1, before, after });
      return Object.assign(settings, changes);
    });
  },
};
