import type { Picture } from '../picture/picture.ts';

/**
 * The figures a threshold rule may watch: paths into the picture (CONTRACT.md "Thresholds"),
 * with `hospitals.*.<figure>` for every hospital at once, plus a few sums and shares computed from
 * the picture that duty managers watch as one number (`handovers.*`, `resources.availableShare`).
 */
export type MetricUnit = 'count' | 'seconds' | 'hours' | 'share';

export interface MetricInfo {
  label: string;
  unit: MetricUnit;
}

/** One reading of a metric: a trust-wide value, or one hospital's (`subject` is its code). */
export interface Reading {
  subject?: string;
  subjectName?: string;
  value: number;
}

const CATEGORIES = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
const RESPONSE = ['C1', 'C2', 'C3', 'C4'] as const;
const RESOURCES = ['planned', 'onShift', 'available', 'mobile', 'onScene', 'conveying', 'atHospital', 'clearing', 'unavailable'] as const;
const HOSPITAL = ['waiting', 'longestWaitSeconds', 'over30', 'over60', 'handedOverToday', 'over15Today', 'over30Today', 'over60Today', 'hoursLostOver15Today', 'hoursLostOver30Today'] as const;
type HospitalFigure = (typeof HOSPITAL)[number];

const unitOf = (name: string): MetricUnit => (name.endsWith('Seconds') ? 'seconds' : name.startsWith('hoursLost') ? 'hours' : 'count');
const words = (name: string) => name.replace(/([A-Z0-9]+)/g, ' $1').toLowerCase().trim();

const HOSPITAL_LABELS: Record<HospitalFigure, string> = {
  waiting: 'ambulances waiting to hand over',
  longestWaitSeconds: 'longest handover wait',
  over30: 'ambulances waiting over 30 min',
  over60: 'ambulances waiting over 60 min',
  handedOverToday: 'handovers today',
  over15Today: 'handovers over 15 min today',
  over30Today: 'handovers over 30 min today',
  over60Today: 'handovers over 60 min today',
  hoursLostOver15Today: 'crew hours lost beyond 15 min today',
  hoursLostOver30Today: 'crew hours lost beyond 30 min today',
};
const CALL_LABELS = { waiting: '999 calls waiting to be answered', longestWaitSeconds: 'longest 999 call waiting', answeredToday: '999 calls answered today', meanAnswerSecondsToday: 'mean 999 answer time today' } as const;

const readers = new Map<string, { info: MetricInfo; read: (p: Picture) => Reading[] }>();
const add = (path: string, label: string, unit: MetricUnit, read: (p: Picture) => Reading[]) => readers.set(path, { info: { label, unit }, read });
const one = (value: number): Reading[] => [{ value }];

add('queue.total.waiting', 'patients waiting (C1-C4)', 'count', (p) => one(p.queue.total.waiting));
for (const c of CATEGORIES) {
  add(`queue.${c}.waiting`, `${c} patients waiting`, 'count', (p) => one(p.queue[c].waiting));
  add(`queue.${c}.longestWaitSeconds`, `longest ${c} wait`, 'seconds', (p) => one(p.queue[c].longestWaitSeconds));
}
for (const f of ['waiting', 'longestWaitSeconds', 'answeredToday', 'meanAnswerSecondsToday'] as const) add(`calls.${f}`, CALL_LABELS[f], unitOf(f), (p) => one(p.calls[f]));
for (const c of RESPONSE) {
  add(`responseToday.${c}.meanSeconds`, `${c} mean response today`, 'seconds', (p) => one(p.responseToday[c].meanSeconds));
  add(`responseToday.${c}.p90Seconds`, `${c} 90th centile response today`, 'seconds', (p) => one(p.responseToday[c].p90Seconds));
  add(`responseToday.${c}.count`, `${c} responses today`, 'count', (p) => one(p.responseToday[c].count));
}
for (const f of RESOURCES) add(`resources.${f}`, `crews ${words(f)}`, 'count', (p) => one(p.resources[f]));
add('resources.availableShare', 'crews available, as a share of crews on shift', 'share', (p) => one(p.resources.onShift > 0 ? p.resources.available / p.resources.onShift : 0));
for (const f of HOSPITAL) {
  add(`hospitals.*.${f}`, HOSPITAL_LABELS[f], unitOf(f), (p) => p.hospitals.map((h) => ({ subject: h.code, subjectName: h.name, value: h[f] })));
}
for (const f of ['waiting', 'over30', 'over60', 'hoursLostOver15Today', 'hoursLostOver30Today'] as const) {
  add(`handovers.${f}`, `${HOSPITAL_LABELS[f]}, all hospitals`, unitOf(f), (p) => one(Math.round(p.hospitals.reduce((sum, h) => sum + h[f], 0) * 100) / 100));
}

export const METRICS: readonly string[] = [...readers.keys()];

export function metricInfo(metric: string): MetricInfo | undefined {
  return readers.get(metric)?.info;
}

/** The readings of a metric in a picture: one, or one per hospital for `hospitals.*`. Unknown metric: none. */
export function readMetric(picture: Picture, metric: string): Reading[] {
  return readers.get(metric)?.read(picture) ?? [];
}
