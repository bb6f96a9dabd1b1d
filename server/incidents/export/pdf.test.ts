import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SYSTEM_AUTHOR } from '../../../shared/incidents/schemas.ts';
import { DECLARED_AT, STOOD_DOWN_AT, VERIFIED, buildEntry, buildHistory, buildIncident, buildPicture, longLog } from './incident.fixture.ts';
import { incidentPdf } from './pdf.ts';

/**
 * What a reader of the PDF would see: the text of every page, read back from pdfkit's content
 * streams (Flate-compressed, text as hex strings in TJ arrays; one TJ per line of text).
 */
function readPdf(pdf: Buffer): { pages: number; lines: string[]; text: string } {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streamStart = /<<([^]*?)>>\s*stream\r?\n/g;
  for (let m = streamStart.exec(raw); m; m = streamStart.exec(raw)) {
    const length = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const body = pdf.subarray(m.index + m[0].length, m.index + m[0].length + length);
    const content = (m[1]!.includes('/FlateDecode') ? inflateSync(body) : body).toString('latin1');
    for (const tj of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => h[1]!).join('');
      // A code above 0xff would mean a character the font cannot show slipped through.
      expect(hex.length % 2).toBe(0);
      lines.push(winAnsi.decode(Buffer.from(hex, 'hex')));
    }
  }
  const pages = raw.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
  return { pages, lines, text: lines.join('\n') };
}

/** WinAnsi bytes to text: Latin-1, but for the 0x80-0x9F row (Node's TextDecoder reads that row as control codes). */
const WIN_ANSI_ROW = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = { decode: (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? WIN_ANSI_ROW[b - 0x80]! : String.fromCharCode(b))).join('') };
const GENERATED_AT = new Date('2023-11-02T10:15:00.000Z');
const nightHistory = () => buildHistory(DECLARED_AT, STOOD_DOWN_AT, { staleFrom: '2023-10-29T02:10:00Z', staleTo: '2023-10-29T02:25:00Z' });
const render = (overrides: Partial<Parameters<typeof incidentPdf>[0]> = {}) =>
  incidentPdf({ incident: buildIncident(), history: nightHistory(), verification: VERIFIED, generatedAt: GENERATED_AT, ...overrides });

