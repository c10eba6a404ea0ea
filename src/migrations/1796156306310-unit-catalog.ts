import { MigrationInterface, QueryRunner } from 'typeorm';
import { BULK } from '../limits/limits';
import { chunks } from '../services/platform/bulk';
import { unitCodeFor } from '../services/catalog/units';

/**
 * Product units come from a fixed catalog (issue 19 §5, src/services/catalog/units.ts). Existing
 * free-text units are mapped by their known spellings ("piece", "шт" → pcs, "kilogram" → kg …);
 * anything unknown becomes pcs (docs/catalog-and-warehouses.md). Not reverted: the old spellings
 * are not kept, and the codes are valid free text for the code before this migration.
 */
export class UnitCatalog1796156306310 implements MigrationInterface {
  name = 'UnitCatalog1796156306310';

  async up(q: QueryRunner): Promise<void> {
    // Rows by id, compared in JS: MariaDB's collation folds case ("KG" = "kg"), so neither
    // DISTINCT nor WHERE unit = … can tell which rows still need rewriting.
    const rows: Array<{ id: number; unit: string }> = await q.query('SELECT id, unit FROM product');
    const idsByCode = new Map<string, number[]>();
    for (const { id, unit } of rows) {
      const code = unitCodeFor(unit);
      if (code !== unit) idsByCode.set(code, [...(idsByCode.get(code) ?? []), id]);
    }
    for (const [code, ids] of idsByCode) {
      for (const part of chunks(ids, BULK.inListValues)) {
        await q.query(`UPDATE product SET unit = ? WHERE id IN (${part.map(() => '?').join(', ')})`, [code, ...part]);
      }
    }
  }

  async down(): Promise<void> {
    // Nothing to undo: every code is a valid unit of the free-text schema.
  }
}
