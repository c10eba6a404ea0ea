import Decimal from 'decimal.js';
import { ValueTransformer } from 'typeorm';

/**
 * DECIMAL columns travel as Decimal in code: mysql2 returns DECIMAL as a string,
 * SQLite as a number; both are turned into exact decimals here, never into floats for arithmetic.
 */
export const decimalTransformer: ValueTransformer = {
  to: (value: Decimal | string | number | null | undefined) =>
    value === null || value === undefined ? value : new Decimal(value).toFixed(),
  from: (value: string | number | null) => (value === null || value === undefined ? null : new Decimal(value)),
};

export const QUANTITY = { type: 'decimal', precision: 18, scale: 4, transformer: decimalTransformer } as const;
export const MONEY = { type: 'decimal', precision: 18, scale: 4, transformer: decimalTransformer } as const;
/** Ledger values are quantity × unit cost, so they get more integer digits. */
export const VALUE = { type: 'decimal', precision: 22, scale: 4, transformer: decimalTransformer } as const;
