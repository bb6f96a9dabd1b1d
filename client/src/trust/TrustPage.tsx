import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { findTrust, type Trust } from '../../../shared/reference/trusts.ts';
import { canActForTrust, canViewTrust } from '../auth/scope.ts';
import { ME_KEY } from '../auth/keys.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import { PictureBanners } from '../picture/Banners.tsx';
import { CallsPanel } from '../picture/CallsPanel.tsx';
import { CrewsPanel } from '../picture/CrewsPanel.tsx';
import { HistoryPanel } from '../picture/HistoryPanel.tsx';
import { QueuePanel } from '../picture/QueuePanel.tsx';
import { ResponsesPanel } from '../picture/ResponsesPanel.tsx';
import { Freshness, ReapBadge } from '../picture/Status.tsx';
import { useLivePicture } from '../picture/useLivePicture.ts';
import { useNow } from '../time/useNow.ts';
import { ConnectionIndicator } from '../wall/ConnectionIndicator.tsx';
import { canReadIncidentsOf } from '../incidents/access.ts';
import { DeclareIncidentPanel, IncidentLogLink } from '../incidents/TrustIncidentPanel.tsx';
import { HospitalTable } from './HospitalTable.tsx';
import { FlagActions } from './FlagActions.tsx';
import { ReapPanel } from './ReapPanel.tsx';
import { AidNotice } from '../mutualAid/AidNotice.tsx';
import { TrustAidPanel } from '../mutualAid/TrustAidPanel.tsx';
import { useTrustAid } from '../mutualAid/useTrustAid.ts';
import './trust.css';

/** The desk charts' layout unit: a fixed size, where the wall's follows the screen. */
const DESK_UNIT_PX = 14;

function TrustPicture({ trust }: { trust: Trust }) {
  const user = useCurrentUser();
  const live = useLivePicture(trust.code);
  const now = useNow();
  // One connection for the page's mutual aid: the notice at the top and the panel below share it.
  const aid = useTrustAid(trust);
  const queryClient = useQueryClient();
  useEffect(() => {
    // The session ended while the page was open: forgetting it sends the person to sign in.
    if (live.rejected) queryClient.setQueryData(ME_KEY, null);
  }, [live.rejected, queryClient]);
  useEffect(() => {
    document.title = `${trust.shortName} · Trust page`;
  }, [trust.shortName]);

  const { picture } = live;
  const current = live.state === 'live';
  const classes = ['pp', 'desk-picture', 'trust-page', picture?.stale ? 'pp-stale' : '', picture && !current ? 'pp-not-current' : ''].filter(Boolean).join(' ');
  return (
    <section className={classes} data-testid="trust-page" data-stale={picture?.stale ?? undefined}>
      <header className="trust-head">
        <h1 className="trust-title">
          {trust.shortName} <span className="trust-name">{trust.name}</span>
        </h1>
        {picture && <ReapBadge reap={picture.reap} />}
        {picture && <Freshness picture={picture} now={now} current={current} />}
        <ConnectionIndicator state={live.state} ended={live.ended !== undefined} />
        <Link to={`/wall/${trust.code}`} className="trust-wall-link">
          Open the wall screen
        </Link>
        {(user.role === 'admin' || canActForTrust(user, trust.code)) && (
          <Link to={`/trust/${trust.code}/thresholds`} className="trust-wall-link" data-testid="thresholds-link">
            Thresholds
          </Link>
        )}
      </header>
      <PictureBanners picture={picture} now={now} connected={live.state !== 'lost'} receivedAt={live.receivedAt} incidentLink={picture?.incident && canReadIncidentsOf(user, trust.code) ? <IncidentLogLink trust={trust} incident={picture.incident} /> : undefined} />
      {picture && <AidNotice trust={trust} requests={aid.requests} />}
      {live.error === 'forbidden' && (
        <p className="notice notice-error" role="alert">
          Your account cannot see the picture of {trust.name}.
        </p>
      )}
      {picture ? (
        <div className="trust-grid">
          <DeclareIncidentPanel trust={trust} incident={picture.incident} />
          <FlagActions picture={picture} />
          <QueuePanel queue={picture.queue} />
          <CrewsPanel resources={picture.resources} />
          <CallsPanel calls={picture.calls} />
          <ResponsesPanel responses={picture.responseToday} />
          <HistoryPanel trust={trust.code} unit={DESK_UNIT_PX} interactive />
          <HospitalTable hospitals={picture.hospitals} />
          <ReapPanel trust={trust} since={picture.reap.since} />
          <TrustAidPanel trust={trust} aid={aid} />
        </div>
      ) : (
        !live.error && (
          <p className="page-status" role="status" data-testid="trust-waiting">
            Waiting for the live picture of {trust.name}…
          </p>
        )
      )}
    </section>
  );
}

/** `/trust/:code`: a trust's picture at a desk, with the same figures as its wall, to explore. */
export function TrustPage() {
  const { code } = useParams();
  const user = useCurrentUser();
  const trust = code ? findTrust(code) : undefined;
  if (!trust) {
    return (
      <section className="trust-page" data-testid="trust-page">
        <h1>No such trust</h1>
        <p>
          There is no trust <code>{code}</code>. <Link to="/">Back to your trusts</Link>
        </p>
      </section>
    );
  }
  if (!canViewTrust(user, trust.code)) {
    return (
      <section className="trust-page" data-testid="trust-page">
        <div className="forbidden" role="alert" data-testid="forbidden">
          <p>Your account cannot see the picture of {trust.name}.</p>
          <Link to="/">Back to your trusts</Link>
        </div>
      </section>
    );
  }
  return <TrustPicture key={trust.code} trust={trust} />;
}
