import { TableColumnOptions, TableIndexOptions } from 'typeorm';

/**
 * Column builders shared by migrations so that one migration runs on SQLite and
 * MySQL/MariaDB alike (TypeORM's Table API translates the types per driver).
 */
export const id = (): TableColumnOptions => ({
  name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment',
});
export const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
export const str = (name: string, length: number, nullable = false, defaultValue?: string): TableColumnOptions => ({
  name, type: 'varchar', length: String(length), isNullable: nullable,
  ...(defaultValue !== undefined ? { default: `'${defaultValue}'` } : {}),
});
export const text = (name: string, nullable = true): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name, type: 'boolean', isNullable: false, default: defaultValue ? 1 : 0,
});
export const decimal = (name: string, precision: number, scale: number, nullable = false): TableColumnOptions => ({
  name, type: 'decimal', precision, scale, isNullable: nullable,
});
/** Millisecond precision on MySQL; SQLite stores the text TypeORM writes. */
export const datetime = (name: string, mysql: boolean, nullable = false): TableColumnOptions => ({
  name, type: 'datetime', isNullable: nullable, ...(mysql ? { precision: 3 } : {}),
});
export const createdAt = (mysql: boolean): TableColumnOptions => ({
  ...datetime('createdAt', mysql), default: mysql ? 'CURRENT_TIMESTAMP(3)' : "(datetime('now'))",
});
export const updatedAt = (mysql: boolean): TableColumnOptions => ({
  ...datetime('updatedAt', mysql), default: mysql ? 'CURRENT_TIMESTAMP(3)' : "(datetime('now'))",
});
export const index = (name: string, columnNames: string[], isUnique = false): TableIndexOptions => ({ name, columnNames, isUnique });
