import { z } from 'zod';
import { Exercise, ExerciseParams, ExerciseStart } from '../../shared/exercises/schemas.ts';
import { Picture } from '../../shared/picture/picture.ts';
import { TrustCodeParam } from '../../shared/reference/schemas.ts';
import { findScenario } from '../../shared/simulator/scenarios.ts';
import { londonMidnight } from '../../shared/time/london.ts';
import { recordAudit } from '../audit/audit.ts';
import { actorId } from '../auth/principal.ts';
import type { AppContext } from '../context.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import type { ExercisePictures } from './service.ts';
import { createExercise, endExercise, findExercise, listExercises } from './store.ts';


export function exerciseRoutes(ctx: AppContext, exercises: ExercisePictures): Route[] {
  /** The exercise, if it is one of this trust's: an id of another trust's is as good as unknown. */
  const ofTrust = async (code: string, id: string) => {
    const exercise = await findExercise(ctx.db, id);
    if (!exercise || exercise.trust !== code) throw notFound('No such exercise for this trust.');
    return exercise;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/exercises',
      summary: 'Every exercise, newest first (the last 200): running ones have no endedAt.',
      access: { kind: 'admin' },
      response: z.array(Exercise),
      handler: () => listExercises(ctx.db),
    }),
    defineRoute({
      method: 'get',
      path: '/trusts/:code/exercises',
      summary: 'The trust’s exercises, newest first.',
      params: TrustCodeParam,
      access: ({ params }) => ({ kind: 'readTrust', trust: params.code }),
      response: z.array(Exercise),
      handler: ({ params }) => listExercises(ctx.db, { trust: params.code }),
    }),
    defineRoute({
      method: 'post',
      path: '/trusts/:code/exercises',
      summary:
        'Starts a training exercise for the trust: a shipped scenario, run by the simulator from its day’s start at `speed` times real time, in a data space of its own (never the trust’s real picture). 409 `exercise_active` when one is running.',
      params: TrustCodeParam,
      body: ExerciseStart,
      access: { kind: 'admin' },
      response: Exercise,
      status: 201,
      async handler({ params, body, principal }) {
        const named = findScenario(body.scenario)!;
        const at = ctx.now();
        // The scenario's day begins when the exercise does: a strike from 07:00 comes seven
        // scenario hours in, whatever the time of day the exercise was started.
        const definition = named.build(params.code, londonMidnight(at), Math.floor(at.getTime() / 1000) % 2_147_483_647);
        const exercise = await createExercise(ctx.db, { trust: params.code, scenario: body.scenario, title: named.title, speed: body.speed, definition }, { at, by: actorId(principal) });
        exercises.open(exercise);
        await recordAudit(ctx.db, { at, actorId: actorId(principal), action: 'exercise.started', target: exercise.id, detail: { trust: params.code, scenario: body.scenario, speed: body.speed } });
        return exercise;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/trusts/:code/exercises/:id',
      summary: 'One exercise of the trust.',
      params: ExerciseParams,
      access: ({ params }) => ({ kind: 'readTrust', trust: params.code }),
      response: Exercise,
      handler: ({ params }) => ofTrust(params.code, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/trusts/:code/exercises/:id/picture',
      summary: 'A running exercise’s picture: the trust’s picture as the exercise has it, with `exercise` saying so. 409 `exercise_ended` once it has ended.',
      params: ExerciseParams,
      access: ({ params }) => ({ kind: 'readTrust', trust: params.code }),
      response: Picture,
      async handler({ params }) {
        await ofTrust(params.code, params.id);
        await exercises.running(ctx.db, params.id);
        const picture = exercises.picture(params.id, ctx.now());
        if (!picture) throw new HttpError(409, 'exercise_ended', 'This exercise has ended.');
        return picture;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/trusts/:code/exercises/:id/stop',
      summary: 'Ends a running exercise: the simulator stops feeding it and its screens say it has ended. 409 `exercise_ended` when it already has.',
      params: ExerciseParams,
      access: { kind: 'admin' },
      response: Exercise,
      async handler({ params, principal }) {
        const exercise = await ofTrust(params.code, params.id);
        if (exercise.endedAt) throw new HttpError(409, 'exercise_ended', `This exercise already ended at ${exercise.endedAt}.`);
        const at = ctx.now();
        const ended = (await endExercise(ctx.db, params.id, { at, by: actorId(principal) }))!;
        exercises.forget(params.id);
        ctx.live.shareExerciseEnded(params.id);
        await recordAudit(ctx.db, { at, actorId: actorId(principal), action: 'exercise.stopped', target: params.id });
        return ended;
      },
    }),
  ];
}
