import { Link } from 'react-router';
import { useCurrentUser } from '../layout/currentUser.ts';
import { DisplayLinksSection } from './DisplayLinksSection.tsx';
import { ExercisesSection } from './ExercisesSection.tsx';
import { FeedKeysSection } from './FeedKeysSection.tsx';
import { UsersSection } from './UsersSection.tsx';

export function AdminPage() {
  const user = useCurrentUser();
  if (user.role !== 'admin') {
    return (
      <section className="forbidden" data-testid="forbidden" role="alert">
        <h1>Admins only</h1>
        <p>Accounts, feed keys and display links are managed by admins. Your account does not have that role.</p>
        <p>
          <Link to="/">Back to your trusts</Link>
        </p>
      </section>
    );
  }
  return (
    <div className="admin">
      <h1>Admin</h1>
      <nav className="admin-contents" aria-label="Admin sections">
        <a href="#admin-users-heading">Accounts</a>
        <a href="#admin-feed-keys-heading">Feed keys</a>
        <a href="#admin-display-links-heading">Display links</a>
        <a href="#admin-exercises-heading">Exercises</a>
      </nav>
      <UsersSection />
      <FeedKeysSection />
      <DisplayLinksSection />
      <ExercisesSection />
    </div>
  );
}
