import type { Logger } from 'pino';
import type { Flag, Forecast, Picture } from '../../shared/picture/picture.ts';
import { metricInfo, readMetric } from '../../shared/thresholds/metrics.ts';
import type { ThresholdRule } from '../../shared/thresholds/schemas.ts';
import { TRUSTS, type TrustCode } from '../../shared/reference/trusts.ts';
import type { Database } from '../db/database.ts';
import { Lease } from '../db/lease.ts';
import type { PictureService } from '../picture/service.ts';
import { currentReapLevels, STEADY } from '../reap/store.ts';
import { defaultRules } from './defaults.ts';
import { evaluate, formatValue, type FlagBook, type FlagChange } from './engine.ts';
import { aboutMinutes, FORECAST_WINDOW_MS, minutesToBreach, type Sample } from './forecast.ts';
import { ackKey, loadAcknowledgements, loadBooks, saveEvaluation, storedRules, type Acknowledgements } from './store.ts';

/** How often the rules are checked against every trust's picture: sustain periods are minutes. */
export const EVALUATE_EVERY_MS = 5_000;

/** What each trust's picture shows beside its figures: its raised flags and its REAP level. */
export class TrustStatus {
  private readonly flags = new Map<TrustCode, Flag[]>();
  private readonly reap = new Map<TrustCode, Picture['reap']>();
  private readonly forecasts = new Map<TrustCode, Forecast[]>();
  private acks = new Map<TrustCode, Acknowledgements>();

  /** The trust's raised flags, each with who acknowledged it, if anyone has. */
  flagsOf(trust: TrustCode): Flag[] {
    const flags = this.flags.get(trust) ?? [];
    const acks = this.acks.get(trust);
    if (!acks) return flags;
    return flags.map((f) => {
      const ack = acks.get(ackKey(f.id, f.since));
      return ack ? { ...f, acknowledged: ack } : f;
    });
  }

  forecastsOf(trust: TrustCode): Forecast[] {
    return this.forecasts.get(trust) ?? [];
  }

  setForecasts(trust: TrustCode, forecasts: Forecast[]): boolean {
    const same = JSON.stringify(this.forecastsOf(trust)) === JSON.stringify(forecasts);
    if (!same) this.forecasts.set(trust, forecasts);
    return !same;
  }

  /** The flags as the engine raised them, without acknowledgements. */
  rawFlagsOf(trust: TrustCode): Flag[] {
    return this.flags.get(trust) ?? [];
  }

  async loadAcknowledgements(db: Database): Promise<void> {
    this.acks = await loadAcknowledgements(db);
  }

  reapOf(trust: TrustCode): Picture['reap'] {
    return this.reap.get(trust) ?? STEADY;
  }

  /** Answers whether anything changed. */
  setFlags(trust: TrustCode, flags: Flag[]): boolean {
    const same = JSON.stringify(this.rawFlagsOf(trust)) === JSON.stringify(flags);
    if (!same) this.flags.set(trust, flags);
    return !same;
  }

  setReap(trust: TrustCode, reap: Picture['reap']): boolean {
    const same = JSON.stringify(this.reapOf(trust)) === JSON.stringify(reap);
    if (!same) this.reap.set(trust, reap);
    return !same;
  }

  async load(db: Database): Promise<void> {
    for (const [trust, { flags, forecasts }] of await loadBooks(db)) {
      this.flags.set(trust, flags);
      this.forecasts.set(trust, forecasts);
    }
    for (const [trust, reap] of await currentReapLevels(db)) this.reap.set(trust, reap);
    await this.loadAcknowledgements(db);
  }
}

export interface FlagEvaluatorOptions {
  db: Database;
  log: Logger;
  now: () => Date;
  pictures: PictureService;
  status: TrustStatus;
  /** Tells the screens of a trust a flag was raised or cleared. */
  announce: (trust: TrustCode, change: FlagChange) => void;
}

/**
 * Checks every trust's rules against its picture every few seconds, on one instance (a lease):
 * stores what changed, then shows it. The other instances read the flags the evaluating one
 * stored, so every screen shows the same flags whichever instance it is connected to.
 */
