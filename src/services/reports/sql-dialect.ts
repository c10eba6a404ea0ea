import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';

/** Ledger quantities and values have 4 decimal places (entities/decimal.transformer.ts). */
const SCALE = 10_000;

/**
 * The two SQL dialects the reports run on. MySQL/MariaDB sum DECIMAL columns exactly.
 * SQLite has no exact DECIMAL: its SUM over such columns is floating point, so each term
 * is first scaled to an integer count of 1/10000 units, summed in SQLite's 64-bit
 * integers, returned as text (no trip through a JS number) and scaled back with decimal.js.
 */
export interface ReportDialect {
  /** An exact SUM of a decimal expression with at most 4 decimal places. */
  exactSum(expression: string): string;
  /** The UTC calendar day of a datetime column as 'YYYY-MM-DD'. */
  utcDay(column: string): string;
  /** A raw SUM value as an exact decimal (NULL, from an empty group, is zero). */
  decimal(raw: unknown): Decimal;
}

const sqlite: ReportDialect = {
  exactSum: (expression) => `CAST(SUM(CAST(ROUND((${expression}) * ${SCALE}) AS INTEGER)) AS TEXT)`,
  // TypeORM stores SQLite datetimes as UTC text 'YYYY-MM-DD HH:MM:SS.SSS'.
  utcDay: (column) => `substr(${column}, 1, 10)`,
  decimal: (raw) => (raw === null || raw === undefined ? new Decimal(0) : new Decimal(String(raw)).div(SCALE)),
};

const mysql: ReportDialect = {
  exactSum: (expression) => `SUM(${expression})`,
  // The connection runs in UTC (ormconfig timezone 'Z'), so stored datetimes are UTC.
  utcDay: (column) => `DATE_FORMAT(${column}, '%Y-%m-%d')`,
  decimal: (raw) => (raw === null || raw === undefined ? new Decimal(0) : new Decimal(String(raw))),
};

export const reportDialect = (db: DataSource): ReportDialect => (db.options.type === 'mysql' ? mysql : sqlite);
