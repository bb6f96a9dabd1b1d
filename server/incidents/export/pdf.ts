import PDFDocument from 'pdfkit';
import { INCIDENT_LEVEL_NAMES, type Incident, type Verification } from '../../../shared/incidents/schemas.ts';
import type { HistoryPoint } from '../../../shared/picture/history.ts';
import { ukDateTimeLong } from '../../../shared/time/ukFormat.ts';
import { chartDomain, figuresCharts } from './pdfCharts.ts';
import { COLOUR, CONTENT_WIDTH, FONT, LEFT, PAGE, type Doc } from './pdfLayout.ts';
import { snapshot, summary } from './pdfSummary.ts';
import { timeline, verificationSection } from './pdfTimeline.ts';
import { toWinAnsi } from './winAnsi.ts';

/**
 * The incident report as a PDF, for the board, a coroner or a freedom-of-information answer:
 *
 * 1. who declared what and why, when it was stood down, and whether the log's hash chain holds;
 * 2. the trust's picture frozen at declaration (queue, calls, crews, hospitals, REAP, flags);
 * 3. charts of the trust's figures across the incident, every log entry marked by its seq;
 * 4. the whole timeline; 5. the verification result again, with the last hash.
 *
 * Every page carries the incident's title, the generation time and "Page n of m". All times are
 * UK local with zone and offset, so the hour the clocks go back reads unambiguously.
 * The output depends only on the input (generatedAt is the PDF's creation date), so the same
 * incident renders to the same bytes.
 */
export async function incidentPdf(input: { incident: Incident; history: HistoryPoint[]; verification: Verification; generatedAt: Date }): Promise<Buffer> {
  const incident = printable(input.incident);
  const { history, verification, generatedAt } = input;
  const title = `${INCIDENT_LEVEL_NAMES[incident.level]}: ${incident.title}`;

  const doc = new PDFDocument({
    size: PAGE.size,
    margins: PAGE.margin,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: title, Author: incident.snapshot.trust.name, Subject: 'Incident report', Creator: 'Ambulance operations dashboard', CreationDate: generatedAt, ModDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  summary(doc, incident, verification, generatedAt);
  snapshot(doc, incident.snapshot);
  // The four charts take a page of their own; "no figures recorded" is one line and follows on.
  if (history.length > 0) doc.addPage();
  figuresCharts(doc, history, incident.log, chartDomain(incident.declaredAt, incident.standDown?.at ?? null, history, incident.log));
  doc.addPage();
  timeline(doc, incident.log);
  verificationSection(doc, incident.log, verification, generatedAt);
  pageFurniture(doc, title, incident.snapshot.trust.shortName, generatedAt);

  doc.end();
  return done;
}

/** Running head (from page 2), and on every page the generation time and "Page n of m". */
function pageFurniture(doc: Doc, title: string, trust: string, generatedAt: Date): void {
  const { start, count } = doc.bufferedPageRange();
  const generated = `Generated ${ukDateTimeLong(generatedAt)}`;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the margins must not make pdfkit start yet another page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    const footerY = doc.page.height - PAGE.margin.bottom + 16;
    doc.moveTo(LEFT, footerY - 5).lineTo(LEFT + CONTENT_WIDTH, footerY - 5).lineWidth(0.4).strokeColor(COLOUR.rule).stroke();
    doc.font(FONT.regular).fontSize(7.5).fillColor(COLOUR.muted);
    doc.text(generated, LEFT, footerY, { width: CONTENT_WIDTH - 90, lineBreak: false });
    doc.font(FONT.bold).fillColor(COLOUR.text).text(`Page ${i - start + 1} of ${count}`, LEFT + CONTENT_WIDTH - 90, footerY, { width: 90, align: 'right', lineBreak: false });
    if (i > start) {
      const headY = PAGE.margin.top - 26;
      doc.font(FONT.regular).fontSize(7.5).fillColor(COLOUR.muted);
      doc.text(fitToWidth(doc, `${trust} · ${title}`, CONTENT_WIDTH), LEFT, headY, { lineBreak: false });
      doc.moveTo(LEFT, headY + 12).lineTo(LEFT + CONTENT_WIDTH, headY + 12).lineWidth(0.4).strokeColor(COLOUR.rule).stroke();
    }
    doc.page.margins = margins;
  }
}

/** The text cut at a word with an ellipsis where it would be wider than `width` in the current font. */
function fitToWidth(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const words = text.split(' ');
  while (words.length > 1 && doc.widthOfString(`${words.join(' ')}…`) > width) words.pop();
  return `${words.join(' ')}…`;
}

/** The incident with every string made printable by the standard fonts (see winAnsi.ts). */
function printable<T>(value: T): T {
  if (typeof value === 'string') return toWinAnsi(value) as T;
  if (Array.isArray(value)) return value.map(printable) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printable(v)])) as T;
  return value;
}
