import { badInput, DomainError } from '../../errors';

/** Missing and hidden look the same (DESIGN §3.2): one message whatever the reason. */
export const notFound = (kind: string, _id?: string | number) =>
  new DomainError('NOT_FOUND', `No ${kind} with this id.`, { field: 'id' });

/** A unique index refused the row (a concurrent insert won the race after our own check). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs a write; a unique index refusing it becomes BAD_USER_INPUT on the field it guards. */
export async function unlessTaken<T>(write: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw badInput(field, message);
    throw error;
  }
}
