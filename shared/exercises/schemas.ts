import { z } from 'zod';
import { TrustCodeSchema } from '../auth/schemas.ts';
import { SCENARIO_NAMES } from '../simulator/scenarios.ts';

/**
 * A training exercise: a shipped scenario run by the simulator for one trust, in a data space
 * of its own. Its events, picture and screens never mix with the trust's real ones; every
 * screen showing it says EXERCISE.
 */
export const ExerciseStart = z
  .object({
    scenario: z.enum(SCENARIO_NAMES, { error: `must be one of ${SCENARIO_NAMES.join(', ')}` }),
    /** How many times faster than real time the scenario runs: 1 for a day-long exercise, more to rehearse it in an afternoon. */
    speed: z.number().min(1, 'must be from 1 to 60').max(60, 'must be from 1 to 60').default(1),
  })
  .strict();
export type ExerciseStart = z.infer<typeof ExerciseStart>;

export const Exercise = z.object({
  id: z.string(),
  trust: TrustCodeSchema,
  scenario: z.enum(SCENARIO_NAMES),
  title: z.string(),
  speed: z.number(),
  startedAt: z.string(),
  startedBy: z.string().nullable(),
  /** Null while it runs. */
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
});
export type Exercise = z.infer<typeof Exercise>;

/** What an exercise's picture carries so that no screen can take it for the real one. */
export const ExerciseTag = Exercise.pick({ id: true, scenario: true, title: true, speed: true, startedAt: true });
export type ExerciseTag = z.infer<typeof ExerciseTag>;

export const ExerciseParams = z.object({ code: TrustCodeSchema, id: z.uuid('must be an exercise id') });
