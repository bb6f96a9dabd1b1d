import type { AidRequest } from '../../../shared/mutualAid/schemas.ts';
import type { RegionPicture } from '../../../shared/picture/region.ts';
import { worstFirst } from '../../../shared/picture/regionOrder.ts';
import { mergeRequests } from '../mutualAid/liveAid.ts';
import { ConnectionBanner } from '../picture/Banners.tsx';
import { formatAgo, secondsSince } from '../picture/format.ts';
import { AidSummaryList } from '../region/AidSummaryList.tsx';
import { TrustSummaryCard } from '../region/TrustSummaryCard.tsx';
import { TrustSummaryTable } from '../region/TrustSummaryTable.tsx';
import type { ReceivedRegion } from '../region/useLiveRegions.ts';
import { formatUkClock } from '../time/ukTime.ts';
import { useNow } from '../time/useNow.ts';
import type { ConnectionState } from './useLiveConnection.ts';
import { WallWaiting } from './WallMessages.tsx';
import './region-wall.css';

/** Region summaries as received, oldest first: the header's freshness is the oldest one's. */
function oldest(received: readonly ReceivedRegion[]): ReceivedRegion | undefined {
  return received.reduce<ReceivedRegion | undefined>((a, b) => (!a || b.picture.asOf < a.picture.asOf ? b : a), undefined);
}

/** The header's share: how fresh the summaries are, and how many trusts have gone quiet. */
export function RegionHeaderStatus({ received, current }: { received: readonly ReceivedRegion[]; current: boolean }) {
  const now = useNow();
  const first = oldest(received);
  if (!first) return null;
  const stale = received.flatMap((r) => r.picture.trusts).filter((t) => t.stale).length;
  return (
    <div className={`pp-freshness rg-header-status ${current ? '' : 'pp-not-current'}`}>
      <span className="pp-fresh-main" data-testid="freshness">
        Updated {formatAgo(secondsSince(first.picture.asOf, now) ?? 0)}
      </span>
      <span className="pp-fresh-feed" data-testid="region-feeds">
        {!current ? 'NOT CURRENT' : stale === 0 ? 'Every feed live' : `⚠ ${stale} ${stale === 1 ? 'trust' : 'trusts'} with NO DATA`} · received {formatUkClock(first.receivedAt)}
      </span>
    </div>
  );
}

interface RegionBoardProps {
  received: readonly ReceivedRegion[];
  /** Requests pushed as `mutualAid.updated` since the screen opened (newer than a summary may be). */
  pushed: readonly AidRequest[];
  state: ConnectionState;
  name: string;
  error: string | undefined;
  /** Cards side by side for a region; rows for the nation's eleven trusts. */
  layout: 'cards' | 'rows';
}

/**
 * The region wall's body: the trusts worst first (shared/picture/regionOrder.ts) and the open
 * mutual-aid requests along the bottom. Nothing to click. A lost connection keeps the figures
 * under a banner and marks each as not current.
 */
export function RegionBoard({ received, pushed, state, name, error, layout }: RegionBoardProps) {
  const now = useNow();
  const pictures: RegionPicture[] = received.map((r) => r.picture);
  const banner = state === 'lost' ? <ConnectionBanner receivedAt={oldest(received)?.receivedAt} /> : null;
  if (pictures.length === 0) {
    return (
      <div className="pp wall-picture wall-picture-empty">
        {banner}
        {error ? (
          <p className="wall-calm" role="alert" data-testid="picture-refused">
            The server refused this screen the summary of {name} ({error}).
          </p>
        ) : (
          <WallWaiting name={name} />
        )}
      </div>
    );
  }
  const trusts = worstFirst(pictures.flatMap((p) => p.trusts));
  const aid = mergeRequests(...pictures.map((p) => p.mutualAid), pushed).filter((r) => r.status === 'open');
  const current = state === 'live';
  return (
    <div className={`pp rg-wall rg-wall-${layout} ${current ? '' : 'pp-not-current'}`} data-testid="wall-picture" data-current={current}>
      {banner}
      {layout === 'cards' ? (
        <div className="rg-cards" style={{ gridTemplateColumns: `repeat(${trusts.length}, minmax(0, 1fr))` }} data-count={trusts.length}>
          {trusts.map((t, i) => (
            <TrustSummaryCard key={t.trust.code} summary={t} rank={i + 1} now={now} />
          ))}
        </div>
      ) : (
        <div className="rg-rows">
          <TrustSummaryTable trusts={trusts} now={now} showRegion caption={`${name}, worst first`} />
        </div>
      )}
      <AidSummaryList requests={aid} now={now} />
    </div>
  );
}
