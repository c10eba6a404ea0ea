import { RequestContext } from '../../context';
import { inTransaction } from '../platform/transaction';
import { Settings } from '../../entities/settings.entity';
import { InputErrors } from '../../errors';
import { LIMITS } from '../../limits/limits';
import { UpdateSettingsInput } from '../../schema/settings.type';
import { recordAudit } from '../access/audit.service';
import { forUpdate } from '../platform/row-lock';
import { getSettings } from './settings.service';

const snapshot = (s: Settings) => ({ allowNegativeStock: s.allowNegativeStock, reservationDays: s.reservationDays });

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
      const days = input.reservationDays;
      if (days === null || !Number.isInteger(days) || days < 1 || days > LIMITS.reservationDays) {
        errors.add('input.reservationDays', `must be a whole number of days from 1 to ${LIMITS.reservationDays}`);
      } else changes.reservationDays = days;
    }
    errors.throwIfAny();
    return inTransaction(ctx.db, async (tx) => {
      const settings = await forUpdate(tx.getRepository(Settings).createQueryBuilder('s').where('s.id = 1')).getOneOrFail();
      const before = snapshot(settings);
      const after = { ...before, ...changes };
      if (JSON.stringify(before) === JSON.stringify(after)) return settings;
      await tx.getRepository(Settings).update({ id: 1 }, changes);
      await recordAudit(tx, { actorId: ctx.access.userId, action: 'SETTINGS_UPDATE', subjectType: 'SETTINGS', subjectId: 1, before, after });
      return Object.assign(settings, changes);
    });
  },
};
