import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { FeedEvent } from '../../shared/feed/events.ts';
import type { Incident, IncidentListItem, LogEntry } from '../../shared/incidents/schemas.ts';
import type { ClientToServerEvents, ServerToClientEvents, SessionEndReason } from '../../shared/realtime/events.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';
import { authenticate, expectedOrigin, originMatches } from '../auth/authenticate.ts';
import { canReadIncidents } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { AppContext, LiveConnections } from '../context.ts';
import type { ExercisePictures } from '../exercises/service.ts';
import type { IncidentAnnouncer } from '../incidents/service.ts';
import type { AidAnnouncer } from '../mutualAid/service.ts';
import type { AidRequest } from '../../shared/mutualAid/schemas.ts';
import type { RegionCode } from '../../shared/reference/trusts.ts';
import type { PictureService } from '../picture/service.ts';
import type { FlagChange } from '../thresholds/engine.ts';
import { NaivePublisher } from './naivePublisher.ts';
import { PicturePublisher, pictureRoom, type Publisher } from './picturePublisher.ts';
import { handlePictureSubscriptions, socketSink } from './pictureSubscriptions.ts';

interface SocketData {
  principal: Principal;
}

/** Between instances sharing Redis: each stored batch, so that every instance's picture has it. */
interface InterServerEvents {
  'feed.ingested': (batch: { trust: TrustCode; events: FeedEvent[]; receivedAt: string }) => void;
  'exercise.ingested': (batch: { exercise: string; events: FeedEvent[]; receivedAt: string }) => void;
  'exercise.ended': (payload: { exercise: string }) => void;
  'trust.status': (payload: { trust: TrustCode }) => void;
}

export type OpsServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type OpsSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

// Rooms that name who a socket speaks for, so that revoking a session or a display link can reach
// its sockets on every instance (through the Redis adapter when there are several).
const sessionRoom = (id: string) => `session:${id}`;
const displayRoom = (id: string) => `display:${id}`;
/** Every display link's sockets: they see pictures, never incident logs. */
const DISPLAYS_ROOM = 'displays';
const incidentRoom = (id: string) => `incident:${id}`;
const IncidentSubscription = z.object({ id: z.uuid() }).strict();

/**
 * The Socket.IO side of the server. A socket is authenticated once, at the handshake, by the same
 * `authenticate` as a REST request; what it may subscribe to is decided by the same policy.
 */
export class Realtime implements LiveConnections, IncidentAnnouncer, AidAnnouncer {
  private io: OpsServer | undefined;
  private closeRedis: (() => Promise<void>) | undefined;
  private publisher: Publisher | undefined;
  private shared = false;
  private readonly ctx: Omit<AppContext, 'live' | 'metrics'>;
  private readonly pictures: PictureService;
  private readonly exercises: ExercisePictures;
  private readonly statusListeners = new Set<(trust: TrustCode) => void>();
  private incidentLoader: ((id: string) => Promise<Incident | undefined>) | undefined;

  constructor(ctx: Omit<AppContext, 'live' | 'metrics'>, pictures: PictureService, exercises: ExercisePictures) {
    this.ctx = ctx;
    this.pictures = pictures;
    this.exercises = exercises;
  }

