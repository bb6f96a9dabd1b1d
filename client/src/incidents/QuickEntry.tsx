import { type Ref, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ENTRY_KIND_NAMES, type LogEntry, type NewEntry, WRITTEN_KINDS } from '../../../shared/incidents/schemas.ts';
import { errorMessage, isApiError } from '../api/http.ts';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.tsx';
import { type FieldErrors, refusalErrors, unplacedErrors } from '../forms/issues.ts';
import { postEntry } from './api.ts';
import { KIND_MARK } from './names.ts';
import { draftAfterPost, EMPTY_DRAFT, type EntryDraft, entryRequest, isSubmitKey, KIND_SHORTCUTS, sentences, shortcutKind, type WrittenKind } from './quickEntry.ts';

export interface QuickEntryHandle {
  /** Starts a correction of `seq`: the kind set, its number filled in, the text focused. */
  correct: (seq: number) => void;
}

interface Props {
  incidentId: string;
  onLogged: (entry: LogEntry) => void;
  /** The incident was found stood down when posting: the page refreshes its header. */
  onStoodDown: () => void;
  ref?: Ref<QuickEntryHandle>;
}

const FIELDS = ['kind', 'text', 'rationale', 'corrects'];

function isFormControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The box a duty manager logs with while the room is busy, by keyboard alone: Alt+D, A, I, C or R
 * chooses the kind (from anywhere on the page but another form's field), the text takes focus,
 * a decision asks for its rationale, a correction for the number of the entry it corrects, and
 * Ctrl+Enter logs. After a post the box empties and keeps focus for the next entry; after a
 * refusal everything typed stays, with the reason beside the field it concerns.
 */
export function QuickEntry({ incidentId, onLogged, onStoodDown, ref }: Props) {
  const [draft, setDraft] = useState<EntryDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const post = useMutation({ mutationFn: (body: NewEntry) => postEntry(incidentId, body) });
  useFocusFirstInvalid(formRef, errors);

  const choose = (kind: WrittenKind) => {
    setDraft((d) => ({ ...d, kind }));
    // A new object would send focus to the first invalid field again: only when something clears.
    setErrors((e) => (e.kind || e.rationale || e.corrects ? { ...e, kind: undefined, rationale: undefined, corrects: undefined } : e));
  };

  useImperativeHandle(ref, () => ({
    correct: (seq: number) => {
      setDraft((d) => ({ ...d, kind: 'correction', corrects: String(seq) }));
      textRef.current?.focus();
    },
  }));

  // Alt+letter from anywhere on the page, except while typing in another form (a stand-down reason).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const kind = shortcutKind(event);
      if (!kind) return;
      const inBox = formRef.current?.contains(event.target as Node) ?? false;
      if (!inBox && isFormControl(event.target)) return;
      event.preventDefault();
      choose(kind);
      if (!inBox) textRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const submit = () => {
    if (post.isPending) return;
    const answer = entryRequest(draft);
    if (!answer.ok) return setErrors(answer.errors);
    setErrors({});
    post.mutate(answer.body, {
      onSuccess: (entry) => {
        onLogged(entry);
        setDraft(draftAfterPost(draft));
        textRef.current?.focus();
      },
      onError: (error) => {
        if (isApiError(error, 'incident_stood_down')) onStoodDown();
        setErrors(refusalErrors(error, `Not logged: ${errorMessage(error)} What you typed is kept.`, sentences));
      },
    });
  };

  return (
    <form
      ref={formRef}
      className="inc-qe"
      noValidate
      aria-labelledby="qe-heading"
      data-testid="quick-entry"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (isSubmitKey(event)) {
          event.preventDefault();
          submit();
        }
      }}
    >
      <h2 id="qe-heading" className="inc-qe-heading">
        Log an entry
      </h2>
      <FormError messages={unplacedErrors(errors, FIELDS)} testId="quick-entry-error" />
      <fieldset className="inc-qe-kinds">
        <legend>
          Kind <span className="muted">· Alt + the letter chooses it</span>
        </legend>
        {WRITTEN_KINDS.map((kind) => (
          <label key={kind} className={`inc-qe-kind ${draft.kind === kind ? 'inc-qe-kind-on' : ''}`}>
            <input type="radio" name="qe-kind" value={kind} checked={draft.kind === kind} onChange={() => choose(kind)} data-testid={`qe-kind-${kind}`} />
            <span aria-hidden="true">{KIND_MARK[kind]} </span>
            {ENTRY_KIND_NAMES[kind]}{' '}
            <kbd className="inc-kbd" title={`Alt+${KIND_SHORTCUTS[kind].letter}`} aria-label={`shortcut Alt ${KIND_SHORTCUTS[kind].letter}`}>
              {KIND_SHORTCUTS[kind].letter}
            </kbd>
          </label>
        ))}
      </fieldset>
      <div className="inc-qe-fields">
        <Field id="qe-text" label={`${ENTRY_KIND_NAMES[draft.kind]}: what`} error={errors.text} testId="qe-text">
          {(control) => <textarea {...control} ref={textRef} rows={2} value={draft.text} autoFocus onChange={(e) => setDraft({ ...draft, text: e.target.value })} />}
        </Field>
        {draft.kind === 'decision' && (
          <Field id="qe-rationale" label="Rationale: why (required for a decision)" error={errors.rationale} testId="qe-rationale">
            {(control) => <textarea {...control} rows={2} value={draft.rationale} onChange={(e) => setDraft({ ...draft, rationale: e.target.value })} />}
          </Field>
        )}
        {draft.kind === 'correction' && (
          <Field id="qe-corrects" label="Corrects entry #" error={errors.corrects} hint="The number of the entry this puts right; it stays in the log, marked." testId="qe-corrects">
            {(control) => <input {...control} inputMode="numeric" className="inc-qe-corrects" value={draft.corrects} onChange={(e) => setDraft({ ...draft, corrects: e.target.value })} />}
          </Field>
        )}
      </div>
      <div className="inc-qe-foot">
        <button type="submit" className="button-primary" disabled={post.isPending} data-testid="qe-submit">
          {post.isPending ? 'Logging…' : 'Log entry'} <kbd className="inc-kbd inc-kbd-on-primary">Ctrl+Enter</kbd>
        </button>
        <p className="inc-qe-hint">Enter starts a new line. Entries are never edited: put one right with a correction (Alt+R).</p>
      </div>
    </form>
  );
}
