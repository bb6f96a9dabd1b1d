import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyMergePatch } from '../../shared/picture/mergePatch.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import type { RegionPicture } from '../../shared/picture/region.ts';
import type { PictureUpdate, RegionPictureUpdate } from '../../shared/realtime/events.ts';
import { QUIET_CONTEXT } from '../picture/derive.ts';
import { build } from '../picture/builders.ts';
import { PictureService } from '../picture/service.ts';
import { ExercisePictures } from '../exercises/service.ts';
import { PicturePublisher, type Topic } from './picturePublisher.ts';

/** A sink that records what would go to the sockets of each trust, and when. */
function recordingSink(watched: Topic[] = ['trust:RX6']) {
  const sent: { at: number; topic: Topic; update: PictureUpdate }[] = [];
  return {
    sent,
    sink: {
      send: (topic: Topic, update: PictureUpdate | RegionPictureUpdate) => {
        // The trust tests below read trust updates only; region updates are checked on their own.
        if ('trust' in update) sent.push({ at: Date.now(), topic, update });
      },
      watchers: (topic: Topic) => (watched.includes(topic) ? 1 : 0),
      exerciseEnded: () => undefined,
    },
  };
}

/** Plays updates onto a snapshot as a screen does; throws on a version gap. */
function replay(start: { version: number; picture: Picture | RegionPicture }, updates: PictureUpdate[]): Picture {
  let version = start.version;
  let picture = start.picture as Picture;
  for (const update of updates) {
    if ('picture' in update) picture = update.picture;
    else {
      if (update.version !== version + 1) throw new Error(`gap: ${version} → ${update.version}`);
      picture = applyMergePatch(picture, update.patch) as unknown as Picture;
    }
    version = update.version;
  }
  return picture;
}

