import { diffMergePatch, type Json } from '../../shared/picture/mergePatch.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import type { RegionPicture } from '../../shared/picture/region.ts';
import { FULL_PICTURE_EVERY_MS, MIN_UPDATE_INTERVAL_MS, type PictureSubscription, type PictureUpdate, type RegionPictureUpdate } from '../../shared/realtime/events.ts';
import { REGIONS, TRUSTS, findTrust } from '../../shared/reference/trusts.ts';
import type { ExercisePictures } from '../exercises/service.ts';
import type { PictureService } from '../picture/service.ts';

/** Time-driven figures (waits, staleness) move without events: refresh watched pictures this often. */
export const REFRESH_EVERY_MS = 5_000;

/** One thing a screen can watch, as a string: `trust:RX6`, `region:Y63` or `exercise:<id>`. */
export type Topic = `trust:${string}` | `region:${string}` | `exercise:${string}`;

export function topicOf(subscription: PictureSubscription): Topic {
  if ('exercise' in subscription) return `exercise:${subscription.exercise}`;
  return 'trust' in subscription ? `trust:${subscription.trust}` : `region:${subscription.region}`;
}

export const pictureRoom = (topic: Topic) => `picture:${topic}`;

type AnyPicture = Picture | RegionPicture;

interface Channel {
  subscription: PictureSubscription;
  version: number;
  last: AnyPicture | undefined;
  lastSentAt: number;
  lastFullAt: number;
  dirty: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export interface PictureSink {
  /** Sends an update to this instance's subscribers of the topic. */
  send(topic: Topic, update: PictureUpdate | RegionPictureUpdate): void;
  /** Tells this instance's subscribers that the exercise they watch has ended. */
  exerciseEnded(topic: Topic, exercise: string): void;
  /** How many of this instance's sockets watch the topic. */
  watchers(topic: Topic): number;
}

/** What the socket layer needs of a publisher: a starting point for new subscribers, and a stop. */
export interface Publisher {
  /** Undefined for an exercise this instance does not hold (it has ended). */
  snapshot(subscription: PictureSubscription): { version: number; picture: AnyPicture } | undefined;
  close(): void;
}

/** Where pictures come from: the trusts' real ones, and running exercises' apart from them. */
export interface PictureSources {
  pictures: PictureService;
  exercises: ExercisePictures;
}

export function derive(sources: PictureSources, subscription: PictureSubscription, now: Date): AnyPicture | undefined {
  if ('exercise' in subscription) return sources.exercises.picture(subscription.exercise, now);
  return 'trust' in subscription ? sources.pictures.picture(subscription.trust, now) : sources.pictures.regionPicture(subscription.region, now);
}

export function update(subscription: PictureSubscription, version: number, asOf: string, body: { picture: AnyPicture } | { patch: Json }): PictureUpdate | RegionPictureUpdate {
  return { ...subscription, version, asOf, ...body } as PictureUpdate | RegionPictureUpdate;
}

/**
 * Turns picture changes into socket messages, once per trust (or region) for all its subscribers:
 *
 * - An event marks its trust and its region changed. The first change after a quiet spell is
 *   sent at once; later ones are coalesced, so subscribers get at most one update per 250 ms,
 *   each no later than 250 ms after the event that caused it.
 * - An update is a merge patch against the version before; every 30 s the whole picture goes
 *   instead, so a screen that missed a message is never wrong for long.
 * - Every 5 s watched pictures are derived again, as waits grow and feeds go stale without events.
 */
export class PicturePublisher implements Publisher {
  private readonly channels = new Map<Topic, Channel>();
  private readonly refresh: ReturnType<typeof setInterval>;
  private readonly stopListening: () => void;
  private readonly sources: PictureSources;
  private readonly sink: PictureSink;
  private readonly now: () => Date;

