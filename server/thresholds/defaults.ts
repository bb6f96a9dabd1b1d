import { findTrust, type TrustCode } from '../../shared/reference/trusts.ts';
import type { ThresholdRule } from '../../shared/thresholds/schemas.ts';
import { aqiRows } from '../simulator/data.ts';

const MIN = 60;

/**
 * A trust's size against North East's (1,257 incidents a day in December 2023), for figures
 * that grow with the size of the service. By the square root, not in proportion: a queue of 200
 * broke North East, and a queue of 200 held calls put East of England, twice its size, at
 * REAP 4 in 2017; the queue a larger service can carry grows more slowly than its demand.
 */
function scale(trust: TrustCode): number {
  return Math.sqrt((findTrust(trust)?.incidentsPerDayDec2023 ?? 1257) / 1257);
}

/** The trust's own mean of crew hours lost beyond 30 minutes a day, over the months published. */
function usualHoursLost(trust: TrustCode): number | undefined {
  const values = aqiRows()
    .filter((r) => r.trust === trust)
    .map((r) => r.hoursLostOver30PerDay)
    .filter((v): v is number => v !== undefined && Number.isFinite(v));
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : undefined;
}

/**
 * The rules a trust starts with, before anyone changes them: each says where its line comes from.
 * They advise; the duty manager decides.
 */
export function defaultRules(trust: TrustCode): ThresholdRule[] {
  const s = scale(trust);
  const critical = Math.round(200 * s);
  const warning = Math.round(120 * s);
  const calls = Math.max(5, Math.round(20 * s));
  const hoursLost = usualHoursLost(trust);
  const rules: ThresholdRule[] = [
    // North East Ambulance Service declared a critical incident on 19 December 2022 with more than
    // 200 patients waiting; East of England went to REAP 4 in 2017 with up to 200 calls held.
    {
      id: 'queue-critical',
      metric: 'queue.total.waiting',
      above: critical,
      sustainSeconds: 15 * MIN,
      clearAt: Math.round(critical * 0.75),
      clearSeconds: 30 * MIN,
      severity: 'critical',
      advice: `More than ${critical} patients waiting for 15 minutes: consider declaring a critical incident, REAP 4 and asking for mutual aid (North East declared one with over 200 waiting, December 2022).`,
    },
    // The same line at three fifths: time to act before the critical one is reached.
    {
      id: 'queue-rising',
      metric: 'queue.total.waiting',
      above: warning,
      sustainSeconds: 15 * MIN,
      clearAt: Math.round(warning * 0.75),
      clearSeconds: 30 * MIN,
      severity: 'warning',
      advice: `More than ${warning} patients waiting: consider REAP 3, calling in off-duty staff and stopping non-urgent transport.`,
    },
    // Ambulance Response Programme: C1 90th centile 15 minutes, mean 7.
    {
      id: 'c1-wait',
      metric: 'queue.C1.longestWaitSeconds',
      above: 15 * MIN,
      sustainSeconds: 60,
      clearAt: 7 * MIN,
      clearSeconds: 10 * MIN,
      severity: 'critical',
      advice: 'A life-threatening (C1) call has waited past the 15-minute standard: consider stopping a lower-category allocation to send the nearest crew, and tell the clinical hub.',
    },
    // Ambulance Response Programme: C2 90th centile 40 minutes, 30-minute mean the interim ambition.
    {
      id: 'c2-wait',
      metric: 'queue.C2.longestWaitSeconds',
      above: 40 * MIN,
      sustainSeconds: 10 * MIN,
      clearAt: 30 * MIN,
      clearSeconds: 15 * MIN,
      severity: 'warning',
      advice: 'An emergency (C2) patient has waited past the 40-minute standard: consider clinical review of the C2 stack and welfare calls to those waiting longest.',
    },
    // Release to respond (2025/26): a crew is released 45 minutes after arriving at hospital.
    {
      id: 'handover-45',
      metric: 'hospitals.*.longestWaitSeconds',
      above: 45 * MIN,
      sustainSeconds: 0,
      clearAt: 30 * MIN,
      clearSeconds: 5 * MIN,
      severity: 'warning',
      advice: 'A crew has waited 45 minutes to hand over: ask the hospital to take the patient so the crew can be released to respond.',
    },
    // Over 60 minutes is a severe handover delay (NHS England).
    {
      id: 'handover-60',
      metric: 'hospitals.*.longestWaitSeconds',
      above: 60 * MIN,
      sustainSeconds: 0,
      clearAt: 45 * MIN,
      clearSeconds: 5 * MIN,
      severity: 'critical',
      advice: 'A crew has waited over an hour to hand over: escalate to the hospital’s site manager and the system control centre.',
    },
    // Fewer than one crew in ten free: the next C1 may wait for a crew to clear.
    {
      id: 'crews-free',
      metric: 'resources.availableShare',
      below: 0.1,
      sustainSeconds: 10 * MIN,
      clearAt: 0.2,
      clearSeconds: 15 * MIN,
      severity: 'warning',
      advice: 'Fewer than one crew in ten on shift is free: consider holding lower-category calls for clinical review and recalling crews on breaks.',
    },
    // Calls held in the 999 queue: each is a patient not yet triaged.
    {
      id: 'calls-waiting',
      metric: 'calls.waiting',
      above: calls,
      sustainSeconds: 5 * MIN,
      clearAt: Math.max(1, Math.round(calls / 2)),
      clearSeconds: 10 * MIN,
      severity: 'warning',
      advice: `More than ${calls} 999 calls waiting to be answered: consider calling in call handlers and asking a neighbouring trust to take overflow calls.`,
    },
  ];
  // A bad day for this trust: half again its own usual crew hours lost a day (NHS England's
  // Ambulance Quality Indicators, from October 2023), counted since midnight.
  if (hoursLost !== undefined) {
    const line = Math.max(5, Math.round(hoursLost * 1.5));
    rules.push({
      id: 'hours-lost',
      metric: 'handovers.hoursLostOver30Today',
      above: line,
      sustainSeconds: 0,
      clearAt: line,
      clearSeconds: 0,
      severity: 'advisory',
      advice: `Over ${line} crew hours lost to handover delays today, half again this trust’s usual day: raise it with the system control centre and the acute trusts.`,
    });
  }
  return rules;
}
