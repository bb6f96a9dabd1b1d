import { type ReactNode, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AID_KIND_NAMES, AID_KINDS, type AidRequest, MAX_QUANTITY } from '../../../shared/mutualAid/schemas.ts';
import type { TrustSummaryFigures } from '../../../shared/picture/region.ts';
import { findTrust, REGIONS, type TrustCode, TRUSTS } from '../../../shared/reference/trusts.ts';
import { Field, FormError, SubmitCancel, useFocusFirstInvalid } from '../forms/Field.tsx';
import { type FieldErrors, issueText, refusalErrors, unplacedErrors } from '../forms/issues.ts';
import { askForAid, rememberRequest } from './api.ts';
import { NO_QUANTITIES, placeServerErrors, requestFromDraft, type RequestDraft, restOfRegion } from './drafts.ts';
import { aidErrorText } from './errors.ts';
import { toUkInputValue } from './ukInput.ts';

const FIELDS = ['trust', 'resources', ...AID_KINDS.map((k) => `quantity.${k}`), 'neededFrom', 'neededUntil', 'reason', 'askedTrusts'];

const shortName = (code: string) => findTrust(code)?.shortName ?? code;

function freshDraft(trust: TrustCode | ''): RequestDraft {
  return { trust, quantities: NO_QUANTITIES, from: toUkInputValue(new Date()), until: '', reason: '', asked: restOfRegion(trust) };
}

/** A neighbour's capacity now, from the region summary: what makes it worth asking. */
function NeighbourLine({ summary }: { summary: TrustSummaryFigures | undefined }) {
  if (!summary) return <span className="muted"> · figures not in your view</span>;
  if (summary.stale) return <span className="aid-neighbour-stale"> · ⚠ NO DATA: figures not current</span>;
  return (
    <span className="aid-neighbour-figures" data-testid={`aid-neighbour-free-${summary.trust.code}`}>
      {' '}
      · <strong>{summary.available}</strong> crews free of {summary.onShift} on shift · REAP {summary.reapLevel} · {summary.queueTotal} waiting
    </span>
  );
}

/**
 * Asking for mutual aid: the trust in trouble (fixed on its own page, a choice on the region's),
 * what is needed and when, why, and whom to ask. The rest of the region is asked by default, with
 * each neighbour's crews free beside its name; trusts of other regions can be added when the whole
 * region is under pressure. Nothing typed is lost when the form or the server refuses it.
 */
