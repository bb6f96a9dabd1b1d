import { formatUkDateTime } from '../time/ukTime.ts';
import { useDisplayLinks, useRevokeDisplayLink } from './api.ts';
import { DisplayLinkForm } from './DisplayLinkForm.tsx';
import { describeScope } from './displayScope.ts';
import { Loaded, StatusBadge } from './parts.tsx';
import { RevokeButton } from './RevokeButton.tsx';

export function DisplayLinksSection() {
  const links = useDisplayLinks();
  const revoke = useRevokeDisplayLink();
  return (
    <section className="admin-section" data-testid="admin-display-links" aria-labelledby="admin-display-links-heading">
      <h2 id="admin-display-links-heading">Display links</h2>
      <p className="section-intro">A display link opens one trust’s or one region’s wall screen, read-only, without signing in.</p>
      <Loaded query={links} what="display links">
        {(list) =>
          list.length === 0 ? (
            <p>No display links yet.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Label</th>
                    <th scope="col">Shows</th>
                    <th scope="col">Starts with</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((link) => (
                    <tr key={link.id} data-testid={`displaylink-row-${link.id}`} className={link.revokedAt ? 'row-revoked' : undefined}>
                      <td>{link.label}</td>
                      <td>{describeScope(link)}</td>
                      <td>
                        <code>{link.prefix}</code>
                      </td>
                      <td>
                        {formatUkDateTime(link.createdAt)}
                        {link.createdBy && <span className="muted"> by {link.createdBy}</span>}
                      </td>
                      <td>{formatUkDateTime(link.lastUsedAt)}</td>
                      <td>{link.revokedAt ? <StatusBadge tone="off">Revoked {formatUkDateTime(link.revokedAt)}</StatusBadge> : <StatusBadge tone="ok">Active</StatusBadge>}</td>
                      <td className="actions">
                        {!link.revokedAt && (
                          <RevokeButton
                            id={link.id}
                            what={`the display link “${link.label}”`}
                            consequence="Screens showing it go blank and say the link is no longer valid."
                            revoke={revoke}
                            testId={`displaylink-revoke-${link.id}`}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <DisplayLinkForm />
    </section>
  );
}
