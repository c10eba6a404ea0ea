import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Logins and application client ids compare byte-exactly (issue 15 point 2, docs/access-admin.md):
 * the token's `sub` / `azp` must name exactly one stored value. MariaDB's default collations
 * fold case and accents ("ADMIN", "ádmin" matched `admin`), so these two columns get a binary
 * collation that also does not pad: utf8mb4_bin is PAD SPACE ("admin " = "admin"), so MariaDB gets
 * utf8mb4_nopad_bin, MySQL 8 utf8mb4_0900_bin. SQLite's default collation is BINARY already and its
 * columns carry no other: nothing to do there. (access.loader.ts compares exactly again in code.)
 */
const COLUMNS = [
  { table: 'app_user', column: 'login', length: 64 },
  { table: 'application', column: 'clientId', length: 64 },
];

export class ExactIdentities1796153263557 implements MigrationInterface {
  name = 'ExactIdentities1796153263557';

  async up(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'mysql') return;
    const collation = await exactCollation(q);
    for (const { table, column, length } of COLUMNS) {
      await q.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` varchar(${length}) CHARACTER SET utf8mb4 COLLATE ${collation} NOT NULL`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type !== 'mysql') return;
    for (const { table, column, length } of COLUMNS) {
      await q.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` varchar(${length}) NOT NULL`);
    }
  }
}

export async function exactCollation(q: QueryRunner): Promise<string> {
  for (const name of ['utf8mb4_nopad_bin', 'utf8mb4_0900_bin']) {
    if ((await q.query(`SHOW COLLATION LIKE '${name}'`)).length) return name;
  }
  return 'utf8mb4_bin';
}
