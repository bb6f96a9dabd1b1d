import type { Category } from '../../shared/feed/events.ts';
import type { ModelState, Resource } from './modelState.ts';
import type { ModelParams } from './params.ts';
import { idShare } from './profiles.ts';
import { STANDARD_MS } from './rules.ts';

/** Which job a crew goes to next, and which crew on the road a C1 may take: pure functions of the state. */

type Strike = ModelParams['strikes'][number] | undefined;

/**
 * The job to send a crew to next: the oldest C1, or else, of C2 to C4, the one furthest into
 * its category's standard. During a strike only the covered categories are sent, and of a
 * partly covered one only the jobs the derogation takes (a fixed share, chosen by job id so no
 * random draw is spent on it).
 */
export function nextJob(s: ModelState, strike: Strike): { category: Exclude<Category, 'C5'>; index: number } | undefined {
  const { queues, jobs } = s;
  const oldestSent = (category: Exclude<Category, 'C5'>) => {
    const share = !strike || strike.covered.has(category) ? 1 : (strike.partly[category] ?? 0);
    if (share <= 0) return -1;
    const queue = queues[category];
    if (share >= 1) return queue.length ? 0 : -1;
    return queue.findIndex((jobId) => idShare(jobId) < share);
  };
  const c1 = oldestSent('C1');
  if (c1 >= 0) return { category: 'C1', index: c1 };
  let best: { category: 'C2' | 'C3' | 'C4'; index: number; overdue: number } | undefined;
  for (const category of ['C2', 'C3', 'C4'] as const) {
    const index = oldestSent(category);
    if (index < 0) continue;
    const overdue = (s.now - jobs[queues[category][index]!]!.createdAt) / STANDARD_MS[category];
    if (!best || overdue > best.overdue) best = { category, index, overdue };
  }
  return best;
}

/**
 * A crew a C1 may take when none is free: one on its way to a less urgent job (of the categories
 * `from`) it alone is going to, and of those the one whose job is least overdue against its
 * standard. Its job goes back to the queue at its original place.
 * Dispatchers divert crews this way; without it a trust with few crews, such as the Isle of
 * Wight, leaves a cardiac arrest waiting for a crew to clear while others drive to C3 calls.
 */
export function divertable(s: ModelState, from: readonly Category[]): Resource | undefined {
  const { resources, jobs } = s;
  let best: { crew: Resource; overdue: number } | undefined;
  for (const crew of resources) {
    if (crew.status !== 'mobile') continue;
    const job = jobs[crew.job!]!;
    if (job.category === 'C1' || job.category === 'C5' || !from.includes(job.category)) continue;
    if (resources.some((other) => other !== crew && other.job === job.id)) continue;
    const overdue = (s.now - job.createdAt) / STANDARD_MS[job.category];
    if (!best || overdue < best.overdue) best = { crew, overdue };
  }
  return best?.crew;
}
