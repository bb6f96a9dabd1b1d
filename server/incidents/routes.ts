import { z } from 'zod';
import {
  ChangeLevel,
  DeclareIncident,
  ExportQuery,
  Incident,
  IncidentPage,
  IncidentQuery,
  LogEntry,
  NewEntry,
  StandDown,
  Verification,
} from '../../shared/incidents/schemas.ts';
import { HistoryPoint } from '../../shared/picture/history.ts';
import { londonDate } from '../../shared/time/london.ts';
import type { AccessRule } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { AppContext } from '../context.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { readHistory } from '../picture/history.ts';
import type { PictureService } from '../picture/service.ts';
import { verifyChain } from './chain.ts';
import { incidentCsv } from './export/csv.ts';
import { incidentPdf } from './export/pdf.ts';
import { authorOf, type IncidentService } from './service.ts';
import { incidentTrust, listIncidents, readEntry, readIncident, shownIncident, type IncidentScope, type StoredIncident } from './store.ts';

const IdParam = z.object({ id: z.uuid({ error: 'must be an incident id (a UUID)' }) }).strict();
const EntryParams = IdParam.extend({ seq: z.coerce.number({ error: 'must be an entry seq' }).int().min(1) }).strict();

/** The most minutes a chart is sent: a long incident is thinned evenly, its first and last kept. */
const MAX_HISTORY_POINTS = 1500;
const HOUR = 3600_000;

function scopeOf(principal: Principal | null): IncidentScope {
  if (principal?.kind !== 'user') throw forbidden();
  const { user } = principal;
  if (user.role === 'executive' && !user.trust) return { kind: 'all' };
  if (user.role === 'coordinator' && user.region) return { kind: 'region', region: user.region };
  if (user.trust) return { kind: 'trust', trust: user.trust };
  throw forbidden();
}

export function thinHistory<T>(points: readonly T[], max = MAX_HISTORY_POINTS): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}

