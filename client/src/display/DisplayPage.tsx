import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { isTransient } from '../api/queryClient.ts';
import { useDisplayScope, wallPathOf } from './api.ts';
import { DisplayInvalid } from './DisplayInvalid.tsx';
import { takeDisplayToken } from './token.ts';

/** `/display#odl_...`: where a display link lands. It keeps the token and opens the link's wall. */
export function DisplayPage() {
  const [token, setToken] = useState(takeDisplayToken);
  const scope = useDisplayScope(token);

  useEffect(() => {
    document.title = 'Wall screen · Ambulance operations';
    // Pasting a new link into a tab already at /display changes only the fragment: no page load.
    const onHashChange = () => setToken(takeDisplayToken());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  if (!token) return <DisplayInvalid />;
  if (scope.isError && !isTransient(scope.error)) return <DisplayInvalid />;
  if (scope.data) {
    const path = wallPathOf(scope.data);
    return path ? <Navigate to={path} replace /> : <DisplayInvalid />;
  }
  return (
    <main className="wall-message-page" role="status" data-testid="display-opening">
      <p className="wall-message">{scope.failureCount > 0 ? 'Cannot reach the server. Trying again…' : 'Opening the wall screen…'}</p>
    </main>
  );
}
