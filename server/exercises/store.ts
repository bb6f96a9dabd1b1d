import type { Exercise } from '../../shared/exercises/schemas.ts';
import type { FeedEvent } from '../../shared/feed/events.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';
import type { ScenarioName } from '../../shared/simulator/scenarios.ts';
import type { Scenario } from '../../shared/simulator/scenario.ts';
import type { Database, Queryable } from '../db/database.ts';
import { conflict } from '../http/errors.ts';

interface ExerciseRow {
  [key: string]: unknown;
  id: string;
  trust: TrustCode;
  scenario: ScenarioName;
  title: string;
  speed: number;
  started_at: Date;
  started_by: string | null;
  ended_at: Date | null;
  ended_by: string | null;
}

const COLUMNS = 'x.id, x.trust, x.scenario, x.title, x.speed, x.started_at, s.username AS started_by, x.ended_at, e.username AS ended_by';
const FROM = 'exercises x LEFT JOIN users s ON s.id = x.started_by LEFT JOIN users e ON e.id = x.ended_by';

function present(row: ExerciseRow): Exercise {
  return {
    id: row.id,
    trust: row.trust,
    scenario: row.scenario,
    title: row.title,
    speed: Number(row.speed),
    startedAt: row.started_at.toISOString(),
    startedBy: row.started_by,
    endedAt: row.ended_at?.toISOString() ?? null,
    endedBy: row.ended_by,
  };
}

export async function createExercise(
  db: Queryable,
  input: { trust: TrustCode; scenario: ScenarioName; title: string; speed: number; definition: Scenario },
  meta: { at: Date; by: string | null },
): Promise<Exercise> {
  const running = await db.query('SELECT 1 FROM exercises WHERE trust = $1 AND ended_at IS NULL', [input.trust]);
  if (running.length) throw conflict('exercise_active', `${input.trust} already has an exercise running; stop it before starting another.`);
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO exercises (trust, scenario, title, speed, definition, started_at, started_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [input.trust, input.scenario, input.title, input.speed, JSON.stringify(input.definition), meta.at, meta.by],
  );
  return (await findExercise(db, row!.id))!;
}

export async function findExercise(db: Queryable, id: string): Promise<Exercise | undefined> {
  const [row] = await db.query<ExerciseRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE x.id = $1`, [id]);
  return row && present(row);
}

/** Newest first; `running` narrows to those not ended. */
export async function listExercises(db: Queryable, filter: { trust?: TrustCode; running?: boolean } = {}): Promise<Exercise[]> {
  const rows = await db.query<ExerciseRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ($1::text IS NULL OR x.trust = $1) AND ($2::boolean IS NULL OR (x.ended_at IS NULL) = $2) ORDER BY x.started_at DESC LIMIT 200`,
    [filter.trust ?? null, filter.running ?? null],
  );
  return rows.map(present);
}

/** Ends a running exercise and revokes its feed keys; answers it as it now stands. */
export async function endExercise(db: Database, id: string, meta: { at: Date; by: string | null }): Promise<Exercise | undefined> {
  await db.transaction(async (tx) => {
    await tx.query('UPDATE exercises SET ended_at = $2, ended_by = $3 WHERE id = $1 AND ended_at IS NULL', [id, meta.at, meta.by]);
    await tx.query('UPDATE feed_keys SET revoked_at = $2 WHERE exercise_id = $1 AND revoked_at IS NULL', [id, meta.at]);
  });
  return findExercise(db, id);
}

/** The scenario an exercise runs and where its simulation stands, for the simulator. */
export async function exerciseRun(db: Queryable, id: string): Promise<{ definition: Scenario; speed: number; startedAt: Date; state: unknown } | undefined> {
  const [row] = await db.query<{ definition: Scenario; speed: number; started_at: Date; state: unknown }>('SELECT definition, speed, started_at, state FROM exercises WHERE id = $1', [id]);
  return row && { definition: row.definition, speed: Number(row.speed), startedAt: row.started_at, state: row.state };
}

export async function saveExerciseState(db: Queryable, id: string, state: unknown, at: Date): Promise<void> {
  await db.query('UPDATE exercises SET state = $2, saved_at = $3 WHERE id = $1 AND ended_at IS NULL', [id, JSON.stringify(state), at]);
}

/** Stores an exercise's events apart from every real feed's; a repeated id is a duplicate. */
export async function appendExerciseEvents(db: Queryable, exerciseId: string, events: readonly FeedEvent[], receivedAt: Date): Promise<{ stored: FeedEvent[]; duplicates: number }> {
  // A batch may repeat an id within itself: the first one counts.
  const first = new Map<string, FeedEvent>();
  for (const e of events) if (!first.has(e.id)) first.set(e.id, e);
  const batch = [...first.values()];
  if (batch.length === 0) return { stored: [], duplicates: events.length };
  const rows = await db.query<{ id: string }>(
    `INSERT INTO exercise_events (exercise_id, id, type, at, received_at, body)
     SELECT $1, u.id, u.type, u.at, $2, u.body
       FROM unnest($3::text[], $4::text[], $5::timestamptz[], $6::jsonb[]) AS u(id, type, at, body)
     ON CONFLICT (exercise_id, id) DO NOTHING
     RETURNING id`,
    [exerciseId, receivedAt, batch.map((e) => e.id), batch.map((e) => e.type), batch.map((e) => e.at), batch.map((e) => JSON.stringify(e))],
  );
  const inserted = new Set(rows.map((r) => r.id));
  const stored = batch.filter((e) => inserted.has(e.id));
  return { stored, duplicates: events.length - stored.length };
}

export async function readExerciseEvents(db: Queryable, exerciseId: string): Promise<{ events: FeedEvent[]; lastReceivedAt: Date | undefined }> {
  const rows = await db.query<{ body: FeedEvent; received_at: Date }>('SELECT body, received_at FROM exercise_events WHERE exercise_id = $1 ORDER BY seq', [exerciseId]);
  return { events: rows.map((r) => r.body), lastReceivedAt: rows.at(-1)?.received_at };
}
