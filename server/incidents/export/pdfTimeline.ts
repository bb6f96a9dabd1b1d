import { ENTRY_KIND_NAMES, type EntryKind, type LogEntry, type Verification } from '../../../shared/incidents/schemas.ts';
import { ukDate, ukDateTimeLong, ukTimeWithZone } from '../../../shared/time/ukFormat.ts';
import { COLOUR, CONTENT_WIDTH, FONT, LEFT, PAGE, bottomY, count, keyValues, note, sectionHeading, type Doc } from './pdfLayout.ts';
import { authorLine, verificationLine } from './pdfSummary.ts';
import { UNPRINTABLE } from './winAnsi.ts';

/**
 * Every log entry in seq order: when (UK local, with zone and offset), what kind, who, the text,
 * the rationale of a decision, and the links between corrections and what they correct.
 * An entry is kept on one page when it fits on one; a longer one flows on to the next.
 */

const WHEN_WIDTH = 118;
const BODY_X = LEFT + WHEN_WIDTH + 6;
const BODY_WIDTH = CONTENT_WIDTH - WHEN_WIDTH - 6;
const PAGE_CONTENT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;

const KIND_COLOUR: Record<EntryKind, string> = {
  decision: COLOUR.accent,
  action: COLOUR.ok,
  information: COLOUR.text,
  communication: '#330072',
  correction: COLOUR.bad,
  system: COLOUR.muted,
};

interface Part {
  font: string;
  size: number;
  colour: string;
  text: string;
  gapBefore: number;
}

