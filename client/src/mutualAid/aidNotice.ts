import { type AidRequest, describeLines } from '../../../shared/mutualAid/schemas.ts';
import { findTrust, type TrustCode } from '../../../shared/reference/trusts.ts';
import { openRequests } from './liveAid.ts';

/** The mutual-aid panel's id on the trust page: every line of the notice links to it. */
export const AID_PANEL_ID = 'mutual-aid';

/**
 * What a line of the notice is about. The first two ask the trust to act; the others are to watch.
 * - `decide`: offers on the trust's own open requests wait for its decision.
 * - `asked`: another trust asks this one for help, and it has not offered (or its offer was declined).
 * - `request`: how far the trust's own open request is filled.
 * - `offered`: the trust's offer on another's open request waits for a decision (`pending`), or was
 *   accepted (`accepted`): crews it has committed.
 */
export type AidNoticeKind = 'decide' | 'asked' | 'request' | 'offered';

export interface AidNoticeLine {
  kind: AidNoticeKind;
  /** Stable across updates, for React. */
  key: string;
  text: string;
  /** For `offered`: where the offer stands. */
  status?: 'pending' | 'accepted';
}

const shortName = (code: string) => findTrust(code)?.shortName ?? code;
const oldestFirst = (a: AidRequest, b: AidRequest) => a.requestedAt.localeCompare(b.requestedAt);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "4 of 6 DSA accepted, 2 unfilled"; with several kinds, "4 of 6 DSA, 0 of 2 call handlers accepted; 2 DSA, 2 call handlers unfilled". */
function progress(request: AidRequest): string {
  const accepted = request.filled.map((f) => `${f.accepted} of ${describeLines([{ kind: f.kind, quantity: f.asked }])}`).join(', ');
  const short = request.filled.filter((f) => f.unfilled > 0);
  if (short.length === 0) return `${accepted} accepted, all filled`;
  if (request.filled.length === 1) return `${accepted} accepted, ${short[0]!.unfilled} unfilled`;
  return `${accepted} accepted; ${describeLines(short.map((f) => ({ kind: f.kind, quantity: f.unfilled })))} unfilled`;
}

/**
 * The lines of the compact mutual-aid notice at the top of a trust's page: what the trust has to
 * act on (offers to decide, requests asking it for help) and then what it watches (its own
 * requests filling up, its offers). Only open requests count; none gives no line, and no notice.
 *
 * Example, for NEAS (RX6) asking YAS for 6 DSA, YAS having offered 4, still pending:
 * for RX6 → ["1 offer waiting for your decision", "Your request: 0 of 6 DSA accepted, 6 unfilled"];
 * for RX8 → ["Your offer to NEAS: 4 DSA, waiting for their decision"].
 */
export function aidNoticeLines(trust: TrustCode, requests: readonly AidRequest[]): AidNoticeLine[] {
  const open = openRequests(requests).sort(oldestFirst);
  const ours = open.filter((r) => r.trust === trust);
  const ofUs = open.filter((r) => r.trust !== trust && r.askedTrusts.includes(trust));
  const lines: AidNoticeLine[] = [];

  const waiting = ours.reduce((n, r) => n + r.offers.filter((o) => o.status === 'pending').length, 0);
  if (waiting > 0) lines.push({ kind: 'decide', key: 'decide', text: `${plural(waiting, 'offer', 'offers')} waiting for your decision` });

  for (const request of ofUs) {
    const standing = request.offers.some((o) => o.trust === trust && (o.status === 'pending' || o.status === 'accepted'));
    const short = request.filled.filter((f) => f.unfilled > 0);
    if (standing || short.length === 0) continue;
    const partly = short.some((f) => f.unfilled < f.asked) || short.length < request.filled.length;
    const rest = partly ? `; ${describeLines(short.map((f) => ({ kind: f.kind, quantity: f.unfilled })))} still unfilled` : '';
    lines.push({ kind: 'asked', key: `asked-${request.id}`, text: `${shortName(request.trust)} asks you for ${describeLines(request.resources)}${rest}` });
  }

  for (const request of ours) lines.push({ kind: 'request', key: `request-${request.id}`, text: `Your request: ${progress(request)}` });

  for (const request of ofUs) {
    for (const offer of request.offers.filter((o) => o.trust === trust)) {
      if (offer.status !== 'pending' && offer.status !== 'accepted') continue;
      const what = `Your offer to ${shortName(request.trust)}: ${describeLines(offer.resources)}`;
      lines.push({ kind: 'offered', key: `offered-${offer.id}`, status: offer.status, text: offer.status === 'pending' ? `${what}, waiting for their decision` : `${what}, accepted` });
    }
  }
  return lines;
}
