import { describe, expect, it } from 'vitest';
import { correctionsOf, EMPTY_LIVE_INCIDENT, liveIncidentReducer, mergeLog } from './liveIncident.ts';
import { buildEntry, buildIncident, buildSummary } from './incident.fixture.ts';

const seqs = (log: { seq: number }[]) => log.map((e) => e.seq);

describe('the live log of an incident', () => {
  it('merges two overlapping logs into one, each seq once, in seq order', () => {
    expect(seqs(mergeLog([buildEntry(1), buildEntry(2), buildEntry(4)], [buildEntry(2), buildEntry(3)]))).toEqual([1, 2, 3, 4]);
  });

  it('appends an entry that arrives live, and ignores the same entry arriving twice', () => {
    let state = liveIncidentReducer(EMPTY_LIVE_INCIDENT, { type: 'incident', incident: buildIncident() });
    state = liveIncidentReducer(state, { type: 'entry', entry: buildEntry(2) });
    const again = liveIncidentReducer(state, { type: 'entry', entry: buildEntry(2) });
    expect(seqs(state.incident!.log)).toEqual([1, 2]);
    expect(again).toBe(state);
  });

  it('puts an entry that arrives before an earlier one in its place', () => {
    let state = liveIncidentReducer(EMPTY_LIVE_INCIDENT, { type: 'incident', incident: buildIncident() });
    state = liveIncidentReducer(state, { type: 'entry', entry: buildEntry(3) });
    state = liveIncidentReducer(state, { type: 'entry', entry: buildEntry(2) });
    expect(seqs(state.incident!.log)).toEqual([1, 2, 3]);
  });

  it('keeps entries received live when the answer to a resubscription brings an older whole log', () => {
    let state = liveIncidentReducer(EMPTY_LIVE_INCIDENT, { type: 'incident', incident: buildIncident({ log: [buildEntry(1), buildEntry(2)] }) });
    state = liveIncidentReducer(state, { type: 'entry', entry: buildEntry(3) });
    state = liveIncidentReducer(state, { type: 'incident', incident: buildIncident({ log: [buildEntry(1), buildEntry(2)] }) });
    expect(seqs(state.incident!.log)).toEqual([1, 2, 3]);
  });

  it('takes a resubscription’s whole log, with the entries missed while disconnected', () => {
    let state = liveIncidentReducer(EMPTY_LIVE_INCIDENT, { type: 'incident', incident: buildIncident() });
    state = liveIncidentReducer(state, { type: 'incident', incident: buildIncident({ log: [1, 2, 3, 4].map((s) => buildEntry(s)) }) });
    expect(seqs(state.incident!.log)).toEqual([1, 2, 3, 4]);
  });

  it('takes a level change, and keeps the newer header when an older answer arrives after it', () => {
    const declared = buildIncident();
    let state = liveIncidentReducer(EMPTY_LIVE_INCIDENT, { type: 'incident', incident: declared });
    const escalated = buildIncident({ level: 'major', log: [...declared.log, buildEntry(2, { kind: 'system', text: 'Level: major' })] });
    state = liveIncidentReducer(state, { type: 'summary', summary: buildSummary(escalated) });
    expect(state.incident!.level).toBe('major');
    state = liveIncidentReducer(state, { type: 'incident', incident: declared });
    expect(state.incident!.level).toBe('major');
  });

  it('takes the stand-down from a summary pushed over the socket', () => {
    const declared = buildIncident();
    let state = liveIncidentReducer(EMPTY_LIVE_INCIDENT, { type: 'incident', incident: declared });
    const standDown = { at: '2025-01-15T12:00:00.000Z', by: declared.declaredBy, reason: 'Queue back under 50' };
    state = liveIncidentReducer(state, { type: 'summary', summary: buildSummary(declared, { status: 'stood_down', standDown, entries: 2 }) });
    expect(state.incident!.status).toBe('stood_down');
    expect(state.incident!.standDown).toEqual(standDown);
  });

  it('ignores another incident’s summary', () => {
    const state = liveIncidentReducer(EMPTY_LIVE_INCIDENT, { type: 'incident', incident: buildIncident() });
    expect(liveIncidentReducer(state, { type: 'summary', summary: buildSummary(buildIncident({ id: 'other', level: 'major' }), { entries: 9 }) })).toBe(state);
  });

  it('names the corrections of each entry', () => {
    const log = [buildEntry(1), buildEntry(2), buildEntry(3, { kind: 'correction', corrects: 2 }), buildEntry(4, { kind: 'correction', corrects: 2 })];
    expect(correctionsOf(log)).toEqual(new Map([[2, [3, 4]]]));
  });
});
