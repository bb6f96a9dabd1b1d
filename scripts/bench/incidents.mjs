// The incident review's part of the benchmark: text search over years of incident logs in the
// embedded database, through the GIN indexes, against the same words found by reading every
// entry (ILIKE), so the ratio shows what the indexes buy.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAIN } from './server.mjs';
import { round } from './stats.mjs';

const dist = path.join(path.dirname(MAIN), '..');
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const WORDS = ['divert', 'handover', 'cohort', 'mutual', 'telephony', 'hart', 'derogation', 'fleet', 'surge', 'welfare'];
const FILLER = 'crews queue hospital patients waiting update control room duty manager region call handlers ambulance'.split(' ');

/**
 * `years` of incidents for all 11 trusts, `perTrustMonth` incidents a trust a month, each with
 * `entries` log entries, written straight into the tables (the hashes are not a chain: only the
 * search is timed). Then the median of searching each word through listIncidents, and by a scan.
 */
export async function incidentSearch({ years = 3, perTrustMonth = 2, entries = 200 } = {}) {
  const [{ openPglite }, { migrate }, store, trusts] = await Promise.all([load('server/db/pglite.js'), load('server/db/migrate.js'), load('server/incidents/store.js'), load('shared/reference/trusts.js')]);
  const db = await openPglite('memory://');
  try {
    await migrate(db);
    const incidents = years * 12 * perTrustMonth * trusts.TRUSTS.length;
    const started = performance.now();
    await db.exec(`
      INSERT INTO incidents (id, trust, region, level, title, reason, status, declared_at, declared_by, snapshot, stood_down_at, stood_down_by, stand_down_reason, entry_count, last_entry_at, head_hash)
      SELECT md5(n::text)::uuid, t.code, t.region, (ARRAY['business_continuity','critical','major'])[1 + n % 3],
             'Incident ' || n || ' ' || (ARRAY[${FILLER.map((w) => `'${w}'`).join(',')}])[1 + n % ${FILLER.length}],
             'Declared with ' || (n % 250) || ' waiting', 'stood_down',
             timestamptz '2023-01-01' + (n * interval '${Math.round((years * 365 * 24 * 60) / incidents)} minutes'),
             '{"id":null,"username":"bench","displayName":"Bench","role":"duty_manager"}', '{}',
             timestamptz '2023-01-01' + (n * interval '${Math.round((years * 365 * 24 * 60) / incidents)} minutes') + interval '12 hours',
             '{"id":null,"username":"bench","displayName":"Bench","role":"duty_manager"}', 'Recovered', ${entries}, now(), repeat('0', 64)
        FROM generate_series(1, ${incidents}) n
        JOIN (VALUES ${trusts.TRUSTS.map((t, i) => `(${i}, '${t.code}', '${t.region}')`).join(',')}) t(i, code, region) ON t.i = n % ${trusts.TRUSTS.length};
      INSERT INTO incident_entries (incident_id, seq, at, author, kind, text, rationale, hash)
      SELECT md5(n::text)::uuid, s, timestamptz '2023-01-01' + (n * interval '1 minute') + s * interval '1 minute',
             '{"id":null,"username":"bench","displayName":"Bench","role":"duty_manager"}', 'information',
             (ARRAY[${FILLER.map((w) => `'${w}'`).join(',')}])[1 + (n * s) % ${FILLER.length}] || ' ' ||
             (ARRAY[${FILLER.map((w) => `'${w}'`).join(',')}])[1 + (n + s) % ${FILLER.length}] || ' entry ' || s ||
             CASE WHEN (n * 7 + s) % 997 = 0 THEN ' ' || (ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])[1 + (n + s) % ${WORDS.length}] ELSE '' END,
             NULL, repeat('0', 64)
        FROM generate_series(1, ${incidents}) n, generate_series(1, ${entries}) s;
      ANALYZE incidents; ANALYZE incident_entries;`);
    const loadSeconds = (performance.now() - started) / 1000;
    const time = async (run) => {
      const t0 = performance.now();
      const result = await run();
      return { ms: performance.now() - t0, result };
    };
    const indexed = [];
    const scanned = [];
    let found = 0;
    for (const word of WORDS) {
      const a = await time(() => store.listIncidents(db, { kind: 'all' }, { q: word, limit: 50 }));
      indexed.push(a.ms);
      found += a.result.incidents.length;
      const b = await time(() =>
        db.query(`SELECT DISTINCT i.id, i.declared_at FROM incidents i JOIN incident_entries e ON e.incident_id = i.id WHERE e.text ILIKE $1 OR i.title ILIKE $1 ORDER BY i.declared_at DESC LIMIT 50`, [`%${word}%`]),
      );
      scanned.push(b.ms);
    }
    const plan = (await db.query(`EXPLAIN SELECT incident_id FROM incident_entries WHERE search @@ websearch_to_tsquery('english', 'divert')`)).map((r) => Object.values(r)[0]).join(' ');
    return {
      incidents,
      entries: incidents * entries,
      loadSeconds: round(loadSeconds),
      searchMedianMs: round(median(indexed)),
      scanMedianMs: round(median(scanned)),
      scanOverSearch: round(median(scanned) / median(indexed)),
      matchesPerSearch: round(found / WORDS.length),
      usesIndex: /Bitmap Index Scan on incident_entries_search/.test(plan),
    };
  } finally {
    await db.close();
  }
}
