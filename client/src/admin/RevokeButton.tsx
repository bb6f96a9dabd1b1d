import { useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { errorMessage } from '../api/http.ts';
import { Outcome } from './parts.tsx';

interface RevokeButtonProps {
  id: string;
  /** Said in the confirmation: "the feed key “CAD primary” of NEAS". */
  what: string;
  consequence: string;
  revoke: UseMutationResult<unknown, Error, string>;
  testId: string;
}

/** Revoking cannot be undone, so it asks first and says plainly if the server refused. */
export function RevokeButton({ id, what, consequence, revoke, testId }: RevokeButtonProps) {
  const [error, setError] = useState<string>();
  const onClick = () => {
    if (!window.confirm(`Revoke ${what}? ${consequence} This cannot be undone.`)) return;
    setError(undefined);
    revoke.mutate(id, { onError: (e) => setError(errorMessage(e)) });
  };
  return (
    <>
      <button type="button" className="button-danger" disabled={revoke.isPending && revoke.variables === id} onClick={onClick} data-testid={testId}>
        Revoke
      </button>
      <Outcome outcome={error ? { ok: false, text: `Not revoked: ${error}` } : undefined} />
    </>
  );
}
