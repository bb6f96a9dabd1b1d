import { formatUkClock, formatUkLongDate, ukZoneLabel } from '../time/ukTime.ts';
import { useNow } from '../time/useNow.ts';

/** The time in the UK, whatever the zone of this machine. */
export function UkClock({ className, testId }: { className?: string; testId?: string }) {
  const now = useNow();
  const zone = ukZoneLabel(now);
  return (
    <time className={className} dateTime={now.toISOString()} data-testid={testId} title={`${formatUkLongDate(now)}, UK time`}>
      <span className="clock-time">{formatUkClock(now)}</span> <span className="clock-zone">{zone}</span>
    </time>
  );
}
