import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/incidents/schemas.ts';
import type { AidRequest, Offer } from '../../shared/mutualAid/schemas.ts';
import type { RegionPicture } from '../../shared/picture/region.ts';
import type { ApiClient } from '../support/http.ts';
import { databaseKinds, useTestServer } from '../support/server.ts';
import { connected, openSocket, type TestSocket } from '../support/socket.ts';
import { until } from '../support/until.ts';

const kinds = await databaseKinds();

const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const ask = (extra: object = {}) => ({ trust: 'RX6', resources: [{ kind: 'DSA', quantity: 6 }, { kind: 'call_handlers', quantity: 2 }], neededFrom: soon(30), neededUntil: soon(8 * 60), reason: 'Over 200 waiting; 40 crews held at hospitals.', ...extra });
const issuesOf = (body: unknown) => (body as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
const errorOf = (body: unknown) => (body as { error: string }).error;

describe.each(kinds)('mutual aid on %s', (kind) => {
  const t = useTestServer(kind);
  let dmRX6: ApiClient;
  let dmRX8: ApiClient;
  let dmRYC: ApiClient;
  let dmRRU: ApiClient;
  let execRX6: ApiClient;
  let coordY63: ApiClient;
  let coordY61: ApiClient;
  let coordY56: ApiClient;
  let incidentRX6: Incident;
  let incidentRX8: Incident;

  beforeAll(async () => {
    dmRX6 = await t.signedIn({ username: 'dm-rx6', role: 'duty_manager', trust: 'RX6', displayName: 'Jo North' });
    dmRX8 = await t.signedIn({ username: 'dm-rx8', role: 'duty_manager', trust: 'RX8', displayName: 'Sam Yorkshire' });
    dmRYC = await t.signedIn({ username: 'dm-ryc', role: 'duty_manager', trust: 'RYC' });
    dmRRU = await t.signedIn({ username: 'dm-rru', role: 'duty_manager', trust: 'RRU', displayName: 'Ali London' });
    execRX6 = await t.signedIn({ username: 'exec-rx6', role: 'executive', trust: 'RX6' });
    coordY63 = await t.signedIn({ username: 'coord-y63', role: 'coordinator', region: 'Y63', displayName: 'Pat Region' });
    coordY61 = await t.signedIn({ username: 'coord-y61', role: 'coordinator', region: 'Y61' });
    coordY56 = await t.signedIn({ username: 'coord-y56', role: 'coordinator', region: 'Y56' });
    incidentRX6 = (await dmRX6.post<Incident>('/api/v1/incidents', { trust: 'RX6', level: 'critical', title: 'Handover delays', reason: '200 waiting' })).body;
    incidentRX8 = (await dmRX8.post<Incident>('/api/v1/incidents', { trust: 'RX8', level: 'business_continuity', title: 'Fleet shortage', reason: 'Workshop backlog' })).body;
  });

  it('refuses a bad request whole, with every problem named', async () => {
    const bad = await dmRX6.post('/api/v1/mutual-aid', {
      trust: 'RX6',
      resources: [{ kind: 'DSA', quantity: 0 }, { kind: 'DSA', quantity: 2 }, { kind: 'boats', quantity: 1 }],
      neededFrom: soon(60),
      neededUntil: soon(30),
      reason: '',
      askedTrusts: ['RX6'],
    });
    expect(bad.status).toBe(400);
    expect(issuesOf(bad.body)).toEqual(['reason', 'resources.0.quantity', 'resources.2.kind']);
    // Once each field is right, how they fit together.
    const inconsistent = await dmRX6.post('/api/v1/mutual-aid', ask({ resources: [{ kind: 'DSA', quantity: 1 }, { kind: 'DSA', quantity: 2 }], neededUntil: soon(10), askedTrusts: ['RX6'] }));
    expect(issuesOf(inconsistent.body)).toEqual(['askedTrusts', 'neededUntil', 'resources.1.kind']);
    const past = await dmRX6.post('/api/v1/mutual-aid', ask({ neededFrom: new Date(Date.now() - 3 * 86_400_000).toISOString(), neededUntil: undefined }));
    expect(issuesOf(past.body)).toEqual(['neededFrom']);
    // London is a region of one trust: it must say whom it asks.
    const alone = await dmRRU.post('/api/v1/mutual-aid', ask({ trust: 'RRU' }));
    expect(issuesOf(alone.body)).toEqual(['askedTrusts']);
    expect((await dmRX6.post('/api/v1/mutual-aid', ask({ incidentId: incidentRX8.id }))).status).toBe(400);
    expect((await execRX6.post('/api/v1/mutual-aid', ask())).status).toBe(403);
    expect((await coordY61.post('/api/v1/mutual-aid', ask())).status).toBe(403);
    expect((await dmRX8.post('/api/v1/mutual-aid', ask())).status).toBe(403);
  });

  it('runs a request through offers, a decline, an acceptance and fulfilment, each step pushed live and written into both trusts’ incident logs', async () => {
    const sockets: TestSocket[] = [];
    const open = async (client: ApiClient, subscription: { trust: string } | { region: string }) => {
      const socket = openSocket(t.url, { client });
      sockets.push(socket);
      await connected(socket);
      await socket.emitWithAck('picture.subscribe', subscription as never);
      const seen: AidRequest[] = [];
      socket.on('mutualAid.updated', ({ request }) => seen.push(request));
      return seen;
    };
    try {
      const atRX6 = await open(dmRX6, { trust: 'RX6' });
      const atRX8 = await open(dmRX8, { trust: 'RX8' });
      const atRegion = await open(coordY63, { region: 'Y63' });

      const created = await dmRX6.post<AidRequest>('/api/v1/mutual-aid', ask());
      expect(created.status).toBe(201);
      const request = created.body;
      expect(request).toMatchObject({ trust: 'RX6', region: 'Y63', status: 'open', askedTrusts: ['RX8'], regions: ['Y63'], incidentId: incidentRX6.id, requestedBy: { displayName: 'Jo North' }, offers: [] });
      expect(request.filled).toEqual([
        { kind: 'DSA', asked: 6, accepted: 0, offered: 0, unfilled: 6 },
        { kind: 'call_handlers', asked: 2, accepted: 0, offered: 0, unfilled: 2 },
      ]);
      const region = (await coordY63.get<RegionPicture>('/api/v1/regions/Y63/picture')).body;
      expect(region.mutualAid.map((r) => r.id)).toEqual([request.id]);

      // Offers: from the trust asked, by its duty manager and by the region's coordinator for it.
      expect((await dmRYC.post(`/api/v1/mutual-aid/${request.id}/offers`, { trust: 'RYC', resources: [{ kind: 'DSA', quantity: 1 }], eta: soon(60) })).status).toBe(403);
      expect((await dmRX6.post(`/api/v1/mutual-aid/${request.id}/offers`, { trust: 'RX8', resources: [{ kind: 'DSA', quantity: 1 }], eta: soon(60) })).status).toBe(403);
      const wrongKind = await dmRX8.post(`/api/v1/mutual-aid/${request.id}/offers`, { trust: 'RX8', resources: [{ kind: 'HART', quantity: 1 }], eta: soon(60) });
      expect(issuesOf(wrongKind.body)).toEqual(['resources.0.kind']);
      const first = await dmRX8.post<Offer>(`/api/v1/mutual-aid/${request.id}/offers`, { trust: 'RX8', resources: [{ kind: 'DSA', quantity: 4 }], eta: soon(90), note: 'Four crews from Leeds.' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ trust: 'RX8', status: 'pending', offeredBy: { displayName: 'Sam Yorkshire' } });
      const second = await coordY63.post<Offer>(`/api/v1/mutual-aid/${request.id}/offers`, { trust: 'RX8', resources: [{ kind: 'call_handlers', quantity: 2 }], eta: soon(240) });
      expect(second.status).toBe(201);

      // Decisions: by the asking trust or its coordinator, once each.
      expect((await dmRX8.post(`/api/v1/mutual-aid/${request.id}/offers/${first.body.id}/accept`, {})).status).toBe(403);
      expect((await dmRX6.post(`/api/v1/mutual-aid/${request.id}/close`, { outcome: 'fulfilled' })).status).toBe(409);
      const accepted = await dmRX6.post<AidRequest>(`/api/v1/mutual-aid/${request.id}/offers/${first.body.id}/accept`, {});
      expect(accepted.status).toBe(200);
      expect(accepted.body.filled[0]).toEqual({ kind: 'DSA', asked: 6, accepted: 4, offered: 4, unfilled: 2 });
      const again = await dmRX6.post(`/api/v1/mutual-aid/${request.id}/offers/${first.body.id}/decline`, {});
      expect([again.status, errorOf(again.body)]).toEqual([409, 'offer_decided']);
      expect((await coordY63.post<AidRequest>(`/api/v1/mutual-aid/${request.id}/offers/${second.body.id}/decline`, { reason: 'Our own handlers are back.' })).status).toBe(200);
      expect((await dmRX6.post(`/api/v1/mutual-aid/${request.id}/offers/00000000-0000-4000-8000-000000000000/accept`, {})).status).toBe(404);

      const closed = await dmRX6.post<AidRequest>(`/api/v1/mutual-aid/${request.id}/close`, { outcome: 'fulfilled', note: 'Four crews on the road by 16:00.' });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ status: 'fulfilled', closedBy: { displayName: 'Jo North' }, closeNote: 'Four crews on the road by 16:00.' });
      for (const [path, body] of [
        [`/api/v1/mutual-aid/${request.id}/close`, { outcome: 'withdrawn' }],
        [`/api/v1/mutual-aid/${request.id}/offers`, { trust: 'RX8', resources: [{ kind: 'DSA', quantity: 1 }], eta: soon(60) }],
        [`/api/v1/mutual-aid/${request.id}/offers/${second.body.id}/accept`, {}],
      ] as const) {
        const answer = await (path.endsWith('/offers') ? dmRX8 : dmRX6).post(path, body);
        expect([answer.status, errorOf(answer.body)], path).toEqual([409, 'request_closed']);
      }
      expect((await coordY63.get<RegionPicture>('/api/v1/regions/Y63/picture')).body.mutualAid).toEqual([]);

      // Every step reached the asking trust, the trust asked and the region, in order.
      const steps = (seen: AidRequest[]) => seen.filter((r) => r.id === request.id).map((r) => `${r.status}/${r.offers.map((o) => o.status).join(',')}`);
      const story = ['open/', 'open/pending', 'open/pending,pending', 'open/accepted,pending', 'open/accepted,declined', 'fulfilled/accepted,declined'];
      for (const seen of [atRX6, atRX8, atRegion]) await until('every step on the socket', () => Promise.resolve(steps(seen)), (s) => s.length === story.length);
      for (const seen of [atRX6, atRX8, atRegion]) expect(steps(seen)).toEqual(story);

      // The incident logs tell the story afterwards.
      const logOf = async (incident: Incident) => (await coordY63.get<Incident>(`/api/v1/incidents/${incident.id}`)).body.log.filter((e) => e.kind === 'system').map((e) => e.text);
      const rx6 = await logOf(incidentRX6);
      const story6 = [
        'Mutual aid requested by Jo North for NEAS: 6 DSA, 2 call handlers',
        'YAS offers 4 DSA to NEAS, there by',
        'YAS offers 2 call handlers to NEAS, there by',
        'NEAS accepted the offer of 4 DSA from YAS (Jo North)',
        'NEAS declined the offer of 2 call handlers from YAS (Pat Region)',
        'Mutual aid request of NEAS closed as fulfilled by Jo North: 4 DSA from YAS',
      ];
      const positions = story6.map((prefix) => rx6.findIndex((text) => text.startsWith(prefix)));
      expect(positions.every((p) => p >= 0), JSON.stringify(rx6)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      const rx8 = await logOf(incidentRX8);
      expect(rx8.some((text) => text.startsWith('NEAS asks for mutual aid: 6 DSA, 2 call handlers'))).toBe(true);
      expect(rx8.some((text) => text.startsWith('YAS offers 4 DSA to NEAS'))).toBe(true);
      expect(rx8.some((text) => text.startsWith('NEAS accepted the offer of 4 DSA from YAS'))).toBe(true);
      expect(rx8.some((text) => text.startsWith('Mutual aid request of NEAS closed as fulfilled'))).toBe(true);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });

  it('asks across regions when named, shows the request in both regions, and withdraws it', async () => {
    const crossing = await coordY63.post<AidRequest>('/api/v1/mutual-aid', ask({ trust: 'RX8', askedTrusts: ['RRU', 'RX6'], resources: [{ kind: 'HART', quantity: 1 }] }));
    expect(crossing.status).toBe(201);
    expect(crossing.body).toMatchObject({ trust: 'RX8', requestedBy: { displayName: 'Pat Region' }, regions: ['Y63', 'Y56'], incidentId: incidentRX8.id });
    expect((await coordY56.get<RegionPicture>('/api/v1/regions/Y56/picture')).body.mutualAid.map((r) => r.id)).toEqual([crossing.body.id]);
    const offer = await coordY56.post<Offer>(`/api/v1/mutual-aid/${crossing.body.id}/offers`, { trust: 'RRU', resources: [{ kind: 'HART', quantity: 1 }], eta: soon(120) });
    expect(offer.status).toBe(201);
    // The London coordinator reads it (a trust of theirs was asked); another region's does not.
    expect((await coordY56.get(`/api/v1/mutual-aid/${crossing.body.id}`)).status).toBe(200);
    expect((await coordY61.get(`/api/v1/mutual-aid/${crossing.body.id}`)).status).toBe(403);
    expect((await dmRYC.get(`/api/v1/mutual-aid/${crossing.body.id}`)).status).toBe(403);
    expect((await dmRRU.get(`/api/v1/mutual-aid/${crossing.body.id}`)).status).toBe(200);
    // Only the asking side decides.
    expect((await coordY56.post(`/api/v1/mutual-aid/${crossing.body.id}/close`, { outcome: 'withdrawn' })).status).toBe(403);
    const withdrawn = await dmRX8.post<AidRequest>(`/api/v1/mutual-aid/${crossing.body.id}/close`, { outcome: 'withdrawn', note: 'Our HART is back.' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', offers: [{ trust: 'RRU', status: 'lapsed' }] });
    expect((await coordY56.get<RegionPicture>('/api/v1/regions/Y56/picture')).body.mutualAid).toEqual([]);
  });

  it('lists requests by region, trust and status, each reader seeing only what they may', async () => {
    const ids = (list: AidRequest[]) => list.map((r) => `${r.trust}:${r.status}`);
    expect(ids((await coordY63.get<AidRequest[]>('/api/v1/mutual-aid')).body)).toEqual(['RX8:withdrawn', 'RX6:fulfilled']);
    expect(ids((await coordY56.get<AidRequest[]>('/api/v1/mutual-aid')).body)).toEqual(['RX8:withdrawn']);
    expect(ids((await coordY61.get<AidRequest[]>('/api/v1/mutual-aid')).body)).toEqual([]);
    expect(ids((await execRX6.get<AidRequest[]>('/api/v1/mutual-aid?status=fulfilled')).body)).toEqual(['RX6:fulfilled']);
    expect(ids((await t.admin.get<AidRequest[]>('/api/v1/mutual-aid?region=Y56')).body)).toEqual(['RX8:withdrawn']);
    expect(ids((await t.admin.get<AidRequest[]>('/api/v1/mutual-aid?trust=RX6')).body)).toEqual(['RX8:withdrawn', 'RX6:fulfilled']);
    expect((await t.admin.get('/api/v1/mutual-aid?status=lost')).status).toBe(400);
  });
});
