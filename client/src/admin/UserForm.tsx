import { useRef, useState } from 'react';
import { CreateUserRequest, PASSWORD_MIN_LENGTH, ROLE_LABELS, ROLES, type Role, RoleSchema } from '../../../shared/auth/schemas.ts';
import { ApiError, errorMessage } from '../api/http.ts';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.tsx';
import { apiFieldErrors, type FieldErrors, unplacedErrors, zodFieldErrors } from '../forms/issues.ts';
import { useCreateUser } from './api.ts';
import { RegionOptions, TrustOptions } from './options.tsx';
import { Outcome } from './parts.tsx';

interface Draft {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  trust: string;
  region: string;
}

const EMPTY: Draft = { username: '', displayName: '', password: '', role: 'duty_manager', trust: '', region: '' };
const FIELDS = ['username', 'displayName', 'password', 'role', 'trust', 'region'] as const;

const usesTrust = (role: Role) => role === 'duty_manager' || role === 'executive';

/** Only the scope the role takes is sent, so a trust picked before switching role does not linger. */
function toRequest(draft: Draft) {
  return {
    username: draft.username,
    displayName: draft.displayName,
    password: draft.password,
    role: draft.role,
    trust: usesTrust(draft.role) && draft.trust ? draft.trust : undefined,
    region: draft.role === 'coordinator' && draft.region ? draft.region : undefined,
  };
}

function serverErrors(error: unknown): FieldErrors {
  if (error instanceof ApiError && error.id === 'username_taken') return { username: error.message };
  const fields = apiFieldErrors(error);
  return Object.keys(fields).length > 0 ? fields : { '': errorMessage(error) };
}

export function UserForm() {
  const create = useCreateUser();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const submit = () => {
    setCreated(undefined);
    const parsed = CreateUserRequest.safeParse(toRequest(draft));
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        setDraft(EMPTY);
        setCreated(`Account ${user.username} created. Give them their password by a safe route.`);
      },
      onError: (error) => setErrors(serverErrors(error)),
    });
  };

  return (
    <form
      ref={formRef}
      className="admin-form"
      noValidate
      data-testid="user-form"
      aria-labelledby="user-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id="user-form-heading">Create an account</h3>
      <FormError messages={unplacedErrors(errors, FIELDS)} testId="user-form-error" />
      <div className="form-grid">
        <Field id="user-username" label="Username" error={errors.username} hint="Lower-case letters, digits, dot, dash or underscore." testId="user-username">
          {(control) => <input {...control} autoComplete="off" autoCapitalize="none" spellCheck={false} value={draft.username} onChange={(e) => set({ username: e.target.value })} />}
        </Field>
        <Field id="user-displayname" label="Display name" error={errors.displayName} hint="As colleagues know them: “Sam Patel”." testId="user-displayname">
          {(control) => <input {...control} autoComplete="off" value={draft.displayName} onChange={(e) => set({ displayName: e.target.value })} />}
        </Field>
        <Field id="user-password" label="Password" error={errors.password} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`} testId="user-password">
          {(control) => <input {...control} type="password" autoComplete="new-password" value={draft.password} onChange={(e) => set({ password: e.target.value })} />}
        </Field>
        <Field id="user-role" label="Role" error={errors.role} testId="user-role">
          {(control) => (
            <select {...control} value={draft.role} onChange={(e) => {
                const role = RoleSchema.safeParse(e.target.value);
                if (role.success) set({ role: role.data });
              }}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {usesTrust(draft.role) && (
          <Field id="user-trust" label="Trust" error={errors.trust} hint={draft.role === 'executive' ? 'A national executive reads every trust.' : undefined} testId="user-trust">
            {(control) => (
              <select {...control} value={draft.trust} onChange={(e) => set({ trust: e.target.value })}>
                <option value="">{draft.role === 'executive' ? 'National (all trusts)' : 'Choose a trust'}</option>
                <TrustOptions />
              </select>
            )}
          </Field>
        )}
        {draft.role === 'coordinator' && (
          <Field id="user-region" label="Region" error={errors.region} testId="user-region">
            {(control) => (
              <select {...control} value={draft.region} onChange={(e) => set({ region: e.target.value })}>
                <option value="">Choose a region</option>
                <RegionOptions />
              </select>
            )}
          </Field>
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary" data-testid="user-submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create account'}
        </button>
        <Outcome outcome={created ? { ok: true, text: created } : undefined} />
      </div>
    </form>
  );
}
