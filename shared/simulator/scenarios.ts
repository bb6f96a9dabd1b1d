import type { TrustCode } from '../reference/trusts.ts';
import { hospitalsOfTrust } from '../reference/hospitals.ts';
import { londonMidnight } from '../time/london.ts';
import type { Scenario } from './scenario.ts';

/** A scenario shipped with the product, for any trust: the exercise menu and `--scenario NAME`. */
export interface NamedScenario {
  name: ScenarioName;
  title: string;
  description: string;
  /** The scenario for a trust from `start` (an instant; events before it are the warm-up). */
  build(trust: TrustCode, start: Date, seed: number): Scenario;
}

export const SCENARIO_NAMES = ['ordinary-day', 'winter-crisis', 'strike-day', 'ed-closure'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** 07:00 to 19:00 UK time on the day of `start`: the hours strikes have usually been called for. */
const dayShift = (start: Date) => {
  const midnight = londonMidnight(start).getTime();
  return { from: iso(midnight + 7 * HOUR), to: iso(midnight + 19 * HOUR) };
};

export const SCENARIOS: readonly NamedScenario[] = [
  {
    name: 'ordinary-day',
    title: 'An ordinary day',
    description: 'The trust’s calibrated service: its own demand, category mix and handover times of the last published year.',
    build: (trust, start, seed) => ({ trust, start: start.toISOString(), days: 1, seed }),
  },
  {
    name: 'winter-crisis',
    title: 'A winter handover crisis',
    description:
      'Like December 2022: demand up by a tenth, one crew in twelve lost to sickness, and handovers as in the week to 1 January 2023 (44% over 30 minutes, 25% over an hour, NHS England winter sitreps). Queues build through the day.',
    build: (trust, start, seed) => ({
      trust,
      start: start.toISOString(),
      days: 1,
      seed,
      demandFactor: 1.1,
      handover: { meanSeconds: 62 * 60, over30: 0.44, over60: 0.25 },
      capacity: { staffingFactor: 0.92 },
    }),
  },
  {
    name: 'strike-day',
    title: 'A strike day',
    description:
      'Industrial action from 07:00 to 19:00: half the crews, every C1 and the C2 patients agreed locally (half here) still sent, the rest held until the strike ends; 999 demand falls by a seventh.',
    build: (trust, start, seed) => ({
      trust,
      start: start.toISOString(),
      days: 1,
      seed,
      demandFactor: 0.86,
      strike: [{ ...dayShift(start), staffingFactor: 0.5, covered: ['C1'], partlyCovered: { C2: 0.5 } }],
    }),
  },
  {
    name: 'ed-closure',
    title: 'An emergency department closes its doors',
    description: 'The trust’s first listed emergency department takes no ambulances from 10:00 to 16:00; crews go to the others, whose handovers slow.',
    build: (trust, start, seed) => {
      const midnight = londonMidnight(start).getTime();
      const hospital = hospitalsOfTrust(trust)[0];
      return { trust, start: start.toISOString(), days: 1, seed, ...(hospital ? { edClosures: [{ hospital: hospital.code, from: iso(midnight + 10 * HOUR), to: iso(midnight + 16 * HOUR) }] } : {}) };
    },
  },
];

export function findScenario(name: string): NamedScenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
