import type { Logger } from 'pino';
import type { FeedEvent } from '../shared/feed/events.ts';
import type { SessionEndReason } from '../shared/realtime/events.ts';
import type { TrustCode } from '../shared/reference/trusts.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { Metrics } from './meta/metrics.ts';

/** What the realtime layer offers the rest of the server: ending live connections on revocation. */
export interface LiveConnections {
  endSessions(sessionIds: readonly string[], reason: SessionEndReason): void;
  endDisplayLink(id: string): void;
  /** Tells the other instances (through Redis) of a batch this one stored, so their pictures have it too. */
  shareIngested(trust: TrustCode, events: readonly FeedEvent[], receivedAt: Date): void;
  /** The same for an exercise's batch. */
  shareExerciseIngested(exerciseId: string, events: readonly FeedEvent[], receivedAt: Date): void;
  /** Tells every instance, and the screens showing it, that an exercise has ended. */
  shareExerciseEnded(exerciseId: string): void;
  /** Tells the other instances that a trust's REAP level changed, so their pictures show it. */
  shareTrustStatus(trust: TrustCode): void;
  /** Sockets connected to this instance. */
  connectionCount(): number;
}

/** Everything a route or domain function may use; built once at start, passed explicitly. */
export interface AppContext {
  config: Config;
  db: Database;
  log: Logger;
  /** The clock. Tests pass their own; nothing reads the system time behind its back. */
  now: () => Date;
  live: LiveConnections;
  metrics: Metrics;
}
