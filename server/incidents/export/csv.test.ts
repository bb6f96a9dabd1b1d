import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, guardFormula, incidentCsv } from './csv.ts';
import { EXECUTIVE, VERIFIED, buildEntry, buildIncident } from './incident.fixture.ts';

/** A strict RFC 4180 reader: enough to prove what a spreadsheet or pandas would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else if (c === '\n' || c === '\r' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('last row not ended by CRLF');
  return rows;
}

const read = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(1));
  return { header: header!, rows: rows.map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]!]))) };
};

const entryAt = (seq: number, at: string) => buildEntry({ seq, at, text: `entry ${seq}` });

describe('incident CSV', () => {
  it('starts with a UTF-8 byte order mark and has one header row, then one row per entry in seq order', () => {
    const incident = buildIncident();
    const shuffled = { ...incident, log: [...incident.log].reverse() };
    const { header, rows } = read(incidentCsv(shuffled, VERIFIED));
    expect(header).toEqual([
      'seq',
      'local_time',
      'utc_offset',
      'zone',
      'utc_time',
      'kind',
      'author_name',
      'author_username',
      'role',
      'text',
      'rationale',
      'corrects',
      'hash',
    ]);
    expect(rows).toHaveLength(incident.log.length);
    expect(rows.map((r) => Number(r.seq))).toEqual(incident.log.map((e) => e.seq));
    for (const row of rows) expect(Object.values(row)).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes every field of an entry: author, role, rationale, corrects and hash', () => {
    const incident = buildIncident();
    const { rows } = read(incidentCsv(incident, VERIFIED));
    const decision = rows.find((r) => r.kind === 'decision')!;
    const source = incident.log.find((e) => e.seq === Number(decision.seq))!;
    expect(decision).toMatchObject({ author_name: 'Jane Smith', author_username: 'jsmith', role: 'duty_manager', text: source.text, rationale: source.rationale, corrects: '', hash: source.hash });
    expect(rows.find((r) => r.kind === 'correction')).toMatchObject({ corrects: '5', rationale: '' });
    expect(rows[0]).toMatchObject({ kind: 'system', author_name: 'System', author_username: 'system', role: 'system' });
  });

  it('ends every row, the last included, with CRLF', () => {
    const csv = incidentCsv(buildIncident(), VERIFIED);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('quotes fields holding commas, double quotes or line breaks, and reads them back exactly', () => {
    const texts = ['Red, then amber', 'the "big" one', 'line one\nline two', 'crlf\r\ninside', 'plain', 'Siân’s “note” – £5 €3 🚑'];
    const log = texts.map((text, i) => buildEntry({ seq: i + 1, at: `2023-10-29T0${i}:00:00.000Z`, text, rationale: text, kind: 'decision', author: { ...EXECUTIVE, displayName: 'Jones, Siân' } }));
    const csv = incidentCsv(buildIncident({ log }), VERIFIED);
    expect(csv).toContain('"Red, then amber"');
    expect(csv).toContain('"the ""big"" one"');
    const { rows } = read(csv);
    expect(rows.map((r) => r.text)).toEqual(texts);
    expect(rows.map((r) => r.rationale)).toEqual(texts);
    expect(rows[0]!.author_name).toBe('Jones, Siân');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['＝1+1', "'＝1+1"],
    ['C2 stack = 61', 'C2 stack = 61'],
    ['Crews -2 on the rota', 'Crews -2 on the rota'],
  ])('guards %j against formula injection as %j', (text, guarded) => {
    expect(guardFormula(text)).toBe(guarded);
    const { rows } = read(incidentCsv(buildIncident({ log: [buildEntry({ seq: 1, at: '2023-10-29T00:00:00Z', text })] }), VERIFIED));
    expect(rows[0]!.text).toBe(guarded);
  });

  it('guards names, usernames, roles and rationales too, but not the fields it writes itself', () => {
    const author = { id: 'u-x', username: '=user', displayName: '+Mallory', role: '@admin' };
    const log = [buildEntry({ seq: 1, at: '2023-07-01T09:00:00.000Z', kind: 'decision', author, text: 'ok', rationale: '-1+1' })];
    const { rows } = read(incidentCsv(buildIncident({ log }), VERIFIED));
    expect(rows[0]).toMatchObject({ author_name: "'+Mallory", author_username: "'=user", role: "'@admin", rationale: "'-1+1", utc_offset: '+01:00' });
  });

  it('tells apart the two 01:30s of the night the clocks go back (29 October 2023) by offset and zone', () => {
    const log = [
      entryAt(1, '2023-10-29T00:00:00.000Z'),
      entryAt(2, '2023-10-29T00:30:00.000Z'),
      entryAt(3, '2023-10-29T00:59:59.000Z'),
      entryAt(4, '2023-10-29T01:00:00.000Z'),
      entryAt(5, '2023-10-29T01:30:00.000Z'),
      entryAt(6, '2023-10-29T02:00:00.000Z'),
    ];
    const { rows } = read(incidentCsv(buildIncident({ log }), VERIFIED));
    expect(rows.map((r) => [r.local_time, r.utc_offset, r.zone, r.utc_time])).toEqual([
      ['2023-10-29 01:00:00', '+01:00', 'BST', '2023-10-29T00:00:00.000Z'],
      ['2023-10-29 01:30:00', '+01:00', 'BST', '2023-10-29T00:30:00.000Z'],
      ['2023-10-29 01:59:59', '+01:00', 'BST', '2023-10-29T00:59:59.000Z'],
      ['2023-10-29 01:00:00', '+00:00', 'GMT', '2023-10-29T01:00:00.000Z'],
      ['2023-10-29 01:30:00', '+00:00', 'GMT', '2023-10-29T01:30:00.000Z'],
      ['2023-10-29 02:00:00', '+00:00', 'GMT', '2023-10-29T02:00:00.000Z'],
    ]);
  });

  it('skips the hour the clocks go forward (26 March 2023): 00:59:59 GMT is followed by 02:00:00 BST', () => {
    const log = [entryAt(1, '2023-03-26T00:30:00.000Z'), entryAt(2, '2023-03-26T00:59:59.000Z'), entryAt(3, '2023-03-26T01:00:00.000Z'), entryAt(4, '2023-03-26T01:30:00.000Z')];
    const { rows } = read(incidentCsv(buildIncident({ log }), VERIFIED));
    expect(rows.map((r) => [r.local_time, r.utc_offset, r.zone])).toEqual([
      ['2023-03-26 00:30:00', '+00:00', 'GMT'],
      ['2023-03-26 00:59:59', '+00:00', 'GMT'],
      ['2023-03-26 02:00:00', '+01:00', 'BST'],
      ['2023-03-26 02:30:00', '+01:00', 'BST'],
    ]);
  });

  it('writes an empty log as the header row alone', () => {
    const { header, rows } = read(incidentCsv(buildIncident({ log: [] }), VERIFIED));
    expect(header).toHaveLength(CSV_COLUMNS.length);
    expect(rows).toEqual([]);
  });

  it('quotes a field only when it must', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('')).toBe('');
    expect(csvField("it's")).toBe("it's");
    expect(csvField('a\rb')).toBe('"a\rb"');
  });
});
