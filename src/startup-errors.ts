/**
 * Start-up failures in one plain sentence (issue 18 §7): a newcomer who runs `npm start` with
 * the port taken or the database down reads what to do, not a stack trace. Anything not
 * recognised here is logged in full by main.ts, because then the sentence would be a guess.
 */
export function startupFailure(error: unknown, where: { port: number; databaseUrl?: string; dataDir: string }): string | undefined {
  const code = (error as { code?: string } | null)?.code;
  const database = where.databaseUrl ? describeUrl(where.databaseUrl) : undefined;
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${where.port} is already in use: stop the process listening there or start Stockgate with another PORT.`;
    case 'EACCES':
    case 'EPERM':
      return database
        ? `Stockgate may not listen on port ${where.port} (${code}): choose a PORT above 1023 or run with the needed privilege.`
        : `Stockgate cannot open port ${where.port} or write its embedded database in ${where.dataDir} (${code}): check PORT and that DATA_DIR is writable.`;
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return `Cannot reach the database at ${database ?? 'DATABASE_URL'} (${code}): is MariaDB/MySQL running there, and is DATABASE_URL right?`;
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
    case 'ER_DBACCESS_DENIED_ERROR':
      return `The database at ${database ?? 'DATABASE_URL'} refused the user and password in DATABASE_URL (${code}): check them and the user's grants.`;
    case 'ER_BAD_DB_ERROR':
      return `The database named in DATABASE_URL (${database}) does not exist and this user may not create it: run CREATE DATABASE … CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci as an administrator.`;
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
      return `Stockgate cannot open its embedded database in ${where.dataDir} (${code}): check that DATA_DIR exists and is writable.`;
    default:
      return undefined;
  }
}

/** host:port/database of a DATABASE_URL, never its password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    return `${parsed.hostname}:${parsed.port || 3306}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
