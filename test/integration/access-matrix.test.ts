import type { Express } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../support/http.ts';
import { ADMIN_PASSWORD, databaseKinds, useTestServer } from '../support/server.ts';

/**
 * Every route × every kind of principal. The table below says, by hand, who may use each
 * route; the test asks the real server as each of them. A route that is registered but missing
 * here fails the test, so a route added later cannot go out without someone deciding its access.
 */

const PRINCIPALS = ['anonymous', 'admin', 'nationalExec', 'dmRX6', 'execRX6', 'dmRYC', 'coordY63', 'coordY61', 'displayRX6', 'displayY63', 'feedRX6'] as const;
type PrincipalName = (typeof PRINCIPALS)[number];

const USERS: PrincipalName[] = ['admin', 'nationalExec', 'dmRX6', 'execRX6', 'dmRYC', 'coordY63', 'coordY61'];
const DISPLAYS: PrincipalName[] = ['displayRX6', 'displayY63'];
const EVERYONE: PrincipalName[] = [...PRINCIPALS];

interface Ids {
  userId: string;
  /** An active incident of RX6. */
  incidentId: string;
  /** An open mutual-aid request of RX6, asking RX8. */
  aidId: string;
  feedKeyId: string;
  displayLinkId: string;
}

interface Case {
  /** Who gets past access control (anything but 401/403); the rest get 401 when anonymous, else 403. */
  allowed: PrincipalName[];
  /** The requests to make; one may name its own `allowed` where access depends on the path. */
  requests: (ids: Ids) => { path: string; body?: unknown; contentType?: string; allowed?: PrincipalName[] }[];
}

const READS_RX6: PrincipalName[] = ['admin', 'nationalExec', 'dmRX6', 'execRX6', 'coordY63', 'displayRX6', 'displayY63'];
const READS_RYC: PrincipalName[] = ['admin', 'nationalExec', 'dmRYC', 'coordY61'];

/** Incidents are read by the trust's people, national executives and the region's coordinators: never admins or display links. */
const INCIDENT_READERS: PrincipalName[] = ['nationalExec', 'dmRX6', 'execRX6', 'dmRYC', 'coordY63', 'coordY61'];
const READS_RX6_INCIDENTS: PrincipalName[] = ['nationalExec', 'dmRX6', 'execRX6', 'coordY63'];
/** A mutual-aid request of RX6 asking RX8 is read by both trusts' people and region, national executives and admins. */
const READS_RX6_AID: PrincipalName[] = ['admin', 'nationalExec', 'dmRX6', 'execRX6', 'coordY63'];
const AID_ASK = (trust: string) => ({ trust, resources: [{ kind: 'DSA', quantity: 2 }], neededFrom: new Date(Date.now() + 600_000).toISOString(), reason: 'matrix' });
/** An incident id nobody has: anyone who reads incidents learns it is none (404). */
const NO_INCIDENT = '00000000-0000-4000-8000-000000000001';

/** An exercise id nobody has: access is decided before anything is looked up. */
const NO_EXERCISE = '00000000-0000-4000-8000-000000000000';

