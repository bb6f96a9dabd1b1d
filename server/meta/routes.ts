import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { projectVersion } from '../paths.ts';
import { openApiDocument } from './openapi.ts';


/** Health and the API's own description; `routes` is the whole registry, for the document. */
export function metaRoutes(ctx: AppContext, routes: () => readonly Route[]): Route[] {
  const version = projectVersion();
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      summary: 'Liveness for load balancers: answers 200 while the database answers.',
      access: { kind: 'public' },
      response: z.object({ ok: z.literal(true), version: z.string(), database: z.enum(['pglite', 'postgres']) }),
      async handler() {
        await ctx.db.query('SELECT 1');
        return { ok: true as const, version, database: ctx.db.kind };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/admin/metrics',
      summary: 'This instance’s memory, event-loop delay and feed throughput since the previous read.',
      access: { kind: 'admin' },
      response: z.record(z.string(), z.number()),
      handler: () => ctx.metrics.read(ctx.live.connectionCount()),
    }),
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      summary: 'This API as an OpenAPI 3.0 document, generated from its schemas.',
      access: { kind: 'public' },
      handler: () => openApiDocument(routes(), version),
    }),
  ];
}
