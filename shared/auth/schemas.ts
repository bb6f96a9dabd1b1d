import { z } from 'zod';
import { REGION_CODES, TRUST_CODES } from '../reference/trusts.ts';

export const TrustCodeSchema = z.enum(TRUST_CODES, { error: 'must be one of the 11 trust codes, e.g. RX6' });
export const RegionCodeSchema = z.enum(REGION_CODES, { error: 'must be one of the 7 region codes, e.g. Y63' });

/**
 * What an account may do, always with its scope:
 * - `duty_manager`: runs the control room of one trust (`trust`): reads its picture, acts for it.
 * - `executive`: reads a trust's picture and incidents (`trust`), or every trust's when national (no scope).
 * - `coordinator`: reads a region's trusts (`region`) and acts on mutual aid in it.
 * - `admin`: manages accounts, feed keys, display links and thresholds; reads everything.
 */
export const ROLES = ['duty_manager', 'executive', 'coordinator', 'admin'] as const;
export const RoleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  duty_manager: 'Duty manager',
  executive: 'Executive',
  coordinator: 'Regional coordinator',
  admin: 'Admin',
};

export const User = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  trust: TrustCodeSchema.optional(),
  region: RegionCodeSchema.optional(),
});
export type User = z.infer<typeof User>;

/** An account as the admin page lists it. */
export const AdminUser = User.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(USERNAME_PATTERN, 'must be 2-63 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit');

export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const LoginRequest = z.object({
  username: z.string().trim().toLowerCase().min(1, 'is required').max(200),
  password: z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const UserResponse = z.object({ user: User });
export type UserResponse = z.infer<typeof UserResponse>;

/**
 * The scope a role needs, as one rule shared by the admin form and the server:
 * a duty manager has a trust; a coordinator a region; an executive a trust or nothing
 * (national); an admin nothing.
 */
export function scopeIssues(value: { role: Role; trust?: string | undefined; region?: string | undefined }): { path: 'trust' | 'region'; message: string }[] {
  const issues: { path: 'trust' | 'region'; message: string }[] = [];
  const needs = { duty_manager: 'trust', executive: 'optional-trust', coordinator: 'region', admin: 'none' } as const;
  const need = needs[value.role];
  if (need === 'trust' && !value.trust) issues.push({ path: 'trust', message: 'is required for a duty manager' });
  if (need === 'region' && !value.region) issues.push({ path: 'region', message: 'is required for a coordinator' });
  if ((need === 'region' || need === 'none') && value.trust) issues.push({ path: 'trust', message: `must be empty for ${ROLE_LABELS[value.role].toLowerCase()}` });
  if (need !== 'region' && value.region) issues.push({ path: 'region', message: `must be empty for ${ROLE_LABELS[value.role].toLowerCase()}` });
  return issues;
}

function withScopeRule<T extends z.ZodType<{ role: Role; trust?: string | undefined; region?: string | undefined }>>(schema: T) {
  return schema.superRefine((value, ctx) => {
    for (const issue of scopeIssues(value)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
}

export const CreateUserRequest = withScopeRule(
  z.object({
    username: Username,
    displayName: z.string().trim().min(1, 'is required').max(100),
    password: NewPassword,
    role: RoleSchema,
    trust: TrustCodeSchema.optional(),
    region: RegionCodeSchema.optional(),
  }),
);
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    displayName: z.string().trim().min(1, 'is required').max(100).optional(),
    password: NewPassword.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => v.displayName !== undefined || v.password !== undefined || v.disabled !== undefined, 'name at least one of displayName, password, disabled');
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const FeedKeyCreate = z.object({
  trust: TrustCodeSchema,
  /** What the key is for, so it can be told apart from others when revoking: "CAD primary". */
  label: z.string().trim().min(1).max(100).optional(),
});
export type FeedKeyCreate = z.infer<typeof FeedKeyCreate>;

/** A feed key as listed: the secret itself is shown once, at creation, and never again. */
export const FeedKey = z.object({
  id: z.string(),
  trust: TrustCodeSchema,
  label: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type FeedKey = z.infer<typeof FeedKey>;

export const FeedKeyCreated = z.object({ id: z.string(), trust: TrustCodeSchema, key: z.string() });
export type FeedKeyCreated = z.infer<typeof FeedKeyCreated>;

/** A display link shows one trust's or one region's wall screen; never both, never neither. */
export const DisplayLinkCreate = z
  .object({
    label: z.string().trim().min(1, 'is required').max(100),
    trust: TrustCodeSchema.optional(),
    region: RegionCodeSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.trust && !v.region) ctx.addIssue({ code: 'custom', path: ['trust'], message: 'name a trust or a region' });
    if (v.trust && v.region) ctx.addIssue({ code: 'custom', path: ['region'], message: 'name a trust or a region, not both' });
  });
export type DisplayLinkCreate = z.infer<typeof DisplayLinkCreate>;

export const DisplayLink = z.object({
  id: z.string(),
  label: z.string(),
  trust: TrustCodeSchema.optional(),
  region: RegionCodeSchema.optional(),
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type DisplayLink = z.infer<typeof DisplayLink>;

export const DisplayLinkCreated = z.object({ id: z.string(), token: z.string(), url: z.string() });
export type DisplayLinkCreated = z.infer<typeof DisplayLinkCreated>;

/** What a display token may show, as `GET /api/v1/display/me` answers it. */
export const DisplayScope = z.object({
  display: z.object({
    id: z.string(),
    label: z.string(),
    trust: TrustCodeSchema.optional(),
    region: RegionCodeSchema.optional(),
  }),
});
export type DisplayScope = z.infer<typeof DisplayScope>;

export const IdParam = z.object({ id: z.uuid('must be an id') });