const MATRIX: Record<string, Case> = {
  'GET /health': { allowed: EVERYONE, requests: () => [{ path: '/health' }] },
  'GET /openapi.json': { allowed: EVERYONE, requests: () => [{ path: '/openapi.json' }] },
  'POST /auth/login': { allowed: EVERYONE, requests: () => [{ path: '/auth/login', body: { username: 'admin', password: ADMIN_PASSWORD } }] },
  'POST /auth/logout': { allowed: USERS, requests: () => [{ path: '/auth/logout' }] },
  'GET /auth/me': { allowed: USERS, requests: () => [{ path: '/auth/me' }] },
  'GET /admin/users': { allowed: ['admin'], requests: () => [{ path: '/admin/users' }] },
  'GET /admin/metrics': { allowed: ['admin'], requests: () => [{ path: '/admin/metrics' }] },
  'POST /admin/users': { allowed: ['admin'], requests: () => [{ path: '/admin/users', body: { username: `made-${Math.random().toString(36).slice(2, 8)}`, displayName: 'Made', password: 'long-enough-pw', role: 'executive' } }] },
  'GET /admin/users/:id': { allowed: ['admin'], requests: (ids) => [{ path: `/admin/users/${ids.userId}` }] },
  'PATCH /admin/users/:id': { allowed: ['admin'], requests: (ids) => [{ path: `/admin/users/${ids.userId}`, body: { displayName: 'Renamed' } }] },
  'GET /admin/feed-keys': { allowed: ['admin'], requests: () => [{ path: '/admin/feed-keys' }] },
  'POST /admin/feed-keys': { allowed: ['admin'], requests: () => [{ path: '/admin/feed-keys', body: { trust: 'RX6' } }] },
  'DELETE /admin/feed-keys/:id': { allowed: ['admin'], requests: (ids) => [{ path: `/admin/feed-keys/${ids.feedKeyId}` }] },
  'GET /admin/display-links': { allowed: ['admin'], requests: () => [{ path: '/admin/display-links' }] },
  'POST /admin/display-links': { allowed: ['admin'], requests: () => [{ path: '/admin/display-links', body: { label: 'x', trust: 'RX6' } }] },
  'DELETE /admin/display-links/:id': { allowed: ['admin'], requests: (ids) => [{ path: `/admin/display-links/${ids.displayLinkId}` }] },
  'GET /trusts': { allowed: [...USERS, ...DISPLAYS], requests: () => [{ path: '/trusts' }] },
  'GET /regions': { allowed: [...USERS, ...DISPLAYS], requests: () => [{ path: '/regions' }] },
  'GET /trusts/:code/hospitals': { allowed: [...USERS, ...DISPLAYS], requests: () => [{ path: '/trusts/RX6/hospitals' }, { path: '/trusts/RYC/hospitals' }] },
  'GET /display/me': { allowed: DISPLAYS, requests: () => [{ path: '/display/me' }] },
  'POST /feed/events': { allowed: ['feedRX6'], requests: () => [{ path: '/feed/events', body: [] }] },
  'GET /trusts/:code/picture': {
    allowed: [],
    requests: () => [
      { path: '/trusts/RX6/picture', allowed: READS_RX6 },
      { path: '/trusts/RYC/picture', allowed: READS_RYC },
    ],
  },
  'GET /regions/:code/picture': {
    allowed: [],
    requests: () => [
      { path: '/regions/Y63/picture', allowed: ['admin', 'nationalExec', 'dmRX6', 'execRX6', 'coordY63', 'displayRX6', 'displayY63'] },
      { path: '/regions/Y61/picture', allowed: ['admin', 'nationalExec', 'dmRYC', 'coordY61'] },
    ],
  },
  'GET /exercises': { allowed: ['admin'], requests: () => [{ path: '/exercises' }] },
  'GET /trusts/:code/exercises': {
    allowed: [],
    requests: () => [
      { path: '/trusts/RX6/exercises', allowed: READS_RX6 },
      { path: '/trusts/RYC/exercises', allowed: READS_RYC },
    ],
  },
  'POST /trusts/:code/exercises': { allowed: ['admin'], requests: () => [{ path: '/trusts/RYC/exercises', body: { scenario: 'ordinary-day' } }] },
  'GET /trusts/:code/exercises/:id': {
    allowed: [],
    requests: () => [
      { path: `/trusts/RX6/exercises/${NO_EXERCISE}`, allowed: READS_RX6 },
      { path: `/trusts/RYC/exercises/${NO_EXERCISE}`, allowed: READS_RYC },
    ],
  },
  'GET /trusts/:code/exercises/:id/picture': {
    allowed: [],
    requests: () => [
      { path: `/trusts/RX6/exercises/${NO_EXERCISE}/picture`, allowed: READS_RX6 },
      { path: `/trusts/RYC/exercises/${NO_EXERCISE}/picture`, allowed: READS_RYC },
    ],
  },
  'POST /trusts/:code/exercises/:id/stop': { allowed: ['admin'], requests: () => [{ path: `/trusts/RX6/exercises/${NO_EXERCISE}/stop` }] },
  'GET /thresholds/metrics': { allowed: USERS, requests: () => [{ path: '/thresholds/metrics' }] },
  'GET /trusts/:code/thresholds': {
    allowed: [],
    requests: () => [
      { path: '/trusts/RX6/thresholds', allowed: READS_RX6 },
      { path: '/trusts/RYC/thresholds', allowed: READS_RYC },
    ],
  },
  'PUT /trusts/:code/thresholds': {
    allowed: [],
    requests: () => [
      { path: '/trusts/RX6/thresholds', body: [], allowed: ['admin', 'dmRX6'] },
      { path: '/trusts/RYC/thresholds', body: [], allowed: ['admin', 'dmRYC'] },
    ],
  },
  'GET /trusts/:code/flags/history': {
    allowed: [],
    requests: () => [
      { path: '/trusts/RX6/flags/history', allowed: READS_RX6 },
      { path: '/trusts/RYC/flags/history', allowed: READS_RYC },
    ],
  },
  'POST /trusts/:code/flags/:flagId/acknowledge': {
    allowed: [],
    requests: () => [
      { path: '/trusts/RX6/flags/no-such-flag/acknowledge', allowed: ['dmRX6'] },
      { path: '/trusts/RYC/flags/no-such-flag/acknowledge', allowed: ['dmRYC'] },
    ],
  },
  'GET /trusts/:code/reap': {
    allowed: [],
    requests: () => [
      { path: '/trusts/RX6/reap', allowed: READS_RX6 },
      { path: '/trusts/RYC/reap', allowed: READS_RYC },
    ],
  },
  'PUT /trusts/:code/reap': {
    allowed: [],
    requests: () => [
      { path: '/trusts/RX6/reap', body: { level: 2, reason: 'matrix' }, allowed: ['dmRX6'] },
      { path: '/trusts/RYC/reap', body: { level: 2, reason: 'matrix' }, allowed: ['dmRYC'] },
    ],
  },
  'POST /incidents': {
    allowed: [],
    requests: () => [
      { path: '/incidents', body: { trust: 'RX6', level: 'critical', title: 'matrix', reason: 'matrix' }, allowed: ['dmRX6'] },
      { path: '/incidents', body: { trust: 'RYC', level: 'critical', title: 'matrix', reason: 'matrix' }, allowed: ['dmRYC'] },
    ],
  },
  'GET /incidents': {
    allowed: [],
    requests: () => [
      { path: '/incidents', allowed: INCIDENT_READERS },
      { path: '/incidents?trust=RX6', allowed: READS_RX6_INCIDENTS },
      { path: '/incidents?region=Y61', allowed: ['nationalExec', 'coordY61'] },
    ],
  },
  'GET /incidents/:id': { allowed: READS_RX6_INCIDENTS, requests: (ids) => [{ path: `/incidents/${ids.incidentId}` }, { path: `/incidents/${NO_INCIDENT}`, allowed: INCIDENT_READERS }] },
  'GET /incidents/:id/entries/:seq': { allowed: READS_RX6_INCIDENTS, requests: (ids) => [{ path: `/incidents/${ids.incidentId}/entries/1` }] },
  'GET /incidents/:id/verify': { allowed: READS_RX6_INCIDENTS, requests: (ids) => [{ path: `/incidents/${ids.incidentId}/verify` }] },
  'GET /incidents/:id/history': { allowed: READS_RX6_INCIDENTS, requests: (ids) => [{ path: `/incidents/${ids.incidentId}/history` }] },
  'GET /incidents/:id/export': { allowed: READS_RX6_INCIDENTS, requests: (ids) => [{ path: `/incidents/${ids.incidentId}/export?format=csv` }] },
  'POST /incidents/:id/entries': { allowed: ['dmRX6'], requests: (ids) => [{ path: `/incidents/${ids.incidentId}/entries`, body: { kind: 'information', text: 'matrix' } }] },
  'POST /incidents/:id/level': { allowed: ['dmRX6'], requests: (ids) => [{ path: `/incidents/${ids.incidentId}/level`, body: { level: 'major', reason: 'matrix' } }] },
  'POST /incidents/:id/stand-down': { allowed: ['dmRX6'], requests: (ids) => [{ path: `/incidents/${ids.incidentId}/stand-down`, body: { reason: 'matrix' } }] },
  'POST /mutual-aid': {
    allowed: [],
    requests: () => [
      { path: '/mutual-aid', body: AID_ASK('RX6'), allowed: ['dmRX6', 'coordY63'] },
      { path: '/mutual-aid', body: AID_ASK('RYC'), allowed: ['dmRYC', 'coordY61'] },
    ],
  },
  'GET /mutual-aid': { allowed: USERS, requests: () => [{ path: '/mutual-aid' }, { path: '/mutual-aid?region=Y63&status=open' }] },
  'GET /mutual-aid/:id': { allowed: READS_RX6_AID, requests: (ids) => [{ path: `/mutual-aid/${ids.aidId}` }] },
  'POST /mutual-aid/:id/offers': {
    allowed: ['coordY63'],
    requests: (ids) => [{ path: `/mutual-aid/${ids.aidId}/offers`, body: { trust: 'RX8', resources: [{ kind: 'DSA', quantity: 1 }], eta: new Date(Date.now() + 3600_000).toISOString() } }],
  },
  'POST /mutual-aid/:id/offers/:offerId/accept': { allowed: ['dmRX6', 'coordY63'], requests: (ids) => [{ path: `/mutual-aid/${ids.aidId}/offers/${NO_INCIDENT}/accept`, body: {} }] },
  'POST /mutual-aid/:id/offers/:offerId/decline': { allowed: ['dmRX6', 'coordY63'], requests: (ids) => [{ path: `/mutual-aid/${ids.aidId}/offers/${NO_INCIDENT}/decline`, body: {} }] },
  'POST /mutual-aid/:id/close': { allowed: ['dmRX6', 'coordY63'], requests: (ids) => [{ path: `/mutual-aid/${ids.aidId}/close`, body: { outcome: 'withdrawn' } }] },
  'GET /trusts/:code/history': {
    allowed: [],
    requests: () => [
      { path: '/trusts/RX6/history', allowed: READS_RX6 },
      { path: '/trusts/RYC/history', allowed: READS_RYC },
    ],
  },
};