export class FlagEvaluator {
  private readonly options: FlagEvaluatorOptions;
  /** The last half hour of each trust-wide figure a rule watches, sampled at each round. */
  private readonly samples = new Map<string, Sample[]>();
  private readonly lease = new Lease('flags');
  private books: Map<TrustCode, FlagBook> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(options: FlagEvaluatorOptions) {
    this.options = options;
  }

  start(): void {
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch((error: unknown) => this.options.log.error({ err: error }, 'evaluating the thresholds failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, EVALUATE_EVERY_MS);
          this.timer?.unref();
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.lease.release(this.options.db).catch(() => undefined);
  }

  /**
   * Samples each trust-wide figure a rule watches and says, for those rising towards a line not
   * yet crossed, when they will cross it at the current rate.
   */
  private forecast(trust: TrustCode, rules: readonly ThresholdRule[], picture: Picture, raised: readonly Flag[], now: number): Forecast[] {
    const out: Forecast[] = [];
    const seen = new Set<string>();
    for (const rule of rules) {
      const [reading] = readMetric(picture, rule.metric);
      if (!reading || reading.subject !== undefined) continue;
      const key = `${trust}|${rule.metric}`;
      if (!seen.has(key)) {
        seen.add(key);
        const kept = (this.samples.get(key) ?? []).filter((s) => now - s.at <= FORECAST_WINDOW_MS);
        kept.push({ at: now, value: reading.value });
        this.samples.set(key, kept);
      }
      if (picture.stale || raised.some((f) => f.rule === rule.id)) continue;
      const line = (rule.above ?? rule.below)!;
      const minutes = minutesToBreach(this.samples.get(key)!, line, rule.above !== undefined ? 'above' : 'below', now);
      if (minutes === undefined) continue;
      const info = metricInfo(rule.metric);
      out.push({ rule: rule.id, severity: rule.severity, minutes: Math.round(minutes), message: `At this rate: ${info?.label ?? rule.metric} ${rule.above !== undefined ? 'over' : 'under'} ${formatValue(line, info?.unit)} ${aboutMinutes(minutes)}` });
    }
    return out.sort((a, b) => a.minutes - b.minutes);
  }

  /** One round; tests call it to step time themselves. */
  async tick(): Promise<void> {
    const { db, now, pictures, status } = this.options;
    const at = now();
    if (!(await this.lease.hold(db, at))) {
      // Another instance evaluates: show what it stored.
      this.books = undefined;
      for (const [trust, { flags, forecasts }] of await loadBooks(db)) if (status.setFlags(trust, flags) || status.setForecasts(trust, forecasts)) pictures.touch(trust);
      return;
    }
    this.books ??= new Map([...(await loadBooks(db))].map(([trust, { book }]) => [trust, book]));
    const rules = await storedRules(db);
    for (const { code } of TRUSTS) {
      const book = this.books.get(code) ?? {};
      const trustRules = rules.get(code) ?? defaultRules(code);
      const picture = pictures.picture(code, at);
      const result = evaluate({ rules: trustRules, picture, book, now: at.getTime() });
      const forecasts = this.forecast(code, trustRules, picture, result.flags, at.getTime());
      const flagsChanged = JSON.stringify(result.flags) !== JSON.stringify(status.rawFlagsOf(code));
      const forecastsChanged = JSON.stringify(forecasts) !== JSON.stringify(status.forecastsOf(code));
      // A figure moving within its side of the line is not worth a write; a timer starting or stopping is.
      const bookChanged = result.changes.length > 0 || timersOf(result.book) !== timersOf(book);
      if (bookChanged || flagsChanged || forecastsChanged) await saveEvaluation(db, code, { ...result, forecasts }, at);
      this.books.set(code, result.book);
      const shown = status.setFlags(code, result.flags);
      if (status.setForecasts(code, forecasts) || shown) pictures.touch(code);
      for (const change of result.changes) this.options.announce(code, change);
    }
  }
}

function timersOf(book: FlagBook): string {
  return JSON.stringify(Object.entries(book).map(([id, t]) => [id, t.beyondSince, t.raisedAt, t.withinSince]));
}
