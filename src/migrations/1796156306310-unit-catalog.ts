import { MigrationInterface, QueryRunner } from 'typeorm';
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
    const rows: Array<{ unit: string }> = await q.query('SELECT DISTINCT unit FROM product');
    for (const { unit } of rows) {
      const code = unitCodeFor(unit);
      // Byte-exact in JS: on MariaDB "KG" = "kg" in SQL, and both map to the same code anyway.
      if (code !== unit) await q.query('UPDATE product SET unit = ? WHERE unit = ?', [code, unit]);
    }
  }

  async down(): Promise<void> {
    // Nothing to undo: every code is a valid unit of the free-text schema.
  }
}
