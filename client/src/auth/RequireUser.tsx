import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { User } from '../../../shared/auth/schemas.ts';
import { errorMessage } from '../api/http.ts';
import { signInPath } from './next.ts';
import { useMe } from './session.ts';

/** Renders `children(user)` for a signed-in user; anyone else goes to sign in and comes back. */
export function RequireUser({ children }: { children: (user: User) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <p className="page-status" role="status">Checking who is signed in…</p>;
  if (me.isError) {
    return (
      <div className="page-status" role="alert">
        <p>{errorMessage(me.error)}</p>
        <button type="button" onClick={() => void me.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (!me.data) return <Navigate to={signInPath(location)} replace />;
  return children(me.data);
}
