import { useRef, useState } from 'react';
import { FeedKeyCreate, type FeedKeyCreated } from '../../../shared/auth/schemas.ts';
import { findTrust } from '../../../shared/reference/trusts.ts';
import { errorMessage } from '../api/http.ts';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.tsx';
import { apiFieldErrors, type FieldErrors, unplacedErrors, zodFieldErrors } from '../forms/issues.ts';
import { useCreateFeedKey } from './api.ts';
import { TrustOptions } from './options.tsx';
import { SecretBox } from './SecretBox.tsx';

const EMPTY = { trust: '', label: '' };

export function FeedKeyForm() {
  const create = useCreateFeedKey();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<FeedKeyCreated>();
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);

  const submit = () => {
    const parsed = FeedKeyCreate.safeParse({ trust: draft.trust || undefined, label: draft.label.trim() || undefined });
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error);
      // An unchosen trust is a missing answer, not a wrong code.
      setErrors(draft.trust ? found : { ...found, trust: 'is required' });
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (answer) => {
        setCreated(answer);
        setDraft(EMPTY);
      },
      onError: (error) => {
        const fields = apiFieldErrors(error);
        setErrors(Object.keys(fields).length > 0 ? fields : { '': errorMessage(error) });
      },
    });
  };

  return (
    <>
      {created && (
        <SecretBox testId="new-feed-key" valueTestId="new-feed-key-value" heading={`New feed key for ${findTrust(created.trust)?.shortName ?? created.trust}`} value={created.key} onDismiss={() => setCreated(undefined)}>
          <p>
            <strong>Copy this key now: it will not be shown again.</strong>
          </p>
          <p>Put it in the dispatch system’s feed settings. It lets that system send events for this trust only.</p>
        </SecretBox>
      )}
      <form
        ref={formRef}
        className="admin-form"
        noValidate
        data-testid="feedkey-form"
        aria-labelledby="feedkey-form-heading"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h3 id="feedkey-form-heading">Create a feed key</h3>
        <FormError messages={unplacedErrors(errors, ['trust', 'label'])} testId="feedkey-form-error" />
        <div className="form-grid">
          <Field id="feedkey-trust" label="Trust" error={errors.trust} testId="feedkey-trust">
            {(control) => (
              <select {...control} value={draft.trust} onChange={(e) => setDraft({ ...draft, trust: e.target.value })}>
                <option value="">Choose a trust</option>
                <TrustOptions />
              </select>
            )}
          </Field>
          <Field id="feedkey-label" label="Label (optional)" error={errors.label} hint="What it is for, to tell keys apart: “CAD primary”." testId="feedkey-label">
            {(control) => <input {...control} autoComplete="off" value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} />}
          </Field>
        </div>
        <button type="submit" className="button-primary" data-testid="feedkey-submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create feed key'}
        </button>
      </form>
    </>
  );
}
