import { randomUUID } from 'node:crypto';
import type { Author } from '../../shared/incidents/schemas.ts';
import { filledOf, type AidLine, type AidQuery, type AidRequest, type Offer } from '../../shared/mutualAid/schemas.ts';
import type { RegionCode, TrustCode } from '../../shared/reference/trusts.ts';
import type { Database, Queryable } from '../db/database.ts';
import { conflict, notFound } from '../http/errors.ts';
import { step, type AidStep } from './lifecycle.ts';

interface RequestRow {
  id: string;
  trust: TrustCode;
  region: RegionCode;
  incident_id: string | null;
  resources: AidLine[];
  needed_from: Date;
  needed_until: Date | null;
  reason: string;
  asked_trusts: TrustCode[];
  regions: RegionCode[];
  status: AidRequest['status'];
  requested_at: Date;
  requested_by: Author;
  closed_at: Date | null;
  closed_by: Author | null;
  close_note: string | null;
  offers: Offer[];
  updated_at: Date;
}

const COLUMNS = 'id, trust, region, incident_id, resources, needed_from, needed_until, reason, asked_trusts, regions, status, requested_at, requested_by, closed_at, closed_by, close_note, offers, updated_at';

function toRequest(row: RequestRow): AidRequest {
  return {
    id: row.id,
    trust: row.trust,
    region: row.region,
    incidentId: row.incident_id,
    resources: row.resources,
    neededFrom: row.needed_from.toISOString(),
    neededUntil: row.needed_until?.toISOString() ?? null,
    reason: row.reason,
    askedTrusts: row.asked_trusts,
    regions: row.regions,
    status: row.status,
    requestedAt: row.requested_at.toISOString(),
    requestedBy: row.requested_by,
    closedAt: row.closed_at?.toISOString() ?? null,
    closedBy: row.closed_by,
    closeNote: row.close_note,
    offers: row.offers,
    filled: filledOf(row.resources, row.offers),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface NewAidRequest {
  trust: TrustCode;
  region: RegionCode;
  incidentId: string | null;
  resources: AidLine[];
  neededFrom: Date;
  neededUntil: Date | null;
  reason: string;
  askedTrusts: TrustCode[];
  regions: RegionCode[];
  at: Date;
  by: Author;
}

async function recordStep(tx: Queryable, requestId: string, at: Date, by: Author, name: string, detail: object): Promise<void> {
  await tx.query('INSERT INTO mutual_aid_steps (request_id, at, by_user, step, detail) VALUES ($1, $2, $3, $4, $5)', [requestId, at, by.id, name, JSON.stringify(detail)]);
}

export async function createRequest(db: Database, input: NewAidRequest): Promise<AidRequest> {
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx.query<RequestRow & Record<string, unknown>>(
      `INSERT INTO mutual_aid_requests (id, trust, region, incident_id, resources, needed_from, needed_until, reason, asked_trusts, regions, status, requested_at, requested_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12, $11) RETURNING ${COLUMNS}`,
      [id, input.trust, input.region, input.incidentId, JSON.stringify(input.resources), input.neededFrom, input.neededUntil, input.reason, input.askedTrusts, input.regions, input.at, JSON.stringify(input.by)],
    );
    await recordStep(tx, id, input.at, input.by, 'requested', { resources: input.resources, askedTrusts: input.askedTrusts });
    return toRequest(row!);
  });
}

/**
 * Takes one step of the lifecycle under the request's row lock: the pure `step` decides, this
 * stores what it decided. A step the state does not allow is a 409 with the lifecycle's reason.
 */
export async function takeStep(db: Database, id: string, action: AidStep, meta: { at: Date; by: Author; note?: string | undefined }): Promise<{ before: AidRequest; after: AidRequest }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<RequestRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM mutual_aid_requests WHERE id = $1 FOR UPDATE`, [id]);
    if (!row) throw notFound(`No mutual-aid request ${id}.`);
    const before = toRequest(row);
    const result = step(before, action);
    if (!result.ok) {
      if (result.error === 'no_such_offer') throw notFound(result.message);
      throw conflict(result.error, result.message);
    }
    const closing = action.type === 'close';
    const [updated] = await tx.query<RequestRow & Record<string, unknown>>(
      `UPDATE mutual_aid_requests SET status = $2, offers = $3, updated_at = $4,
              closed_at = CASE WHEN $5 THEN $4 ELSE closed_at END,
              closed_by = CASE WHEN $5 THEN $6::jsonb ELSE closed_by END,
              close_note = CASE WHEN $5 THEN $7 ELSE close_note END
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, result.state.status, JSON.stringify(result.state.offers), meta.at, closing, JSON.stringify(meta.by), meta.note ?? null],
    );
    await recordStep(tx, id, meta.at, meta.by, action.type === 'close' ? action.outcome : action.type, action.type === 'offer' ? { offer: action.offer.id, trust: action.offer.trust, resources: action.offer.resources } : action.type === 'close' ? { note: meta.note ?? null } : { offer: action.offerId, reason: action.reason ?? null });
    return { before, after: toRequest(updated!) };
  });
}

export async function readRequest(db: Queryable, id: string): Promise<AidRequest | undefined> {
  const [row] = await db.query<RequestRow & Record<string, unknown>>(`SELECT ${COLUMNS} FROM mutual_aid_requests WHERE id = $1`, [id]);
  return row ? toRequest(row) : undefined;
}

export function newOfferId(): string {
  return randomUUID();
}

/** Requests, newest first: of a trust (asking or asked), of a region (any trust of it involved), by status. */
export async function listRequests(db: Queryable, query: AidQuery & { limit?: number }): Promise<AidRequest[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.status) where.push(`status = ${param(query.status)}`);
  if (query.region) where.push(`regions @> ARRAY[${param(query.region)}]::text[]`);
  if (query.trust) {
    const trust = param(query.trust);
    where.push(`(trust = ${trust} OR asked_trusts @> ARRAY[${trust}]::text[])`);
  }
  const rows = await db.query<RequestRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM mutual_aid_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY requested_at DESC, id DESC LIMIT ${param(query.limit ?? 200)}`,
    params,
  );
  return rows.map(toRequest);
}

export async function openRequests(db: Queryable): Promise<AidRequest[]> {
  return listRequests(db, { status: 'open', limit: 1000 });
}
