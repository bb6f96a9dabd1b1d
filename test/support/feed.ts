import type { TrustCode } from '../../shared/reference/trusts.ts';
import { ApiClient } from './http.ts';
import type { TestServer } from './server.ts';

/** A dispatch system for tests: a feed key of its own and a way to post events. */
export async function connectFeed(t: TestServer, trust: TrustCode = 'RX6'): Promise<ApiClient & { send(events: unknown[]): ReturnType<ApiClient['post']> }> {
  const created = await t.admin.post<{ key: string }>('/api/v1/admin/feed-keys', { trust, label: 'test CAD' });
  if (created.status !== 201) throw new Error(`feed key: ${created.status}`);
  const feed = new ApiClient(t.url, { bearer: created.body.key, origin: null }) as ApiClient & { send(events: unknown[]): ReturnType<ApiClient['post']> };
  feed.send = (events) => feed.post('/api/v1/feed/events', events);
  return feed;
}

export function ndjson(events: readonly unknown[]): string {
  return events.map((e) => JSON.stringify(e)).join('\n') + '\n';
}
