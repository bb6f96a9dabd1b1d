import { useState } from 'react';
import { type AdminUser, UpdateUserRequest } from '../../../shared/auth/schemas.ts';
import { errorMessage } from '../api/http.ts';
import { roleWithScope } from '../auth/scope.ts';
import { issueText, zodFieldErrors } from '../forms/issues.ts';
import { formatUkDateTime } from '../time/ukTime.ts';
import { useUpdateUser } from './api.ts';
import { Outcome, type OutcomeNote, StatusBadge } from './parts.tsx';

function SetPasswordForm({ user, isSelf, onDone, onCancel }: { user: AdminUser; isSelf: boolean; onDone: (text: string) => void; onCancel: () => void }) {
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const id = `set-password-${user.id}`;

  const submit = () => {
    const parsed = UpdateUserRequest.safeParse({ password });
    if (!parsed.success) {
      setError(issueText('Password', zodFieldErrors(parsed.error).password ?? 'is not valid'));
      return;
    }
    setError(undefined);
    update.mutate(
      { id: user.id, change: parsed.data },
      { onSuccess: () => onDone(`Password set for ${user.username}; their sessions have ended.`), onError: (e) => setError(errorMessage(e)) },
    );
  };

  return (
    <form
      className="inline-form"
      noValidate
      data-testid={`set-password-form-${user.username}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id}>New password for {user.username}</label>
      <p id={`${id}-hint`} className="field-hint">
        {isSelf ? 'This signs you out everywhere, this page included: sign in again with the new password.' : 'This signs them out everywhere.'}
      </p>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        autoFocus
        value={password}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
        data-testid={`set-password-${user.username}`}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          <span aria-hidden="true">✖ </span>
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={update.isPending} data-testid={`set-password-submit-${user.username}`}>
          {update.isPending ? 'Saving…' : 'Set password'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function UserRow({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  const update = useUpdateUser();
  const [settingPassword, setSettingPassword] = useState(false);
  const [outcome, setOutcome] = useState<OutcomeNote>();

  const toggle = () => {
    const disabled = !user.disabled;
    if (disabled && !window.confirm(`Disable ${user.username} (${user.displayName})? They are signed out everywhere at once and cannot sign in until enabled again.`)) return;
    setOutcome(undefined);
    update.mutate(
      { id: user.id, change: { disabled } },
      {
        onSuccess: () => setOutcome({ ok: true, text: disabled ? `${user.username} is disabled.` : `${user.username} is enabled.` }),
        onError: (error) => setOutcome({ ok: false, text: errorMessage(error) }),
      },
    );
  };

  return (
    <tr data-testid={`user-row-${user.username}`}>
      <td>
        {user.username}
        {isSelf && <span className="muted"> (you)</span>}
      </td>
      <td>{user.displayName}</td>
      <td>{roleWithScope(user)}</td>
      <td>{user.disabled ? <StatusBadge tone="off">Disabled</StatusBadge> : <StatusBadge tone="ok">Enabled</StatusBadge>}</td>
      <td>{formatUkDateTime(user.lastSignInAt)}</td>
      <td className="actions">
        {settingPassword ? (
          <SetPasswordForm
            user={user}
            isSelf={isSelf}
            onCancel={() => setSettingPassword(false)}
            onDone={(text) => {
              setSettingPassword(false);
              setOutcome({ ok: true, text });
            }}
          />
        ) : (
          <div className="button-row">
            {!isSelf && (
              <button type="button" className={user.disabled ? undefined : 'button-danger'} disabled={update.isPending} onClick={toggle} data-testid={`user-toggle-${user.username}`}>
                {user.disabled ? 'Enable' : 'Disable'}
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                setOutcome(undefined);
                setSettingPassword(true);
              }}
              data-testid={`user-set-password-${user.username}`}
            >
              Set password
            </button>
          </div>
        )}
        <Outcome outcome={outcome} />
      </td>
    </tr>
  );
}
