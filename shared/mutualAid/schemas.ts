import { z } from 'zod';
import { RegionCodeSchema, TrustCodeSchema } from '../auth/schemas.ts';
import { Author } from '../incidents/schemas.ts';

/**
 * Mutual aid between trusts (CONTRACT.md "Mutual aid"). A trust in trouble, or its region's
 * coordinator on its behalf, asks named trusts (by default the other trusts of its region; any
 * trust of any region may be named) for resources over a window; the asked trusts offer; the
 * requester accepts or declines each offer, and closes the request as fulfilled or withdrawn.
 *
 * The lifecycle, with what each step needs (server/mutualAid/lifecycle.ts enforces it; anything
 * else is a 409):
 *
 *   request  open ──close(fulfilled: needs an accepted offer)──▶ fulfilled
 *                 └─close(withdrawn)──────────────────────────▶ withdrawn
 *   offer    pending ──accept──▶ accepted      (request open)
 *                    └─decline─▶ declined      (request open)
 *                    └─(request closed)──▶ lapsed
 */
export const AID_KINDS = ['DSA', 'RRV', 'HART', 'call_handlers', 'clinicians'] as const;
export const AidKind = z.enum(AID_KINDS, { error: `must be one of ${AID_KINDS.join(', ')}` });
export type AidKind = z.infer<typeof AidKind>;

export const AID_KIND_NAMES: Record<AidKind, string> = {
  DSA: 'Double-staffed ambulances',
  RRV: 'Rapid response vehicles',
  HART: 'HART teams',
  call_handlers: 'Call handlers',
  clinicians: 'Clinicians',
};

export const REQUEST_STATUSES = ['open', 'fulfilled', 'withdrawn'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES, { error: `must be one of ${REQUEST_STATUSES.join(', ')}` });
export type RequestStatus = z.infer<typeof RequestStatus>;

export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'lapsed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** The most of one kind a request or offer may name: more than any trust has. */
export const MAX_QUANTITY = 500;
/** How far ahead a request's window may start, and how long it may run. */
export const MAX_LEAD_DAYS = 14;
export const MAX_WINDOW_DAYS = 14;

export const AidLine = z.object({
  kind: AidKind,
  quantity: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`),
});
export type AidLine = z.infer<typeof AidLine>;

const Lines = z
  .array(AidLine, { error: 'must be a list of { kind, quantity }' })
  .min(1, 'name at least one kind of resource')
  .max(AID_KINDS.length)
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      if (seen.has(line.kind)) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: `${line.kind} is named twice: give one quantity` });
      seen.add(line.kind);
    });
  });

const instant = (what: string) => z.iso.datetime({ offset: true, error: `${what} must be an ISO 8601 date-time with an offset` });
const note = (max: number) => z.string().trim().min(1, 'is empty: leave it out instead').max(max, `must be at most ${max.toLocaleString('en-GB')} characters`);

export const NewRequest = z
  .object({
    trust: TrustCodeSchema,
    incidentId: z.uuid({ error: 'must be an incident id' }).optional(),
    resources: Lines,
    neededFrom: instant('neededFrom'),
    neededUntil: instant('neededUntil').optional(),
    reason: z.string({ error: 'a reason is required' }).trim().min(1, 'a reason is required').max(4000, 'must be at most 4,000 characters'),
    askedTrusts: z.array(TrustCodeSchema).min(1, 'name at least one trust, or leave it out to ask the rest of the region').max(10).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.neededUntil && Date.parse(r.neededUntil) <= Date.parse(r.neededFrom)) ctx.addIssue({ code: 'custom', path: ['neededUntil'], message: 'must be after neededFrom' });
    if (r.neededUntil && Date.parse(r.neededUntil) - Date.parse(r.neededFrom) > MAX_WINDOW_DAYS * 86_400_000) ctx.addIssue({ code: 'custom', path: ['neededUntil'], message: `a window runs at most ${MAX_WINDOW_DAYS} days` });
    if (r.askedTrusts?.includes(r.trust)) ctx.addIssue({ code: 'custom', path: ['askedTrusts'], message: 'a trust does not ask itself' });
    if (r.askedTrusts && new Set(r.askedTrusts).size !== r.askedTrusts.length) ctx.addIssue({ code: 'custom', path: ['askedTrusts'], message: 'names a trust twice' });
  });
export type NewRequest = z.infer<typeof NewRequest>;

export const NewOffer = z
  .object({
    trust: TrustCodeSchema,
    resources: Lines,
    eta: instant('eta'),
    note: note(2000).optional(),
  })
  .strict();
export type NewOffer = z.infer<typeof NewOffer>;

export const OfferDecision = z.object({ reason: note(2000).optional() }).strict();
export type OfferDecision = z.infer<typeof OfferDecision>;

export const CloseRequest = z.object({ outcome: z.enum(['fulfilled', 'withdrawn'], { error: 'must be fulfilled or withdrawn' }), note: note(2000).optional() }).strict();
export type CloseRequest = z.infer<typeof CloseRequest>;

export const Offer = z.object({
  id: z.string(),
  trust: TrustCodeSchema,
  resources: z.array(AidLine),
  eta: z.string(),
  note: z.string().optional(),
  status: z.enum(OFFER_STATUSES),
  offeredAt: z.string(),
  offeredBy: Author,
  decidedAt: z.string().optional(),
  decidedBy: Author.optional(),
  decisionReason: z.string().optional(),
});
export type Offer = z.infer<typeof Offer>;

export const AidRequest = z.object({
  id: z.string(),
  trust: TrustCodeSchema,
  region: RegionCodeSchema,
  incidentId: z.string().nullable(),
  resources: z.array(AidLine),
  neededFrom: z.string(),
  neededUntil: z.string().nullable(),
  reason: z.string(),
  askedTrusts: z.array(TrustCodeSchema),
  /** The regions of the requester and of every trust asked. */
  regions: z.array(RegionCodeSchema),
  status: RequestStatus,
  requestedAt: z.string(),
  requestedBy: Author,
  closedAt: z.string().nullable(),
  closedBy: Author.nullable(),
  closeNote: z.string().nullable(),
  offers: z.array(Offer),
  /** What accepted offers cover of each kind asked, and what is still unfilled. */
  filled: z.array(z.object({ kind: AidKind, asked: z.number().int(), accepted: z.number().int(), offered: z.number().int(), unfilled: z.number().int() })),
  updatedAt: z.string(),
});
export type AidRequest = z.infer<typeof AidRequest>;

export const AidQuery = z
  .object({
    region: RegionCodeSchema.optional(),
    trust: TrustCodeSchema.optional(),
    status: RequestStatus.optional(),
  })
  .strict();
export type AidQuery = z.infer<typeof AidQuery>;

/** What is accepted, offered and still unfilled of each kind asked. Pure. */
export function filledOf(resources: readonly AidLine[], offers: readonly Pick<Offer, 'resources' | 'status'>[]): AidRequest['filled'] {
  return resources.map(({ kind, quantity }) => {
    const sum = (statuses: readonly OfferStatus[]) => offers.filter((o) => statuses.includes(o.status)).reduce((n, o) => n + (o.resources.find((l) => l.kind === kind)?.quantity ?? 0), 0);
    const accepted = sum(['accepted']);
    return { kind, asked: quantity, accepted, offered: sum(['pending', 'accepted']), unfilled: Math.max(0, quantity - accepted) };
  });
}

/** "5 DSA, 2 RRV" */
export function describeLines(lines: readonly AidLine[]): string {
  return lines.map((l) => `${l.quantity} ${l.kind === 'call_handlers' ? 'call handlers' : l.kind}`).join(', ');
}
