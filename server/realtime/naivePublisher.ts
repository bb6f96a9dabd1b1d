import type { PictureSubscription } from '../../shared/realtime/events.ts';
import type { PictureService } from '../picture/service.ts';
import { derive, topicOf, update, type PictureSink, type Publisher, type Topic } from './picturePublisher.ts';

/**
 * The naive way to push pictures: derive and send the whole picture after every event. It is
 * correct and simple, and it costs the server and every screen far more than coalesced patches;
 * the benchmark runs it beside PicturePublisher to show by how much (PICTURE_PUSH=per-event).
 * Region summaries are not pushed this way.
 */
export class NaivePublisher implements Publisher {
  private readonly versions = new Map<Topic, number>();
  private readonly stopListening: () => void;
  private readonly pictures: PictureService;
  private readonly now: () => Date;

  constructor(pictures: PictureService, sink: PictureSink, now: () => Date) {
    this.pictures = pictures;
    this.now = now;
    this.stopListening = pictures.onChange((trust, events) => {
      const topic = topicOf({ trust });
      if (sink.watchers(topic) === 0) return;
      for (let i = 0; i < Math.max(1, events); i++) {
        const { version, picture } = this.snapshot({ trust });
        sink.send(topic, update({ trust }, version, picture.asOf, { picture }));
      }
    });
  }

  snapshot(subscription: PictureSubscription) {
    const topic = topicOf(subscription);
    const version = (this.versions.get(topic) ?? 0) + 1;
    this.versions.set(topic, version);
    return { version, picture: derive(this.pictures, subscription, this.now()) };
  }

  close(): void {
    this.stopListening();
  }
}
