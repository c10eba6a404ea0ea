import { badInput } from '../../errors';
import { LIMITS, overLimit } from '../../limits/limits';

/** The longest period a report covers, both ends included (LIMITS.reportDays). */
export const MAX_REPORT_DAYS = LIMITS.reportDays;

const DAY_MS = 86_400_000;

/**
 * A report period of whole UTC days, `from` and `to` both included: movements with
 * start <= occurredAt < end count, where end is the midnight (UTC) after `to`.
 */
export interface ReportPeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
  /** Every day of the period, 'YYYY-MM-DD', in order. */
  days: string[];
}

function parseDay(field: string, value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw badInput(field, 'must be a calendar day like "2026-10-31"');
  return date;
}

export function reportPeriod(from: string, to: string): ReportPeriod {
  const start = parseDay('from', from);
  const last = parseDay('to', to);
  if (start > last) throw badInput('from', 'must not be after to');
  const count = Math.round((last.getTime() - start.getTime()) / DAY_MS) + 1;
  if (count > MAX_REPORT_DAYS) throw overLimit('to', 'reportDays', MAX_REPORT_DAYS, `the period may span at most ${MAX_REPORT_DAYS} days (reportDays); this one spans ${count}`);
  const days = Array.from({ length: count }, (_, i) => new Date(start.getTime() + i * DAY_MS).toISOString().slice(0, 10));
  return { from, to, start, end: new Date(last.getTime() + DAY_MS), days };
}
