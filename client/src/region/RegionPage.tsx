import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { AidRequest } from '../../../shared/mutualAid/schemas.ts';
import { worstFirst } from '../../../shared/picture/regionOrder.ts';
import { findRegion, findTrust, type Region } from '../../../shared/reference/trusts.ts';
import { ME_KEY } from '../auth/keys.ts';
import { canViewRegion } from '../auth/scope.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import { trustsUserMayAskFor } from '../mutualAid/access.ts';
import { useAidList } from '../mutualAid/api.ts';
import { AidAskedNote, AidBoard, AidListError } from '../mutualAid/AidBoard.tsx';
import { AidRequestForm } from '../mutualAid/AidRequestForm.tsx';
import { mergeRequests } from '../mutualAid/liveAid.ts';
import { useAidUpdates } from '../mutualAid/useAidUpdates.ts';
import { ConnectionBanner } from '../picture/Banners.tsx';
import { formatAgo, secondsSince } from '../picture/format.ts';
import { useNow } from '../time/useNow.ts';
import { ConnectionIndicator } from '../wall/ConnectionIndicator.tsx';
import { TrustSummaryTable } from './TrustSummaryTable.tsx';
import { useLiveRegions } from './useLiveRegions.ts';
import './region.css';
import '../mutualAid/aid.css';

/**
 * The coordinator's desk for a region: its trusts worst first (a compact wall, with crews free),
 * and the mutual-aid board, where a request starts from the region view (pick the trust in
 * trouble, see which neighbours have crews free) and every step by anyone appears live.
 */
function RegionDesk({ region }: { region: Region }) {
  const user = useCurrentUser();
  const now = useNow();
  const queryClient = useQueryClient();
  const live = useLiveRegions([region.code]);
  useAidUpdates(live.socket);
  const list = useAidList({ region: region.code });
  const [asking, setAsking] = useState(false);
  const [asked, setAsked] = useState<AidRequest>();
  useEffect(() => {
    document.title = `${region.name} · Region`;
  }, [region.name]);
  useEffect(() => {
    // The session ended while the page was open: forgetting it sends the person to sign in.
    if (live.rejected) queryClient.setQueryData(ME_KEY, null);
  }, [live.rejected, queryClient]);

  const received = live.regions[region.code];
  const picture = received?.picture;
  const trusts = worstFirst(picture?.trusts ?? []);
  const requests = mergeRequests(list.data ?? [], picture?.mutualAid ?? []);
  const askFor = trustsUserMayAskFor(user).filter((t) => findTrust(t)?.region === region.code);
  const current = live.state === 'live';
  const age = picture ? secondsSince(picture.asOf, now) : undefined;
  return (
    <section className={`region-page ${current ? '' : 'pp-not-current'}`} data-testid="region-page">
      <header className="trust-head">
        <h1 className="trust-title">
          {region.name} <span className="trust-name">NHS England region {region.code}</span>
        </h1>
        {age !== undefined && (
          <span className="region-fresh" data-testid="freshness">
            Updated {formatAgo(age)}
          </span>
        )}
        <ConnectionIndicator state={live.state} ended={live.ended !== undefined} />
        <Link to={`/wall/region/${region.code}`} className="trust-wall-link">
          Open the region wall
        </Link>
      </header>
      {live.state === 'lost' && <ConnectionBanner receivedAt={received?.receivedAt} />}
      {live.errors[region.code] && (
        <p className="notice notice-error" role="alert">
          The server refused the summary of {region.name} ({live.errors[region.code]}).
        </p>
      )}
      <section className="rg-desk" aria-labelledby="region-trusts-heading">
        <h2 id="region-trusts-heading">Trusts, worst first</h2>
        <p className="muted region-order-note">Stale feeds first (an unknown is treated as the worst), then the declared incident, the REAP level, the C2 wait against its standard and patients waiting per crew on shift.</p>
        {picture ? (
          <div className="table-wrap">
            <TrustSummaryTable trusts={trusts} now={now} caption={`Trusts of ${region.name}, worst first`} />
          </div>
        ) : (
          <p className="page-status" role="status">
            Waiting for the live summary of {region.name}…
          </p>
        )}
        <p className="region-trust-links">
          Trust pages:{' '}
          {trusts.map((t, i) => (
            <span key={t.trust.code}>
              {i > 0 && ' · '}
              <Link to={`/trust/${t.trust.code}`}>{t.trust.shortName}</Link>
            </span>
          ))}
        </p>
      </section>
      <section className="pp-panel aid-panel" aria-labelledby="region-aid-heading">
        <div className="aid-panel-head">
          <h2 id="region-aid-heading">Mutual aid</h2>
          {askFor.length > 0 && !asking && (
            <button type="button" className="button-primary" onClick={() => setAsking(true)} data-testid="aid-request-open">
              Ask for mutual aid for a trust…
            </button>
          )}
        </div>
        <AidListError list={list} />
        {asked && !asking && <AidAskedNote request={asked} forTrust />}
        {asking && (
          <AidRequestForm
            trusts={askFor}
            summaries={picture?.trusts ?? []}
            onAsked={(request) => {
              setAsked(request);
              setAsking(false);
            }}
            onCancel={() => setAsking(false)}
          />
        )}
        <AidBoard requests={requests} user={user} now={now} emptyText={`No mutual-aid request is open in ${region.name}.`} testId="aid-board" />
      </section>
    </section>
  );
}

/** `/region/:code`: a region's trusts and its mutual-aid board, for those who may read the region. */
export function RegionPage() {
  const { code } = useParams();
  const user = useCurrentUser();
  const region = code ? findRegion(code) : undefined;
  if (!region) {
    return (
      <section className="region-page" data-testid="region-page">
        <h1>No such region</h1>
        <p>
          There is no NHS England region <code>{code}</code>. <Link to="/">Back to your trusts</Link>
        </p>
      </section>
    );
  }
  if (!canViewRegion(user, region.code)) {
    return (
      <section className="region-page" data-testid="region-page">
        <div className="forbidden" role="alert" data-testid="forbidden">
          <p>Your account cannot see the region {region.name}.</p>
          <Link to="/">Back to your trusts</Link>
        </div>
      </section>
    );
  }
  return <RegionDesk key={region.code} region={region} />;
}
