import { PictureSubscription } from '../../shared/realtime/events.ts';
import { canReadRegion, canReadTrust } from '../auth/policy.ts';
import type { Database } from '../db/database.ts';
import type { ExercisePictures } from '../exercises/service.ts';
import { HttpError } from '../http/errors.ts';
import type { OpsServer, OpsSocket } from './socket.ts';
import { pictureRoom, topicOf, type PictureSink, type Publisher } from './picturePublisher.ts';

/** Delivers picture updates to this instance's own subscribers: every instance derives its own. */
export function socketSink(io: OpsServer): PictureSink {
  return {
    send: (topic, update) => io.local.to(pictureRoom(topic)).emit('picture.update', update),
    watchers: (topic) => io.sockets.adapter.rooms.get(pictureRoom(topic))?.size ?? 0,
    exerciseEnded: (topic, exercise) => io.local.to(pictureRoom(topic)).emit('exercise.ended', { exercise }),
  };
}

/**
 * `picture.subscribe` and `picture.unsubscribe`: the subscription is checked against the same
 * policy as the REST pictures (`GET /trusts/:code/picture`, `GET /regions/:code/picture`,
 * `GET /trusts/:code/exercises/:id/picture`), then the socket joins the room and gets the whole
 * picture with the version later patches build on.
 */
export function handlePictureSubscriptions(socket: OpsSocket, publisher: Publisher, exercises: { db: Database; pictures: ExercisePictures }): void {
  socket.on('picture.subscribe', (raw, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = PictureSubscription.safeParse(raw);
    if (!parsed.success) return ack({ ok: false, error: 'invalid_input', message: parsed.error.issues[0]?.message ?? 'invalid subscription' });
    const subscription = parsed.data;
    const { principal } = socket.data;
    const allowed = 'trust' in subscription ? canReadTrust(principal, subscription.trust) : canReadRegion(principal, subscription.region);
    if (!allowed) return ack({ ok: false, error: 'forbidden', message: `You may not read ${'trust' in subscription ? subscription.trust : subscription.region}.` });
    const answer = () => {
      const snapshot = publisher.snapshot(subscription);
      if (!snapshot) return ack({ ok: false, error: 'exercise_ended', message: 'This exercise has ended.' });
      void socket.join(pictureRoom(topicOf(subscription)));
      ack({ ok: true, data: snapshot.picture, version: snapshot.version });
    };
    if (!('exercise' in subscription)) return answer();
    // An exercise is one of its trust's, running, and loaded here before it can be watched.
    exercises.pictures.running(exercises.db, subscription.exercise).then(
      (exercise) => (exercise.trust === subscription.trust ? answer() : ack({ ok: false, error: 'not_found', message: 'No such exercise for this trust.' })),
      (error: unknown) => ack({ ok: false, error: error instanceof HttpError ? error.id : 'internal_error', message: error instanceof Error ? error.message : 'failed' }),
    );
  });
  socket.on('picture.unsubscribe', (raw, ack) => {
    const parsed = PictureSubscription.safeParse(raw);
    if (parsed.success) void socket.leave(pictureRoom(topicOf(parsed.data)));
    if (typeof ack === 'function') ack(parsed.success ? { ok: true, data: null } : { ok: false, error: 'invalid_input' });
  });
}
