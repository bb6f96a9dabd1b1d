import { ROLE_LABELS, type Role } from '../../../shared/auth/schemas.ts';
import { INCIDENT_LEVEL_NAMES, type Author, type Incident, type IncidentLevel, type Verification } from '../../../shared/incidents/schemas.ts';
import type { Picture } from '../../../shared/picture/picture.ts';
import { findRegion } from '../../../shared/reference/trusts.ts';
import { ukDateTimeLong } from '../../../shared/time/ukFormat.ts';
import { COLOUR, CONTENT_WIDTH, FONT, LEFT, count, duration, ensureSpace, hours, keyValues, note, sectionHeading, subHeading, table, type Doc } from './pdfLayout.ts';

/** The report's first page: who, what, when, and whether the log can be trusted; then the picture at declaration. */

const LEVEL_COLOUR: Record<IncidentLevel, string> = { business_continuity: COLOUR.accent, critical: COLOUR.warning, major: COLOUR.bad };

const at = (iso: string) => ukDateTimeLong(new Date(iso));

/** Example: `Jane Smith (Duty manager, jsmith)`; the server's own entries read `System`. */
export function authorLine(author: Author): string {
  if (author.id === null && author.username === 'system') return author.displayName;
  const role = ROLE_LABELS[author.role as Role] ?? author.role;
  return `${author.displayName} (${role}, ${author.username})`;
}

/** One sentence on the hash chain, for the first page and the last section. */
export function verificationLine(verification: Verification): string {
  return verification.ok
    ? `Intact: all ${count(verification.entries)} entries match their stored hashes and the chain.`
    : `FAILED: entry #${verification.firstBadSeq ?? '?'} no longer matches its stored hash or the chain before it, so it and the entries after it cannot be relied on as originally recorded (${count(verification.entries)} entries checked).`;
}

export function summary(doc: Doc, incident: Incident, verification: Verification, generatedAt: Date): void {
  const region = findRegion(incident.region)?.name ?? incident.region;
  doc.font(FONT.regular).fontSize(9).fillColor(COLOUR.muted).text(`${incident.snapshot.trust.name} (${incident.trust}) · ${region} region · Incident report`, LEFT, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.4);

  const exercise = incident.snapshot.exercise;
  if (exercise) {
    const y = doc.y;
    doc.rect(LEFT, y, CONTENT_WIDTH, 20).fill(COLOUR.bad);
    doc.font(FONT.bold).fontSize(10).fillColor('#ffffff').text(`EXERCISE - none of this is real: ${exercise.title}`, LEFT + 6, y + 5, { width: CONTENT_WIDTH - 12, height: 12, ellipsis: true });
    doc.y = y + 26;
  }

  doc.font(FONT.bold).fontSize(12).fillColor(LEVEL_COLOUR[incident.level]).text(INCIDENT_LEVEL_NAMES[incident.level].toUpperCase(), LEFT, doc.y, { width: CONTENT_WIDTH, characterSpacing: 0.5 });
  doc.font(FONT.bold).fontSize(18).fillColor(COLOUR.text).text(incident.title, LEFT, doc.y + 2, { width: CONTENT_WIDTH });
  doc.moveDown(0.5);

  const standDown = incident.standDown;
  const end = standDown ? Date.parse(standDown.at) : generatedAt.getTime();
  const rows: [string, string][] = [
    ['Status', standDown ? 'Stood down' : 'Active when this report was generated'],
    ['Declared', `${at(incident.declaredAt)}\nby ${authorLine(incident.declaredBy)}`],
    ['Reason', incident.reason],
  ];
  if (standDown) rows.push(['Stood down', `${at(standDown.at)}\nby ${authorLine(standDown.by)}`], ['Stand-down reason', standDown.reason]);
  // When it was generated is at the foot of every page.
  rows.push(
    [standDown ? 'Duration' : 'Running for', `${duration((end - Date.parse(incident.declaredAt)) / 1000)}, ${count(incident.log.length)} log entries`],
    ['Reference', incident.id],
  );
  keyValues(doc, rows);

  doc.moveDown(0.3);
  ensureSpace(doc, 34);
  const y = doc.y;
  const colour = verification.ok ? COLOUR.ok : COLOUR.bad;
  doc.font(FONT.regular).fontSize(9.5);
  const text = verificationLine(verification);
  const h = doc.heightOfString(text, { width: CONTENT_WIDTH - 110 }) + 12;
  doc.rect(LEFT, y, CONTENT_WIDTH, h).lineWidth(1.2).strokeColor(colour).stroke();
  doc.font(FONT.bold).fillColor(colour).text('Log verification', LEFT + 8, y + 6, { width: 90 });
  doc.font(FONT.regular).fillColor(COLOUR.text).text(text, LEFT + 100, y + 6, { width: CONTENT_WIDTH - 110 });
  doc.y = y + h + 4;
}

/** Runs two blocks side by side from the same y and leaves the cursor under the taller. */
function sideBySide(doc: Doc, estimatedHeight: number, left: (x: number, width: number) => void, right: (x: number, width: number) => void): void {
  ensureSpace(doc, estimatedHeight);
  const gap = 20;
  const width = (CONTENT_WIDTH - gap) / 2;
  const y = doc.y;
  left(LEFT, width);
  const leftEnd = doc.y;
  doc.y = y;
  right(LEFT + width + gap, width);
  doc.y = Math.max(leftEnd, doc.y) + 6;
  doc.x = LEFT;
}

