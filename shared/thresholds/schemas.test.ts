import { describe, expect, it } from 'vitest';
import { toErrorIssues } from '../http/errors.ts';
import { ThresholdRules } from './schemas.ts';

const rule = { id: 'queue', metric: 'queue.total.waiting', above: 200, sustainSeconds: 600, clearAt: 150, clearSeconds: 900, severity: 'critical', advice: 'Consider a critical incident.' };
const issues = (value: unknown) => {
  const parsed = ThresholdRules.safeParse(value);
  return parsed.success ? [] : toErrorIssues(parsed.error).map((i) => i.path);
};

describe('threshold rules', () => {
  it('take a rule on any figure of the picture, including every hospital at once', () => {
    expect(issues([rule, { ...rule, id: 'h', metric: 'hospitals.*.longestWaitSeconds', above: 3600, clearAt: 2700 }, { ...rule, id: 'b', metric: 'resources.available', above: undefined, below: 5, clearAt: 10 }])).toEqual([]);
  });

  it('say what is wrong with each bad rule, by its place in the list', () => {
    expect(
      issues([
        { ...rule, metric: 'queue.total.length' },
        { ...rule, id: 'Bad Id' },
        { ...rule, id: 'both', below: 10 },
        { ...rule, id: 'never-clears', clearAt: 250 },
        { ...rule, id: 'below-wrong', above: undefined, below: 5, clearAt: 2 },
        { ...rule, id: 'neg', sustainSeconds: -1, severity: 'panic', advice: '' },
      ]),
    ).toEqual(['0.metric', '1.id', '2.above', '3.clearAt', '4.clearAt', '5.sustainSeconds', '5.severity', '5.advice']);
    expect(issues([rule, { ...rule, above: 300 }])).toEqual(['1.id']);
  });
});
