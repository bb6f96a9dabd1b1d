import { type ReactNode, useEffect } from 'react';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import type { ConnectionState } from './useLiveConnection.ts';
import { targetDetail, targetName, targetShortName, type WallTarget } from './target.ts';
import { WallClock } from './WallClock.tsx';
import './wall.css';

interface WallFrameProps {
  target: WallTarget;
  connection: ConnectionState;
  ended?: boolean;
  /** What the header shows beside the clock: the REAP level and how fresh the figures are. */
  extra?: ReactNode;
  /** Set on an exercise's screen: what it is, said across the top and framed all round. */
  exercise?: { title?: string | undefined; speed?: number | undefined } | undefined;
  children: ReactNode;
}

/** The wall screen's fixed frame: whose screen it is, the UK time and whether it is live. */
export function WallFrame({ target, connection, ended = false, extra, exercise, children }: WallFrameProps) {
  const shortName = targetShortName(target);
  const name = targetName(target);
  useEffect(() => {
    document.title = exercise ? `EXERCISE · ${shortName} · Wall screen` : `${shortName} · Wall screen`;
  }, [shortName, exercise]);
  return (
    <div className={exercise ? 'wall wall-exercise' : 'wall'} data-testid="wall" data-kind={target.kind} data-exercise={exercise ? 'true' : undefined}>
      {exercise && (
        <div className="wall-exercise-banner" role="note" data-testid="exercise-banner">
          <span className="wall-exercise-word">EXERCISE</span>
          <span className="wall-exercise-detail">
            Not real data{exercise.title ? ` · ${exercise.title}` : ''}
            {exercise.speed && exercise.speed !== 1 ? ` · ${exercise.speed}× real time` : ''}
          </span>
          <span className="wall-exercise-word">EXERCISE</span>
        </div>
      )}
      <header className="wall-header">
        <div className="wall-identity">
          <h1 className="wall-title" data-testid="wall-title">
            <span className="wall-short">{shortName}</span>
            <span className="wall-name-block">
              {name !== shortName && <span className="wall-name">{name}</span>}
              <span className="wall-detail">{targetDetail(target)}</span>
            </span>
          </h1>
        </div>
        {extra && <div className="wall-extra">{extra}</div>}
        <div className="wall-status">
          <WallClock />
          <ConnectionIndicator state={connection} ended={ended} />
        </div>
      </header>
      <main className="wall-body">{children}</main>
    </div>
  );
}
