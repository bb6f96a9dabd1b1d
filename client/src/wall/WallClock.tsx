import { formatUkClock, formatUkLongDate, ukZoneLabel } from '../time/ukTime.ts';
import { useNow } from '../time/useNow.ts';

export function WallClock() {
  const now = useNow();
  return (
    <div className="wall-clock" data-testid="wall-clock">
      <time dateTime={now.toISOString()}>
        <span className="wall-clock-time">{formatUkClock(now)}</span> <span className="wall-clock-zone">{ukZoneLabel(now)}</span>
      </time>
      <span className="wall-clock-date">{formatUkLongDate(now)}</span>
    </div>
  );
}
