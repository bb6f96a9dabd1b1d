import type { Exercise } from '../../shared/exercises/schemas.ts';
import type { FeedEvent } from '../../shared/feed/events.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import { findTrust } from '../../shared/reference/trusts.ts';
import type { Queryable } from '../db/database.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { derivePicture, type PictureContext } from '../picture/derive.ts';
import { TrustState } from '../picture/state.ts';
import { findExercise, listExercises, readExerciseEvents } from './store.ts';

interface Held {
  exercise: Exercise;
  state: TrustState;
}

/**
 * The pictures of running exercises, in memory, each derived from its own events only: the same
 * derivation as a trust's real picture, over a separate state, tagged so no screen can take it
 * for the real one. Exercises other instances started are loaded when first asked for.
 */
export class ExercisePictures {
  private readonly held = new Map<string, Held>();
  private readonly listeners = new Set<(id: string) => void>();
  private readonly context: () => PictureContext;

  constructor(context: () => PictureContext) {
    this.context = context;
  }

  async rebuild(db: Queryable): Promise<void> {
    for (const exercise of await listExercises(db, { running: true })) await this.load(db, exercise);
  }

  /** The running exercise, loaded if this instance does not hold it yet; 404 or 409 otherwise. */
  async running(db: Queryable, id: string): Promise<Exercise> {
    const exercise = await findExercise(db, id);
    if (!exercise) throw notFound('No such exercise.');
    if (exercise.endedAt) {
      this.forget(id);
      throw new HttpError(409, 'exercise_ended', `This exercise ended at ${exercise.endedAt}.`);
    }
    if (!this.held.has(id)) await this.load(db, exercise);
    return exercise;
  }

  private async load(db: Queryable, exercise: Exercise): Promise<void> {
    const state = new TrustState();
    const { events, lastReceivedAt } = await readExerciseEvents(db, exercise.id);
    for (const event of events) state.apply(event);
    if (lastReceivedAt) state.heard(lastReceivedAt.getTime());
    // Batches heard while it was loading are already in a state of their own: keep that one.
    if (!this.held.has(exercise.id)) this.held.set(exercise.id, { exercise, state });
  }

  /** Starts holding a new exercise, with nothing in it yet. */
  open(exercise: Exercise): void {
    if (!this.held.has(exercise.id)) this.held.set(exercise.id, { exercise, state: new TrustState() });
  }

  forget(id: string): void {
    if (this.held.delete(id)) for (const listener of this.listeners) listener(id);
  }

  holds(id: string): boolean {
    return this.held.has(id);
  }

  /** Applies an exercise's stored events; one this instance does not hold is loaded when asked for. */
  ingest(id: string, events: readonly FeedEvent[], receivedAt: Date): void {
    const held = this.held.get(id);
    if (!held) return;
    held.state.heard(receivedAt.getTime());
    for (const event of events) held.state.apply(event, receivedAt.getTime());
    for (const listener of this.listeners) listener(id);
  }

  onChange(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The exercise's picture, or undefined when this instance does not hold it (ended, or not loaded). */
  picture(id: string, now: Date): Picture | undefined {
    const held = this.held.get(id);
    if (!held) return undefined;
    const { exercise } = held;
    const picture = derivePicture(findTrust(exercise.trust)!, held.state, now, this.context());
    return { ...picture, exercise: { id: exercise.id, scenario: exercise.scenario, title: exercise.title, speed: exercise.speed, startedAt: exercise.startedAt } };
  }
}
