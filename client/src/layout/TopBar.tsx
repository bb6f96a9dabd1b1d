import { NavLink } from 'react-router';
import type { User } from '../../../shared/auth/schemas.ts';
import { errorMessage } from '../api/http.ts';
import { roleWithScope } from '../auth/scope.ts';
import { useSignOut } from '../auth/session.ts';
import { readsIncidents } from '../incidents/access.ts';
import { UkClock } from './UkClock.tsx';

export function TopBar({ user }: { user: User }) {
  const signOut = useSignOut();
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <span className="topbar-product">Ambulance operations</span>
      <nav className="topbar-nav" aria-label="Main">
        <NavLink to="/" end>
          Home
        </NavLink>
        {readsIncidents(user) && (
          <NavLink to="/incidents" data-testid="nav-incidents">
            Incidents
          </NavLink>
        )}
        {user.role === 'coordinator' && user.region && (
          <NavLink to={`/region/${user.region}`} data-testid="nav-region">
            Region and mutual aid
          </NavLink>
        )}
        {user.role === 'admin' && <NavLink to="/admin">Admin</NavLink>}
      </nav>
      <span className="topbar-user" data-testid="current-user">
        <strong>{user.displayName}</strong> <span className="topbar-role">{roleWithScope(user)}</span>
      </span>
      <UkClock className="topbar-clock" testId="topbar-clock" />
      <button type="button" className="button-quiet" data-testid="signout" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </button>
      {signOut.isError && (
        <p className="topbar-error" role="alert">
          Sign-out failed: {errorMessage(signOut.error)}
        </p>
      )}
    </header>
  );
}
