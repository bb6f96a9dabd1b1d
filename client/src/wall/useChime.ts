import { useEffect, useRef } from 'react';
import type { Flag } from '../../../shared/picture/picture.ts';

const STORAGE_KEY = 'ops.chime';

/**
 * Whether this screen chimes when a critical flag is raised: off unless switched on, by
 * `?chime=on` in the wall's address (kept on this screen from then on) or `?chime=off`.
 * A browser plays sound only after a person has touched the page, or when started with
 * --autoplay-policy=no-user-gesture-required, as a kiosk wall screen is.
 */
export function chimeWanted(search: string, storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): boolean {
  const asked = new URLSearchParams(search).get('chime');
  if (asked === 'on' || asked === 'off') storage?.setItem(STORAGE_KEY, asked);
  return (asked ?? storage?.getItem(STORAGE_KEY)) === 'on';
}

/** Two falling tones, clear across a room and unlike a phone. */
function playChime(): void {
  const Context = window.AudioContext as typeof AudioContext | undefined;
  if (!Context) return;
  const audio = new Context();
  [880, 660].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    const start = audio.currentTime + i * 0.35;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.4, start + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
    tone.connect(gain).connect(audio.destination);
    tone.start(start);
    tone.stop(start + 0.32);
  });
  setTimeout(() => void audio.close(), 1500);
}

/** Chimes once for each critical flag newly raised while the screen watches (not for those it opened on). */
export function useChime(flags: readonly Flag[] | undefined, enabled: boolean): void {
  const seen = useRef<Set<string> | undefined>(undefined);
  useEffect(() => {
    if (!flags) return;
    const critical = flags.filter((f) => f.severity === 'critical').map((f) => `${f.id}|${f.since}`);
    const before = seen.current;
    seen.current = new Set(critical);
    if (!before || !enabled) return;
    if (critical.some((key) => !before.has(key))) playChime();
  }, [flags, enabled]);
}