function bodyParts(entry: LogEntry, correctedBy: readonly number[]): Part[] {
  const parts: Part[] = [
    { font: FONT.bold, size: 8.5, colour: KIND_COLOUR[entry.kind], text: `${ENTRY_KIND_NAMES[entry.kind]}  ·  ${authorLine(entry.author)}`, gapBefore: 0 },
    { font: FONT.regular, size: 9, colour: COLOUR.text, text: entry.text, gapBefore: 1.5 },
  ];
  if (entry.rationale !== undefined) parts.push({ font: FONT.italic, size: 9, colour: COLOUR.text, text: `Rationale: ${entry.rationale}`, gapBefore: 2 });
  if (entry.corrects !== undefined) parts.push({ font: FONT.bold, size: 8, colour: COLOUR.bad, text: `Corrects #${entry.corrects}`, gapBefore: 2 });
  if (correctedBy.length > 0) parts.push({ font: FONT.bold, size: 8, colour: COLOUR.bad, text: `Corrected by ${correctedBy.map((s) => `#${s}`).join(', ')}`, gapBefore: 2 });
  return parts;
}

/** Seq and date on the first line (the seq in bold, drawn over the space left for it), time with zone and offset under them. */
const SEQ_WIDTH = 30;
function whenParts(entry: LogEntry): Part[] {
  const at = new Date(entry.at);
  return [
    { font: FONT.bold, size: 8.5, colour: COLOUR.text, text: `#${entry.seq}`, gapBefore: 0 },
    { font: FONT.regular, size: 8, colour: COLOUR.text, text: ukDate(at), gapBefore: 0 },
    { font: FONT.regular, size: 8, colour: COLOUR.muted, text: ukTimeWithZone(at), gapBefore: 0 },
  ];
}

function drawWhen(doc: Doc, parts: readonly Part[], y: number): void {
  const [seq, date, time] = parts as [Part, Part, Part];
  doc.font(seq.font).fontSize(seq.size).fillColor(seq.colour).text(seq.text, LEFT, y, { width: SEQ_WIDTH, lineBreak: false });
  doc.font(date.font).fontSize(date.size).fillColor(date.colour).text(date.text, LEFT + SEQ_WIDTH, y + 0.5, { width: WHEN_WIDTH - SEQ_WIDTH });
  doc.font(time.font).fontSize(time.size).fillColor(time.colour).text(time.text, LEFT, doc.y + 0.5, { width: WHEN_WIDTH });
}

function heightOf(doc: Doc, parts: readonly Part[], width: number): number {
  return parts.reduce((sum, p) => sum + p.gapBefore + doc.font(p.font).fontSize(p.size).heightOfString(p.text, { width }), 0);
}

/**
 * Draws the parts one under another. When pdfkit carries a long part on to a new page,
 * `onNewPage` marks the top of that page, and the part's own type is set again for the rest of it.
 */
function drawParts(doc: Doc, parts: readonly Part[], x: number, y: number, width: number, onNewPage?: () => void): void {
  doc.y = y;
  for (const p of parts) {
    doc.y += p.gapBefore;
    const resume = () => {
      onNewPage?.();
      doc.font(p.font).fontSize(p.size).fillColor(p.colour);
    };
    doc.on('pageAdded', resume);
    doc.font(p.font).fontSize(p.size).fillColor(p.colour).text(p.text, x, doc.y, { width });
    doc.off('pageAdded', resume);
  }
}

/** At the top of a page an entry flowed on to: whose text this is. */
function continuedMark(doc: Doc, entry: LogEntry): void {
  const y = doc.y;
  doc.font(FONT.bold).fontSize(8.5).fillColor(COLOUR.muted).text(`#${entry.seq} continued`, LEFT, y, { width: WHEN_WIDTH, lineBreak: false });
  doc.y = y;
}

function drawEntry(doc: Doc, entry: LogEntry, correctedBy: readonly number[]): void {
  const when = whenParts(entry);
  const body = bodyParts(entry, correctedBy);
  const height = Math.max(heightOf(doc, when.slice(1), WHEN_WIDTH), heightOf(doc, body, BODY_WIDTH)) + 9;
  const room = bottomY(doc) - doc.y;
  // Keep an entry together when it can fit on a page; otherwise start it with some room and let it flow.
  if (height > room && (height <= PAGE_CONTENT_HEIGHT || room < 120)) doc.addPage();

  const y = doc.y;
  const page = doc.page;
  drawWhen(doc, when, y);
  const whenEnd = doc.y;
  drawParts(doc, body, BODY_X, y, BODY_WIDTH, () => continuedMark(doc, entry));
  const end = (doc.page === page ? Math.max(whenEnd, doc.y) : doc.y) + 4;
  if (end + 1 < bottomY(doc)) {
    doc.moveTo(LEFT, end).lineTo(LEFT + CONTENT_WIDTH, end).lineWidth(0.4).strokeColor(COLOUR.faint).stroke();
  }
  doc.y = end + 5;
  doc.x = LEFT;
}

export function timeline(doc: Doc, log: readonly LogEntry[]): void {
  sectionHeading(doc, `Timeline: ${count(log.length)} log entries`);
  note(doc, 'In seq order. Times are UK local time with the zone (BST or GMT) and its offset from UTC. Entries are never changed: a correction is a later entry naming the one it corrects.');
  doc.moveDown(0.6);
  const correctedBy = new Map<number, number[]>();
  for (const e of log) if (e.corrects !== undefined) correctedBy.set(e.corrects, [...(correctedBy.get(e.corrects) ?? []), e.seq]);
  for (const entry of [...log].sort((a, b) => a.seq - b.seq)) drawEntry(doc, entry, correctedBy.get(entry.seq) ?? []);
}

export function verificationSection(doc: Doc, log: readonly LogEntry[], verification: Verification, generatedAt: Date): void {
  sectionHeading(doc, 'Verification of the log');
  const last = [...log].sort((a, b) => a.seq - b.seq).at(-1);
  keyValues(doc, [
    ['Result', verificationLine(verification)],
    ['Entries checked', count(verification.entries)],
    ['In this report', count(log.length)],
    ['Last entry', last ? `#${last.seq}, hash ${last.hash}` : 'none'],
    ['Checked', ukDateTimeLong(generatedAt)],
  ]);
  doc.moveDown(0.4);
  note(
    doc,
    "How it is checked: each entry's hash is SHA-256 over the previous entry's hash and the entry's canonical JSON, so changing any stored entry breaks the chain from that entry on. " +
      'The last hash above lets anyone compare this report with the live log (or the CSV export, which lists every hash) later. ' +
      `Characters the report's fonts cannot print are shown as ${UNPRINTABLE}; the CSV export has every text exactly as logged.`,
  );
}
