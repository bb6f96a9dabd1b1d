import { createHash } from 'node:crypto';
import { SYSTEM_AUTHOR, type Author, type Incident, type LogEntry, type Verification } from '../../../shared/incidents/schemas.ts';
import type { HistoryPoint } from '../../../shared/picture/history.ts';
import type { HospitalPicture, Picture } from '../../../shared/picture/picture.ts';

/**
 * Builders for export tests: a critical incident at North East Ambulance Service declared late on
 * Saturday 28 October 2023 and running through the night the clocks went back (02:00 BST became
 * 01:00 GMT at 01:00Z on Sunday 29 October). Override only what a test is about.
 */

export const DUTY_MANAGER: Author = { id: 'u-dm-1', username: 'jsmith', displayName: 'Jane Smith', role: 'duty_manager' };
export const EXECUTIVE: Author = { id: 'u-ex-1', username: 'sjones', displayName: 'Siân Jones', role: 'executive' };

export const DECLARED_AT = '2023-10-28T23:40:00.000Z'; // 00:40 BST on the 29th
export const STOOD_DOWN_AT = '2023-10-29T05:10:00.000Z'; // 05:10 GMT

const hospital = (code: string, name: string, f: Partial<HospitalPicture>): HospitalPicture => ({
  code,
  name,
  waiting: 0,
  longestWaitSeconds: 0,
  over30: 0,
  over60: 0,
  handedOverToday: 0,
  over15Today: 0,
  over30Today: 0,
  over60Today: 0,
  hoursLostOver15Today: 0,
  hoursLostOver30Today: 0,
  ...f,
});

/** A trust under pressure at the moment of declaration. */
export function buildPicture(overrides: Partial<Picture> = {}): Picture {
  return {
    trust: { code: 'RX6', name: 'North East Ambulance Service NHS Foundation Trust', shortName: 'NEAS', region: 'Y63' },
    asOf: DECLARED_AT,
    lastEventAt: '2023-10-28T23:39:58.000Z',
    stale: false,
    calls: { waiting: 14, longestWaitSeconds: 312, answeredToday: 24, meanAnswerSecondsToday: 41 },
    queue: {
      C1: { waiting: 2, longestWaitSeconds: 540 },
      C2: { waiting: 61, longestWaitSeconds: 7_380 },
      C3: { waiting: 88, longestWaitSeconds: 14_200 },
      C4: { waiting: 19, longestWaitSeconds: 18_950 },
      C5: { waiting: 7, longestWaitSeconds: 3_100 },
      total: { waiting: 170 },
    },
    responseToday: {
      C1: { count: 3, meanSeconds: 612, p90Seconds: 890 },
      C2: { count: 9, meanSeconds: 3_950, p90Seconds: 7_020 },
      C3: { count: 4, meanSeconds: 9_100, p90Seconds: 12_400 },
      C4: { count: 1, meanSeconds: 11_000, p90Seconds: 11_000 },
    },
    resources: { planned: 74, onShift: 68, available: 3, mobile: 9, onScene: 17, conveying: 8, atHospital: 27, clearing: 2, unavailable: 2 },
    hospitals: [
      hospital('RTD02', 'Royal Victoria Infirmary', { waiting: 6, longestWaitSeconds: 5_400, over30: 4, over60: 2, handedOverToday: 3, over15Today: 2, over30Today: 1, hoursLostOver15Today: 4.2, hoursLostOver30Today: 2.6 }),
      hospital('RTRAT', 'James Cook University Hospital', { waiting: 9, longestWaitSeconds: 8_820, over30: 7, over60: 5, handedOverToday: 2, over15Today: 2, over30Today: 2, over60Today: 1, hoursLostOver15Today: 9.1, hoursLostOver30Today: 6.8 }),
      hospital('R0B01', 'Sunderland Royal Hospital', { waiting: 4, longestWaitSeconds: 2_700, over30: 2, handedOverToday: 4, over15Today: 1, hoursLostOver15Today: 1.5, hoursLostOver30Today: 0.4 }),
      hospital('RVWAE', 'University Hospital of North Tees', { waiting: 5, longestWaitSeconds: 4_100, over30: 3, over60: 1, handedOverToday: 1, hoursLostOver15Today: 2.9, hoursLostOver30Today: 1.7 }),
      hospital('RXPDA', 'Darlington Memorial Hospital', { waiting: 3, longestWaitSeconds: 1_500, handedOverToday: 2, over15Today: 1, hoursLostOver15Today: 0.6 }),
    ],
    reap: { level: 4, since: '2023-10-28T16:00:00.000Z', setBy: 'Jane Smith' },
    flags: [
      {
        id: 'f-1',
        rule: 'c2-longest',
        severity: 'critical',
        message: 'Longest C2 wait 2 h 03 min, over 1 h 30 min',
        value: 7_380,
        threshold: 5_400,
        since: '2023-10-28T22:55:00.000Z',
        advice: 'Consider clinical validation of the C2 stack and requesting mutual aid.',
        acknowledged: { by: 'Jane Smith', at: '2023-10-28T23:01:00.000Z' },
      },
      { id: 'f-2', rule: 'queue-total', severity: 'warning', message: 'Patients waiting (C1-C4) 170, over 150', value: 170, threshold: 150, since: '2023-10-28T23:20:00.000Z' },
    ],
    incident: null,
    ...overrides,
  };
}

