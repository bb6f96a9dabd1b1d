import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { z } from 'zod';
import { findTrust, type Trust } from '../../../shared/reference/trusts.ts';
import { SEVERITIES, ThresholdRule, ThresholdRules } from '../../../shared/thresholds/schemas.ts';
import { errorMessage, request } from '../api/http.ts';
import { canActForTrust } from '../auth/scope.ts';
import { FormError } from '../forms/Field.tsx';
import { apiFieldErrors, type FieldErrors, issueText, zodFieldErrors } from '../forms/issues.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import './thresholds.css';

const Metrics = z.array(z.object({ metric: z.string(), label: z.string(), unit: z.string() }));
type Metrics = z.infer<typeof Metrics>;
const RuleList = z.array(ThresholdRule);

/** A rule as the form holds it: every number as typed, so a half-typed one is not lost. */
interface Draft {
  id: string;
  metric: string;
  direction: 'above' | 'below';
  line: string;
  sustainMinutes: string;
  clearAt: string;
  clearMinutes: string;
  severity: ThresholdRule['severity'];
  advice: string;
}

const toDraft = (rule: ThresholdRule): Draft => ({
  id: rule.id,
  metric: rule.metric,
  direction: rule.above !== undefined ? 'above' : 'below',
  line: String(rule.above ?? rule.below),
  sustainMinutes: String(rule.sustainSeconds / 60),
  clearAt: String(rule.clearAt),
  clearMinutes: String(rule.clearSeconds / 60),
  severity: rule.severity,
  advice: rule.advice,
});

const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const fromDraft = (d: Draft) => ({
  id: d.id.trim(),
  metric: d.metric,
  [d.direction]: num(d.line),
  sustainSeconds: Math.round(num(d.sustainMinutes) * 60),
  clearAt: num(d.clearAt),
  clearSeconds: Math.round(num(d.clearMinutes) * 60),
  severity: d.severity,
  advice: d.advice,
});

/** The form field an issue's path names ("2.clearAt" is rule 2's clear level; "2.above" its line). */
const FIELD_OF: Partial<Record<string, keyof Draft>> = { above: 'line', below: 'line', sustainSeconds: 'sustainMinutes', clearSeconds: 'clearMinutes' };

interface RuleEditorProps {
  draft: Draft;
  index: number;
  errors: FieldErrors;
  metrics: Metrics;
  onChange: (draft: Draft) => void;
  onRemove: () => void;
}

function RuleEditor({ draft, index, errors, metrics, onChange, onRemove }: RuleEditorProps) {
  const error = (field: keyof Draft) => {
    for (const [path, message] of Object.entries(errors)) {
      const [i, name] = path.split('.');
      if (Number(i) === index && name && (FIELD_OF[name] ?? name) === field) return message;
    }
    return undefined;
  };
  const text = (field: Exclude<keyof Draft, 'direction' | 'severity'>, label: string) => {
    const message = error(field);
    const id = `rule-${index}-${field}`;
    return (
      <div className={message ? 'field field-invalid' : 'field'}>
        <label htmlFor={id}>{label}</label>
        <input id={id} data-testid={id} aria-invalid={message ? true : undefined} value={draft[field]} onChange={(e) => onChange({ ...draft, [field]: e.target.value })} />
        {message && <p className="field-error">✖ {issueText(label, message)}</p>}
      </div>
    );
  };
  return (
    <fieldset className="rule" data-testid={`rule-${index}`}>
      <legend>
        Rule {index + 1}: {draft.id || 'new'}
      </legend>
      <div className="rule-grid">
        {text('id', 'Id')}
        <div className={error('metric') ? 'field field-invalid' : 'field'}>
          <label htmlFor={`rule-${index}-metric`}>Figure</label>
          <select id={`rule-${index}-metric`} data-testid={`rule-${index}-metric`} value={draft.metric} onChange={(e) => onChange({ ...draft, metric: e.target.value })}>
            {metrics.map((m) => (
              <option key={m.metric} value={m.metric}>
                {m.label} ({m.unit})
              </option>
            ))}
          </select>
          {error('metric') && <p className="field-error">✖ Figure {error('metric')}</p>}
        </div>
        <div className="field">
          <label htmlFor={`rule-${index}-direction`}>Raise when</label>
          <select id={`rule-${index}-direction`} data-testid={`rule-${index}-direction`} value={draft.direction} onChange={(e) => onChange({ ...draft, direction: e.target.value === 'below' ? 'below' : 'above' })}>
            <option value="above">above the line</option>
            <option value="below">below the line</option>
          </select>
        </div>
        {text('line', 'Line')}
        {text('sustainMinutes', 'For (minutes)')}
        {text('clearAt', 'Clear at')}
        {text('clearMinutes', 'Clear after (minutes)')}
        <div className="field">
          <label htmlFor={`rule-${index}-severity`}>Severity</label>
          <select id={`rule-${index}-severity`} data-testid={`rule-${index}-severity`} value={draft.severity} onChange={(e) => onChange({ ...draft, severity: SEVERITIES.find((s) => s === e.target.value) ?? 'warning' })}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      </div>
      {text('advice', 'Advice shown with the flag')}
      <button type="button" className="button-danger" onClick={onRemove} data-testid={`rule-${index}-remove`}>
        Remove this rule
      </button>
    </fieldset>
  );
}

