import { z } from 'zod';
import { AidQuery, AidRequest, CloseRequest, MAX_LEAD_DAYS, NewOffer, NewRequest, Offer, OfferDecision } from '../../shared/mutualAid/schemas.ts';
import { findTrust, TRUSTS, type RegionCode } from '../../shared/reference/trusts.ts';
import { canReadAid, type AccessRule } from '../auth/policy.ts';
import type { AppContext } from '../context.ts';
import { conflict, forbidden, invalidInput, notFound } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { authorOf, type IncidentService } from '../incidents/service.ts';
import { readIncident } from '../incidents/store.ts';
import type { MutualAidService } from './service.ts';
import { listRequests, newOfferId, readRequest } from './store.ts';

const IdParam = z.object({ id: z.uuid() }).strict();
const OfferParams = IdParam.extend({ offerId: z.uuid() }).strict();

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export function mutualAidRoutes(ctx: AppContext, aid: MutualAidService, incidents: IncidentService): Route[] {
  /** Who may act on a request: for the asking trust (deciding, closing), by the request's trust. */
  const forRequester = async ({ params }: { params: { id: string } }): Promise<AccessRule> => {
    const request = await readRequest(ctx.db, params.id);
    return request ? { kind: 'actOnAid', trust: request.trust } : { kind: 'signedIn' };
  };
  const readable = async ({ params }: { params: { id: string } }): Promise<AccessRule> => {
    const request = await readRequest(ctx.db, params.id);
    return request ? { kind: 'readAid', trust: request.trust, asked: request.askedTrusts } : { kind: 'signedIn' };
  };
  /** Other instances reload the open requests, so their region pictures show the change too. */
  const shared = (request: AidRequest) => {
    ctx.live.shareTrustStatus(request.trust);
    return request;
  };
  const load = async (id: string) => {
    const request = await readRequest(ctx.db, id);
    if (!request) throw notFound(`No mutual-aid request ${id}.`);
    return request;
  };

  return [
    defineRoute({
      method: 'post',
      path: '/mutual-aid',
      summary:
        'Asks for mutual aid for a trust (a duty manager of the trust, or a coordinator of its region on its behalf): resources by kind and quantity, the window, the reason, the linked incident (the trust’s active one by default) and the trusts asked (the rest of its region by default; any trust may be named).',
      body: NewRequest,
      access: ({ body }) => ({ kind: 'actOnAid', trust: body.trust }),
      status: 201,
      response: AidRequest,
      async handler({ body, principal }) {
        const at = ctx.now();
        const trust = findTrust(body.trust)!;
        const issues: { path: string; message: string }[] = [];
        const from = new Date(body.neededFrom);
        if (from.getTime() < at.getTime() - DAY) issues.push({ path: 'neededFrom', message: 'is more than a day ago: ask for what is needed now or later' });
        if (from.getTime() > at.getTime() + MAX_LEAD_DAYS * DAY) issues.push({ path: 'neededFrom', message: `is more than ${MAX_LEAD_DAYS} days ahead` });
        const asked = body.askedTrusts ?? TRUSTS.filter((t) => t.region === trust.region && t.code !== trust.code).map((t) => t.code);
        if (asked.length === 0) issues.push({ path: 'askedTrusts', message: `${trust.shortName}’s region has no other trust: name the trusts asked` });
        let incidentId: string | null = incidents.activeOf(body.trust)?.id ?? null;
        if (body.incidentId) {
          const incident = await readIncident(ctx.db, body.incidentId);
          if (!incident || incident.trust !== body.trust) issues.push({ path: 'incidentId', message: `is not an incident of ${trust.shortName}` });
          else if (incident.status !== 'active') throw conflict('incident_stood_down', 'The linked incident has been stood down: link the active one, or none.');
          incidentId = body.incidentId;
        }
        if (issues.length) throw invalidInput(issues);
        const regions = [...new Set<RegionCode>([trust.region, ...asked.map((t) => findTrust(t)!.region)])];
        return shared(await aid.request({
          trust: body.trust,
          region: trust.region,
          incidentId,
          resources: body.resources,
          neededFrom: from,
          neededUntil: body.neededUntil ? new Date(body.neededUntil) : null,
          reason: body.reason,
          askedTrusts: asked,
          regions,
          at,
          by: authorOf(principal),
        }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/mutual-aid',
      summary: 'Mutual-aid requests the reader may see, newest first: of a region (any trust of it asking or asked), of a trust (asking or asked), by status.',
      query: AidQuery,
      access: { kind: 'signedIn' },
      response: z.array(AidRequest),
      async handler({ query, principal }) {
        const requests = await listRequests(ctx.db, query);
        return requests.filter((r) => principal && canReadAid(principal, { trust: r.trust, asked: r.askedTrusts }));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/mutual-aid/:id',
      summary: 'One mutual-aid request with its offers and what is still unfilled.',
      params: IdParam,
      access: readable,
      response: AidRequest,
      handler: ({ params }) => load(params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/mutual-aid/:id/offers',
      summary: 'Offers resources against an open request (a duty manager of a trust asked, or a coordinator of its region), with when they can be there. 409 once the request is closed.',
      params: IdParam,
      body: NewOffer,
      access: ({ body }) => ({ kind: 'actOnAid', trust: body.trust }),
      status: 201,
      response: Offer,
      async handler({ params, body, principal }) {
        const request = await load(params.id);
        if (!request.askedTrusts.includes(body.trust)) throw forbidden(`${body.trust} was not asked for this request; the trusts asked are ${request.askedTrusts.join(', ')}.`);
        const kinds = new Set(request.resources.map((r) => r.kind));
        const issues = body.resources.flatMap((line, i) => (kinds.has(line.kind) ? [] : [{ path: `resources.${i}.kind`, message: `${line.kind} was not asked for` }]));
        const at = ctx.now();
        if (Date.parse(body.eta) < at.getTime() - HOUR) issues.push({ path: 'eta', message: 'is more than an hour ago' });
        if (issues.length) throw invalidInput(issues);
        const offer: Offer = {
          id: newOfferId(),
          trust: body.trust,
          resources: body.resources,
          eta: new Date(body.eta).toISOString(),
          ...(body.note ? { note: body.note } : {}),
          status: 'pending',
          offeredAt: at.toISOString(),
          offeredBy: authorOf(principal),
        };
        const after = shared(await aid.offer(params.id, offer));
        return after.offers.find((o) => o.id === offer.id)!;
      },
    }),
    ...(['accept', 'decline'] as const).map((verb) =>
      defineRoute({
        method: 'post',
        path: `/mutual-aid/:id/offers/:offerId/${verb}`,
        summary: `${verb === 'accept' ? 'Accepts' : 'Declines'} a pending offer (a duty manager of the asking trust, or a coordinator of its region), with an optional reason. 409 when the offer is decided or the request closed.`,
        params: OfferParams,
        body: OfferDecision,
        access: forRequester,
        response: AidRequest,
        handler: async ({ params, body, principal }) => shared(await aid.decide(params.id, { type: verb, offerId: params.offerId, at: ctx.now().toISOString(), by: authorOf(principal), reason: body.reason })),
      }),
    ),
    defineRoute({
      method: 'post',
      path: '/mutual-aid/:id/close',
      summary: 'Closes an open request as fulfilled (once an offer is accepted) or withdrawn (the same people as accept); offers not decided lapse. 409 once closed.',
      params: IdParam,
      body: CloseRequest,
      access: forRequester,
      response: AidRequest,
      handler: async ({ params, body, principal }) => shared(await aid.close(params.id, { ...body, by: authorOf(principal) })),
    }),
  ];
}