const fakeHash = (seq: number, text: string) => createHash('sha256').update(`${seq}:${text}`).digest('hex');

export function buildEntry(fields: Partial<LogEntry> & { seq: number; at: string }): LogEntry {
  const text = fields.text ?? `Entry ${fields.seq}`;
  return { author: DUTY_MANAGER, kind: 'information', text, hash: fakeHash(fields.seq, text), ...fields };
}

/** The log of the night, with entries either side of the clock change: 00:30Z is 01:30 BST, 01:30Z is 01:30 GMT. */
export function nightLog(): LogEntry[] {
  return [
    buildEntry({ seq: 1, at: DECLARED_AT, kind: 'system', author: SYSTEM_AUTHOR, text: 'Critical incident declared by Jane Smith: C2 stack over 60 with 27 crews held at hospitals' }),
    buildEntry({ seq: 2, at: '2023-10-28T23:52:00.000Z', kind: 'decision', text: 'Stop all C3 and C4 dispatches except clinical exceptions', rationale: 'Every free crew goes to the C2 stack; the clinical hub reviews C3 and C4 by phone' }),
    buildEntry({ seq: 3, at: '2023-10-29T00:30:00.000Z', kind: 'action', text: 'Asked James Cook and RVI for immediate release of crews waiting over 60 minutes, per the 45-minute protocol' }),
    buildEntry({ seq: 4, at: '2023-10-29T00:47:00.000Z', kind: 'communication', author: EXECUTIVE, text: 'On-call executive informed; ICB on-call director briefed by phone' }),
    buildEntry({ seq: 5, at: '2023-10-29T01:30:00.000Z', kind: 'information', text: 'Clocks went back at 02:00 BST: rota shows 6 crews finishing an hour later than planned' }),
    buildEntry({ seq: 6, at: '2023-10-29T01:41:00.000Z', kind: 'correction', text: 'Four crews, not six: two had already been stood down', corrects: 5 }),
    buildEntry({ seq: 7, at: '2023-10-29T03:05:00.000Z', kind: 'system', author: SYSTEM_AUTHOR, text: 'Flag cleared: Longest C2 wait 58 min, back under 1 h 30 min' }),
    buildEntry({ seq: 8, at: '2023-10-29T04:20:00.000Z', kind: 'decision', text: 'Resume normal C3 dispatch', rationale: 'C2 stack under 20 and longest C2 wait under 40 minutes for an hour' }),
    buildEntry({ seq: 9, at: STOOD_DOWN_AT, kind: 'system', author: SYSTEM_AUTHOR, text: 'Incident stood down by Jane Smith' }),
  ];
}

const LINES = [
  'Crew from Hexham diverted to a C2 chest pain in Prudhoe',
  'HALO at James Cook reports three cubicles freeing in the next half hour',
  'Mutual aid requested from YAS: 2 DSA crews for 4 hours',
  'Clinical hub has validated 14 C3 calls, 3 upgraded to C2',
  'Call to Sunderland Royal site manager: cohorting area opening with two nurses',
];