/** Every route Express itself would answer, read from its router: nothing can hide outside the registry. */
function expressRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: unknown[], prefix: string) => {
    for (const layer of stack as { route?: { path: string; methods: Record<string, boolean> }; name?: string; handle?: { stack?: unknown[] } }[]) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack, prefix);
    }
  };
  walk((app as unknown as { router: { stack: unknown[] } }).router.stack, '');
  return found;
}

const kinds = await databaseKinds();

describe.each(kinds)('access matrix on %s', (kind) => {
  const clients = new Map<PrincipalName, ApiClient>();
  let ids: Ids;
  const t = useTestServer(kind);

  beforeAll(async () => {
    clients.set('anonymous', t.client());
    clients.set('admin', t.admin);
    clients.set('nationalExec', await t.signedIn({ username: 'national', role: 'executive' }));
    clients.set('dmRX6', await t.signedIn({ username: 'dm-rx6', role: 'duty_manager', trust: 'RX6' }));
    clients.set('execRX6', await t.signedIn({ username: 'exec-rx6', role: 'executive', trust: 'RX6' }));
    clients.set('dmRYC', await t.signedIn({ username: 'dm-ryc', role: 'duty_manager', trust: 'RYC' }));
    clients.set('coordY63', await t.signedIn({ username: 'coord-y63', role: 'coordinator', region: 'Y63' }));
    clients.set('coordY61', await t.signedIn({ username: 'coord-y61', role: 'coordinator', region: 'Y61' }));
    const link = async (body: object) => (await t.admin.post<{ id: string; token: string }>('/api/v1/admin/display-links', { label: 'wall', ...body })).body;
    clients.set('displayRX6', t.client({ bearer: (await link({ trust: 'RX6' })).token }));
    clients.set('displayY63', t.client({ bearer: (await link({ region: 'Y63' })).token }));
    const feed = (await t.admin.post<{ id: string; key: string }>('/api/v1/admin/feed-keys', { trust: 'RX6' })).body;
    clients.set('feedRX6', t.client({ bearer: feed.key }));
    const target = (await t.admin.post<{ id: string }>('/api/v1/admin/users', { username: 'target', displayName: 'Target', password: 'long-enough-pw', role: 'executive' })).body;
    const incident = (await clients.get('dmRX6')!.post<{ id: string }>('/api/v1/incidents', { trust: 'RX6', level: 'critical', title: 'Matrix', reason: 'The access matrix.' })).body;
    ids = {
      userId: target.id,
      incidentId: incident.id,
      aidId: (await clients.get('dmRX6')!.post<{ id: string }>('/api/v1/mutual-aid', AID_ASK('RX6'))).body.id,
      feedKeyId: (await t.admin.post<{ id: string }>('/api/v1/admin/feed-keys', { trust: 'RX7' })).body.id,
      displayLinkId: (await link({ trust: 'RX7' })).id,
    };
  });

  it('has an access decision in the table for every registered route, and no stale entry', () => {
    const registered = t.server.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(Object.keys(MATRIX).sort()).toEqual(registered);
  });

  it('registers every route Express answers through the registry', () => {
    const mounted = expressRoutes(t.server.app).sort();
    expect(mounted).toEqual(t.server.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort());
  });

  // Logout revokes sessions, so it goes last.
  const order = Object.keys(MATRIX).sort((a, b) => Number(a === 'POST /auth/logout') - Number(b === 'POST /auth/logout'));
  for (const key of order) {
    it(`enforces who may ${key}`, async () => {
      const [method] = key.split(' ') as [string, string];
      const entry = MATRIX[key]!;
      const outcomes: string[] = [];
      for (const name of PRINCIPALS) {
        const base = clients.get(name)!;
        // A copy, so that a sign-in answered to one principal does not change its cookie.
        const client = new ApiClient(base.baseUrl, base.bearer ? { bearer: base.bearer } : {});
        client.cookie = base.cookie;
        for (const request of entry.requests(ids)) {
          const answer = await client.request(method, `/api/v1${request.path}`, request.body === undefined ? {} : { json: request.body });
          const expected = (request.allowed ?? entry.allowed).includes(name) ? 'allowed' : name === 'anonymous' ? '401' : '403';
          const got = answer.status === 401 || answer.status === 403 ? String(answer.status) : 'allowed';
          outcomes.push(`${name} ${method} ${request.path}: ${got === expected ? 'ok' : `expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body)}`}`);
        }
      }
      expect(outcomes.filter((o) => !o.endsWith(': ok'))).toEqual([]);
    });
  }
});