  constructor(sources: PictureSources, sink: PictureSink, now: () => Date) {
    const { pictures } = sources;
    this.sources = sources;
    this.sink = sink;
    this.now = now;
    for (const subscription of [...TRUSTS.map((t) => ({ trust: t.code })), ...REGIONS.map((r) => ({ region: r.code }))]) {
      this.channels.set(topicOf(subscription), { subscription, version: 0, last: undefined, lastSentAt: 0, lastFullAt: 0, dirty: false, timer: undefined });
    }
    const stopTrusts = pictures.onChange((trust) => {
      this.changed(`trust:${trust}`);
      this.changed(`region:${findTrust(trust)!.region}`);
    });
    // An exercise's channel exists only once someone has subscribed to it.
    const stopExercises = sources.exercises.onChange((id) => {
      if (this.channels.has(`exercise:${id}`)) this.changed(`exercise:${id}`);
    });
    this.stopListening = () => {
      stopTrusts();
      stopExercises();
    };
    this.refresh = setInterval(() => {
      for (const topic of this.channels.keys()) if (this.sink.watchers(topic) > 0) this.changed(topic);
    }, REFRESH_EVERY_MS);
    this.refresh.unref();
  }

  private channel(topic: Topic): Channel {
    const channel = this.channels.get(topic);
    if (!channel) throw new Error(`unknown topic ${topic}`);
    return channel;
  }

  private changed(topic: Topic): void {
    const channel = this.channel(topic);
    channel.dirty = true;
    if (channel.timer) return;
    const wait = Math.max(0, channel.lastSentAt + MIN_UPDATE_INTERVAL_MS - this.now().getTime());
    channel.timer = setTimeout(() => {
      channel.timer = undefined;
      this.flush(topic);
    }, wait);
  }

  /** Derives the picture now and sends what changed to the topic's subscribers. */
  private flush(topic: Topic): void {
    const channel = this.channel(topic);
    channel.dirty = false;
    const now = this.now();
    const picture = derive(this.sources, channel.subscription, now);
    if (!picture) {
      // The exercise ended: its screens are told, and its channel goes.
      if ('exercise' in channel.subscription) this.sink.exerciseEnded(topic, channel.subscription.exercise);
      this.channels.delete(topic);
      return;
    }
    const full = !channel.last || now.getTime() - channel.lastFullAt >= FULL_PICTURE_EVERY_MS;
    // asOf moves on every derivation; it alone is not a change worth a message.
    const patch = channel.last ? diffMergePatch({ ...channel.last, asOf: picture.asOf }, picture) : undefined;
    if (!full && patch === undefined) return;
    channel.version++;
    channel.last = picture;
    channel.lastSentAt = now.getTime();
    if (this.sink.watchers(topic) === 0) return;
    if (full) {
      channel.lastFullAt = now.getTime();
      this.sink.send(topic, update(channel.subscription, channel.version, picture.asOf, { picture }));
    } else {
      this.sink.send(topic, update(channel.subscription, channel.version, picture.asOf, { patch: { ...(patch as Record<string, Json>), asOf: picture.asOf } }));
    }
  }

  /**
   * The picture and version a new subscriber starts from. Changes not yet sent are sent first, so
   * the new subscriber and the others build on the same version, and it reflects every event
   * accepted before it asked.
   */
  snapshot(subscription: PictureSubscription): { version: number; picture: AnyPicture } | undefined {
    const topic = topicOf(subscription);
    if ('exercise' in subscription && !this.channels.has(topic)) {
      if (!this.sources.exercises.holds(subscription.exercise)) return undefined;
      this.channels.set(topic, { subscription, version: 0, last: undefined, lastSentAt: 0, lastFullAt: 0, dirty: false, timer: undefined });
    }
    const channel = this.channel(topic);
    if (channel.dirty || !channel.last) {
      if (channel.timer) clearTimeout(channel.timer);
      channel.timer = undefined;
      this.flush(topic);
    }
    const current = this.channels.get(topic);
    return current?.last ? { version: current.version, picture: current.last } : undefined;
  }

  close(): void {
    clearInterval(this.refresh);
    this.stopListening();
    for (const channel of this.channels.values()) if (channel.timer) clearTimeout(channel.timer);
  }
}
