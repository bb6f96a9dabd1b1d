/**
 * Seeded randomness for the simulator: the same seed gives the same run, on any machine.
 * mulberry32 is small, fast and good enough for a simulation (not for secrets).
 */
export type Random = () => number;

export function seeded(seed: number): Random {
  return seededFrom({ a: seed >>> 0 });
}

/**
 * The same generator over a state the caller keeps: saving `state` and resuming from it later
 * gives exactly the numbers an unbroken run would have given.
 */
export function seededFrom(state: { a: number }): Random {
  return () => {
    state.a = (state.a + 0x6d2b79f5) >>> 0;
    let t = state.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponential draw with the given mean. */
export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}

/** A standard normal draw (Box-Muller). */
export function normal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A lognormal draw with parameters of the underlying normal. */
export function lognormal(random: Random, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * normal(random));
}

/** A lognormal draw with the given mean and coefficient of variation. */
export function lognormalByMean(random: Random, mean: number, cv: number): number {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  return lognormal(random, Math.log(mean) - (sigma * sigma) / 2, sigma);
}

/** Picks a key with probability proportional to its weight. Example: { a: 1, b: 3 } gives b three times in four. */
export function pickWeighted<K extends string>(random: Random, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [key, weight] of entries) {
    if ((r -= weight) < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

/** The standard normal cumulative distribution (Abramowitz and Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return x > 0 ? 1 - p : p;
}
