import Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { fromUnits } from './rollup-tables';

/**
 * The two SQL dialects the reports run on. The rollups hold integer counts of 1/10000 units
 * (rollup-tables.ts), so SUM is exact on both: MariaDB returns a DECIMAL, SQLite a 64-bit
 * integer, read as text (no trip through a JS number) and scaled back with decimal.js.
 */
export interface ReportDialect {
  /** An exact SUM of a rollup amount expression. */
  unitSum(expression: string): string;
  /** A raw SUM of units as an exact decimal (NULL, from an empty group, is zero). */
  decimal(raw: unknown): Decimal;
}

const sqlite: ReportDialect = { unitSum: (expression) => `CAST(SUM(${expression}) AS TEXT)`, decimal: fromUnits };
const mysql: ReportDialect = { unitSum: (expression) => `SUM(${expression})`, decimal: fromUnits };

export const reportDialect = (db: DataSource): ReportDialect => (db.options.type === 'mysql' ? mysql : sqlite);