describe('the picture publisher', () => {
  let pictures: PictureService;
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-01-15T10:00:00Z') });
    pictures = new PictureService(() => QUIET_CONTEXT);
  });
  afterEach(() => vi.useRealTimers());

  const ingest = (...events: ReturnType<typeof build.jobCreated>[]) => pictures.ingest('RX6', events, new Date());

  it('sends the first change after a quiet spell at once', () => {
    const { sent, sink } = recordingSink();
    const publisher = new PicturePublisher({ pictures, exercises: new ExercisePictures(() => QUIET_CONTEXT) }, sink, () => new Date());
    publisher.snapshot({ trust: 'RX6' });
    vi.advanceTimersByTime(1000);
    sent.length = 0;
    ingest(build.jobCreated('j1', 'C1', '2025-01-15T10:00:00Z'));
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.update).toMatchObject({ trust: 'RX6', patch: { queue: { C1: { waiting: 1 }, total: { waiting: 1 } } } });
    publisher.close();
  });

  it('coalesces a burst into at most one update per 250 ms, each within 250 ms of its events', () => {
    const { sent, sink } = recordingSink();
    const publisher = new PicturePublisher({ pictures, exercises: new ExercisePictures(() => QUIET_CONTEXT) }, sink, () => new Date());
    publisher.snapshot({ trust: 'RX6' });
    vi.advanceTimersByTime(1000);
    sent.length = 0;
    const eventTimes: number[] = [];
    for (let i = 0; i < 40; i++) {
      eventTimes.push(Date.now());
      ingest(build.jobCreated(`burst-${i}`, 'C2', new Date().toISOString()));
      vi.advanceTimersByTime(25);
    }
    vi.advanceTimersByTime(300);
    const times = sent.map((s) => s.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(250);
    // 40 events over a second: about 4 updates, not 40.
    expect(sent.length).toBeLessThanOrEqual(5);
    for (const at of eventTimes) expect(times.find((t) => t >= at)! - at).toBeLessThanOrEqual(250);
    publisher.close();
  });

  it('sends patches that rebuild, on the subscriber’s side, exactly the picture of now', () => {
    const { sent, sink } = recordingSink();
    const publisher = new PicturePublisher({ pictures, exercises: new ExercisePictures(() => QUIET_CONTEXT) }, sink, () => new Date());
    const start = publisher.snapshot({ trust: 'RX6' })!;
    ingest(build.jobCreated('a', 'C2', '2025-01-15T09:50:00Z'));
    vi.advanceTimersByTime(300);
    pictures.ingest('RX6', [build.arrived('a', 'r1', '2025-01-15T10:00:01Z'), build.status('r1', 'on_scene', '2025-01-15T10:00:01Z')], new Date());
    vi.advanceTimersByTime(300);
    pictures.ingest('RX6', [build.atHospital('r2', 'RTD02', '2025-01-15T09:00:00Z')], new Date());
    vi.advanceTimersByTime(300);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    expect(replay(start, sent.map((s) => s.update))).toEqual(pictures.picture('RX6', new Date(sent.at(-1)!.update.asOf)));
    publisher.close();
  });

  it('sends the whole picture every 30 seconds, and refreshes time-driven figures every 5', () => {
    const { sent, sink } = recordingSink();
    const publisher = new PicturePublisher({ pictures, exercises: new ExercisePictures(() => QUIET_CONTEXT) }, sink, () => new Date());
    ingest(build.jobCreated('waits', 'C3', '2025-01-15T09:00:00Z'));
    const start = publisher.snapshot({ trust: 'RX6' })!;
    vi.advanceTimersByTime(31_000);
    const wholes = sent.filter((s) => 'picture' in s.update);
    expect(wholes.length).toBeGreaterThanOrEqual(1);
    // With no events at all, the longest wait still grew and was sent.
    expect(replay(start, sent.map((s) => s.update)).queue.C3.longestWaitSeconds).toBeGreaterThan((start.picture as Picture).queue.C3.longestWaitSeconds);
    publisher.close();
  });

  it('brings a new subscriber up to date with every accepted event before answering', () => {
    const { sink } = recordingSink();
    const publisher = new PicturePublisher({ pictures, exercises: new ExercisePictures(() => QUIET_CONTEXT) }, sink, () => new Date());
    publisher.snapshot({ trust: 'RX6' });
    ingest(build.jobCreated('fresh', 'C1', '2025-01-15T10:00:00Z'));
    expect((publisher.snapshot({ trust: 'RX6' })!.picture as Picture).queue.C1.waiting).toBe(1);
    publisher.close();
  });

  it('updates the region of a trust that changed, with its summary', () => {
    const regionUpdates: RegionPictureUpdate[] = [];
    const publisher = new PicturePublisher(
      { pictures, exercises: new ExercisePictures(() => QUIET_CONTEXT) },
      { send: (_topic, update) => void ('region' in update && regionUpdates.push(update)), watchers: (topic) => (topic === 'region:Y63' ? 1 : 0), exerciseEnded: () => undefined },
      () => new Date(),
    );
    const start = publisher.snapshot({ region: 'Y63' })!.picture as RegionPicture;
    expect(start.trusts.map((t) => t.trust.code)).toEqual(['RX6', 'RX8']);
    regionUpdates.length = 0;
    ingest(build.jobCreated('r1', 'C1', '2025-01-15T09:50:00Z'));
    vi.advanceTimersByTime(300);
    expect(regionUpdates).toHaveLength(1);
    expect(regionUpdates[0]).toMatchObject({ region: 'Y63', patch: { trusts: [{ queueTotal: 1, C1LongestWaitSeconds: 600 }, { queueTotal: 0 }] } });
    publisher.close();
  });

  it('sends nothing for a trust nobody watches', () => {
    const { sent, sink } = recordingSink([]);
    const publisher = new PicturePublisher({ pictures, exercises: new ExercisePictures(() => QUIET_CONTEXT) }, sink, () => new Date());
    ingest(build.jobCreated('j', 'C1', '2025-01-15T10:00:00Z'));
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(0);
    publisher.close();
  });
});
