import { useEffect, useState } from 'react';

/** The wall's layout unit in pixels: 1vw, or less on a screen taller than 16:9 (as `--u` in wall.css). */
function measure(): number {
  return Math.min(window.innerWidth / 100, window.innerHeight / 56.25);
}

/**
 * The wall's unit for what CSS cannot size (chart text and strokes drawn by recharts), so that a
 * 4K panel draws the charts at twice the pixels of a 1080p one, like everything else.
 */
export function useWallUnit(): number {
  const [unit, setUnit] = useState(measure);
  useEffect(() => {
    const onResize = () => setUnit(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return unit;
}
