import { Outlet } from 'react-router';
import { RequireUser } from '../auth/RequireUser.tsx';
import { TopBar } from './TopBar.tsx';

/** Desk pages: the top bar and the page, for signed-in users only. */
export function SignedInLayout() {
  return (
    <RequireUser>
      {(user) => (
        <div className="desk">
          <TopBar user={user} />
          <main id="main" className="desk-main" tabIndex={-1}>
            <Outlet context={user} />
          </main>
        </div>
      )}
    </RequireUser>
  );
}
