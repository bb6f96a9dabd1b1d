import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { errorMessage } from '../api/http.ts';

/** Text plus a shape, never colour alone: "● Active", "✖ Revoked". */
export function StatusBadge({ tone, children }: { tone: 'ok' | 'off'; children: ReactNode }) {
  return (
    <span className={`badge badge-${tone}`}>
      <span aria-hidden="true">{tone === 'ok' ? '●' : '✖'}</span>
      {children}
    </span>
  );
}

/** Loading and failure for a list, or the list itself once it is there. */
export function Loaded<T>({ query, what, children }: { query: UseQueryResult<T>; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p role="status">Loading {what}…</p>;
  if (query.isError) {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          The {what} could not be loaded. {errorMessage(query.error)}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return children(query.data);
}

export type OutcomeNote = { ok: boolean; text: string } | undefined;

/** A short outcome next to the control that caused it: a success, or the server's reason for a refusal. */
export function Outcome({ outcome }: { outcome: OutcomeNote }) {
  if (!outcome) return null;
  return (
    <p className={outcome.ok ? 'outcome outcome-ok' : 'outcome outcome-error'} role={outcome.ok ? 'status' : 'alert'}>
      <span aria-hidden="true">{outcome.ok ? '✔ ' : '✖ '}</span>
      {outcome.text}
    </p>
  );
}