const CATEGORIES = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;

export function snapshot(doc: Doc, picture: Picture): void {
  sectionHeading(doc, 'The picture at declaration');
  note(doc, `As the dashboard showed it at ${at(picture.asOf)}. "Today" figures count from midnight (UK time).`);
  if (picture.stale) note(doc, `The trust's feed was STALE at the time (last event ${picture.lastEventAt ? at(picture.lastEventAt) : 'never'}): these figures may have been out of date.`);
  doc.moveDown(0.5);

  sideBySide(
    doc,
    110,
    (x, width) => {
      subHeading(doc, 'Patients waiting', x, width);
      const rows = CATEGORIES.map((c) => [c, count(picture.queue[c].waiting), picture.queue[c].waiting > 0 ? duration(picture.queue[c].longestWaitSeconds) : '-']);
      rows.push(['C1-C4', count(picture.queue.total.waiting), '']);
      table(doc, [{ header: 'Category', width: width * 0.3 }, { header: 'Waiting', width: width * 0.3, align: 'right' }, { header: 'Longest wait', width: width * 0.4, align: 'right' }], rows, { x });
    },
    (x, width) => {
      subHeading(doc, 'Responses today', x, width);
      const rows = (['C1', 'C2', 'C3', 'C4'] as const).map((c) => {
        const r = picture.responseToday[c];
        return [c, count(r.count), r.count > 0 ? duration(r.meanSeconds) : '-', r.count > 0 ? duration(r.p90Seconds) : '-'];
      });
      table(doc, [{ header: 'Category', width: width * 0.22 }, { header: 'Arrived', width: width * 0.22, align: 'right' }, { header: 'Mean', width: width * 0.28, align: 'right' }, { header: '90th centile', width: width * 0.28, align: 'right' }], rows, { x });
    },
  );

  const r = picture.resources;
  sideBySide(
    doc,
    90,
    (x, width) => {
      subHeading(doc, '999 calls', x, width);
      keyValues(
        doc,
        [
          ['Waiting', `${count(picture.calls.waiting)}${picture.calls.waiting > 0 ? `, longest ${duration(picture.calls.longestWaitSeconds)}` : ''}`],
          ['Answered today', count(picture.calls.answeredToday)],
          ['Mean answer', duration(picture.calls.meanAnswerSecondsToday)],
        ],
        { x, width, labelWidth: 90, size: 8.5 },
      );
      doc.moveDown(0.4);
      subHeading(doc, 'REAP level', x, width);
      const since = picture.reap.since ? ` since ${at(picture.reap.since)}` : '';
      keyValues(doc, [['Level', `${picture.reap.level}${since}${picture.reap.setBy ? `, set by ${picture.reap.setBy}` : ''}`]], { x, width, labelWidth: 90, size: 8.5 });
    },
    (x, width) => {
      subHeading(doc, 'Crews', x, width);
      keyValues(
        doc,
        [
          ['Available', `${count(r.available)} of ${count(r.onShift)} on shift (rota plans ${count(r.planned)})`],
          ['Mobile / on scene', `${count(r.mobile)} / ${count(r.onScene)}`],
          ['Conveying', count(r.conveying)],
          ['At hospital', count(r.atHospital)],
          ['Clearing', count(r.clearing)],
          ['Unavailable', count(r.unavailable)],
        ],
        { x, width, labelWidth: 90, size: 8.5 },
      );
    },
  );

  subHeading(doc, 'Hospitals (ambulance handovers)');
  if (picture.hospitals.length === 0) note(doc, 'No hospital figures in the picture.');
  else {
    const lost = picture.hospitals.reduce((sum, h) => sum + h.hoursLostOver30Today, 0);
    table(
      doc,
      [
        { header: 'Hospital', width: 165 },
        { header: 'Waiting', width: 45, align: 'right' },
        { header: 'Longest wait', width: 72, align: 'right' },
        { header: 'Over 30 min', width: 48, align: 'right' },
        { header: 'Over 60 min', width: 48, align: 'right' },
        { header: 'Handed over today', width: 57, align: 'right' },
        { header: 'Hours lost > 30 min today', width: 60, align: 'right' },
      ],
      [
        ...picture.hospitals.map((h) => [h.name, count(h.waiting), h.waiting > 0 ? duration(h.longestWaitSeconds) : '-', count(h.over30), count(h.over60), count(h.handedOverToday), hours(h.hoursLostOver30Today)]),
        ['All hospitals', count(picture.hospitals.reduce((s, h) => s + h.waiting, 0)), '', '', '', '', hours(lost)],
      ],
    );
  }
  doc.moveDown(0.5);

  subHeading(doc, 'Flags raised at the time');
  if (picture.flags.length === 0) note(doc, 'None.');
  else
    table(
      doc,
      [
        { header: 'Severity', width: 50 },
        { header: 'Flag', width: 190 },
        { header: 'Raised', width: 150 },
        { header: 'Acknowledged', width: 105 },
      ],
      picture.flags.map((f) => [f.severity, f.advice ? `${f.message}\nAdvice: ${f.advice}` : f.message, at(f.since), f.acknowledged ? `${f.acknowledged.by}, ${at(f.acknowledged.at)}` : '-']),
    );
}
