import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Flag, type Picture } from '../../../shared/picture/picture.ts';
import { errorMessage, request } from '../api/http.ts';
import { canActForTrust } from '../auth/scope.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import { formatUkHourMinute } from '../time/ukTime.ts';

/**
 * The trust's raised flags, one by one, for its duty manager to acknowledge: "seen" for everyone
 * watching, with who and when. Acknowledging does not clear a flag; its figure does.
 */
export function FlagActions({ picture }: { picture: Picture }) {
  const user = useCurrentUser();
  const trust = picture.trust.code;
  const [error, setError] = useState<string>();
  const acknowledge = useMutation({ mutationFn: (id: string) => request(`/trusts/${trust}/flags/${encodeURIComponent(id)}/acknowledge`, Flag, { method: 'POST' }) });
  const flags = picture.flags.filter((f) => f.rule !== 'stale');
  if (!canActForTrust(user, trust) || flags.length === 0) return null;
  return (
    <section className="pp-panel flag-actions" data-testid="flag-actions" aria-labelledby="flag-actions-heading">
      <h2 id="flag-actions-heading">Flags to acknowledge</h2>
      {error && (
        <p className="outcome outcome-error" role="alert">
          ✖ {error}
        </p>
      )}
      <ul>
        {flags.map((flag) => (
          <li key={flag.id} className={`flag-action flag-action-${flag.severity}`}>
            <span>
              <strong>{flag.severity.toUpperCase()}</strong> {flag.message} · since {formatUkHourMinute(new Date(flag.since))}
            </span>
            {flag.acknowledged ? (
              <span className="muted">
                ✓ seen by {flag.acknowledged.by} at {formatUkHourMinute(new Date(flag.acknowledged.at))}
              </span>
            ) : (
              <button
                type="button"
                data-testid={`acknowledge-${flag.id}`}
                disabled={acknowledge.isPending}
                onClick={() => {
                  setError(undefined);
                  acknowledge.mutate(flag.id, { onError: (e) => setError(`Not acknowledged: ${errorMessage(e)}`) });
                }}
              >
                Acknowledge
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
