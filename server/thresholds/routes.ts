import { z } from 'zod';
import { ReapSet, ReapStatus } from '../../shared/reap/schemas.ts';
import { Flag } from '../../shared/picture/picture.ts';
import { TrustCodeParam } from '../../shared/reference/schemas.ts';
import { METRICS, metricInfo } from '../../shared/thresholds/metrics.ts';
import { ThresholdRule, ThresholdRules } from '../../shared/thresholds/schemas.ts';
import { recordAudit } from '../audit/audit.ts';
import { actorId } from '../auth/principal.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import type { PictureService } from '../picture/service.ts';
import { currentReapLevels, reapHistory, setReapLevel, STEADY } from '../reap/store.ts';
import { authorOf, type IncidentService } from '../incidents/service.ts';
import type { TrustStatus } from './evaluator.ts';
import { acknowledgeFlag, flagHistory, readRules, saveRules } from './store.ts';


const FlagEvent = z.object({ flagId: z.string(), rule: z.string(), kind: z.enum(['raised', 'cleared']), severity: z.string(), message: z.string(), value: z.number(), threshold: z.number(), at: z.string() });
const FlagParams = TrustCodeParam.extend({ flagId: z.string().min(1).max(200) });
const Period = z.object({
  from: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset' }).optional(),
});

export function thresholdRoutes(ctx: AppContext, pictures: PictureService, status: TrustStatus, incidents: IncidentService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/thresholds/metrics',
      summary: 'The figures a threshold rule may watch, with what each is and its unit.',
      access: { kind: 'signedIn' },
      response: z.array(z.object({ metric: z.string(), label: z.string(), unit: z.string() })),
      handler: () => METRICS.map((metric) => ({ metric, ...metricInfo(metric)! })),
    }),
    defineRoute({
      method: 'get',
      path: '/trusts/:code/thresholds',
      summary: 'The trust’s threshold rules (its defaults until someone changes them).',
      params: TrustCodeParam,
      access: ({ params }) => ({ kind: 'readTrust', trust: params.code }),
      response: z.array(ThresholdRule),
      handler: ({ params }) => readRules(ctx.db, params.code),
    }),
    defineRoute({
      method: 'put',
      path: '/trusts/:code/thresholds',
      summary: 'Replaces the trust’s whole list of rules (admins, or a duty manager of the trust). A bad list is refused whole with an issue per problem, and the rules in force stay.',
      params: TrustCodeParam,
      body: ThresholdRules,
      access: ({ params }) => ({ kind: 'configureTrust', trust: params.code }),
      response: z.array(ThresholdRule),
      async handler({ params, body, principal }) {
        const at = ctx.now();
        await saveRules(ctx.db, params.code, body, { at, by: actorId(principal) });
        await recordAudit(ctx.db, { at, actorId: actorId(principal), action: 'thresholds.replaced', target: params.code, detail: { rules: body.length } });
        return body;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/trusts/:code/flags/history',
      summary: 'Flags raised and cleared for the trust from `from` to `to` (the last 24 hours by default).',
      params: TrustCodeParam,
      query: Period,
      access: ({ params }) => ({ kind: 'readTrust', trust: params.code }),
      response: z.array(FlagEvent),
      handler: ({ params, query }) => {
        const to = query.to ? new Date(query.to) : ctx.now();
        const from = query.from ? new Date(query.from) : new Date(to.getTime() - 86_400_000);
        return flagHistory(ctx.db, params.code, from, to);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/trusts/:code/flags/:flagId/acknowledge',
      summary: 'Acknowledges a raised flag (a duty manager of the trust): shown with who and when; the flag stays until its figure clears. 404 when the flag is not raised.',
      params: FlagParams,
      access: ({ params }) => ({ kind: 'actForTrust', trust: params.code }),
      response: Flag,
      async handler({ params, principal }) {
        const flag = status.rawFlagsOf(params.code).find((f) => f.id === params.flagId);
        if (!flag) throw notFound(`No flag ${params.flagId} is raised for ${params.code}.`);
        const at = ctx.now();
        await acknowledgeFlag(ctx.db, params.code, flag, { at, by: actorId(principal) });
        await status.loadAcknowledgements(ctx.db);
        pictures.touch(params.code);
        ctx.live.shareTrustStatus(params.code);
        return status.flagsOf(params.code).find((f) => f.id === params.flagId) ?? flag;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/trusts/:code/reap',
      summary: 'The trust’s REAP level, who set it and when, and the levels set before (newest first).',
      params: TrustCodeParam,
      access: ({ params }) => ({ kind: 'readTrust', trust: params.code }),
      response: ReapStatus,
      async handler({ params }) {
        const current = (await currentReapLevels(ctx.db)).get(params.code) ?? STEADY;
        return { ...current, history: await reapHistory(ctx.db, params.code) };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/trusts/:code/reap',
      summary: 'Sets the trust’s REAP level, with the reason (a duty manager of the trust). Flags may suggest a level; only people set it.',
      params: TrustCodeParam,
      body: ReapSet,
      access: ({ params }) => ({ kind: 'actForTrust', trust: params.code }),
      response: ReapStatus,
      async handler({ params, body, principal }) {
        const at = ctx.now();
        await setReapLevel(ctx.db, params.code, body, { at, by: actorId(principal) });
        const current = (await currentReapLevels(ctx.db)).get(params.code) ?? STEADY;
        if (status.setReap(params.code, current)) pictures.touch(params.code);
        ctx.live.shareTrustStatus(params.code);
        await incidents.logReap(params.code, { ...body, by: authorOf(principal) });
        return { ...current, history: await reapHistory(ctx.db, params.code) };
      },
    }),
  ];
}