describe('incident PDF report', () => {
  it('is a whole PDF file', async () => {
    const pdf = await render();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('numbers every page "Page n of m", m being the number of pages in the file', async () => {
    const { pages, lines } = readPdf(await render());
    expect(pages).toBeGreaterThanOrEqual(3);
    const numbers = lines.filter((l) => /^Page \d+ of \d+$/.test(l));
    expect(numbers.sort()).toEqual(Array.from({ length: pages }, (_, i) => `Page ${i + 1} of ${pages}`).sort());
    expect(lines.filter((l) => l === 'Generated 2 Nov 2023 10:15:00 GMT (UTC+00:00)')).toHaveLength(pages);
  });

  it('heads the report with trust, level, title, status, declaration, stand-down and reason', async () => {
    const { text } = readPdf(await render());
    for (const expected of [
      'North East Ambulance Service NHS Foundation Trust (RX6)',
      'CRITICAL INCIDENT',
      'Handover delays across Tees and Tyne: C2 stack over 60',
      'Stood down',
      'by Jane Smith (Duty manager, jsmith)',
      'C2 longest wait over two hours',
      'C2 stack back under 20 and handovers under 30 minutes',
      '5 h 30 min, 9 log entries',
    ])
      expect(text).toContain(expected);
  });

  it('writes times in UK local time with zone and offset, right on both sides of the October clock change', async () => {
    const { text } = readPdf(await render());
    expect(text).toContain('29 Oct 2023 00:40:00 BST (UTC+01:00)'); // declared: 23:40Z
    expect(text).toContain('29 Oct 2023 05:10:00 GMT (UTC+00:00)'); // stood down: 05:10Z
    // Entries 3 and 5 are both at 01:30 on the clock, an hour apart.
    expect(text).toMatch(/#3\n29 Oct 2023\n01:30:00 BST \(UTC\+01:00\)/);
    expect(text).toMatch(/#5\n29 Oct 2023\n01:30:00 GMT \(UTC\+00:00\)/);
  });

  it('writes spring times right too: 00:30Z on 26 March 2023 is GMT, 01:30Z is BST', async () => {
    const log = [buildEntry({ seq: 1, at: '2023-03-26T00:30:00.000Z' }), buildEntry({ seq: 2, at: '2023-03-26T01:30:00.000Z' })];
    const incident = buildIncident({ declaredAt: '2023-03-26T00:30:00.000Z', standDown: null, status: 'active', log });
    const { text } = readPdf(await render({ incident, history: [] }));
    expect(text).toMatch(/#1\n26 Mar 2023\n00:30:00 GMT \(UTC\+00:00\)/);
    expect(text).toMatch(/#2\n26 Mar 2023\n02:30:00 BST \(UTC\+01:00\)/);
    expect(text).toContain('Active when this report was generated');
  });

  it('lists every entry of the timeline with kind, author, rationale and the links of a correction', async () => {
    const { text } = readPdf(await render());
    expect(text).toContain('Timeline: 9 log entries');
    for (let seq = 1; seq <= 9; seq++) expect(text).toMatch(new RegExp(`^#${seq}$`, 'm'));
    expect(text).toContain('Decision  ·  Jane Smith (Duty manager, jsmith)');
    expect(text).toContain('Communication  ·  Siân Jones (Executive, sjones)');
    expect(text).toContain('System  ·  System');
    expect(text).toContain('Rationale: Every free crew goes to the C2 stack');
    expect(text).toContain('Corrects #5');
    expect(text).toContain('Corrected by #6');
  });

  it('shows the picture at declaration: queue, crews, hospitals, REAP and the flags raised then', async () => {
    const { text } = readPdf(await render());
    for (const expected of ['The picture at declaration', '2 h 03 min', '3 of 68 on shift (rota plans 74)', 'James Cook University Hospital', '11.5', 'REAP level', 'Longest C2 wait 2 h 03 min, over 1 h 30 min'])
      expect(text).toContain(expected);
  });

  it('charts the figures with the entries marked, and says so when no figures were recorded', async () => {
    const charted = readPdf(await render()).text;
    expect(charted).toContain('Patients waiting (C1-C4)');
    expect(charted).toContain('Crews available and on shift');
    expect(charted).not.toContain('No figures recorded for this period');
    // The hourly axis shows 01:00 twice that night, the second marked GMT.
    expect(charted).toMatch(/01:00\n29 Oct BST[^]*01:00\nGMT/);

    const empty = readPdf(await render({ history: [] }));
    expect(empty.text).toContain('No figures recorded for this period');
    expect(empty.text).not.toContain('Longest C2 wait (minutes)');
  });

  it('states the verification result: intact, or the first entry that no longer matches', async () => {
    expect(readPdf(await render()).text).toContain('Intact: all 9 entries match their stored hashes and the chain.');
    const failed = readPdf(await render({ verification: { ok: false, entries: 9, firstBadSeq: 4 } })).text;
    expect(failed).toContain('FAILED: entry #4 no longer matches');
    expect(failed).toContain(`#9, hash ${buildIncident().log[8]!.hash}`);
  });

  it('flows a 300-entry log across several pages with every entry in it', async () => {
    const incident = buildIncident({ log: longLog(300) });
    const { pages, lines, text } = readPdf(await render({ incident, verification: { ok: true, entries: 300 } }));
    expect(pages).toBeGreaterThanOrEqual(10);
    for (let seq = 1; seq <= 300; seq++) expect(lines).toContain(`#${seq}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('flows one entry longer than a page across pages without losing its end', async () => {
    const text = `${'The tactical commander reports on every site in turn. '.repeat(140)}END OF TEXT`;
    const rationale = `${'Because the C2 stack is the greatest risk. '.repeat(100)}END OF RATIONALE`;
    const log = [buildEntry({ seq: 1, at: DECLARED_AT, kind: 'decision', text, rationale }), buildEntry({ seq: 2, at: STOOD_DOWN_AT, kind: 'system', author: SYSTEM_AUTHOR, text: 'Stood down' })];
    const { pages, lines } = readPdf(await render({ incident: buildIncident({ log }) }));
    // The running head and foot of each page, and the mark of whose entry goes on, sit between the last line of one page and the first of the next.
    const furniture = /^(Generated .*|Page \d+ of \d+|NEAS · .*|#1 continued)$/;
    expect(lines.filter((l) => l === '#1 continued').length).toBe(pages - 3); // every page after the one it starts on
    const words = lines.filter((l) => !furniture.test(l)).join(' ').replace(/\s+/g, ' ');
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(words.split('The tactical commander reports on every site in turn.').length - 1).toBe(140);
    expect(words.split('Because the C2 stack is the greatest risk.').length - 1).toBe(100);
    expect(words).toContain('END OF TEXT Rationale: Because');
    expect(words).toContain('END OF RATIONALE #2');
  });

  it('prints characters the standard fonts lack as a plain equivalent or [?], never as garbage', async () => {
    const log = [buildEntry({ seq: 1, at: DECLARED_AT, text: 'Crews ≥ 10 🚑 at Ysbyty – Siân’s “note” 👨‍👩‍👧 Łódź' })];
    const incident = buildIncident({ title: 'Storm Babet 🌧 – flooding', log });
    const { text } = readPdf(await render({ incident }));
    expect(text).toContain('Crews >= 10 [?] at Ysbyty – Siân’s “note” [?] Lódz');
    expect(text).toContain('Storm Babet [?] – flooding');
  });

  it('says on its first page when the snapshot is of an exercise', async () => {
    const exercise = { id: 'ex-1', scenario: 'winter-crisis' as const, title: 'Winter crisis rehearsal', speed: 4, startedAt: '2023-10-28T20:00:00.000Z' };
    const { text } = readPdf(await render({ incident: buildIncident({ snapshot: buildPicture({ exercise }) }) }));
    expect(text).toContain('EXERCISE - none of this is real: Winter crisis rehearsal');
    expect(readPdf(await render()).text).not.toContain('EXERCISE');
  });

  it('renders the same input to the same bytes', async () => {
    expect((await render()).equals(await render())).toBe(true);
  });
});
