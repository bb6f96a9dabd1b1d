import type { AdminUser, CreateUserRequest, User } from '../../shared/auth/schemas.ts';
import type { RegionCode, TrustCode } from '../../shared/reference/trusts.ts';
import type { Queryable } from '../db/database.ts';
import { hashPassword } from '../auth/passwords.ts';

interface UserRow {
  [key: string]: unknown;
  id: string;
  username: string;
  display_name: string;
  role: User['role'];
  trust: TrustCode | null;
  region: RegionCode | null;
  password_hash: string;
  disabled: boolean;
  created_at: Date;
  last_sign_in_at: Date | null;
}

const COLUMNS = 'id, username, display_name, role, trust, region, password_hash, disabled, created_at, last_sign_in_at';

export function presentUser(row: Pick<UserRow, 'id' | 'username' | 'display_name' | 'role' | 'trust' | 'region'>): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    ...(row.trust ? { trust: row.trust } : {}),
    ...(row.region ? { region: row.region } : {}),
  };
}

function presentAdminUser(row: UserRow): AdminUser {
  return {
    ...presentUser(row),
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
  };
}

export async function findUserForSignIn(db: Queryable, username: string): Promise<{ user: User; passwordHash: string; disabled: boolean } | undefined> {
  const [row] = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
  return row && { user: presentUser(row), passwordHash: row.password_hash, disabled: row.disabled };
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return row?.n ?? 0;
}

export async function listUsers(db: Queryable): Promise<AdminUser[]> {
  const rows = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY username`);
  return rows.map(presentAdminUser);
}

export async function findUser(db: Queryable, id: string): Promise<AdminUser | undefined> {
  const [row] = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return row && presentAdminUser(row);
}

/** Inserts the account unless the username is taken; answers undefined when it is. */
export async function insertUser(db: Queryable, input: CreateUserRequest, meta: { at: Date; createdBy: string | null }): Promise<AdminUser | undefined> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db.query<UserRow>(
    `INSERT INTO users (username, display_name, role, trust, region, password_hash, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (username) DO NOTHING
     RETURNING ${COLUMNS}`,
    [input.username, input.displayName, input.role, input.trust ?? null, input.region ?? null, passwordHash, meta.at, meta.createdBy],
  );
  return row && presentAdminUser(row);
}

export async function updateUser(db: Queryable, id: string, change: { displayName?: string | undefined; password?: string | undefined; disabled?: boolean | undefined }): Promise<AdminUser | undefined> {
  const passwordHash = change.password === undefined ? null : await hashPassword(change.password);
  const [row] = await db.query<UserRow>(
    `UPDATE users SET
       display_name = COALESCE($2, display_name),
       password_hash = COALESCE($3, password_hash),
       disabled = COALESCE($4, disabled)
     WHERE id = $1
     RETURNING ${COLUMNS}`,
    [id, change.displayName ?? null, passwordHash, change.disabled ?? null],
  );
  return row && presentAdminUser(row);
}

export async function recordSignIn(db: Queryable, id: string, at: Date): Promise<void> {
  await db.query('UPDATE users SET last_sign_in_at = $2 WHERE id = $1', [id, at]);
}
