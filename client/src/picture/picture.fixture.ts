import type { Picture } from '../../../shared/picture/picture.ts';

/** A quiet, fresh picture of RX6 for unit tests; override what a test is about. */
export function samplePicture(overrides: Partial<Picture> = {}): Picture {
  const zeroQueue = { waiting: 0, longestWaitSeconds: 0 };
  const zeroResponse = { count: 0, meanSeconds: 0, p90Seconds: 0 };
  return {
    trust: { code: 'RX6', name: 'North East Ambulance Service NHS Foundation Trust', shortName: 'NEAS', region: 'Y63' },
    asOf: '2025-01-15T10:00:00.000Z',
    lastEventAt: '2025-01-15T09:59:58.000Z',
    stale: false,
    calls: { waiting: 0, longestWaitSeconds: 0, answeredToday: 0, meanAnswerSecondsToday: 0 },
    queue: { C1: zeroQueue, C2: zeroQueue, C3: zeroQueue, C4: zeroQueue, C5: zeroQueue, total: { waiting: 0 } },
    responseToday: { C1: zeroResponse, C2: zeroResponse, C3: zeroResponse, C4: zeroResponse },
    resources: { planned: 90, onShift: 80, available: 10, mobile: 10, onScene: 20, conveying: 10, atHospital: 20, clearing: 5, unavailable: 5 },
    hospitals: [],
    reap: { level: 1, since: null, setBy: null },
    flags: [],
    incident: null,
    ...overrides,
  };
}
