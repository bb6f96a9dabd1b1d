/**
 * The Socket.IO protocol, declared once for both ends: the server is
 * `new Server<ClientToServerEvents, ServerToClientEvents>()` and the client
 * `io() as Socket<ServerToClientEvents, ClientToServerEvents>`. Event names are `resource.verb`.
 *
 * A connection authenticates during the handshake with the session cookie or
 * `auth: { token }` (a display token); a connection that fails gets a `connect_error`
 * whose `message` is an error id (`not_signed_in`, `bad_origin`).
 */

import { z } from 'zod';
import { RegionCodeSchema, TrustCodeSchema } from '../auth/schemas.ts';
import type { Json } from '../picture/mergePatch.ts';
import type { Incident, IncidentListItem, LogEntry } from '../incidents/schemas.ts';
import type { AidRequest } from '../mutualAid/schemas.ts';
import type { Flag, Picture } from '../picture/picture.ts';
import type { RegionPicture } from '../picture/region.ts';
import type { RegionCode, TrustCode } from '../reference/trusts.ts';

/** What a screen subscribes to: one trust's picture, or one region's summary. */
export const PictureSubscription = z.union(
  [z.object({ trust: TrustCodeSchema }).strict(), z.object({ region: RegionCodeSchema }).strict(), z.object({ trust: TrustCodeSchema, exercise: z.uuid() }).strict()],
  { error: 'name a trust ({ trust: "RX6" }), a region ({ region: "Y63" }) or an exercise of a trust ({ trust: "RX6", exercise: "<id>" })' },
);
export type PictureSubscription = z.infer<typeof PictureSubscription>;

/**
 * A trust's picture, as pushed to its subscribers: the whole picture (on subscribe and
 * periodically, so that a lost message cannot leave a screen wrong for long) or an RFC 7386 merge
 * patch on the version before. A patch whose version is not the next one means a message was
 * missed: subscribe again for the whole picture.
 */
export type PictureUpdate = { trust: TrustCode; version: number; asOf: string; /** Set on an exercise's updates only. */ exercise?: string } & ({ picture: Picture } | { patch: Json });

/** A region's summary, pushed the same way as a trust's picture. */
export type RegionPictureUpdate = { region: RegionCode; version: number; asOf: string } & ({ picture: RegionPicture } | { patch: Json });

/** Why the server is about to close a connection on purpose. */
export type SessionEndReason = 'signed_out' | 'revoked' | 'expired' | 'account_disabled';

export interface ServerToClientEvents {
  /** A subscribed picture changed: at most 4 a second per subscription, within 250 ms of the event. */
  'picture.update': (update: PictureUpdate | RegionPictureUpdate) => void;
  /** A flag of a subscribed trust was raised, or cleared (the picture's `flags` follow in its next update). */
  'flag.raised': (payload: { trust: TrustCode; flag: Flag }) => void;
  'flag.cleared': (payload: { trust: TrustCode; flag: Flag }) => void;
  /** A trust whose picture is subscribed declared an incident. */
  'incident.declared': (payload: { trust: TrustCode; incident: IncidentListItem }) => void;
  /** An incident's level changed or it was stood down: to its trust's picture subscribers and its own. */
  'incident.updated': (payload: { trust: TrustCode; incident: IncidentListItem }) => void;
  /** A new entry in the log of a subscribed incident (`incident.subscribe`), in seq order. */
  'incident.logged': (payload: { trust: TrustCode; incident: string; entry: LogEntry }) => void;
  /**
   * A mutual-aid request changed (asked, offered, accepted, declined, closed): to the screens of
   * the asking trust, of every trust asked or offering, and of every region involved.
   */
  'mutualAid.updated': (payload: { request: AidRequest }) => void;
  /** A subscribed exercise has ended: its picture is no more, and the screen should say so. */
  'exercise.ended': (payload: { exercise: string }) => void;
  /** Sent just before the server disconnects a socket whose session or display link ended. */
  'session.ended': (payload: { reason: SessionEndReason }) => void;
}

export type AckAnswer<T, Extra = object> = ({ ok: true; data: T } & Extra) | { ok: false; error: string; message?: string };
export type Ack<T, Extra = object> = (answer: AckAnswer<T, Extra>) => void;

export interface ClientToServerEvents {
  /**
   * Start receiving `picture.update` for a trust or a region; answered with the whole picture now and its
   * version, which the next patch builds on. Subscribing again is harmless and answers afresh.
   */
  'picture.subscribe': (subscription: PictureSubscription, ack: Ack<Picture | RegionPicture, { version: number }>) => void;
  'picture.unsubscribe': (subscription: PictureSubscription, ack?: Ack<null>) => void;
  /**
   * Start receiving `incident.logged` and `incident.updated` for one incident (people who may read
   * it; display links may not); answered with the incident and its whole log now.
   */
  'incident.subscribe': (subscription: { id: string }, ack: Ack<Incident>) => void;
  'incident.unsubscribe': (subscription: { id: string }, ack?: Ack<null>) => void;
  /** Who this connection is, as the server sees it: a user or a display link. */
  'session.whoami': (ack: Ack<{ kind: 'user' | 'display'; label: string }>) => void;
}

/** Connection errors the server gives in `connect_error.message`. */
export const SOCKET_CONNECT_ERRORS = ['not_signed_in', 'bad_origin'] as const;

/** How often a subscription gets the whole picture again, whatever changed. */
export const FULL_PICTURE_EVERY_MS = 30_000;
/** The least time between two updates of one subscription. */
export const MIN_UPDATE_INTERVAL_MS = 250;
