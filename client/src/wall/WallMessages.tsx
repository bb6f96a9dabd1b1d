import { Link, useLocation } from 'react-router';
import type { SessionEndReason } from '../../../shared/realtime/events.ts';
import { signInPath } from '../auth/next.ts';

const REASONS: Record<SessionEndReason, string> = {
  signed_out: 'signed out',
  revoked: 'revoked',
  expired: 'expired',
  account_disabled: 'account disabled',
};

export function WallWaiting({ name }: { name: string }) {
  return (
    <p className="wall-calm" data-testid="wall-waiting">
      Waiting for the live picture of {name}
    </p>
  );
}

export function WallChecking({ unreachable }: { unreachable: boolean }) {
  return (
    <p className="wall-calm" role="status">
      {unreachable ? 'Cannot reach the server. Trying again…' : 'Opening the wall screen…'}
    </p>
  );
}

export function SessionEnded({ reason, viaDisplayLink }: { reason: SessionEndReason; viaDisplayLink: boolean }) {
  const location = useLocation();
  return (
    <div className="wall-alert" data-testid="session-ended" role="alert">
      <p className="wall-alert-text">
        <span aria-hidden="true">✖ </span>This screen's access has ended ({REASONS[reason]})
      </p>
      <p className="wall-alert-hint">{viaDisplayLink ? 'Ask your admin for a new display link.' : <Link to={signInPath(location)}>Sign in again</Link>}</p>
    </div>
  );
}

export function WallForbidden({ name }: { name: string }) {
  return (
    <div className="wall-alert" data-testid="forbidden" role="alert">
      <p className="wall-alert-text">Your account cannot see the wall screen of {name}.</p>
      <p className="wall-alert-hint">
        <Link to="/">Back to your trusts</Link>
      </p>
    </div>
  );
}

export function ExerciseEnded() {
  return (
    <p className="wall-calm" role="status" data-testid="exercise-ended">
      This exercise has ended. Nothing more will show here.
    </p>
  );
}
