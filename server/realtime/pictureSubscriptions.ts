import { PictureSubscription } from '../../shared/realtime/events.ts';
import { canReadRegion, canReadTrust } from '../auth/policy.ts';
import type { OpsServer, OpsSocket } from './socket.ts';
import { pictureRoom, topicOf, type PictureSink, type Publisher } from './picturePublisher.ts';

/** Delivers picture updates to this instance's own subscribers: every instance derives its own. */
export function socketSink(io: OpsServer): PictureSink {
  return {
    send: (topic, update) => io.local.to(pictureRoom(topic)).emit('picture.update', update),
    watchers: (topic) => io.sockets.adapter.rooms.get(pictureRoom(topic))?.size ?? 0,
  };
}

/**
 * `picture.subscribe` and `picture.unsubscribe`: the subscription is checked against the same
 * policy as the REST pictures (`GET /trusts/:code/picture`, `GET /regions/:code/picture`), then
 * the socket joins the room and gets the whole picture with the version later patches build on.
 */
export function handlePictureSubscriptions(socket: OpsSocket, publisher: Publisher): void {
  socket.on('picture.subscribe', (raw, ack) => {
    if (typeof ack !== 'function') return;
    const parsed = PictureSubscription.safeParse(raw);
    if (!parsed.success) return ack({ ok: false, error: 'invalid_input', message: parsed.error.issues[0]?.message ?? 'invalid subscription' });
    const subscription = parsed.data;
    const { principal } = socket.data;
    const allowed = 'trust' in subscription ? canReadTrust(principal, subscription.trust) : canReadRegion(principal, subscription.region);
    if (!allowed) return ack({ ok: false, error: 'forbidden', message: `You may not read ${'trust' in subscription ? subscription.trust : subscription.region}.` });
    const { version, picture } = publisher.snapshot(subscription);
    void socket.join(pictureRoom(topicOf(subscription)));
    ack({ ok: true, data: picture, version });
  });
  socket.on('picture.unsubscribe', (raw, ack) => {
    const parsed = PictureSubscription.safeParse(raw);
    if (parsed.success) void socket.leave(pictureRoom(topicOf(parsed.data)));
    if (typeof ack === 'function') ack(parsed.success ? { ok: true, data: null } : { ok: false, error: 'invalid_input' });
  });
}
