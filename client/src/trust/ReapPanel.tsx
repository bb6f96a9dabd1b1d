import { useRef, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { REAP_NAMES, ReapSet, ReapStatus } from '../../../shared/reap/schemas.ts';
import type { Trust } from '../../../shared/reference/trusts.ts';
import { errorMessage, request } from '../api/http.ts';
import { canActForTrust } from '../auth/scope.ts';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.tsx';
import { apiFieldErrors, type FieldErrors, unplacedErrors, zodFieldErrors } from '../forms/issues.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import { formatUkDateTime } from '../time/ukTime.ts';

const LEVELS = [1, 2, 3, 4] as const;

/**
 * The trust's REAP level: its history for everyone who reads the trust, and for its duty manager
 * the means to set it, with a reason. The flags may suggest a level; only people set it.
 */
export function ReapPanel({ trust, since }: { trust: Trust; since: string | null }) {
  const user = useCurrentUser();
  // The picture says when the level last changed: a change made elsewhere refetches the history.
  const key = ['reap', trust.code, since];
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: key, queryFn: ({ signal }) => request(`/trusts/${trust.code}/reap`, ReapStatus, { signal }) });
  const save = useMutation({
    mutationFn: (body: ReapSet) => request(`/trusts/${trust.code}/reap`, ReapStatus, { method: 'PUT', body }),
    onSuccess: (answer) => queryClient.setQueryData(key, answer),
  });
  const [draft, setDraft] = useState<{ level: number | undefined; reason: string }>({ level: undefined, reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  const submit = () => {
    const parsed = ReapSet.safeParse({ level: draft.level, reason: draft.reason });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => setDraft({ level: undefined, reason: '' }),
      onError: (error) => {
        const fields = apiFieldErrors(error);
        setErrors(Object.keys(fields).length ? fields : { '': errorMessage(error) });
      },
    });
  };

  return (
    <section className="pp-panel reap-panel" data-testid="reap-panel" aria-labelledby="reap-heading">
      <h2 id="reap-heading">REAP level</h2>
      {status.data && (
        <p className="reap-now" data-testid="reap-now">
          <strong>REAP {status.data.level}</strong> · {REAP_NAMES[status.data.level as 1 | 2 | 3 | 4]}
          {status.data.since && ` · since ${formatUkDateTime(status.data.since)}${status.data.setBy ? ` by ${status.data.setBy}` : ''}`}
        </p>
      )}
      {canActForTrust(user, trust.code) && (
        <form
          ref={formRef}
          noValidate
          data-testid="reap-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <FormError messages={unplacedErrors(errors, ['level', 'reason'])} />
          <fieldset className={errors.level ? 'field field-invalid' : 'field'}>
            <legend>New level</legend>
            {LEVELS.map((level) => (
              <label key={level} className="reap-choice">
                <input type="radio" name="reap-level" value={level} checked={draft.level === level} onChange={() => setDraft({ ...draft, level })} data-testid={`reap-level-${level}`} aria-invalid={errors.level ? true : undefined} />
                {level} · {REAP_NAMES[level]}
              </label>
            ))}
            {errors.level && <p className="field-error">✖ Level {errors.level}</p>}
          </fieldset>
          <Field id="reap-reason" label="Reason" error={errors.reason} hint="Why, for the log: what you saw and what you decided." testId="reap-reason">
            {(control) => <textarea {...control} rows={2} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />}
          </Field>
          <button type="submit" className="button-primary" disabled={save.isPending} data-testid="reap-submit">
            {save.isPending ? 'Setting…' : 'Set REAP level'}
          </button>
        </form>
      )}
      {status.data && status.data.history.length > 0 && (
        <ol className="reap-history" aria-label="REAP levels set before" data-testid="reap-history">
          {status.data.history.slice(0, 5).map((change) => (
            <li key={`${change.setAt}-${change.level}`}>
              <strong>REAP {change.level}</strong> · {formatUkDateTime(change.setAt)}
              {change.setBy ? ` · ${change.setBy}` : ''} · {change.reason}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
