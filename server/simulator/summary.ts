import type { RESPONSE_CATEGORIES} from '../../shared/feed/events.ts';
import { type Category } from '../../shared/feed/events.ts';
import type { SimulationSummary } from '../../shared/simulator/scenario.ts';
import { nearestRank } from '../picture/derive.ts';
import type { ModelParams } from './params.ts';
import type { RunRecords } from './model.ts';

const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * The run's summary in the units of the published Ambulance Quality Indicators: counts per day,
 * shares of all incidents, response times from creation to first arrival (mean and nearest-rank
 * 90th centile) for jobs created in the measured period and reached before it ended.
 */
export function summarise(params: ModelParams, records: RunRecords): SimulationSummary {
  const days = (params.end - params.start) / 86_400_000;
  const jobs = records.jobs.filter((j) => j.measured);
  const share = (n: number) => (jobs.length ? round(n / jobs.length) : 0);
  const count = (pick: (j: (typeof jobs)[number]) => boolean) => jobs.filter(pick).length;
  const mixOf = (c: Category) => share(count((j) => j.category === c));
  const response = (c: (typeof RESPONSE_CATEGORIES)[number]) => {
    const times = jobs.filter((j) => j.category === c && j.firstArrivalAt !== undefined).map((j) => j.firstArrivalAt! - j.createdAt).sort((a, b) => a - b);
    const mean = times.length ? times.reduce((s, t) => s + t, 0) / times.length : 0;
    return { meanSeconds: Math.round(mean / 1000), p90Seconds: Math.round(nearestRank(times, 90) / 1000) };
  };
  const calls = records.calls.filter((c) => c.measured);
  const handovers = records.handovers.filter((h) => h.measured).map((h) => h.seconds).sort((a, b) => a - b);
  const over = (minutes: number) => (handovers.length ? round(handovers.filter((s) => s > minutes * 60).length / handovers.length) : 0);
  return {
    trust: params.trust.code,
    days: round(days, 3),
    incidentsPerDay: round(jobs.length / days, 1),
    callsAnsweredPerDay: round(calls.length / days, 1),
    meanCallAnswerSeconds: calls.length ? round(calls.reduce((s, c) => s + c.answerSeconds, 0) / calls.length, 1) : 0,
    mix: { C1: mixOf('C1'), C2: mixOf('C2'), C3: mixOf('C3'), C4: mixOf('C4'), C5: mixOf('C5') },
    outcomes: {
      hearAndTreat: share(count((j) => j.outcome === 'hear_and_treat')),
      seeAndTreat: share(count((j) => j.outcome === 'see_and_treat')),
      conveyedEd: share(count((j) => j.outcome === 'conveyed_ed')),
      conveyedOther: share(count((j) => j.outcome === 'conveyed_other')),
    },
    response: { C1: response('C1'), C2: response('C2'), C3: response('C3'), C4: response('C4') },
    handover: {
      meanSeconds: handovers.length ? Math.round(handovers.reduce((s, v) => s + v, 0) / handovers.length) : 0,
      p90Seconds: Math.round(nearestRank(handovers, 90)),
      over15: over(15),
      over30: over(30),
      over60: over(60),
      hoursLostOver30: round(handovers.reduce((s, v) => s + Math.max(0, v - 1800), 0) / 3600 / days, 1),
    },
  };
}
