import type { Picture } from '../../../shared/picture/picture.ts';
import { formatUkClock, formatUkHourMinute } from '../time/ukTime.ts';
import { formatAgo, secondsSince } from './format.ts';
import './extras.css';

const REAP_WORDS: Record<number, string> = { 1: 'Steady state', 2: 'Moderate pressure', 3: 'Severe pressure', 4: 'Extreme pressure' };

/** The REAP level, on every status board: its number, its words, and a heavier frame as it rises. */
export function ReapBadge({ reap }: { reap: Picture['reap'] }) {
  return (
    <div className={`pp-reap pp-reap-${reap.level}`} data-level={reap.level} title={reap.since ? `Since ${formatUkHourMinute(new Date(reap.since))}${reap.setBy ? ` by ${reap.setBy}` : ''}` : undefined}>
      <span className="pp-reap-level" data-testid="reap-level">
        REAP {reap.level}
      </span>
      <span className="pp-reap-words">{REAP_WORDS[reap.level] ?? ''}</span>
    </div>
  );
}

/**
 * How fresh the figures are: when the server derived this picture ("Updated 3 s ago", ticking
 * each second) and when the dispatch feed last sent anything. Both matter: a live connection can
 * carry a picture of a feed that went quiet.
 */
export function Freshness({ picture, now, current }: { picture: Picture; now: Date; current: boolean }) {
  const age = secondsSince(picture.asOf, now) ?? 0;
  const feed = secondsSince(picture.lastEventAt, now);
  return (
    <div className={`pp-freshness ${current ? '' : 'pp-not-current'}`}>
      <span className="pp-fresh-main" data-testid="freshness">
        Updated {formatAgo(age)}
      </span>
      <span className="pp-fresh-feed" data-testid="feed-last-event">
        {picture.lastEventAt && feed !== undefined ? `Feed: ${formatUkClock(new Date(picture.lastEventAt))} (${formatAgo(feed)})` : 'Feed: no event yet'}
      </span>
    </div>
  );
}
