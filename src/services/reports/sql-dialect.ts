import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { fromUnits } from './rollup-tables';

/**
 * The two SQL dialects the reports run on. The rollups hold integer counts of 1/10000 units
 * (rollup-tables.ts), so sums are exact on both: MariaDB's SUM returns a DECIMAL, SQLite's
 * unit_sum (sqlite-unit-sum.ts; SUM would fail past 2^63) the integer as text — no trip through
 * a JS number — scaled back with decimal.js.
 */
export interface ReportDialect {
  /** An exact SUM of a rollup amount expression (also of inner sums of the same kind). */
  unitSum(expression: string): string;
  /** A raw SUM of units as an exact decimal (NULL, from an empty group, is zero). */
  decimal(raw: unknown): Decimal;
}

const sqlite: ReportDialect = { unitSum: (expression) => `unit_sum(${expression})`, decimal: fromUnits };
const mysql: ReportDialect = { unitSum: (expression) => `SUM(${expression})`, decimal: fromUnits };

export const reportDialect = (db: DataSource): ReportDialect => (db.options.type === 'mysql' ? mysql : sqlite);
