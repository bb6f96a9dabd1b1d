import { useEffect, useState } from 'react';
import type { Picture } from '../../../shared/picture/picture.ts';
import type { PictureUpdate, RegionPictureUpdate } from '../../../shared/realtime/events.ts';
import type { TrustCode } from '../../../shared/reference/trusts.ts';
import { backoff } from '../api/queryClient.ts';
import { type LiveConnection, useLiveConnection } from '../wall/useLiveConnection.ts';
import { applyPictureUpdate, type HeldPicture } from './pictureUpdates.ts';

/** An answer to `picture.subscribe` that never comes (a half-open connection) is asked again. */
const SUBSCRIBE_TIMEOUT_MS = 15_000;
/** Refusals that asking again will not change. */
const FINAL_ERRORS = new Set(['forbidden', 'invalid_input', 'not_found', 'exercise_ended']);

export interface LivePicture extends Omit<LiveConnection, 'socket'> {
  picture: Picture | undefined;
  version: number | undefined;
  /** When this screen last received the picture or a change to it (this machine's clock). */
  receivedAt: Date | undefined;
  /** Why the server refused the subscription (`forbidden`, `exercise_ended`), if it did. */
  error: string | undefined;
  /** Set when the exercise this screen shows has ended (while it watched, or before). */
  exerciseEnded: boolean;
}

interface Received extends HeldPicture {
  receivedAt: Date;
}

/**
 * A trust's live picture over Socket.IO. Subscribes on every (re)connect, since a new connection
 * (after a network drop or a server restart) starts with no subscriptions; keeps the picture and
 * its version, applies each patch only on the version before it, and asks for the whole picture
 * again when one was missed. While the connection is down the last picture stays, with the time
 * it was received, so that the screen can say it is not current rather than go blank.
 *
 * `token`: a display token (the wall through a display link); otherwise the session cookie.
 * `exercise`: an exercise of the trust to show instead of its real picture.
 */
export function useLivePicture(trust: TrustCode, token?: string, exercise?: string): LivePicture {
  const { socket, ...connection } = useLiveConnection(token);
  const [received, setReceived] = useState<Received>();
  const [error, setError] = useState<string>();
  const [exerciseEnded, setExerciseEnded] = useState(false);

  useEffect(() => {
    if (!socket) return;
    let held: HeldPicture | undefined;
    let attempt = 0;
    // While an answer is awaited, patches are dropped: the answer brings the whole picture.
    let awaiting = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const hold = (next: HeldPicture) => {
      held = next;
      setReceived({ ...next, receivedAt: new Date() });
    };

    const subscription = exercise ? { trust, exercise } : { trust };
    const subscribe = () => {
      clearTimeout(retryTimer);
      const mine = ++attempt;
      awaiting = true;
      socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit('picture.subscribe', subscription, (timedOut, answer) => {
        if (mine !== attempt) return;
        awaiting = false;
        if (timedOut || !answer.ok) {
          const id = !timedOut && !answer.ok ? answer.error : undefined;
          if (id && FINAL_ERRORS.has(id)) {
            setError(id);
            if (id === 'exercise_ended') setExerciseEnded(true);
            return;
          }
          // A lost connection subscribes again on reconnect; a live one that failed, after a pause.
          if (socket.connected) retryTimer = setTimeout(subscribe, backoff(failures++));
          return;
        }
        failures = 0;
        setError(undefined);
        // A trust subscription is answered with a trust's picture; anything else is not for this screen.
        if (!('queue' in answer.data)) return;
        hold({ picture: answer.data, version: answer.version });
      });
    };

    const onUpdate = (update: PictureUpdate | RegionPictureUpdate) => {
      // A trust's real updates and its exercise's carry the same trust: never take one for the other.
      if (!('trust' in update) || update.trust !== trust || update.exercise !== exercise) return;
      if (awaiting && !('picture' in update)) return;
      const outcome = applyPictureUpdate(held, update);
      if (outcome.kind === 'hold') hold(outcome.held);
      else subscribe();
    };

    const onExerciseEnded = ({ exercise: ended }: { exercise: string }) => {
      if (ended === exercise) setExerciseEnded(true);
    };

    socket.on('connect', subscribe);
    socket.on('picture.update', onUpdate);
    socket.on('exercise.ended', onExerciseEnded);
    if (socket.connected) subscribe();

    return () => {
      attempt++;
      clearTimeout(retryTimer);
      socket.off('connect', subscribe);
      socket.off('picture.update', onUpdate);
      socket.off('exercise.ended', onExerciseEnded);
      // A disconnected socket would buffer the message; the server forgets a closed socket anyway.
      if (socket.connected) socket.emit('picture.unsubscribe', subscription);
    };
  }, [socket, trust, exercise]);

  return { ...connection, picture: received?.picture, version: received?.version, receivedAt: received?.receivedAt, error, exerciseEnded };
}
