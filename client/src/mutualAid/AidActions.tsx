import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AID_KIND_NAMES, type AidRequest, type CloseRequest, MAX_QUANTITY, type Offer } from '../../../shared/mutualAid/schemas.ts';
import { findTrust, type TrustCode } from '../../../shared/reference/trusts.ts';
import { Field, FormError, SubmitCancel, useFocusFirstInvalid } from '../forms/Field.tsx';
import { apiFieldErrors, type FieldErrors, refusalErrors, unplacedErrors } from '../forms/issues.ts';
import { closeRequest, decideOffer, fetchRequest, offerAid, rememberRequest } from './api.ts';
import { NO_QUANTITIES, offerFromDraft, type OfferDraft, placeServerErrors } from './drafts.ts';
import { aidErrorText } from './errors.ts';
import { toUkInputValue } from './ukInput.ts';

const shortName = (code: string) => findTrust(code)?.shortName ?? code;

/**
 * Accepting or declining one pending offer, with an optional reason for the log. A refusal (the
 * offer decided elsewhere, the request closed) is said beside the buttons; the reason stays typed.
 */
export function OfferDecision({ request, offer }: { request: AidRequest; offer: Offer }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const decide = useMutation({ mutationFn: (verb: 'accept' | 'decline') => decideOffer(request.id, offer.id, verb, reason.trim() ? { reason: reason.trim() } : {}) });
  const act = (verb: 'accept' | 'decline') => {
    setError(undefined);
    decide.mutate(verb, {
      onSuccess: (changed) => {
        rememberRequest(queryClient, changed);
        setReason('');
      },
      onError: (failure) => {
        const fields = apiFieldErrors(failure);
        setError(fields.reason ? `Reason ${fields.reason}` : aidErrorText(failure, verb === 'accept' ? 'Accepting the offer' : 'Declining the offer'));
      },
    });
  };
  return (
    <div className="aid-decision" data-testid="aid-offer-decision">
      <label className="aid-inline-label">
        <span className="visually-hidden">Reason for the log, optional</span>
        <input value={reason} placeholder="Reason for the log (optional)" onChange={(e) => setReason(e.target.value)} maxLength={2000} data-testid="aid-offer-reason" />
      </label>
      <button type="button" className="button-primary" disabled={decide.isPending} onClick={() => act('accept')} data-testid="aid-offer-accept">
        ✓ Accept
      </button>
      <button type="button" disabled={decide.isPending} onClick={() => act('decline')} data-testid="aid-offer-decline">
        ✖ Decline
      </button>
      {error && (
        <p className="field-error aid-action-error" role="alert" data-testid="aid-offer-error">
          ✖ {error}
        </p>
      )}
    </div>
  );
}

const OFFER_FIELDS = (request: AidRequest) => ['trust', 'resources', 'eta', 'note', ...request.resources.map((r) => `quantity.${r.kind}`)];

