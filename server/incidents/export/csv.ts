import type { Incident, LogEntry, Verification } from '../../../shared/incidents/schemas.ts';
import { ukDateTimeIso, ukLocal, ukOffset } from '../../../shared/time/ukFormat.ts';

/**
 * An incident's log as CSV (RFC 4180): one header row, then one row per entry in seq order, and
 * nothing else, so that it loads as it is into Excel, LibreOffice, pandas or R. Rows end in CRLF.
 * The text starts with a UTF-8 byte order mark: without it Excel reads the file as Windows-1252
 * and names such as "Siân" come out garbled.
 *
 * The verification result is not in the file (a line of its own would break "one row per
 * entry"); the `hash` column lets anyone re-check the chain, and the PDF report states the result.
 */
export const CSV_COLUMNS = [
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
] as const;

const BOM = '\uFEFF';
const EOL = '\r\n';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
 * `=1+1`, `+cmd|' /C calc'!A0`, `-2+3`, `@SUM(A1)`, and a leading tab or CR, which some
 * spreadsheets strip before looking at the next character. The full-width forms count too:
 * Excel in East Asian locales treats `＝` as `=`.
 */
const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/;

/**
 * Guards text that people (or another system) wrote against CSV formula injection: a leading
 * apostrophe makes a spreadsheet show the text as it is instead of running it. The apostrophe
 * is visible to tools that read CSV literally; a reader can drop it, and it only ever appears
 * before one of the characters above.
 * Example: `=HYPERLINK("http://x")` → `'=HYPERLINK("http://x")`; `-5 crews` → `'-5 crews`; `C2 up` unchanged.
 */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One field as RFC 4180 writes it: in double quotes when it holds a comma, a double quote, CR or
 * LF, with its double quotes doubled. Example: `Red, then amber` → `"Red, then amber"`;
 * `the "big" one` → `"the ""big"" one"`.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The fields of one entry. Only the fields people or the feed supply (names, role, text,
 * rationale) are guarded: the others are written here in fixed formats, and the offset must stay
 * `+01:00` rather than `'+01:00` for tools that parse it.
 */
function entryFields(entry: LogEntry): string[] {
  const at = new Date(entry.at);
  return [
    String(entry.seq),
    ukDateTimeIso(at),
    ukOffset(at),
    ukLocal(at).zone,
    at.toISOString(),
    entry.kind,
    guardFormula(entry.author.displayName),
    guardFormula(entry.author.username),
    guardFormula(entry.author.role),
    guardFormula(entry.text),
    entry.rationale === undefined ? '' : guardFormula(entry.rationale),
    entry.corrects === undefined ? '' : String(entry.corrects),
    entry.hash,
  ];
}

/**
 * The incident's log as CSV text, BOM first. Example row for a decision at 00:30Z on
 * 29 Oct 2023 (BST): `3,2023-10-29 01:30:00,+01:00,BST,2023-10-29T00:30:00.000Z,decision,…`.
 * The same wall-clock time an hour later, after the clocks went back, reads
 * `2023-10-29 01:30:00,+00:00,GMT,2023-10-29T01:30:00.000Z`.
 */
export function incidentCsv(incident: Incident, _verification: Verification): string {
  const rows = [[...CSV_COLUMNS], ...[...incident.log].sort((a, b) => a.seq - b.seq).map(entryFields)];
  return BOM + rows.map((fields) => fields.map(csvField).join(',') + EOL).join('');
}
