import type { Author } from '../../shared/incidents/schemas.ts';
import { describeLines, type AidRequest, type Offer } from '../../shared/mutualAid/schemas.ts';
import { findTrust, type RegionCode, type TrustCode } from '../../shared/reference/trusts.ts';
import { ukClock, ukDate, ukLocal } from '../../shared/time/ukFormat.ts';
import type { Database } from '../db/database.ts';
import type { IncidentService } from '../incidents/service.ts';
import type { AidStep } from './lifecycle.ts';
import { createRequest, openRequests, takeStep, type NewAidRequest } from './store.ts';

/** Where a change to a request is pushed: the trusts and regions involved. */
export interface AidAnnouncer {
  aidUpdated(request: AidRequest, trusts: readonly TrustCode[], regions: readonly RegionCode[]): void;
}

const shortName = (trust: TrustCode) => findTrust(trust)?.shortName ?? trust;
const names = (trusts: readonly TrustCode[]) => trusts.map(shortName).join(', ');
/** "1 Dec 2026, 22:54 GMT": the day, the clock and the zone, right across a clock change. */
const ukTime = (iso: string) => {
  const at = new Date(iso);
  return `${ukDate(at)}, ${ukClock(at)} ${ukLocal(at).zone}`;
};

/**
 * Mutual aid as the rest of the server sees it: the open requests (for the region pictures),
 * and every step, stored, then pushed to everyone involved and written into the incident logs
 * of the trusts involved (the asking trust's linked incident, and each other trust's active one).
 */
export class MutualAidService {
  private open = new Map<string, AidRequest>();
  private readonly db: Database;
  private readonly now: () => Date;
  private readonly incidents: IncidentService;
  private announcer: AidAnnouncer | undefined;
  private readonly changeListeners = new Set<(trusts: readonly TrustCode[]) => void>();

  constructor(options: { db: Database; now: () => Date; incidents: IncidentService }) {
    this.db = options.db;
    this.now = options.now;
    this.incidents = options.incidents;
  }

  announceThrough(announcer: AidAnnouncer): void {
    this.announcer = announcer;
  }

  /** Hears which trusts' region pictures a change touched. */
  onChange(listener: (trusts: readonly TrustCode[]) => void): void {
    this.changeListeners.add(listener);
  }

  async load(): Promise<void> {
    const before = [...this.open.values()];
    this.open = new Map((await openRequests(this.db)).map((r) => [r.id, r]));
    const touched = new Set<TrustCode>();
    for (const r of [...before, ...this.open.values()]) for (const t of involvedTrusts(r)) touched.add(t);
    if (touched.size) this.changed([...touched]);
  }

  /** Open requests any trust of the region asks or is asked in, oldest first. */
  openForRegion(region: RegionCode): AidRequest[] {
    return [...this.open.values()].filter((r) => r.regions.includes(region)).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  }

  private changed(trusts: readonly TrustCode[]): void {
    for (const listener of this.changeListeners) listener(trusts);
  }

  private remember(request: AidRequest): void {
    if (request.status === 'open') this.open.set(request.id, request);
    else this.open.delete(request.id);
    const trusts = involvedTrusts(request);
    this.changed(trusts);
    this.announcer?.aidUpdated(request, trusts, request.regions);
  }

  async request(input: NewAidRequest): Promise<AidRequest> {
    const request = await createRequest(this.db, input);
    this.remember(request);
    const window = `from ${ukTime(request.neededFrom)}${request.neededUntil ? ` to ${ukTime(request.neededUntil)}` : ''}`;
    await this.logToRequester(request, `Mutual aid requested by ${input.by.displayName} for ${shortName(request.trust)}: ${describeLines(request.resources)} ${window}; asked ${names(request.askedTrusts)}.`, request.reason);
    await this.logToTrusts(request.askedTrusts, `${shortName(request.trust)} asks for mutual aid: ${describeLines(request.resources)} ${window}.`, request.reason);
    return request;
  }

  async offer(id: string, offer: Offer): Promise<AidRequest> {
    const { after } = await takeStep(this.db, id, { type: 'offer', offer }, { at: this.now(), by: offer.offeredBy });
    this.remember(after);
    const text = `${shortName(offer.trust)} offers ${describeLines(offer.resources)} to ${shortName(after.trust)}, there by ${ukTime(offer.eta)} (offered by ${offer.offeredBy.displayName}).`;
    await this.logToRequester(after, text, offer.note);
    await this.logToTrusts([offer.trust], text, offer.note);
    return after;
  }

  async decide(id: string, action: Extract<AidStep, { type: 'accept' | 'decline' }>): Promise<AidRequest> {
    const { after } = await takeStep(this.db, id, action, { at: new Date(action.at), by: action.by });
    this.remember(after);
    const offer = after.offers.find((o) => o.id === action.offerId)!;
    const verb = action.type === 'accept' ? 'accepted' : 'declined';
    const text = `${shortName(after.trust)} ${verb} the offer of ${describeLines(offer.resources)} from ${shortName(offer.trust)} (${action.by.displayName}).`;
    await this.logToRequester(after, text, action.reason);
    await this.logToTrusts([offer.trust], text, action.reason);
    return after;
  }

  async close(id: string, input: { outcome: 'fulfilled' | 'withdrawn'; note?: string | undefined; by: Author }): Promise<AidRequest> {
    const { after } = await takeStep(this.db, id, { type: 'close', outcome: input.outcome }, { at: this.now(), by: input.by, note: input.note });
    this.remember(after);
    const accepted = after.offers.filter((o) => o.status === 'accepted');
    const text =
      input.outcome === 'fulfilled'
        ? `Mutual aid request of ${shortName(after.trust)} closed as fulfilled by ${input.by.displayName}: ${accepted.map((o) => `${describeLines(o.resources)} from ${shortName(o.trust)}`).join('; ')}.`
        : `Mutual aid request of ${shortName(after.trust)} withdrawn by ${input.by.displayName}.`;
    await this.logToRequester(after, text, input.note);
    await this.logToTrusts(involvedTrusts(after).filter((t) => t !== after.trust), text, input.note);
    return after;
  }

  private async logToRequester(request: AidRequest, text: string, detail?: string): Promise<void> {
    if (request.incidentId) await this.incidents.logSystemTo(request.incidentId, request.trust, text, detail);
    else await this.incidents.logSystem(request.trust, text, detail);
  }

  private async logToTrusts(trusts: readonly TrustCode[], text: string, detail?: string): Promise<void> {
    for (const trust of trusts) await this.incidents.logSystem(trust, text, detail);
  }
}

/** The asking trust, every trust asked and every trust that offered. */
export function involvedTrusts(request: Pick<AidRequest, 'trust' | 'askedTrusts' | 'offers'>): TrustCode[] {
  return [...new Set([request.trust, ...request.askedTrusts, ...request.offers.map((o) => o.trust)])];
}
