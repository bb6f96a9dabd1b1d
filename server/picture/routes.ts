import { z } from 'zod';
import { Picture } from '../../shared/picture/picture.ts';
import { RegionPicture } from '../../shared/picture/region.ts';
import { RegionCodeParam, TrustCodeParam } from '../../shared/reference/schemas.ts';
import type { AppContext } from '../context.ts';
import { defineRoute, type Route } from '../http/route.ts';
import { readHistory } from './history.ts';
import { HistoryQuery, HistoryPoint } from '../../shared/picture/history.ts';
import type { PictureService } from './service.ts';

export function pictureRoutes(ctx: AppContext, pictures: PictureService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/trusts/:code/picture',
      summary: 'The trust’s operational picture now.',
      params: TrustCodeParam,
      access: ({ params }) => ({ kind: 'readTrust', trust: params.code }),
      response: Picture,
      handler: ({ params }) => pictures.picture(params.code, ctx.now()),
    }),
    defineRoute({
      method: 'get',
      path: '/regions/:code/picture',
      summary: 'The region’s view: each of its trusts summarised, and the open mutual-aid requests.',
      params: RegionCodeParam,
      access: ({ params }) => ({ kind: 'readRegion', region: params.code }),
      response: RegionPicture,
      handler: ({ params }) => pictures.regionPicture(params.code, ctx.now()),
    }),
    defineRoute({
      method: 'get',
      path: '/trusts/:code/history',
      summary: 'The trust’s key figures a minute apart, from `from` to `to` (ISO 8601; the last 6 hours by default, at most 31 days).',
      params: TrustCodeParam,
      query: HistoryQuery,
      access: ({ params }) => ({ kind: 'readTrust', trust: params.code }),
      response: z.array(HistoryPoint),
      handler: ({ params, query }) => {
        const to = query.to ? new Date(query.to) : ctx.now();
        const from = query.from ? new Date(query.from) : new Date(to.getTime() - 6 * 3600_000);
        return readHistory(ctx.db, params.code, from, to);
      },
    }),
  ];
}
