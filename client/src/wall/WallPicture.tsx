import type { Picture } from '../../../shared/picture/picture.ts';
import { PictureBanners } from '../picture/Banners.tsx';
import { CallsPanel } from '../picture/CallsPanel.tsx';
import { CrewsPanel } from '../picture/CrewsPanel.tsx';
import { HandoverBoard } from '../picture/HandoverBoard.tsx';
import { HistoryPanel } from '../picture/HistoryPanel.tsx';
import { QueuePanel } from '../picture/QueuePanel.tsx';
import { ResponsesPanel } from '../picture/ResponsesPanel.tsx';
import { Freshness, ReapBadge } from '../picture/Status.tsx';
import type { LivePicture } from '../picture/useLivePicture.ts';
import { useNow } from '../time/useNow.ts';
import { useState } from 'react';
import { chimeWanted, useChime } from './useChime.ts';
import { useWallUnit } from './useWallUnit.ts';
import { WallWaiting } from './WallMessages.tsx';
import './wall-picture.css';

/** The header's share of the picture: the REAP level and how fresh the figures are. */
export function WallHeaderStatus({ picture, current }: { picture: Picture; current: boolean }) {
  const now = useNow();
  return (
    <div className={`pp wall-header-status ${picture.stale ? 'pp-stale' : ''}`}>
      <ReapBadge reap={picture.reap} />
      <Freshness picture={picture} now={now} current={current} />
    </div>
  );
}

/**
 * The live picture on the wall: nothing to scroll, nothing to click. The queue, crews and calls
 * across the top; the hospitals, today's responses and the last 6 hours below. A stale feed greys
 * every figure under a banner; a lost connection keeps the figures, marked as not current.
 */
export function WallPicture({ live, name, token }: { live: LivePicture; name: string; token: string | undefined }) {
  const now = useNow();
  const unit = useWallUnit();
  const { picture } = live;
  const [chime] = useState(() => chimeWanted(window.location.search, window.localStorage));
  useChime(picture?.flags, chime);
  const current = live.state === 'live';
  const banners = <PictureBanners picture={picture} now={now} connected={live.state !== 'lost'} receivedAt={live.receivedAt} />;
  if (!picture) {
    return (
      <div className="pp wall-picture wall-picture-empty">
        {banners}
        {live.error ? (
          <p className="wall-calm" role="alert" data-testid="picture-refused">
            The server refused this screen the picture of {name} ({live.error}).
          </p>
        ) : (
          <WallWaiting name={name} />
        )}
      </div>
    );
  }
  const classes = ['pp', 'wall-picture', picture.stale ? 'pp-stale' : '', current ? '' : 'pp-not-current'].filter(Boolean).join(' ');
  return (
    <div className={classes} data-testid="wall-picture" data-stale={picture.stale} data-current={current}>
      {banners}
      <div className="wall-grid">
        <div className="wall-top">
          <QueuePanel queue={picture.queue} />
          <CrewsPanel resources={picture.resources} />
          <CallsPanel calls={picture.calls} />
        </div>
        <div className="wall-bottom">
          <HandoverBoard hospitals={picture.hospitals} />
          <div className="wall-side">
            <ResponsesPanel responses={picture.responseToday} />
            {picture.exercise ? (
              // The minute history is the trust's real one: an exercise's screen must not show it.
              <p className="wall-exercise-note" data-testid="exercise-no-history">
                No 6-hour chart in an exercise: the trust’s history is real data.
              </p>
            ) : (
              <HistoryPanel trust={picture.trust.code} token={token} unit={unit} interactive={false} />
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