const NEW_RULE = (n: number): Draft => ({ id: `rule-${n}`, metric: 'queue.total.waiting', direction: 'above', line: '', sustainMinutes: '10', clearAt: '', clearMinutes: '15', severity: 'warning', advice: '' });

function ThresholdsEditor({ trust }: { trust: Trust }) {
  const queryClient = useQueryClient();
  const key = ['thresholds', trust.code];
  const rules = useQuery({ queryKey: key, queryFn: ({ signal }) => request(`/trusts/${trust.code}/thresholds`, RuleList, { signal }) });
  const metrics = useQuery({ queryKey: ['threshold-metrics'], queryFn: ({ signal }) => request('/thresholds/metrics', Metrics, { signal }), staleTime: Infinity });
  const [drafts, setDrafts] = useState<Draft[]>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (rules.data && !drafts) setDrafts(rules.data.map(toDraft));
  }, [rules.data, drafts]);
  const save = useMutation({
    mutationFn: (body: ThresholdRule[]) => request(`/trusts/${trust.code}/thresholds`, RuleList, { method: 'PUT', body }),
    onSuccess: (answer) => queryClient.setQueryData(key, answer),
  });

  if (rules.isError || metrics.isError) return <p className="notice notice-error">The rules could not be loaded. {errorMessage(rules.error ?? metrics.error)}</p>;
  if (!drafts || !metrics.data) return <p role="status">Loading the rules…</p>;

  const submit = () => {
    setSaved(false);
    const parsed = ThresholdRules.safeParse(drafts.map(fromDraft));
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => setSaved(true),
      onError: (error) => {
        const fields = apiFieldErrors(error);
        setErrors(Object.keys(fields).length ? fields : { '': errorMessage(error) });
      },
    });
  };
  const problems = Object.keys(errors).length;
  const formLevel = Object.entries(errors)
    .filter(([path]) => !/^\d+\./.test(path))
    .map(([path, message]) => (path ? `${path}: ${message ?? ''}` : (message ?? '')));

  return (
    <form
      noValidate
      data-testid="thresholds-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <FormError messages={formLevel} testId="thresholds-form-error" />
      {problems > 0 && (
        <p className="outcome outcome-error" role="alert" data-testid="thresholds-invalid">
          ✖ Not saved: {problems} {problems === 1 ? 'problem' : 'problems'} below. The rules in force are unchanged.
        </p>
      )}
      {drafts.map((draft, index) => (
        <RuleEditor
          key={index}
          draft={draft}
          index={index}
          errors={errors}
          metrics={metrics.data}
          onChange={(d) => setDrafts(drafts.map((x, i) => (i === index ? d : x)))}
          onRemove={() => setDrafts(drafts.filter((_, i) => i !== index))}
        />
      ))}
      <div className="thresholds-actions">
        <button type="button" data-testid="rule-add" onClick={() => setDrafts([...drafts, NEW_RULE(drafts.length + 1)])}>
          Add a rule
        </button>
        <button type="submit" className="button-primary" disabled={save.isPending} data-testid="thresholds-save">
          {save.isPending ? 'Saving…' : 'Save all rules'}
        </button>
        {saved && (
          <span className="outcome outcome-ok" role="status" data-testid="thresholds-saved">
            ✔ Saved: {drafts.length} rules in force.
          </span>
        )}
      </div>
    </form>
  );
}

/** `/trust/:code/thresholds`: the trust's rules, for its admins and duty managers to change. */
export function ThresholdsPage() {
  const { code } = useParams();
  const user = useCurrentUser();
  const trust = code ? findTrust(code) : undefined;
  if (!trust) return <p>No such trust.</p>;
  const mayEdit = user.role === 'admin' || canActForTrust(user, trust.code);
  return (
    <section className="thresholds-page" data-testid="thresholds-page">
      <h1>Thresholds · {trust.shortName}</h1>
      <p className="section-intro">
        A rule raises a flag once its figure has been beyond the line for the time given, and clears it only once the figure has been back at or past the clear level for the time given: a clear
        level short of the line keeps a figure hovering at it from raising and clearing over and over. Flags advise; people decide. <Link to={`/trust/${trust.code}`}>Back to the trust page</Link>
      </p>
      {mayEdit ? <ThresholdsEditor trust={trust} /> : <p role="alert">Only admins and the trust’s duty managers change its rules.</p>}
    </section>
  );
}