export function AidRequestForm({ trusts, summaries, onAsked, onCancel }: { trusts: readonly TrustCode[]; summaries: readonly TrustSummaryFigures[]; onAsked: (request: AidRequest) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<RequestDraft>(() => freshDraft(trusts.length === 1 ? trusts[0]! : ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, errors);
  const ask = useMutation({ mutationFn: askForAid });
  const region = draft.trust ? findTrust(draft.trust)?.region : undefined;
  const neighbours = TRUSTS.filter((t) => t.region === region && t.code !== draft.trust);
  const others = TRUSTS.filter((t) => t.region !== region && t.code !== draft.trust);
  const byCode = new Map(summaries.map((s) => [s.trust.code, s]));
  const sortedNeighbours = [...neighbours].sort((a, b) => (byCode.get(b.code)?.available ?? -1) - (byCode.get(a.code)?.available ?? -1));

  const toggle = (code: TrustCode) => setDraft({ ...draft, asked: draft.asked.includes(code) ? draft.asked.filter((c) => c !== code) : [...draft.asked, code] });

  const submit = () => {
    const outcome = requestFromDraft(draft);
    if (!outcome.ok) return setErrors(outcome.errors);
    setErrors({});
    ask.mutate(outcome.body, {
      onSuccess: (request) => {
        rememberRequest(queryClient, request);
        setDraft(freshDraft(trusts.length === 1 ? trusts[0]! : ''));
        onAsked(request);
      },
      onError: (error) => setErrors(refusalErrors(error, aidErrorText(error, 'The request'), (fields) => placeServerErrors(fields, draft.quantities))),
    });
  };

  const checkbox = (code: TrustCode, detail: ReactNode) => (
    <label key={code} className="aid-check">
      <input type="checkbox" checked={draft.asked.includes(code)} onChange={() => toggle(code)} data-testid={`aid-ask-${code}`} />
      <span>
        <strong>{shortName(code)}</strong>
        {detail}
      </span>
    </label>
  );

  return (
    <form
      ref={formRef}
      noValidate
      className="aid-form"
      data-testid="aid-request-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormError messages={unplacedErrors(errors, FIELDS)} testId="aid-request-error" />
      {trusts.length > 1 ? (
        <Field id="aid-trust" label="Trust that needs help" error={errors.trust} testId="aid-request-trust">
          {(control) => (
            <select {...control} value={draft.trust} onChange={(e) => setDraft(freshDraftFor(draft, e.target.value as TrustCode | ''))}>
              <option value="">Choose the trust in trouble</option>
              {trusts.map((code) => (
                <option key={code} value={code}>
                  {shortName(code)} ({code}){byCode.get(code) ? ` · ${byCode.get(code)!.queueTotal} waiting, ${byCode.get(code)!.available} free` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className="aid-form-for">
          For <strong>{shortName(trusts[0] ?? '')}</strong>. The request links the trust’s active incident, if one is declared, and writes every step into its log.
        </p>
      )}
      <fieldset className={errors.resources ? 'field field-invalid aid-kinds' : 'field aid-kinds'}>
        <legend>What is needed (how many of each; leave blank what is not)</legend>
        <div className="aid-kind-grid">
          {AID_KINDS.map((kind) => (
            <Field key={kind} id={`aid-q-${kind}`} label={AID_KIND_NAMES[kind]} error={errors[`quantity.${kind}`]} testId={`aid-request-q-${kind}`}>
              {(control) => <input {...control} type="number" inputMode="numeric" min={0} max={MAX_QUANTITY} step={1} value={draft.quantities[kind]} onChange={(e) => setDraft({ ...draft, quantities: { ...draft.quantities, [kind]: e.target.value } })} />}
            </Field>
          ))}
        </div>
        {errors.resources && <p className="field-error">✖ {errors.resources}</p>}
      </fieldset>
      <div className="form-grid">
        <Field id="aid-from" label="Needed from (UK time)" error={errors.neededFrom} testId="aid-request-from">
          {(control) => <input {...control} type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}
        </Field>
        <Field id="aid-until" label="Needed until (UK time, optional)" error={errors.neededUntil} testId="aid-request-until">
          {(control) => <input {...control} type="datetime-local" value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.target.value })} />}
        </Field>
      </div>
      <Field id="aid-reason" label="Reason" hint="What the trust faces and why its own crews are not enough: it goes into every log concerned." error={errors.reason} testId="aid-request-reason">
        {(control) => <textarea {...control} rows={3} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />}
      </Field>
      <fieldset className={errors.askedTrusts ? 'field field-invalid' : 'field'} data-testid="aid-request-asked">
        <legend>Trusts asked</legend>
        {neighbours.length > 0 ? (
          <div className="aid-checks">{sortedNeighbours.map((t) => checkbox(t.code, <NeighbourLine summary={byCode.get(t.code)} />))}</div>
        ) : (
          <p className="field-hint">{draft.trust ? `${shortName(draft.trust)} is its region’s only trust: name trusts of other regions below.` : 'Choose the trust first.'}</p>
        )}
        {draft.trust && (
          <details className="aid-other-regions" open={neighbours.length === 0 || draft.asked.some((c) => findTrust(c)?.region !== region)}>
            <summary>Ask trusts of other regions too</summary>
            {REGIONS.filter((r) => r.code !== region).map((r) => {
              const inRegion = others.filter((t) => t.region === r.code);
              return (
                <div key={r.code} className="aid-other-region">
                  <span className="aid-other-name">{r.name}</span>
                  {inRegion.map((t) => checkbox(t.code, null))}
                </div>
              );
            })}
          </details>
        )}
        {errors.askedTrusts && (
          <p className="field-error" data-testid="aid-request-asked-error">
            ✖ {issueText('The trusts asked', errors.askedTrusts)}
          </p>
        )}
      </fieldset>
      <SubmitCancel label="Ask for mutual aid" busyLabel="Asking…" busy={ask.isPending} onCancel={onCancel} submitTestId="aid-request-submit" cancelTestId="aid-request-cancel" />
    </form>
  );
}

/** Choosing another trust asks the rest of its region, unless the person had already chosen. */
function freshDraftFor(draft: RequestDraft, trust: TrustCode | ''): RequestDraft {
  const untouched = draft.asked.join() === restOfRegion(draft.trust).join();
  return { ...draft, trust, asked: untouched ? restOfRegion(trust) : draft.asked.filter((c) => c !== trust) };
}
