/**
 * One interface over the two databases the server runs on: PGlite (PostgreSQL compiled to
 * WebAssembly, embedded in DATA_DIR) and a real PostgreSQL through `pg`. Both speak the same SQL
 * dialect, so the migrations and every query are written once; only opening, transactions and
 * closing differ, and those live in the drivers beside this file.
 */

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; when set it replaces the embedded database. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder, or `memory://` for a throwaway one. */
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(options.databaseUrl);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(options.dataDir);
}
