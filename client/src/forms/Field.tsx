import { type ReactNode, type Ref, type RefObject, useEffect } from 'react';
import { issueText } from './issues.ts';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'data-testid': string | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** The control's data-testid; its error gets `<testId>-error`. */
  testId?: string | undefined;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and its error, wired for screen readers. */
export function Field({ id, label, error, hint, testId, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'data-testid': testId })}
      {error && (
        <p id={errorId} className="field-error" data-testid={testId ? `${testId}-error` : undefined}>
          <span aria-hidden="true" className="field-error-mark">
            ✖{' '}
          </span>
          {issueText(label, error)}
        </p>
      )}
    </div>
  );
}

/** A message about the form as a whole, announced when it appears. */
export function FormError({ messages, testId }: { messages: readonly string[]; testId?: string }) {
  if (messages.length === 0) return null;
  return (
    <div className="form-error" role="alert" data-testid={testId}>
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

/** After a failed submit, takes keyboard users to the first field that needs fixing. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, errors: object): void {
  useEffect(() => {
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  }, [form, errors]);
}

interface SubmitCancelProps {
  /** What the submit does ("Offer"), and what it says while the server answers ("Offering…"). */
  label: string;
  busyLabel: string;
  busy: boolean;
  onCancel: () => void;
  /** The submit's classes: the primary action unless it is a grave one (`button-danger`). */
  submitClass?: string;
  submitTestId?: string;
  cancelTestId?: string;
  submitRef?: Ref<HTMLButtonElement>;
}

/**
 * A form's submit and cancel, side by side. The submit is disabled while the server answers, so
 * that a second press cannot send the same step twice; cancel never is.
 */
export function SubmitCancel({ label, busyLabel, busy, onCancel, submitClass = 'button-primary', submitTestId, cancelTestId, submitRef }: SubmitCancelProps) {
  return (
    <div className="button-row">
      <button type="submit" ref={submitRef} className={submitClass} disabled={busy} data-testid={submitTestId}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" onClick={onCancel} data-testid={cancelTestId}>
        Cancel
      </button>
    </div>
  );
}
