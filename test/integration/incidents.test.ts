import { beforeAll, describe, expect, it } from 'vitest';
import type { Incident, IncidentListItem, IncidentPage, LogEntry, Verification } from '../../shared/incidents/schemas.ts';
import type { Picture } from '../../shared/picture/picture.ts';
import type { ThresholdRule } from '../../shared/thresholds/schemas.ts';
import { build } from '../../server/picture/builders.ts';
import type { ApiClient } from '../support/http.ts';
import { connectFeed } from '../support/feed.ts';
import { databaseKinds, useTestServer } from '../support/server.ts';
import { connected, openSocket } from '../support/socket.ts';
import { until } from '../support/until.ts';

const kinds = await databaseKinds();

const declaration = { trust: 'RX6', level: 'critical', title: 'Handover delays across the region', reason: 'Over 200 patients waiting; 40 crews held at hospitals.' };

describe.each(kinds)('declared incidents and their log on %s', (kind) => {
  const t = useTestServer(kind);
  let dm: ApiClient;
  let exec: ApiClient;
  let national: ApiClient;
  let coordY63: ApiClient;
  let coordY61: ApiClient;
  let dmRYC: ApiClient;

  beforeAll(async () => {
    dm = await t.signedIn({ username: 'dm-rx6', role: 'duty_manager', trust: 'RX6', displayName: 'Jo Manager' });
    exec = await t.signedIn({ username: 'exec-rx6', role: 'executive', trust: 'RX6' });
    national = await t.signedIn({ username: 'national', role: 'executive' });
    coordY63 = await t.signedIn({ username: 'coord-y63', role: 'coordinator', region: 'Y63' });
    coordY61 = await t.signedIn({ username: 'coord-y61', role: 'coordinator', region: 'Y61' });
    dmRYC = await t.signedIn({ username: 'dm-ryc', role: 'duty_manager', trust: 'RYC' });
  });

  const picture = async (trust: string) => (await t.admin.get<Picture>(`/api/v1/trusts/${trust}/picture`)).body;

  it('declares an incident with the picture of that moment and its first entry, one active per trust, by a duty manager of the trust only', async () => {
    const feed = await connectFeed(t);
    await feed.send([build.jobCreated('inc-1', 'C2', new Date(Date.now() - 120_000).toISOString())]);

    expect((await exec.post('/api/v1/incidents', declaration)).status).toBe(403);
    expect((await dmRYC.post('/api/v1/incidents', declaration)).status).toBe(403);
    const bad = await dm.post('/api/v1/incidents', { trust: 'RX6', level: 'serious', title: ' ', reason: '' });
    expect(bad.status).toBe(400);
    expect((bad.body as { issues: { path: string }[] }).issues.map((i) => i.path).sort()).toEqual(['level', 'reason', 'title']);

    const declared = await dm.post<Incident>('/api/v1/incidents', declaration);
    expect(declared.status).toBe(201);
    const incident = declared.body;
    expect(incident).toMatchObject({ trust: 'RX6', region: 'Y63', level: 'critical', status: 'active', title: declaration.title, declaredBy: { displayName: 'Jo Manager', role: 'duty_manager' }, standDown: null });
    expect(incident.snapshot.queue.C2.waiting).toBe(1);
    expect(incident.log).toHaveLength(1);
    expect(incident.log[0]).toMatchObject({ seq: 1, kind: 'system', author: { displayName: 'Jo Manager' } });
    expect(incident.log[0]!.text).toContain('Critical incident declared');
    expect(incident.log[0]!.hash).toMatch(/^[0-9a-f]{64}$/);

    expect((await picture('RX6')).incident).toEqual({ id: incident.id, level: 'critical', title: declaration.title, declaredAt: incident.declaredAt });
    const again = await dm.post('/api/v1/incidents', { ...declaration, title: 'Another' });
    expect(again.status).toBe(409);
    expect((again.body as { error: string }).error).toBe('incident_active');
    // Two at once: exactly one is declared (the database's unique index decides).
    const rycs = await Promise.all([dmRYC.post('/api/v1/incidents', { ...declaration, trust: 'RYC' }), dmRYC.post('/api/v1/incidents', { ...declaration, trust: 'RYC' })]);
    expect(rycs.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  const activeRX6 = async () => (await picture('RX6')).incident!.id;

  it('takes entries in order with their author and hash, insists on a rationale for decisions and a target for corrections, and never changes one', async () => {
    const id = await activeRX6();
    const noRationale = await dm.post(`/api/v1/incidents/${id}/entries`, { kind: 'decision', text: 'Cancel all training today.' });
    expect(noRationale.status).toBe(400);
    expect((noRationale.body as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['rationale']);
    expect((await dm.post(`/api/v1/incidents/${id}/entries`, { kind: 'correction', text: 'x' })).status).toBe(400);
    expect((await dm.post(`/api/v1/incidents/${id}/entries`, { kind: 'system', text: 'x' })).status).toBe(400);
    expect((await dm.post(`/api/v1/incidents/${id}/entries`, { kind: 'correction', text: 'x', corrects: 99 })).status).toBe(400);
    expect((await exec.post(`/api/v1/incidents/${id}/entries`, { kind: 'information', text: 'x' })).status).toBe(403);

    const decision = await dm.post<LogEntry>(`/api/v1/incidents/${id}/entries`, { kind: 'decision', text: 'Cancel all training today; trainers to the road.', rationale: 'Twelve more crews by 14:00 against a queue of 210.' });
    expect(decision.status).toBe(201);
    expect(decision.body).toMatchObject({ seq: 2, kind: 'decision', author: { username: 'dm-rx6', displayName: 'Jo Manager' }, rationale: 'Twelve more crews by 14:00 against a queue of 210.' });
    const correction = await dm.post<LogEntry>(`/api/v1/incidents/${id}/entries`, { kind: 'correction', text: 'Crews by 15:00, not 14:00.', corrects: 2 });
    expect(correction.body).toMatchObject({ seq: 3, corrects: 2 });

    const read = await exec.get<LogEntry>(`/api/v1/incidents/${id}/entries/2`);
    expect(read.body).toEqual(decision.body);
    expect((await exec.get(`/api/v1/incidents/${id}/entries/99`)).status).toBe(404);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const answer = await dm.request(method, `/api/v1/incidents/${id}/entries/2`, { json: { text: 'changed' } });
      expect(answer.status, method).toBe(405);
    }
    expect((await exec.get<LogEntry>(`/api/v1/incidents/${id}/entries/2`)).body).toEqual(decision.body);
  });

  it('writes its own entries for level changes, REAP changes and flags while the incident runs', async () => {
    const id = await activeRX6();
    expect((await dm.post(`/api/v1/incidents/${id}/level`, { level: 'critical', reason: 'same' })).status).toBe(409);
    const escalated = await dm.post<Incident>(`/api/v1/incidents/${id}/level`, { level: 'major', reason: 'A hospital has closed its doors.' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.level).toBe('major');
    expect((await picture('RX6')).incident?.level).toBe('major');
    expect((await dm.put('/api/v1/trusts/RX6/reap', { level: 4, reason: 'No resource free for an hour.' })).status).toBe(200);

    const rule: ThresholdRule = { id: 'incident-queue', metric: 'queue.total.waiting', above: 0, sustainSeconds: 0, clearAt: 0, clearSeconds: 0, severity: 'warning', advice: 'Tell the region.' };
    expect((await t.admin.put('/api/v1/trusts/RX6/thresholds', [rule])).status).toBe(200);
    const log = await until(
      'the flag in the log',
      async () => (await exec.get<Incident>(`/api/v1/incidents/${id}`)).body.log,
      (entries) => entries.some((e) => e.kind === 'system' && e.text.startsWith('Flag raised (warning)')),
    );
    const system = log.filter((e) => e.kind === 'system').map((e) => e.text);
    expect(system.some((text) => text.startsWith('Escalated from critical incident to major incident by Jo Manager'))).toBe(true);
    expect(system.some((text) => text.startsWith('REAP level set to 4 (extreme pressure) by Jo Manager'))).toBe(true);
    expect(log.find((e) => e.text.startsWith('REAP level set'))?.rationale).toBe('No resource free for an hour.');
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect((await t.admin.put('/api/v1/trusts/RX6/thresholds', [])).status).toBe(200);
  });

  it('keeps the seq and the chain whole when many write at once', async () => {
    const id = await activeRX6();
    const before = (await exec.get<Incident>(`/api/v1/incidents/${id}`)).body.log.length;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => dm.post<LogEntry>(`/api/v1/incidents/${id}/entries`, { kind: 'information', text: `Update ${i} from the floor.` })));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const seqs = answers.map((a) => a.body.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(20);
    const log = (await exec.get<Incident>(`/api/v1/incidents/${id}`)).body.log;
    expect(log.length).toBeGreaterThanOrEqual(before + 20);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
    expect((await exec.get<Verification>(`/api/v1/incidents/${id}/verify`)).body).toEqual({ ok: true, entries: log.length });
  });

  it('pushes each new entry to the people watching the incident, never to a wall screen', async () => {
    const id = await activeRX6();
    const link = (await t.admin.post<{ token: string }>('/api/v1/admin/display-links', { label: 'wall', trust: 'RX6' })).body;
    const socket = openSocket(t.url, { client: exec });
    const wall = openSocket(t.url, { token: link.token });
    try {
      await Promise.all([connected(socket), connected(wall)]);
      const answer = await socket.emitWithAck('incident.subscribe', { id });
      expect(answer.ok && answer.data.id).toBe(id);
      expect(await wall.emitWithAck('incident.subscribe', { id })).toMatchObject({ ok: false, error: 'forbidden' });
      const coord = openSocket(t.url, { client: coordY61 });
      await connected(coord);
      expect(await coord.emitWithAck('incident.subscribe', { id })).toMatchObject({ ok: false, error: 'forbidden' });
      coord.close();
      const logged = new Promise<LogEntry>((resolve) => socket.on('incident.logged', (p) => p.incident === id && p.entry.text === 'Live one.' && resolve(p.entry)));
      const posted = await dm.post<LogEntry>(`/api/v1/incidents/${id}/entries`, { kind: 'communication', text: 'Live one.' });
      expect(await logged).toEqual(posted.body);
    } finally {
      socket.close();
      wall.close();
    }
  });

  it('lets the trust, national executives and the region’s coordinators read it, and nobody else', async () => {
    const id = await activeRX6();
    for (const reader of [dm, exec, national, coordY63]) expect((await reader.get(`/api/v1/incidents/${id}`)).status).toBe(200);
    for (const outsider of [coordY61, dmRYC, t.admin]) expect((await outsider.get(`/api/v1/incidents/${id}`)).status).toBe(403);
    expect((await t.client().get(`/api/v1/incidents/${id}`)).status).toBe(401);
    expect((await exec.get('/api/v1/incidents/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await exec.get('/api/v1/incidents/not-a-uuid')).status).toBe(404);
  });

  it('catches an entry altered in the database behind the server’s back, and the database refuses changes itself', async () => {
    const id = await activeRX6();
    const { db } = t.server;
    for (const sql of [`UPDATE incident_entries SET text = 'rewritten' WHERE incident_id = '${id}' AND seq = 2`, `DELETE FROM incident_entries WHERE incident_id = '${id}' AND seq = 2`, 'TRUNCATE incident_entries']) {
      await expect(db.query(sql), sql).rejects.toThrow(/never changed or removed/);
    }
    await expect(db.query(`UPDATE incidents SET title = 'rewritten' WHERE id = '${id}'`)).rejects.toThrow(/declaration is never changed/);
    await expect(db.query(`DELETE FROM incidents WHERE id = '${id}'`)).rejects.toThrow(/never removed/);
    // Someone with the rights to disable the trigger changes a rationale: verify names the entry.
    const clean = (await exec.get<Verification>(`/api/v1/incidents/${id}/verify`)).body;
    expect(clean.ok).toBe(true);
    await db.exec(`ALTER TABLE incident_entries DISABLE TRIGGER incident_entries_no_update;
      UPDATE incident_entries SET rationale = 'Eight more crews.' WHERE incident_id = '${id}' AND seq = 2;
      ALTER TABLE incident_entries ENABLE TRIGGER incident_entries_no_update;`);
    expect((await exec.get<Verification>(`/api/v1/incidents/${id}/verify`)).body).toEqual({ ok: false, entries: clean.entries, firstBadSeq: 2 });
    // Put back as it was, so the chain verifies again: the hash is over the content, not the row.
    await db.exec(`ALTER TABLE incident_entries DISABLE TRIGGER incident_entries_no_update;
      UPDATE incident_entries SET rationale = 'Twelve more crews by 14:00 against a queue of 210.' WHERE incident_id = '${id}' AND seq = 2;
      ALTER TABLE incident_entries ENABLE TRIGGER incident_entries_no_update;`);
    expect((await exec.get<Verification>(`/api/v1/incidents/${id}/verify`)).body.ok).toBe(true);
  });

  it('exports the log as CSV and as a PDF report', async () => {
    const id = await activeRX6();
    const csv = await exec.get<string>(`/api/v1/incidents/${id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="incident-RX6-.*\.csv"$/);
    expect(csv.body).toContain('Twelve more crews by 14:00 against a queue of 210.');
    const pdf = await fetch(`${t.url}/api/v1/incidents/${id}/export?format=pdf`, { headers: { cookie: exec.cookie! } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await exec.get(`/api/v1/incidents/${id}/export?format=docx`)).status).toBe(400);
  });

  it('stands down: the picture shows no incident, nothing more is logged, and the trust may declare again', async () => {
    const id = await activeRX6();
    expect((await exec.post(`/api/v1/incidents/${id}/stand-down`, { reason: 'x' })).status).toBe(403);
    const down = await dm.post<Incident>(`/api/v1/incidents/${id}/stand-down`, { reason: 'Queue under 50 for two hours.' });
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ status: 'stood_down', standDown: { by: { displayName: 'Jo Manager' }, reason: 'Queue under 50 for two hours.' } });
    expect(down.body.log.at(-1)).toMatchObject({ kind: 'system', rationale: 'Queue under 50 for two hours.' });
    expect((await picture('RX6')).incident).toBeNull();
    for (const [path, body] of [
      [`/api/v1/incidents/${id}/entries`, { kind: 'information', text: 'late' }],
      [`/api/v1/incidents/${id}/level`, { level: 'critical', reason: 'late' }],
      [`/api/v1/incidents/${id}/stand-down`, { reason: 'again' }],
    ] as const) {
      const answer = await dm.post(path, body);
      expect(answer.status, path).toBe(409);
      expect((answer.body as { error: string }).error).toBe('incident_stood_down');
    }
    // A REAP change now goes to no incident.
    const entries = down.body.log.length;
    expect((await dm.put('/api/v1/trusts/RX6/reap', { level: 2, reason: 'Recovering.' })).status).toBe(200);
    expect((await exec.get<Incident>(`/api/v1/incidents/${id}`)).body.log).toHaveLength(entries);
    const next = await dm.post<Incident>('/api/v1/incidents', { ...declaration, level: 'business_continuity', title: 'Telephony failure' });
    expect(next.status).toBe(201);
  });

  it('lists incidents within the reader’s scope, with filters, search over titles and log entries, and pages', async () => {
    const ids = (p: IncidentPage) => p.incidents.map((i) => `${i.trust}:${i.title}`);
    const all = (await national.get<IncidentPage>('/api/v1/incidents')).body;
    expect(ids(all)).toEqual(['RX6:Telephony failure', `RYC:${declaration.title}`, `RX6:${declaration.title}`]);
    expect(ids((await exec.get<IncidentPage>('/api/v1/incidents')).body)).toEqual(['RX6:Telephony failure', `RX6:${declaration.title}`]);
    expect(ids((await coordY61.get<IncidentPage>('/api/v1/incidents')).body)).toEqual([`RYC:${declaration.title}`]);
    expect((await exec.get('/api/v1/incidents?trust=RYC')).status).toBe(403);
    expect((await coordY61.get('/api/v1/incidents?region=Y63')).status).toBe(403);
    for (const outsider of [t.admin]) expect((await outsider.get('/api/v1/incidents')).status).toBe(403);

    expect(ids((await national.get<IncidentPage>('/api/v1/incidents?status=stood_down')).body)).toEqual([`RX6:${declaration.title}`]);
    expect(ids((await national.get<IncidentPage>('/api/v1/incidents?level=business_continuity')).body)).toEqual(['RX6:Telephony failure']);
    expect(ids((await national.get<IncidentPage>('/api/v1/incidents?region=Y61')).body)).toEqual([`RYC:${declaration.title}`]);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(ids((await national.get<IncidentPage>(`/api/v1/incidents?from=${encodeURIComponent(future)}`)).body)).toEqual(['RX6:Telephony failure', `RYC:${declaration.title}`]);

    // A word from one entry's rationale, in another form ("crew" finds "crews").
    const found = (await exec.get<IncidentPage>('/api/v1/incidents?q=crew%20queue')).body;
    expect(ids(found)).toEqual([`RX6:${declaration.title}`]);
    expect(found.incidents[0]!.match).toMatch(/«/);
    expect((await exec.get<IncidentPage>('/api/v1/incidents?q=telephony')).body.incidents.map((i: IncidentListItem) => i.title)).toEqual(['Telephony failure']);
    expect((await exec.get<IncidentPage>('/api/v1/incidents?q=zebra')).body.incidents).toEqual([]);

    const first = (await national.get<IncidentPage>('/api/v1/incidents?limit=2')).body;
    expect(first.incidents).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = (await national.get<IncidentPage>(`/api/v1/incidents?limit=2&cursor=${first.nextCursor}`)).body;
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));
    expect(second.nextCursor).toBeNull();
    expect((await national.get('/api/v1/incidents?cursor=nonsense')).status).toBe(400);
  });
});
