import { historyFigures, type HistoryFigures, type HistoryPoint } from '../../shared/picture/history.ts';
import { TRUSTS, type TrustCode } from '../../shared/reference/trusts.ts';
import type { Database } from '../db/database.ts';
import type { PictureService } from './service.ts';

const MINUTE = 60_000;

/** Stores every trust's key figures for the minute `at` falls in; a minute already stored (by another instance) is kept. */
export async function recordMinute(db: Database, pictures: PictureService, at: Date): Promise<void> {
  const minute = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
  const figures = TRUSTS.map((t) => JSON.stringify(historyFigures(pictures.picture(t.code, at))));
  await db.query(
    `INSERT INTO trust_history (trust, at, figures)
     SELECT u.trust, $1, u.figures FROM unnest($2::text[], $3::jsonb[]) AS u(trust, figures)
     ON CONFLICT (trust, at) DO NOTHING`,
    [minute, TRUSTS.map((t) => t.code), figures],
  );
}

export async function readHistory(db: Database, trust: TrustCode, from: Date, to: Date): Promise<HistoryPoint[]> {
  const rows = await db.query<{ at: Date; figures: HistoryFigures }>('SELECT at, figures FROM trust_history WHERE trust = $1 AND at >= $2 AND at <= $3 ORDER BY at', [trust, from, to]);
  return rows.map((r) => ({ at: r.at.toISOString(), ...r.figures }));
}

/**
 * Records the figures at the start of every minute while the server runs. A minute missed (the
 * server was down) stays missing: charts show the gap rather than invent figures.
 */
export function startHistoryRecorder(db: Database, pictures: PictureService, now: () => Date, onError: (error: unknown) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    const wait = MINUTE - (now().getTime() % MINUTE) + 50;
    timer = setTimeout(() => {
      recordMinute(db, pictures, now()).catch(onError).finally(schedule);
    }, wait);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