export function incidentRoutes(ctx: AppContext, pictures: PictureService, incidents: IncidentService): Route[] {
  /** Access to one incident follows its trust; for an id that is no incident, anyone who reads incidents learns it is none. */
  const incidentAccess =
    (write: boolean) =>
    async ({ params }: { params: { id: string } }): Promise<AccessRule> => {
      const trust = await incidentTrust(ctx.db, params.id);
      if (!trust) return { kind: 'readIncidents' };
      return write ? { kind: 'actForTrust', trust } : { kind: 'readIncidents', trust };
    };

  const load = async (id: string) => {
    const incident = await readIncident(ctx.db, id);
    if (!incident) throw notFound(`No incident ${id}.`);
    return incident;
  };
  const verify = (incident: StoredIncident) => verifyChain(incident.id, incident.log, { count: incident.entryCount, headHash: incident.headHash });

  const history = async (incident: Incident) => {
    const from = new Date(Date.parse(incident.declaredAt) - HOUR);
    const to = incident.standDown ? new Date(Date.parse(incident.standDown.at) + 5 * 60_000) : ctx.now();
    return thinHistory(await readHistory(ctx.db, incident.trust, from, to));
  };

  return [
    defineRoute({
      method: 'post',
      path: '/incidents',
      summary: 'Declares an incident for the trust (a duty manager of the trust), freezing its picture now into the incident; the declaration is the log’s first entry. 409 `incident_active` when one is active: escalate it instead.',
      body: DeclareIncident,
      access: ({ body }) => ({ kind: 'actForTrust', trust: body.trust }),
      status: 201,
      response: Incident,
      async handler({ body, principal }) {
        const snapshot = pictures.picture(body.trust, ctx.now());
        const { incident, entry } = await incidents.declare({ ...body, snapshot, by: authorOf(principal) });
        ctx.live.shareTrustStatus(body.trust);
        pictures.touch(body.trust);
        const { entries: _entries, lastEntryAt: _last, ...declared } = incident;
        return { ...declared, snapshot, log: [entry] };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/incidents',
      summary: 'A page of incidents in the reader’s scope, newest first, filtered by trust, region, status, level, the period they ran in (`from`, `to`) and words in their titles or logs (`q`); `cursor` from the page before.',
      query: IncidentQuery,
      access: ({ query }) => ({ kind: 'readIncidents', ...(query.trust ? { trust: query.trust } : {}), ...(query.region ? { region: query.region } : {}) }),
      response: IncidentPage,
      handler: ({ query, principal }) => listIncidents(ctx.db, scopeOf(principal), query),
    }),
    defineRoute({
      method: 'get',
      path: '/incidents/:id',
      summary: 'The incident with its snapshot at declaration and its whole log, in seq order.',
      params: IdParam,
      access: incidentAccess(false),
      response: Incident,
      handler: async ({ params }) => shownIncident(await load(params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/incidents/:id/level',
      summary: 'Escalates or de-escalates the active incident, with the reason (logged). 409 once stood down, or at that level already.',
      params: IdParam,
      body: ChangeLevel,
      access: incidentAccess(true),
      response: Incident,
      async handler({ params, body, principal }) {
        const { incident } = await incidents.changeLevel(params.id, { ...body, by: authorOf(principal) });
        ctx.live.shareTrustStatus(incident.trust);
        pictures.touch(incident.trust);
        return shownIncident(await load(params.id));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/incidents/:id/stand-down',
      summary: 'Stands the incident down, with the reason: the last entry of its log. 409 when already stood down.',
      params: IdParam,
      body: StandDown,
      access: incidentAccess(true),
      response: Incident,
      async handler({ params, body, principal }) {
        const { incident } = await incidents.standDown(params.id, { ...body, by: authorOf(principal) });
        ctx.live.shareTrustStatus(incident.trust);
        pictures.touch(incident.trust);
        return shownIncident(await load(params.id));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/incidents/:id/entries',
      summary: 'Adds an entry to the log (a duty manager of the trust): a decision with its rationale, an action, information, a communication, or a correction naming the seq it corrects. Entries are never changed or removed.',
      params: IdParam,
      body: NewEntry,
      access: incidentAccess(true),
      status: 201,
      response: LogEntry,
      async handler({ params, body, principal }) {
        const { entry } = await incidents.append(params.id, { at: ctx.now(), author: authorOf(principal), ...body });
        return entry;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/incidents/:id/entries/:seq',
      summary: 'One entry of the log. PUT, PATCH and DELETE answer 405: entries are never changed.',
      params: EntryParams,
      access: incidentAccess(false),
      response: LogEntry,
      async handler({ params }) {
        const entry = await readEntry(ctx.db, params.id, params.seq);
        if (!entry) throw notFound(`Incident ${params.id} has no entry ${params.seq}.`);
        return entry;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/incidents/:id/verify',
      summary: 'Checks the log’s hash chain: each hash is SHA-256 over the previous entry’s hash and the entry’s canonical JSON. Names the first entry that no longer matches.',
      params: IdParam,
      access: incidentAccess(false),
      response: Verification,
      handler: async ({ params }) => verify(await load(params.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/incidents/:id/history',
      summary: 'The trust’s minute-by-minute figures from an hour before the declaration to the stand-down (or now), thinned to at most 1,500 points.',
      params: IdParam,
      access: incidentAccess(false),
      response: z.array(HistoryPoint),
      handler: async ({ params }) => history(await load(params.id)),
    }),
    defineRoute({
      method: 'get',
      path: '/incidents/:id/export',
      summary: 'The incident as CSV (one row per log entry) or as a PDF report (snapshot, timeline, charts, verification), times in UK local time with the offset.',
      params: IdParam,
      query: ExportQuery,
      access: incidentAccess(false),
      async handler({ params, query, res }) {
        const stored = await load(params.id);
        const verification = verify(stored);
        const incident = shownIncident(stored);
        // Named by the UK date of the declaration, as people will look for it.
        const name = `incident-${incident.trust}-${londonDate(new Date(incident.declaredAt))}-${incident.id.slice(0, 8)}`;
        if (query.format === 'csv') {
          res.setHeader('Content-Type', 'text/csv; charset=utf-8');
          res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
          res.send(incidentCsv(incident, verification));
          return;
        }
        const pdf = await incidentPdf({ incident, history: await history(incident), verification, generatedAt: ctx.now() });
        res.setHeader('Content-Type', 'application/pdf');
        res.setHeader('Content-Disposition', `attachment; filename="${name}.pdf"`);
        res.send(pdf);
      },
    }),
  ];
}
