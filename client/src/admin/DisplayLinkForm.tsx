import { useRef, useState } from 'react';
import { DisplayLinkCreate, type DisplayLinkCreated } from '../../../shared/auth/schemas.ts';
import { REGIONS, TRUSTS } from '../../../shared/reference/trusts.ts';
import { errorMessage } from '../api/http.ts';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.tsx';
import { apiFieldErrors, type FieldErrors, unplacedErrors, zodFieldErrors } from '../forms/issues.ts';
import { useCreateDisplayLink } from './api.ts';
import { describeScope, parseScopeValue } from './displayScope.ts';
import { SecretBox } from './SecretBox.tsx';

const EMPTY = { label: '', scope: '' };

/** The schema puts a scope problem on `trust` or `region`; the form has one control for both. */
function placeScopeErrors(errors: FieldErrors): FieldErrors {
  const { trust, region, ...rest } = errors;
  const scope = trust ?? region;
  return scope ? { ...rest, scope } : rest;
}

export function DisplayLinkForm() {
  const create = useCreateDisplayLink();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<DisplayLinkCreated & { scope: string }>();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  const submit = () => {
    const scope = parseScopeValue(draft.scope);
    const parsed = DisplayLinkCreate.safeParse({ label: draft.label, ...scope });
    if (!parsed.success) {
      const found = placeScopeErrors(zodFieldErrors(parsed.error));
      setErrors(draft.scope ? found : { ...found, scope: 'is required' });
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (answer) => {
        setCreated({ ...answer, scope: describeScope(scope) });
        setDraft(EMPTY);
      },
      onError: (error) => {
        const fields = placeScopeErrors(apiFieldErrors(error));
        setErrors(Object.keys(fields).length > 0 ? fields : { '': errorMessage(error) });
      },
    });
  };

  return (
    <>
      {created && (
        <SecretBox testId="new-display-link" valueTestId="new-display-link-url" heading={`New display link for ${created.scope}`} value={created.url} onDismiss={() => setCreated(undefined)}>
          <p>
            <strong>Copy this link now: it will not be shown again.</strong>
          </p>
          <p>
            It opens the wall screen of {created.scope} without signing in, and it never expires: it works until you revoke it here. Open it in the wall screen’s own browser and treat
            it like a key.
          </p>
        </SecretBox>
      )}
      <form
        ref={formRef}
        className="admin-form"
        noValidate
        data-testid="displaylink-form"
        aria-labelledby="displaylink-form-heading"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h3 id="displaylink-form-heading">Create a display link</h3>
        <FormError messages={unplacedErrors(errors, ['label', 'scope'])} testId="displaylink-form-error" />
        <div className="form-grid">
          <Field id="displaylink-label" label="Label" error={errors.label} hint="Where the screen is: “EOC wall, left”." testId="displaylink-label">
            {(control) => <input {...control} autoComplete="off" value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />}
          </Field>
          <Field id="displaylink-scope" label="Trust or region" error={errors.scope} testId="displaylink-scope">
            {(control) => (
              <select {...control} value={draft.scope} onChange={(e) => setDraft({ ...draft, scope: e.target.value })}>
                <option value="">Choose a trust or a region</option>
                <optgroup label="Trusts">
                  {TRUSTS.map((t) => (
                    <option key={t.code} value={`trust:${t.code}`}>
                      {t.shortName} · {t.name} ({t.code})
                    </option>
                  ))}
                </optgroup>
                <optgroup label="Regions">
                  {REGIONS.map((r) => (
                    <option key={r.code} value={`region:${r.code}`}>
                      {r.name} region ({r.code})
                    </option>
                  ))}
                </optgroup>
              </select>
            )}
          </Field>
        </div>
        <button type="submit" className="button-primary" data-testid="displaylink-submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create display link'}
        </button>
      </form>
    </>
  );
}
