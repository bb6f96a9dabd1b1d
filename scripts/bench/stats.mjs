/** Percentile by nearest rank over weighted samples: [{ value, weight }]. */
export function weightedPercentile(samples, p) {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, s) => sum + s.weight, 0);
  const rank = (p / 100) * total;
  let seen = 0;
  for (const s of sorted) {
    seen += s.weight;
    if (seen >= rank) return s.value;
  }
  return sorted[sorted.length - 1].value;
}

export const round = (n, places = 1) => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);
