import { useCurrentUser } from '../layout/currentUser.ts';
import { useAdminUsers } from './api.ts';
import { Loaded } from './parts.tsx';
import { UserForm } from './UserForm.tsx';
import { UserRow } from './UserRow.tsx';

export function UsersSection() {
  const me = useCurrentUser();
  const users = useAdminUsers();
  return (
    <section className="admin-section" data-testid="admin-users" aria-labelledby="admin-users-heading">
      <h2 id="admin-users-heading">Accounts</h2>
      <Loaded query={users} what="accounts">
        {(list) => (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Accounts, with their role, scope and status</caption>
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Name</th>
                  <th scope="col">Role and scope</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last sign-in (UK time)</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {list.map((user) => (
                  <UserRow key={user.id} user={user} isSelf={user.id === me.id} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
      <UserForm />
    </section>
  );
}
