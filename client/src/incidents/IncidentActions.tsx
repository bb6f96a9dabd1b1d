import { useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ChangeLevel, type Incident, type IncidentLevel, StandDown } from '../../../shared/incidents/schemas.ts';
import { errorMessage, isApiError } from '../api/http.ts';
import { Field, FormError, SubmitCancel, useFocusFirstInvalid } from '../forms/Field.tsx';
import { type FieldErrors, refusalErrors, unplacedErrors, zodFieldErrors } from '../forms/issues.ts';
import { changeLevel, standDown } from './api.ts';
import { LEVEL_ORDER, LEVEL_WORDS } from './names.ts';
import { sentences } from './quickEntry.ts';

const REFUSALS: Record<string, string> = {
  same_level: 'The incident is already at that level.',
  incident_stood_down: 'The incident has been stood down: its level can no longer change.',
};

function refusal(error: unknown): FieldErrors {
  const known = isApiError(error) ? REFUSALS[error.id] : undefined;
  return refusalErrors(error, known ?? errorMessage(error), sentences);
}

/** Escalate or de-escalate, with the reason for the log. */
function LevelForm({ incident, onChanged }: { incident: Incident; onChanged: (incident: Incident) => void }) {
  const [level, setLevel] = useState<IncidentLevel | ''>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const save = useMutation({ mutationFn: (body: ChangeLevel) => changeLevel(incident.id, body) });
  const submit = () => {
    const parsed = ChangeLevel.safeParse({ level: level || undefined, reason });
    if (!parsed.success) return setErrors(sentences(zodFieldErrors(parsed.error)));
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: (answer) => {
        onChanged(answer);
        setLevel('');
        setReason('');
      },
      onError: (error) => setErrors(refusal(error)),
    });
  };
  const current = LEVEL_ORDER.indexOf(incident.level);
  return (
    <form
      ref={formRef}
      id="level-form"
      className="inc-action-form"
      noValidate
      aria-labelledby="level-heading"
      data-testid="level-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="level-heading">Change the level</h2>
      <FormError messages={unplacedErrors(errors, ['level', 'reason'])} testId="level-error" />
      <Field id="level-new" label="New level" error={errors.level === undefined ? undefined : 'Choose the new level'} testId="level-new">
        {(control) => (
          <select {...control} autoFocus value={level} onChange={(e) => setLevel(e.target.value as IncidentLevel | '')}>
            <option value="">Choose…</option>
            {LEVEL_ORDER.map((l, i) =>
              l === incident.level ? null : (
                <option key={l} value={l}>
                  {i > current ? '▲ Escalate to' : '▼ De-escalate to'} {LEVEL_WORDS[l].toLowerCase()}
                </option>
              ),
            )}
          </select>
        )}
      </Field>
      <Field id="level-reason" label="Reason" error={errors.reason} testId="level-reason">
        {(control) => <textarea {...control} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <button type="submit" className="button-primary" disabled={save.isPending} data-testid="level-submit">
        {save.isPending ? 'Changing…' : 'Change level'}
      </button>
    </form>
  );
}

/** Stand down, with the reason, after a confirmation: nothing can be logged afterwards. */
function StandDownForm({ incident, onChanged }: { incident: Incident; onChanged: (incident: Incident) => void }) {
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const save = useMutation({ mutationFn: (body: StandDown) => standDown(incident.id, body) });

  const ask = () => {
    const parsed = StandDown.safeParse({ reason });
    if (!parsed.success) return setErrors(sentences(zodFieldErrors(parsed.error)));
    setErrors({});
    setConfirming(true);
    // The confirmation replaces the button that asked for it: focus follows.
    setTimeout(() => confirmRef.current?.focus(), 0);
  };
  const confirm = () =>
    save.mutate(
      { reason: reason.trim() },
      {
        onSuccess: onChanged,
        onError: (error) => {
          setConfirming(false);
          setErrors(refusal(error));
        },
      },
    );

  return (
    <form
      ref={formRef}
      id="standdown-form"
      className="inc-action-form"
      noValidate
      aria-labelledby="standdown-heading"
      data-testid="standdown-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (confirming) confirm();
        else ask();
      }}
    >
      <h2 id="standdown-heading">Stand down</h2>
      <FormError messages={unplacedErrors(errors, ['reason'])} testId="standdown-error" />
      <Field id="standdown-reason" label="Reason" error={errors.reason} hint="Why the incident is over: the figures, what has recovered." testId="standdown-reason">
        {(control) => (
          <textarea
            {...control}
            autoFocus
            rows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setConfirming(false);
            }}
          />
        )}
      </Field>
      {confirming ? (
        <div className="inc-confirm" role="alertdialog" aria-labelledby="standdown-confirm-text">
          <p id="standdown-confirm-text">
            <strong>Stand down this incident?</strong> Nothing more can be logged after it.
          </p>
          <SubmitCancel label="Yes, stand down" busyLabel="Standing down…" busy={save.isPending} onCancel={() => setConfirming(false)} submitClass="button-danger" submitRef={confirmRef} submitTestId="standdown-confirm" cancelTestId="standdown-cancel" />
        </div>
      ) : (
        <button type="submit" className="button-danger" data-testid="standdown-submit">
          Stand down…
        </button>
      )}
    </form>
  );
}

type Open = 'level' | 'standdown' | undefined;

/**
 * What the trust's duty manager may do to a running incident besides logging, folded into two
 * buttons until wanted, so that the log and its entry box keep the top of the screen.
 */
export function IncidentActions({ incident, onChanged }: { incident: Incident; onChanged: (incident: Incident) => void }) {
  const [open, setOpen] = useState<Open>();
  const levelButton = useRef<HTMLButtonElement>(null);
  const toggle = (which: Open) => setOpen((current) => (current === which ? undefined : which));
  return (
    <section
      className="inc-actions"
      aria-label="Change the level or stand down"
      data-testid="incident-actions"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(undefined);
      }}
    >
      <div className="button-row">
        <button type="button" ref={levelButton} aria-expanded={open === 'level'} aria-controls="level-form" onClick={() => toggle('level')} data-testid="level-open">
          ▲▼ Change the level…
        </button>
        <button type="button" className="button-danger" aria-expanded={open === 'standdown'} aria-controls="standdown-form" onClick={() => toggle('standdown')} data-testid="standdown-open">
          □ Stand down…
        </button>
      </div>
      {open === 'level' && (
        <LevelForm
          incident={incident}
          onChanged={(changed) => {
            setOpen(undefined);
            onChanged(changed);
            // The form is gone: focus goes back to the button that opened it, not to the page's top.
            setTimeout(() => levelButton.current?.focus(), 0);
          }}
        />
      )}
      {open === 'standdown' && <StandDownForm incident={incident} onChanged={onChanged} />}
    </section>
  );
}
