import type { Database } from '../db/database.ts';
import { generatePassword } from '../auth/passwords.ts';
import { recordAudit } from '../audit/audit.ts';
import { countUsers, insertUser } from './users.ts';

/**
 * On first start with an empty database, creates the account `admin` with ADMIN_PASSWORD or a
 * random password. Answers the password when it was generated here (to be printed once), so that
 * nobody is locked out of a new installation. Several instances starting together on one
 * PostgreSQL create it once: the insert does nothing when the username exists.
 */
export async function bootstrapAdmin(db: Database, options: { password: string | undefined; at: Date }): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await countUsers(db)) > 0) return { created: false };
  const password = options.password ?? generatePassword();
  const user = await insertUser(db, { username: 'admin', displayName: 'Administrator', password, role: 'admin' }, { at: options.at, createdBy: null });
  if (!user) return { created: false };
  await recordAudit(db, { at: options.at, actorId: null, action: 'user.bootstrap', target: `user:${user.id}`, detail: { username: 'admin', passwordFrom: options.password ? 'ADMIN_PASSWORD' : 'generated' } });
  return options.password ? { created: true } : { created: true, generatedPassword: password };
}
