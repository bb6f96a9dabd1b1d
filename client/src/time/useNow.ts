import { useEffect, useState } from 'react';

/**
 * The current time, updated just after each second turns, so that a clock's seconds change
 * together with the machine's and do not drift over weeks of running.
 */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(new Date());
      timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 10);
    };
    timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 10);
    return () => clearTimeout(timer);
  }, []);
  return now;
}
