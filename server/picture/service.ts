import type { FeedEvent } from '../../shared/feed/events.ts';
import type { AidRequest } from '../../shared/mutualAid/schemas.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import { summariseTrust, type RegionPicture } from '../../shared/picture/region.ts';
import { TRUSTS, findRegion, findTrust, trustsOfRegion, type RegionCode, type TrustCode } from '../../shared/reference/trusts.ts';
import type { Database } from '../db/database.ts';
import { lastHeard, readEvents } from '../feed/store.ts';
import { derivePicture, type PictureContext } from './derive.ts';
import { TrustState } from './state.ts';

/** How far back the live picture remembers: longer than any "today", with room for late events. */
export const RETENTION_MS = 48 * 3600_000;

/**
 * The live state of every trust, in memory: fed by the feed after each batch is stored, rebuilt
 * from the store at start, asked for pictures. Listeners hear which trust changed.
 */
export class PictureService {
  private readonly states = new Map<TrustCode, TrustState>(TRUSTS.map((t) => [t.code, new TrustState()]));
  private readonly listeners = new Set<(trust: TrustCode, events: number) => void>();
  private readonly contextFor: (trust: TrustCode) => PictureContext;
  private mutualAidOf: (region: RegionCode) => AidRequest[] = () => [];

  constructor(contextFor: (trust: TrustCode) => PictureContext) {
    this.contextFor = contextFor;
  }

  /** Where a region's view reads its open mutual-aid requests. */
  showMutualAid(openForRegion: (region: RegionCode) => AidRequest[]): void {
    this.mutualAidOf = openForRegion;
  }

  private state(trust: TrustCode): TrustState {
    const state = this.states.get(trust);
    if (!state) throw new Error(`unknown trust ${trust}`);
    return state;
  }

  /**
   * Applies events already stored, and notes that the feed was heard from (an empty batch is a
   * heartbeat: it keeps the trust fresh). Tells listeners the trust changed.
   */
  ingest(trust: TrustCode, events: readonly FeedEvent[], receivedAt: Date): void {
    const state = this.state(trust);
    const at = receivedAt.getTime();
    state.heard(at);
    for (const event of events) state.apply(event, at);
    for (const listener of this.listeners) listener(trust, events.length);
  }

  /** Tells listeners the trust's picture changed without an event: a flag, the REAP level. */
  touch(trust: TrustCode): void {
    for (const listener of this.listeners) listener(trust, 0);
  }

  onChange(listener: (trust: TrustCode, events: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  picture(trust: TrustCode, now: Date): Picture {
    const info = findTrust(trust);
    if (!info) throw new Error(`unknown trust ${trust}`);
    return derivePicture(info, this.state(trust), now, this.contextFor(trust));
  }

  /**
   * A region's view: the summary of each of its trusts' pictures, in the order of the trusts,
   * and the open mutual-aid requests its trusts ask or are asked in.
   */
  regionPicture(region: RegionCode, now: Date): RegionPicture {
    const info = findRegion(region);
    if (!info) throw new Error(`unknown region ${region}`);
    return {
      region: { code: info.code, name: info.name },
      asOf: now.toISOString(),
      trusts: trustsOfRegion(region).map((t) => summariseTrust(this.picture(t.code, now))),
      mutualAid: this.mutualAidOf(region),
    };
  }

  /**
   * Rebuilds every trust's state from the store: what happened in the retention window. Answers
   * the last sequence number read, from which `catchUp` continues.
   */
  async rebuild(db: Database, now: Date): Promise<{ events: number; lastSeq: number }> {
    for (const trust of TRUSTS) this.states.set(trust.code, new TrustState());
    // When each feed was last heard from comes from feed_status, not from the events replayed.
    const read = await readEvents(db, { since: new Date(now.getTime() - RETENTION_MS) }, (page) => this.replay(page));
    for (const [trust, at] of await lastHeard(db)) this.state(trust).heard(at.getTime());
    return read;
  }

  /**
   * Applies what other instances stored after `afterSeq`: between this instance's rebuild and the
   * moment it began to hear their batches live. Applying an event twice changes nothing.
   */
  async catchUp(db: Database, afterSeq: number): Promise<number> {
    const read = await readEvents(db, { afterSeq }, (page) => this.replay(page));
    for (const [trust, at] of await lastHeard(db)) this.state(trust).heard(at.getTime());
    for (const trust of TRUSTS) for (const listener of this.listeners) listener(trust.code, 0);
    return read.events;
  }

  private replay(events: readonly FeedEvent[]): void {
    for (const event of events) this.state(event.trust).apply(event);
  }

  /** Forgets what is older than the retention window; run now and then. */
  prune(now: Date): void {
    for (const state of this.states.values()) state.prune(now.getTime() - RETENTION_MS);
  }
}