  async attach(httpServer: HttpServer): Promise<OpsServer> {
    const io: OpsServer = new Server(httpServer, { serveClient: false, cors: undefined });
    if (this.ctx.config.redisUrl) {
      const pub = createClient({ url: this.ctx.config.redisUrl });
      const sub = pub.duplicate();
      pub.on('error', (error: unknown) => this.ctx.log.error({ err: error }, 'redis publisher error'));
      sub.on('error', (error: unknown) => this.ctx.log.error({ err: error }, 'redis subscriber error'));
      await Promise.all([pub.connect(), sub.connect()]);
      io.adapter(createAdapter(pub, sub));
      // Another instance stored a batch: apply it here too (applying twice changes nothing).
      io.on('feed.ingested', (batch) => this.pictures.ingest(batch.trust, batch.events, new Date(batch.receivedAt)));
      io.on('exercise.ingested', (batch) => this.exercises.ingest(batch.exercise, batch.events, new Date(batch.receivedAt)));
      io.on('exercise.ended', ({ exercise }) => this.exercises.forget(exercise));
      io.on('trust.status', ({ trust }) => this.statusListeners.forEach((listener) => listener(trust)));
      this.shared = true;
      this.closeRedis = async () => {
        await Promise.allSettled([pub.quit(), sub.quit()]);
      };
    }
    io.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => next(error instanceof Error ? error : new Error('not_signed_in')),
      );
    });
    const sink = socketSink(io);
    const sources = { pictures: this.pictures, exercises: this.exercises };
    const publisher: Publisher = this.ctx.config.picturePush === 'per-event' ? new NaivePublisher(sources, sink, this.ctx.now) : new PicturePublisher(sources, sink, this.ctx.now);
    io.on('connection', (socket) => {
      this.onConnection(socket);
      handlePictureSubscriptions(socket, publisher, { db: this.ctx.db, pictures: this.exercises });
    });
    this.io = io;
    this.publisher = publisher;
    return io;
  }

  private async admit(socket: OpsSocket): Promise<void> {
    const { headers } = socket.handshake;
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null && 'token' in auth && typeof auth.token === 'string' ? auth.token : undefined;
    const { principal, credential } = await authenticate(this.ctx.db, { cookieHeader: token ? undefined : headers.cookie, bearer: token }, this.ctx.now());
    if (!principal) throw new Error('not_signed_in');
    // A page of another origin can open a WebSocket that carries our cookie; only our own pages
    // send our Origin. A display token is not sent by the browser on its own, so it needs no check.
    // Socket.IO's long-polling opens with a GET, on which browsers send no Origin for a page of
    // the same origin; they do send Sec-Fetch-Site, which no page can set, and that says the same.
    if (credential === 'cookie') {
      const expected = expectedOrigin(this.ctx.config.publicOrigin, { protocol: socket.handshake.secure ? 'https' : 'http', host: headers.host });
      const sameOrigin = headers.origin === undefined ? headers['sec-fetch-site'] === 'same-origin' : originMatches(headers.origin, expected);
      if (!sameOrigin) throw new Error('bad_origin');
    }
    socket.data.principal = principal;
  }

  private onConnection(socket: OpsSocket): void {
    const { principal } = socket.data;
    if (principal.kind === 'user') void socket.join(sessionRoom(principal.sessionId));
    if (principal.kind === 'display') void socket.join([displayRoom(principal.display.id), DISPLAYS_ROOM]);
    socket.on('incident.subscribe', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = IncidentSubscription.safeParse(raw);
      if (!parsed.success) return ack({ ok: false, error: 'invalid_input', message: 'name an incident: { id: "<uuid>" }' });
      const { id } = parsed.data;
      const load = this.incidentLoader;
      if (!load || !canReadIncidents(principal)) return ack({ ok: false, error: 'forbidden', message: 'You may not read incidents.' });
      // Join first, then read: an entry written in between comes both ways, and the client keeps one.
      void socket.join(incidentRoom(id));
      load(id).then(
        (incident) => {
          if (incident && canReadIncidents(principal, { trust: incident.trust })) return ack({ ok: true, data: incident });
          void socket.leave(incidentRoom(id));
          ack(incident ? { ok: false, error: 'forbidden', message: 'You may not read this incident.' } : { ok: false, error: 'not_found', message: `No incident ${id}.` });
        },
        (error: unknown) => {
          void socket.leave(incidentRoom(id));
          this.ctx.log.error({ err: error }, 'reading an incident for a subscription failed');
          ack({ ok: false, error: 'internal_error', message: 'Reading the incident failed.' });
        },
      );
    });
    socket.on('incident.unsubscribe', (raw, ack) => {
      const parsed = IncidentSubscription.safeParse(raw);
      if (parsed.success) void socket.leave(incidentRoom(parsed.data.id));
      if (typeof ack === 'function') ack(parsed.success ? { ok: true, data: null } : { ok: false, error: 'invalid_input' });
    });
    socket.on('session.whoami', (ack) => {
      if (typeof ack !== 'function') return;
      ack(
        principal.kind === 'user'
          ? { ok: true, data: { kind: 'user', label: principal.user.displayName } }
          : principal.kind === 'display'
            ? { ok: true, data: { kind: 'display', label: principal.display.label } }
            : { ok: false, error: 'forbidden', message: 'Feed keys do not use the live connection.' },
      );
    });
  }

  private end(room: string, reason: SessionEndReason): void {
    if (!this.io) return;
    this.io.to(room).emit('session.ended', { reason });
    this.io.in(room).disconnectSockets(true);
  }

  endSessions(sessionIds: readonly string[], reason: SessionEndReason): void {
    for (const id of sessionIds) this.end(sessionRoom(id), reason);
  }

  shareIngested(trust: TrustCode, events: readonly FeedEvent[], receivedAt: Date): void {
    if (this.shared) this.io?.serverSideEmit('feed.ingested', { trust, events: [...events], receivedAt: receivedAt.toISOString() });
  }

  shareExerciseIngested(exercise: string, events: readonly FeedEvent[], receivedAt: Date): void {
    if (this.shared) this.io?.serverSideEmit('exercise.ingested', { exercise, events: [...events], receivedAt: receivedAt.toISOString() });
  }

  shareExerciseEnded(exercise: string): void {
    if (this.shared) this.io?.serverSideEmit('exercise.ended', { exercise });
    // Through the adapter: the screens watching it on every instance hear it has ended.
    this.io?.to(pictureRoom(`exercise:${exercise}`)).emit('exercise.ended', { exercise });
  }

  shareTrustStatus(trust: TrustCode): void {
    if (this.shared) this.io?.serverSideEmit('trust.status', { trust });
  }

  /** Hears, from other instances, that a trust's status (its REAP level) changed. */
  onTrustStatus(listener: (trust: TrustCode) => void): void {
    this.statusListeners.add(listener);
  }

  /** Tells every screen of the trust, on every instance, that a flag was raised or cleared. */
  announceFlag(trust: TrustCode, change: FlagChange): void {
    this.io?.to(pictureRoom(`trust:${trust}`)).emit(change.kind === 'raised' ? 'flag.raised' : 'flag.cleared', { trust, flag: change.flag });
  }

  /** How `incident.subscribe` reads an incident with its log. */
  serveIncidents(load: (id: string) => Promise<Incident | undefined>): void {
    this.incidentLoader = load;
  }

  /** To the people watching the trust (not its wall screens, which show the picture's summary). */
  declared(trust: TrustCode, incident: IncidentListItem): void {
    this.io?.to(pictureRoom(`trust:${trust}`)).except(DISPLAYS_ROOM).emit('incident.declared', { trust, incident });
  }

  updated(trust: TrustCode, incident: IncidentListItem): void {
    this.io?.to([pictureRoom(`trust:${trust}`), incidentRoom(incident.id)]).except(DISPLAYS_ROOM).emit('incident.updated', { trust, incident });
  }

  logged(trust: TrustCode, incident: string, entry: LogEntry): void {
    this.io?.to(incidentRoom(incident)).emit('incident.logged', { trust, incident, entry });
  }

  aidUpdated(request: AidRequest, trusts: readonly TrustCode[], regions: readonly RegionCode[]): void {
    const rooms = [...trusts.map((t) => pictureRoom(`trust:${t}`)), ...regions.map((r) => pictureRoom(`region:${r}`))];
    this.io?.to(rooms).emit('mutualAid.updated', { request });
  }

  connectionCount(): number {
    return this.io?.sockets.sockets.size ?? 0;
  }

  endDisplayLink(id: string): void {
    this.end(displayRoom(id), 'revoked');
  }

  async close(): Promise<void> {
    this.publisher?.close();
    if (this.io) {
      this.io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        void this.io?.close(() => resolve());
      });
    }
    await this.closeRedis?.();
  }
}