/** A long log for paging tests: `n` entries a few minutes apart from declaration, every kind, some long. */
export function longLog(n: number, stepMinutes = 1): LogEntry[] {
  const kinds = ['information', 'action', 'decision', 'communication'] as const;
  return Array.from({ length: n }, (_, i) => {
    const seq = i + 1;
    const at = new Date(Date.parse(DECLARED_AT) + i * stepMinutes * 60_000).toISOString();
    const kind = kinds[i % kinds.length]!;
    const base = LINES[i % LINES.length]!;
    const text = i % 17 === 5 ? `${base}. ${'Further detail from the tactical commander on the position at each site and the crews committed. '.repeat(6)}` : base;
    return buildEntry({ seq, at, kind, text, ...(kind === 'decision' ? { rationale: 'The C2 stack is the greatest clinical risk at this point' } : {}) });
  });
}

/**
 * A minute-by-minute history from `from` to `to`: the queue and waits rise to a peak and fall,
 * crews recover, hours lost keep rising until midnight UK time resets them.
 */
export function buildHistory(from: string, to: string, opts: { staleFrom?: string; staleTo?: string; gapFrom?: string; gapTo?: string } = {}): HistoryPoint[] {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const points: HistoryPoint[] = [];
  const inRange = (t: number, a?: string, b?: string) => a !== undefined && b !== undefined && t >= Date.parse(a) && t < Date.parse(b);
  for (let t = start, i = 0; t <= end; t += 60_000, i++) {
    if (inRange(t, opts.gapFrom, opts.gapTo)) continue;
    const phase = (t - start) / Math.max(1, end - start); // 0..1
    const pressure = Math.sin(Math.PI * phase); // peaks half way through
    const queueTotal = Math.round(150 + 60 * pressure - 120 * phase + 4 * Math.sin(i / 7));
    const available = Math.max(0, Math.round(3 + 14 * phase - 2 * pressure + Math.sin(i / 5)));
    points.push({
      at: new Date(t).toISOString(),
      queueTotal: Math.max(0, queueTotal),
      C1Waiting: 1,
      C1LongestWaitSeconds: 300,
      C2Waiting: Math.max(0, Math.round(queueTotal * 0.35)),
      C2LongestWaitSeconds: Math.max(0, Math.round(7_000 * pressure + 1_500 - 1_200 * phase)),
      C3Waiting: Math.max(0, Math.round(queueTotal * 0.5)),
      C4Waiting: Math.max(0, Math.round(queueTotal * 0.15)),
      callsWaiting: Math.round(10 * pressure),
      planned: 74,
      onShift: Math.round(68 - 8 * phase),
      available,
      atHospital: Math.round(27 - 12 * phase),
      handoverWaiting: Math.round(27 - 12 * phase),
      handoverOver60: Math.round(8 * pressure),
      hoursLostOver30Today: Math.round((11.5 + 4 * phase) * 100) / 100,
      hoursLostOver15Today: Math.round((18 + 6 * phase) * 100) / 100,
      stale: inRange(t, opts.staleFrom, opts.staleTo),
    });
  }
  return points;
}

export function buildIncident(overrides: Partial<Incident> = {}): Incident {
  const snapshot = buildPicture();
  return {
    id: '7f1c2b9e-4a0d-4c5e-9a51-2d3f4b5c6d7e',
    trust: 'RX6',
    region: 'Y63',
    level: 'critical',
    title: 'Handover delays across Tees and Tyne: C2 stack over 60',
    reason: 'C2 longest wait over two hours with 27 crews held at hospitals and REAP 4 already in force; the trust cannot meet its duty to respond to life-threatening calls without extraordinary measures.',
    status: 'stood_down',
    declaredAt: DECLARED_AT,
    declaredBy: DUTY_MANAGER,
    standDown: { at: STOOD_DOWN_AT, by: DUTY_MANAGER, reason: 'C2 stack back under 20 and handovers under 30 minutes at every site for an hour.' },
    snapshot,
    log: nightLog(),
    ...overrides,
  };
}

export const VERIFIED: Verification = { ok: true, entries: 9 };
