import type { AidRequest } from '../../../shared/mutualAid/schemas.ts';
import type { RegionPicture, TrustSummaryFigures } from '../../../shared/picture/region.ts';

/** A fresh, quiet trust summary for unit tests; override what a test is about. */
export function sampleSummary(overrides: Partial<TrustSummaryFigures> = {}): TrustSummaryFigures {
  return {
    trust: { code: 'RX6', name: 'North East Ambulance Service NHS Foundation Trust', shortName: 'NEAS' },
    reapLevel: 1,
    incident: null,
    queueTotal: 4,
    C1LongestWaitSeconds: 120,
    C2LongestWaitSeconds: 600,
    available: 12,
    onShift: 80,
    planned: 90,
    hospitalsOver60: 0,
    hoursLostOver30Today: 1.5,
    stale: false,
    lastEventAt: '2025-01-15T09:59:58.000Z',
    ...overrides,
  };
}

const person = { id: 'u1', username: 'dm-rx6', displayName: 'Jo North', role: 'duty_manager' };

/** An open request of NEAS asking YAS for 6 ambulances, no offer yet. */
export function sampleRequest(overrides: Partial<AidRequest> = {}): AidRequest {
  return {
    id: 'req-1',
    trust: 'RX6',
    region: 'Y63',
    incidentId: null,
    resources: [{ kind: 'DSA', quantity: 6 }],
    neededFrom: '2025-01-15T10:30:00.000Z',
    neededUntil: null,
    reason: 'Over 200 waiting',
    askedTrusts: ['RX8'],
    regions: ['Y63'],
    status: 'open',
    requestedAt: '2025-01-15T10:00:00.000Z',
    requestedBy: person,
    closedAt: null,
    closedBy: null,
    closeNote: null,
    offers: [],
    filled: [{ kind: 'DSA', asked: 6, accepted: 0, offered: 0, unfilled: 6 }],
    updatedAt: '2025-01-15T10:00:00.000Z',
    ...overrides,
  };
}

export function sampleRegion(overrides: Partial<RegionPicture> = {}): RegionPicture {
  return {
    region: { code: 'Y63', name: 'North East and Yorkshire' },
    asOf: '2025-01-15T10:00:00.000Z',
    trusts: [sampleSummary(), sampleSummary({ trust: { code: 'RX8', name: 'Yorkshire Ambulance Service NHS Trust', shortName: 'YAS' } })],
    mutualAid: [],
    ...overrides,
  };
}
