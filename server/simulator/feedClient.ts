import { FEED_LIMITS, type FeedEvent } from '../../shared/feed/events.ts';

/** A refusal from the feed API, with its stable error id. */
export class FeedRefused extends Error {
  readonly status: number;
  readonly error: string;

  constructor(status: number, error: string, message: string) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

/**
 * Posts events to a feed API exactly as a dispatch system would: with its feed key, as JSON
 * arrays of at most the batch limit. Resolves once every batch is stored; an empty list is a
 * heartbeat. A refused batch rejects with FeedRefused and the batches after it are not sent, so
 * the caller can retry from where it stopped: `sent` says how many events were stored first.
 */
export async function postEvents(url: string, key: string, events: readonly FeedEvent[], progress: { sent: number } = { sent: 0 }): Promise<{ accepted: number; duplicates: number }> {
  let accepted = 0;
  let duplicates = 0;
  const batches = events.length === 0 ? [[]] : chunks(events, FEED_LIMITS.maxEvents);
  for (const batch of batches) {
    const response = await fetch(`${url}/api/v1/feed/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(batch),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json().catch(() => ({}))) as { accepted?: number; duplicates?: number; error?: string; message?: string };
    if (response.status !== 202) throw new FeedRefused(response.status, body.error ?? 'unknown', body.message ?? `the feed answered ${response.status}`);
    accepted += body.accepted ?? 0;
    duplicates += body.duplicates ?? 0;
    progress.sent += batch.length;
  }
  return { accepted, duplicates };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
