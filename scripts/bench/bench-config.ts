/** The benchmark's database: its own MariaDB database, never the service's. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/stockgate_bench';

export const BENCH_SIZE = {
  warehouses: Number(process.env.BENCH_WAREHOUSES ?? 20),
  parents: Number(process.env.BENCH_PARENTS ?? 4000),
  variantsPerParent: 4, // 4,000 parents × (1 + 4) = 20,000 products
  documents: Number(process.env.BENCH_DOCUMENTS ?? 260_000),
  days: 730,
};

/** Logins the benchmark runs as: a clerk of 2 of the 20 warehouses, and an administrator. */
export const BENCH_USERS = { clerk: 'bench-clerk', admin: 'bench-admin', seller: 'bench-seller' };
