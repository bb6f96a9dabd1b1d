import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { DeclareIncident } from '../../../shared/incidents/schemas.ts';
import type { Picture } from '../../../shared/picture/picture.ts';
import type { Trust } from '../../../shared/reference/trusts.ts';
import { errorMessage, isApiError } from '../api/http.ts';
import { Field, FormError, SubmitCancel, useFocusFirstInvalid } from '../forms/Field.tsx';
import { type FieldErrors, refusalErrors, unplacedErrors, zodFieldErrors } from '../forms/issues.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import { canWriteIncidentsOf } from './access.ts';
import { declareIncident, incidentKey } from './api.ts';
import { LEVEL_ORDER, LEVEL_WORDS } from './names.ts';
import { sentences } from './quickEntry.ts';
import './incidents.css';

const LEVEL_HINTS: Record<(typeof LEVEL_ORDER)[number], string> = {
  business_continuity: 'The trust’s own services are disrupted (IT, premises, staffing); patients still reached.',
  critical: 'The trust cannot run as normal and needs special measures to keep patients safe: frees mutual aid, cancels training and non-urgent transport.',
  major: 'Beyond the trust’s normal response: a mass-casualty event or one needing special arrangements across agencies.',
};

function DeclareForm({ trust, onCancel }: { trust: Trust; onCancel: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<{ level: string; title: string; reason: string }>({ level: '', title: '', reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const declare = useMutation({ mutationFn: declareIncident });

  const submit = () => {
    const parsed = DeclareIncident.safeParse({ trust: trust.code, level: draft.level || undefined, title: draft.title, reason: draft.reason });
    if (!parsed.success) {
      const found = sentences(zodFieldErrors(parsed.error));
      if (found.level) found.level = 'Choose the level';
      return setErrors(found);
    }
    setErrors({});
    declare.mutate(parsed.data, {
      onSuccess: (incident) => {
        queryClient.setQueryData(incidentKey(incident.id), incident);
        void navigate(`/incidents/${incident.id}`);
      },
      onError: (error) => setErrors(refusalErrors(error, isApiError(error, 'incident_active') ? `${trust.shortName} already has an active incident: escalate it instead. The trust page shows it as soon as its picture updates.` : `Not declared: ${errorMessage(error)}`, sentences)),
    });
  };

  return (
    <form
      ref={formRef}
      noValidate
      className="inc-declare-form"
      data-testid="declare-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <FormError messages={unplacedErrors(errors, ['level', 'title', 'reason'])} testId="declare-error" />
      <fieldset className={errors.level ? 'field field-invalid' : 'field'}>
        <legend>Level</legend>
        {LEVEL_ORDER.map((level) => (
          <label key={level} className="inc-declare-level">
            <input type="radio" name="declare-level" value={level} autoFocus={level === LEVEL_ORDER[0]} checked={draft.level === level} onChange={() => setDraft({ ...draft, level })} aria-invalid={errors.level ? true : undefined} data-testid={`declare-level-${level}`} />
            <span>
              <strong>{LEVEL_WORDS[level]}</strong>
              <span className="muted"> · {LEVEL_HINTS[level]}</span>
            </span>
          </label>
        ))}
        {errors.level && (
          <p className="field-error" data-testid="declare-level-error">
            ✖ {errors.level}
          </p>
        )}
      </fieldset>
      <Field id="declare-title" label="Title" hint="A few words the wall screen can show: “Handover delays, 150 waiting”." error={errors.title} testId="declare-title">
        {(control) => <input {...control} value={draft.title} maxLength={200} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />}
      </Field>
      <Field id="declare-reason" label="Reason" hint="What you see and why it needs declaring; it is the log’s first entry." error={errors.reason} testId="declare-reason">
        {(control) => <textarea {...control} rows={3} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />}
      </Field>
      <SubmitCancel label="Declare the incident" busyLabel="Declaring…" busy={declare.isPending} onCancel={onCancel} submitClass="button-danger inc-declare-submit" submitTestId="declare-submit" cancelTestId="declare-cancel" />
    </form>
  );
}

/**
 * The way from the trust page's incident chip to the incident's log, for those who may read it
 * (canReadIncidentsOf: admins see the chip without it, as they read no incident).
 */
export function IncidentLogLink({ trust, incident }: { trust: Trust; incident: NonNullable<Picture['incident']> }) {
  const user = useCurrentUser();
  return (
    <Link to={`/incidents/${incident.id}`} className="pp-incident-link" data-testid="trust-incident-link">
      {canWriteIncidentsOf(user, trust.code) ? 'Open the log to write in it →' : 'Open the log →'}
    </Link>
  );
}

/**
 * For the trust's duty manager while no incident runs, the means to declare one. The form stays
 * folded until asked for: declaring is rare and deliberate. (A running incident is the first chip
 * of the strip under the banners, with IncidentLogLink.)
 */
export function DeclareIncidentPanel({ trust, incident }: { trust: Trust; incident: Picture['incident'] }) {
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (incident || !canWriteIncidentsOf(user, trust.code)) return null;
  return (
    <section className="pp-panel inc-trust-panel" aria-labelledby="declare-heading" data-testid="declare-panel">
      <div className="inc-trust-row">
        <h2 id="declare-heading">Incident</h2>
        <span className="muted">No incident is active for {trust.shortName}.</span>
        {!open && (
          <button type="button" ref={opener} className="button-danger" onClick={() => setOpen(true)} aria-expanded={false} data-testid="declare-open">
            ✚ Declare an incident…
          </button>
        )}
      </div>
      {open && (
        <DeclareForm
          trust={trust}
          onCancel={() => {
            setOpen(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      )}
    </section>
  );
}
