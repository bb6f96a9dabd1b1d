/**
 * Page geometry, type and the few drawing helpers the incident report's sections share.
 * Every string is already printable (see winAnsi.ts) by the time it reaches these.
 */

export type Doc = PDFKit.PDFDocument;

export const PAGE = {
  size: 'A4' as const,
  width: 595.28,
  height: 841.89,
  margin: { top: 56, bottom: 56, left: 50, right: 50 },
};
export const CONTENT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const LEFT = PAGE.margin.left;

export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique', mono: 'Courier' } as const;

export const COLOUR = {
  text: '#1a1a1a',
  muted: '#5f6368',
  rule: '#c8ccd0',
  faint: '#e8eaed',
  accent: '#005eb8', // NHS blue
  ok: '#007f3b',
  bad: '#d5281b',
  warning: '#b35c00',
  stale: '#fff4d6',
} as const;

/** The lowest y content may reach on a page (pdfkit's own text flow stops there too). */
export const bottomY = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` points still fit below the current position. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomY(doc)) doc.addPage();
}

export function sectionHeading(doc: Doc, title: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(13).fillColor(COLOUR.accent).text(title, LEFT, doc.y, { width: CONTENT_WIDTH });
  const y = doc.y + 2;
  doc.moveTo(LEFT, y).lineTo(LEFT + CONTENT_WIDTH, y).lineWidth(0.7).strokeColor(COLOUR.accent).stroke();
  doc.y = y + 6;
  doc.fillColor(COLOUR.text);
}

/** A heading kept on the same page as at least `keepWith` points of what follows it. */
export function subHeading(doc: Doc, title: string, x = LEFT, width = CONTENT_WIDTH, keepWith = 40): void {
  ensureSpace(doc, 16 + keepWith);
  doc.font(FONT.bold).fontSize(10).fillColor(COLOUR.text).text(title, x, doc.y, { width });
  doc.moveDown(0.2);
}

/**
 * Label and value pairs, the labels in a column of their own; values wrap and a long one flows
 * on to the next page.
 */
export function keyValues(doc: Doc, rows: readonly (readonly [string, string])[], opts: { x?: number; width?: number; labelWidth?: number; size?: number } = {}): void {
  const x = opts.x ?? LEFT;
  const width = opts.width ?? CONTENT_WIDTH;
  const labelWidth = opts.labelWidth ?? 95;
  const size = opts.size ?? 9.5;
  for (const [label, value] of rows) {
    doc.font(FONT.regular).fontSize(size);
    const valueHeight = doc.heightOfString(value, { width: width - labelWidth });
    ensureSpace(doc, Math.min(valueHeight, 3 * size * 1.2));
    const y = doc.y;
    doc.font(FONT.bold).fillColor(COLOUR.muted).text(label, x, y, { width: labelWidth - 6 });
    const labelEnd = doc.y;
    const pageOfLabel = doc.page;
    doc.font(FONT.regular).fillColor(COLOUR.text).text(value, x + labelWidth, y, { width: width - labelWidth });
    const endY = doc.page === pageOfLabel ? Math.max(doc.y, labelEnd) : doc.y;
    doc.y = endY + 2;
  }
  doc.x = LEFT;
}

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * A table whose rows keep together and whose header is repeated on every page it reaches.
 * Cells wrap within their column.
 */
export function table(doc: Doc, columns: readonly Column[], rows: readonly (readonly string[])[], opts: { x?: number; size?: number; zebra?: boolean } = {}): void {
  const x0 = opts.x ?? LEFT;
  const size = opts.size ?? 8.5;
  const pad = 2.5;
  const totalWidth = columns.reduce((sum, c) => sum + c.width, 0);

  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...columns.map((c, i) => doc.heightOfString(cells[i] ?? '', { width: c.width - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: readonly string[], font: string, colour: string, fill?: string) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(x0, y, totalWidth, h).fill(fill);
    let x = x0;
    doc.font(font).fontSize(size).fillColor(colour);
    columns.forEach((c, i) => {
      doc.text(cells[i] ?? '', x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
      x += c.width;
    });
    doc.y = y + h;
    return h;
  };
  const drawHeader = () => {
    drawRow(
      columns.map((c) => c.header),
      FONT.bold,
      COLOUR.muted,
    );
    doc.moveTo(x0, doc.y).lineTo(x0 + totalWidth, doc.y).lineWidth(0.5).strokeColor(COLOUR.rule).stroke();
  };

  ensureSpace(doc, rowHeight(columns.map((c) => c.header), FONT.bold) + (rows[0] ? rowHeight(rows[0], FONT.regular) : 0));
  drawHeader();
  rows.forEach((cells, i) => {
    if (doc.y + rowHeight(cells, FONT.regular) > bottomY(doc)) {
      doc.addPage();
      drawHeader();
    }
    drawRow(cells, FONT.regular, COLOUR.text, opts.zebra !== false && i % 2 === 1 ? '#f4f5f6' : undefined);
  });
  doc.x = LEFT;
  doc.fillColor(COLOUR.text);
}

/** A short paragraph of smaller, grey text: notes under a table or chart. */
export function note(doc: Doc, text: string, x = LEFT, width = CONTENT_WIDTH): void {
  doc.font(FONT.italic).fontSize(7.5).fillColor(COLOUR.muted).text(text, x, doc.y, { width });
  doc.fillColor(COLOUR.text);
  doc.x = LEFT;
}

/**
 * A duration as a report states it. Example: 35 → `35 s`; 754 → `12 min 34 s`; 2_700 → `45 min`;
 * 4_980 → `1 h 23 min`; 0 → `0 s`; 190_800 → `53 h 00 min`.
 */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Whole numbers with thousands separators, hours to one decimal place. */
export const count = (n: number) => Math.round(n).toLocaleString('en-GB');
export const hours = (n: number) => n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
