import type { PictureSubscription } from '../../shared/realtime/events.ts';
import { derive, topicOf, update, type PictureSink, type PictureSources, type Publisher, type Topic } from './picturePublisher.ts';

/**
 * The naive way to push pictures: derive and send the whole picture after every event. It is
 * correct and simple, and it costs the server and every screen far more than coalesced patches;
 * the benchmark runs it beside PicturePublisher to show by how much (PICTURE_PUSH=per-event).
 * Region summaries and exercises are not pushed this way.
 */
export class NaivePublisher implements Publisher {
  private readonly versions = new Map<Topic, number>();
  private readonly stopListening: () => void;
  private readonly sources: PictureSources;
  private readonly now: () => Date;

  constructor(sources: PictureSources, sink: PictureSink, now: () => Date) {
    this.sources = sources;
    this.now = now;
    this.stopListening = sources.pictures.onChange((trust, events) => {
      const topic = topicOf({ trust });
      if (sink.watchers(topic) === 0) return;
      for (let i = 0; i < Math.max(1, events); i++) {
        const { version, picture } = this.snapshot({ trust })!;
        sink.send(topic, update({ trust }, version, picture.asOf, { picture }));
      }
    });
  }

  snapshot(subscription: PictureSubscription) {
    const topic = topicOf(subscription);
    const version = (this.versions.get(topic) ?? 0) + 1;
    this.versions.set(topic, version);
    const picture = derive(this.sources, subscription, this.now());
    return picture && { version, picture };
  }

  close(): void {
    this.stopListening();
  }
}
