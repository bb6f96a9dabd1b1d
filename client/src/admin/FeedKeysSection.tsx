import { findTrust } from '../../../shared/reference/trusts.ts';
import { formatUkDateTime } from '../time/ukTime.ts';
import { useFeedKeys, useRevokeFeedKey } from './api.ts';
import { FeedKeyForm } from './FeedKeyForm.tsx';
import { Loaded, StatusBadge } from './parts.tsx';
import { RevokeButton } from './RevokeButton.tsx';

export function FeedKeysSection() {
  const keys = useFeedKeys();
  const revoke = useRevokeFeedKey();
  return (
    <section className="admin-section" data-testid="admin-feed-keys" aria-labelledby="admin-feed-keys-heading">
      <h2 id="admin-feed-keys-heading">Feed keys</h2>
      <p className="section-intro">A feed key lets one dispatch (CAD) system send events for one trust.</p>
      <Loaded query={keys} what="feed keys">
        {(list) =>
          list.length === 0 ? (
            <p>No feed keys yet.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Trust</th>
                    <th scope="col">Label</th>
                    <th scope="col">Starts with</th>
                    <th scope="col">Created</th>
                    <th scope="col">Created by</th>
                    <th scope="col">Last used</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((key) => {
                    const trust = findTrust(key.trust)?.shortName ?? key.trust;
                    return (
                      <tr key={key.id} data-testid={`feedkey-row-${key.id}`} className={key.revokedAt ? 'row-revoked' : undefined}>
                        <td>
                          {trust} <span className="muted">{key.trust}</span>
                        </td>
                        <td>{key.label}</td>
                        <td>
                          <code>{key.prefix}</code>
                        </td>
                        <td>{formatUkDateTime(key.createdAt)}</td>
                        <td>{key.createdBy ?? 'System'}</td>
                        <td>{formatUkDateTime(key.lastUsedAt)}</td>
                        <td>{key.revokedAt ? <StatusBadge tone="off">Revoked {formatUkDateTime(key.revokedAt)}</StatusBadge> : <StatusBadge tone="ok">Active</StatusBadge>}</td>
                        <td className="actions">
                          {!key.revokedAt && (
                            <RevokeButton
                              id={key.id}
                              what={`the feed key “${key.label}” of ${trust}`}
                              consequence="The dispatch system using it is refused from its next request on."
                              revoke={revoke}
                              testId={`feedkey-revoke-${key.id}`}
                            />
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <FeedKeyForm />
    </section>
  );
}
