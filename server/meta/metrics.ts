import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * What an operator (or the benchmark) needs to see of a running instance: memory, event-loop
 * delay and feed throughput. Each read covers the time since the previous read.
 */
export class Metrics {
  private readonly loop: IntervalHistogram;
  private readonly startedAt = Date.now();
  private windowStart = Date.now();
  private feedEvents = 0;
  private feedRequests = 0;

  constructor() {
    this.loop = monitorEventLoopDelay({ resolution: 10 });
    this.loop.enable();
  }

  countFeed(events: number): void {
    this.feedRequests++;
    this.feedEvents += events;
  }

  read(sockets: number): Record<string, number> {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const memory = process.memoryUsage();
    const figures = {
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      windowSeconds: Math.round((Date.now() - this.windowStart) / 100) / 10,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      eventLoopDelayP50Ms: ms(this.loop.percentile(50)),
      eventLoopDelayP99Ms: ms(this.loop.percentile(99)),
      eventLoopDelayMaxMs: ms(this.loop.max),
      feedRequests: this.feedRequests,
      feedEvents: this.feedEvents,
      sockets,
    };
    this.loop.reset();
    this.windowStart = Date.now();
    this.feedEvents = 0;
    this.feedRequests = 0;
    return figures;
  }

  close(): void {
    this.loop.disable();
  }
}