/** Offering against an open request, for one of the trusts asked that this person acts for. */
export function OfferForm({ request, trusts, onDone }: { request: AidRequest; trusts: readonly TrustCode[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const fresh = (): OfferDraft => ({ trust: trusts.length === 1 ? trusts[0]! : '', quantities: NO_QUANTITIES, eta: toUkInputValue(new Date(Date.now() + 60 * 60_000)), note: '' });
  const [draft, setDraft] = useState<OfferDraft>(fresh);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const offer = useMutation({ mutationFn: (body: Parameters<typeof offerAid>[1]) => offerAid(request.id, body) });
  const kinds = request.resources.map((r) => r.kind);
  const unfilled = new Map(request.filled.map((f) => [f.kind, f.unfilled]));

  const submit = () => {
    const outcome = offerFromDraft(draft, request);
    if (!outcome.ok) return setErrors(outcome.errors);
    setErrors({});
    offer.mutate(outcome.body, {
      onSuccess: () => {
        setDraft(fresh());
        onDone();
        // The answer is the offer alone; the request with it comes pushed, and is read here too.
        fetchRequest(request.id).then(
          (changed) => rememberRequest(queryClient, changed),
          () => undefined,
        );
      },
      onError: (error) => setErrors(refusalErrors(error, aidErrorText(error, 'The offer'), (fields) => placeServerErrors(fields, draft.quantities, kinds))),
    });
  };

  return (
    <form
      ref={formRef}
      noValidate
      className="aid-form aid-offer-form"
      data-testid="aid-offer-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormError messages={unplacedErrors(errors, OFFER_FIELDS(request))} testId="aid-offer-form-error" />
      {trusts.length > 1 ? (
        <Field id={`offer-trust-${request.id}`} label="Offer from" error={errors.trust} testId="aid-offer-trust">
          {(control) => (
            <select {...control} value={draft.trust} onChange={(e) => setDraft({ ...draft, trust: e.target.value as TrustCode | '' })}>
              <option value="">Choose the trust that offers</option>
              {trusts.map((code) => (
                <option key={code} value={code}>
                  {shortName(code)} ({code})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className="aid-form-for">
          Offer from <strong>{shortName(trusts[0] ?? '')}</strong>
        </p>
      )}
      <fieldset className={errors.resources ? 'field field-invalid aid-kinds' : 'field aid-kinds'}>
        <legend>What you can send</legend>
        <div className="aid-kind-grid">
          {kinds.map((kind) => (
            <Field key={kind} id={`offer-q-${request.id}-${kind}`} label={`${AID_KIND_NAMES[kind]} (${unfilled.get(kind) ?? 0} still needed)`} error={errors[`quantity.${kind}`]} testId={`aid-offer-q-${kind}`}>
              {(control) => <input {...control} type="number" inputMode="numeric" min={0} max={MAX_QUANTITY} step={1} value={draft.quantities[kind]} onChange={(e) => setDraft({ ...draft, quantities: { ...draft.quantities, [kind]: e.target.value } })} />}
            </Field>
          ))}
        </div>
        {errors.resources && <p className="field-error">✖ {errors.resources}</p>}
      </fieldset>
      <div className="form-grid">
        <Field id={`offer-eta-${request.id}`} label="There by (UK time)" error={errors.eta} testId="aid-offer-eta">
          {(control) => <input {...control} type="datetime-local" value={draft.eta} onChange={(e) => setDraft({ ...draft, eta: e.target.value })} />}
        </Field>
        <Field id={`offer-note-${request.id}`} label="Note (optional)" hint="Where from, who leads, anything the asking trust must know." error={errors.note} testId="aid-offer-note">
          {(control) => <input {...control} value={draft.note} maxLength={2000} onChange={(e) => setDraft({ ...draft, note: e.target.value })} />}
        </Field>
      </div>
      <SubmitCancel label="Offer" busyLabel="Offering…" busy={offer.isPending} onCancel={onDone} submitTestId="aid-offer-submit" />
    </form>
  );
}

/** Closing a request: fulfilled once an offer is accepted, or withdrawn; offers not decided lapse. */
export function CloseForm({ request, onDone }: { request: AidRequest; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<CloseRequest['outcome'] | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const close = useMutation({ mutationFn: (body: CloseRequest) => closeRequest(request.id, body) });
  const anyAccepted = request.offers.some((o) => o.status === 'accepted');
  const submit = () => {
    if (!outcome) return setErrors({ outcome: 'Choose fulfilled or withdrawn' });
    setErrors({});
    close.mutate(
      { outcome, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: (changed) => {
          rememberRequest(queryClient, changed);
          onDone();
        },
        onError: (error) => setErrors(refusalErrors(error, aidErrorText(error, 'Closing the request'))),
      },
    );
  };
  return (
    <form
      noValidate
      className="aid-form aid-close-form"
      data-testid="aid-close-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormError messages={unplacedErrors(errors, ['outcome', 'note'])} testId="aid-close-error" />
      <fieldset className={errors.outcome ? 'field field-invalid' : 'field'}>
        <legend>Close the request as</legend>
        <label className="aid-choice">
          <input type="radio" name={`close-${request.id}`} checked={outcome === 'fulfilled'} onChange={() => setOutcome('fulfilled')} data-testid="aid-close-fulfilled" />
          <span>
            <strong>Fulfilled</strong> <span className="muted">· the help accepted is enough{anyAccepted ? '' : ' (accept an offer first)'}</span>
          </span>
        </label>
        <label className="aid-choice">
          <input type="radio" name={`close-${request.id}`} checked={outcome === 'withdrawn'} onChange={() => setOutcome('withdrawn')} data-testid="aid-close-withdrawn" />
          <span>
            <strong>Withdrawn</strong> <span className="muted">· no longer needed</span>
          </span>
        </label>
        {errors.outcome && <p className="field-error">✖ {errors.outcome}</p>}
      </fieldset>
      <Field id={`close-note-${request.id}`} label="Note for the log (optional)" error={errors.note} testId="aid-close-note">
        {(control) => <input {...control} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <SubmitCancel label="Close the request" busyLabel="Closing…" busy={close.isPending} onCancel={onDone} submitTestId="aid-close-submit" />
    </form>
  );
}
