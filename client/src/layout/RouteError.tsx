import { useEffect } from 'react';
import { isRouteErrorResponse, useLocation, useRouteError } from 'react-router';

// A wall screen has nobody at it to press Reload; it tries again by itself.
const WALL_RELOAD_MS = 30_000;

export function RouteError() {
  const error = useRouteError();
  const location = useLocation();
  const onWall = location.pathname.startsWith('/wall') || location.pathname.startsWith('/display');
  useEffect(() => {
    if (!onWall) return;
    const timer = setTimeout(() => window.location.reload(), WALL_RELOAD_MS);
    return () => clearTimeout(timer);
  }, [onWall]);
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : undefined;
  return (
    <main className="standalone-page" role="alert" data-testid="route-error">
      <h1>Something went wrong on this page</h1>
      {detail && <p className="muted">{detail}</p>}
      {onWall && <p>This screen will reload by itself in 30 seconds.</p>}
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload now
        </button>
      </p>
    </main>
  );
}
