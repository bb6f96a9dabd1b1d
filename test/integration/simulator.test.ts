import { describe, expect, it } from 'vitest';
import type { FeedKey } from '../../shared/auth/schemas.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import { SIMULATOR_KEY_LABEL } from '../../server/simulator/live.ts';
import { until } from '../support/until.ts';
import { createStorage, databaseKinds, startTestServer, type TestServer } from '../support/server.ts';

const kinds = await databaseKinds();


const picture = async (t: TestServer, trust: string) => (await t.admin.get<Picture>(`/api/v1/trusts/${trust}/picture`)).body;
const simulatorKeys = async (t: TestServer) => (await t.admin.get<FeedKey[]>('/api/v1/admin/feed-keys')).body.filter((k) => k.label === SIMULATOR_KEY_LABEL);

describe.each(kinds)('the built-in simulator on %s', (kind) => {
  it('feeds a warm service through the feed API with keys of its own, and carries the same run on after a restart', async () => {
    const storage = await createStorage(kind);
    const options = { config: { simulator: true }, simulatorTrusts: ['R1F'] as const };
    let t = await startTestServer(storage, options);
    try {
      // Warm: the night before already ran, so today has responses and crews are out.
      const warm = await until('a warm Isle of Wight', () => picture(t, 'R1F'), (p) => p.resources.onShift > 0 && p.responseToday.C2.count > 0 && !p.stale);
      expect(warm.resources.planned).toBeGreaterThan(0);
      expect(Date.now() - Date.parse(warm.lastEventAt!)).toBeLessThan(60_000);
      // Only the trusts it was asked to feed.
      expect((await picture(t, 'RX6')).lastEventAt).toBeNull();
      const [key] = await simulatorKeys(t);
      expect(key).toMatchObject({ trust: 'R1F', revokedAt: null, createdBy: null });

      await t.close();
      t = await startTestServer(storage, options);
      await until('the run carried on', () => Promise.resolve(t.logs.some((l) => l.includes('carrying on the stored run'))), Boolean);
      const after = await until('events after the restart', () => picture(t, 'R1F'), (p) => Date.parse(p.lastEventAt ?? '0') > Date.parse(warm.lastEventAt!));
      // The same fleet carried on: no crews of a run nobody runs any more.
      expect(after.resources.onShift).toBeLessThanOrEqual(after.resources.planned + 2);
      expect(after.responseToday.C2.count).toBeGreaterThanOrEqual(warm.responseToday.C2.count);
      expect(after.responseToday.C2.count).toBeLessThan(warm.responseToday.C2.count * 1.5 + 5);
      // The old key is revoked, a new one feeds.
      const keys = await simulatorKeys(t);
      expect(keys.filter((k) => k.revokedAt === null)).toHaveLength(1);
      expect(keys.filter((k) => k.revokedAt !== null).map((k) => k.id)).toEqual([key!.id]);
    } finally {
      await t.close();
      await storage.dispose();
    }
    // Two starts of a server, one of them warming a simulated service up.
  }, 90_000);
});
