import { useEffect, useState } from 'react';
import type { RegionPicture } from '../../../shared/picture/region.ts';
import type { PictureUpdate, RegionPictureUpdate } from '../../../shared/realtime/events.ts';
import type { RegionCode } from '../../../shared/reference/trusts.ts';
import { backoff } from '../api/queryClient.ts';
import { type LiveConnection, useLiveConnection } from '../wall/useLiveConnection.ts';
import { applyRegionUpdate, type HeldRegion } from './regionUpdates.ts';

/** An answer to `picture.subscribe` that never comes (a half-open connection) is asked again. */
const SUBSCRIBE_TIMEOUT_MS = 15_000;
/** Refusals that asking again will not change. */
const FINAL_ERRORS = new Set(['forbidden', 'invalid_input', 'not_found']);

export interface ReceivedRegion {
  picture: RegionPicture;
  version: number;
  /** When this screen last received the summary or a change to it (this machine's clock). */
  receivedAt: Date;
}

export interface LiveRegions extends LiveConnection {
  /** Each region's summary as last received; missing until the first answer. */
  regions: Partial<Record<RegionCode, ReceivedRegion>>;
  /** Why the server refused a region (`forbidden`), where it did. */
  errors: Partial<Record<RegionCode, string>>;
}

/**
 * Region summaries over one Socket.IO connection: the region wall watches one, the national wall
 * all seven. As with a trust's picture (useLivePicture.ts), every (re)connect subscribes afresh,
 * each patch applies only on the version before it, a missed one asks for the whole summary
 * again, and the last summary stays while the connection is down so that the screen can say it
 * is not current. The socket is returned too: `mutualAid.updated` arrives on it.
 *
 * `token`: a display token (a region wall through a display link); otherwise the session cookie.
 */
export function useLiveRegions(codes: readonly RegionCode[], token?: string): LiveRegions {
  const connection = useLiveConnection(token);
  const { socket } = connection;
  const [regions, setRegions] = useState<Partial<Record<RegionCode, ReceivedRegion>>>({});
  const [errors, setErrors] = useState<Partial<Record<RegionCode, string>>>({});
  const key = codes.join(',');

  useEffect(() => {
    if (!socket) return;
    const wanted = key.split(',').filter(Boolean) as RegionCode[];
    const held = new Map<RegionCode, HeldRegion>();
    const attempts = new Map<RegionCode, number>();
    const failures = new Map<RegionCode, number>();
    // While an answer is awaited, patches are dropped: the answer brings the whole summary.
    const awaiting = new Set<RegionCode>();
    const timers = new Map<RegionCode, ReturnType<typeof setTimeout>>();
    let closed = false;

    const hold = (region: RegionCode, next: HeldRegion) => {
      held.set(region, next);
      setRegions((before) => ({ ...before, [region]: { ...next, receivedAt: new Date() } }));
    };

    const subscribe = (region: RegionCode) => {
      clearTimeout(timers.get(region));
      const mine = (attempts.get(region) ?? 0) + 1;
      attempts.set(region, mine);
      awaiting.add(region);
      socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit('picture.subscribe', { region }, (timedOut, answer) => {
        if (closed || attempts.get(region) !== mine) return;
        awaiting.delete(region);
        if (timedOut || !answer.ok) {
          const id = !timedOut && !answer.ok ? answer.error : undefined;
          if (id && FINAL_ERRORS.has(id)) {
            setErrors((before) => ({ ...before, [region]: id }));
            return;
          }
          // A lost connection subscribes again on reconnect; a live one that failed, after a pause.
          if (socket.connected) {
            const failed = failures.get(region) ?? 0;
            failures.set(region, failed + 1);
            timers.set(region, setTimeout(() => subscribe(region), backoff(failed)));
          }
          return;
        }
        failures.set(region, 0);
        setErrors((before) => {
          if (!(region in before)) return before;
          const { [region]: _gone, ...rest } = before;
          return rest;
        });
        // A region subscription is answered with a region's summary; anything else is not for this screen.
        if (!('trusts' in answer.data)) return;
        hold(region, { picture: answer.data, version: answer.version });
      });
    };
    const subscribeAll = () => wanted.forEach(subscribe);

    const onUpdate = (update: PictureUpdate | RegionPictureUpdate) => {
      if (!('region' in update)) return;
      const region = update.region;
      if (!wanted.includes(region)) return;
      if (awaiting.has(region) && !('picture' in update)) return;
      const outcome = applyRegionUpdate(held.get(region), update);
      if (outcome.kind === 'hold') hold(region, outcome.held);
      else subscribe(region);
    };

    socket.on('connect', subscribeAll);
    socket.on('picture.update', onUpdate);
    if (socket.connected) subscribeAll();

    return () => {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      socket.off('connect', subscribeAll);
      socket.off('picture.update', onUpdate);
      // A disconnected socket would buffer the message; the server forgets a closed socket anyway.
      if (socket.connected) for (const region of wanted) socket.emit('picture.unsubscribe', { region });
    };
  }, [socket, key]);

  return { ...connection, regions, errors };
}
