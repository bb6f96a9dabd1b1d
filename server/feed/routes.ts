import { rateLimit } from 'express-rate-limit';
import { FEED_LIMITS, FeedAccepted, validateFeedBatch } from '../../shared/feed/events.ts';
import { hashToken } from '../auth/tokens.ts';
import type { AppContext } from '../context.ts';
import { HttpError, sendError } from '../http/errors.ts';
import { defineRoute, type Route } from '../http/route.ts';
import type { PictureService } from '../picture/service.ts';
import { parseFeedBody } from './parse.ts';
import { appendEvents } from './store.ts';
import type { ExercisePictures } from '../exercises/service.ts';
import { appendExerciseEvents } from '../exercises/store.ts';

/**
 * Requests a feed key may make in a minute. A CAD system batching its events every second or
 * so uses a small part of it; a runaway loop is stopped before it hurts anyone else.
 */
export const FEED_REQUESTS_PER_MINUTE = 1200;

export function feedRoutes(ctx: AppContext, pictures: PictureService, exercises: ExercisePictures): Route[] {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: FEED_REQUESTS_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `feed:${hashToken(req.headers.authorization ?? '')}`,
    handler: (_req, res) => sendError(res, new HttpError(429, 'too_many_requests', `At most ${FEED_REQUESTS_PER_MINUTE} feed requests a minute per key; send larger batches less often.`, { headers: { 'Retry-After': '60' } })),
  });
  return [
    defineRoute({
      method: 'post',
      path: '/feed/events',
      summary: 'Post dispatch events for the feed key’s trust: a JSON array or NDJSON, at most 5,000 events or 5 MB. All or nothing; stored before the answer.',
      access: { kind: 'feed' },
      bodyParser: { text: { types: ['application/json', 'application/x-ndjson'], limit: '5mb' } },
      before: [limiter],
      response: FeedAccepted,
      status: 202,
      async handler({ req, principal }) {
        if (principal?.kind !== 'feed') throw new Error('feed rule let through a non-feed principal');
        const body: unknown = req.body;
        if (typeof body !== 'string') throw new HttpError(415, 'unsupported_media_type', 'Send events as application/json (an array) or application/x-ndjson.');
        const parsed = parseFeedBody(body, req.is('application/x-ndjson') ? 'ndjson' : 'json');
        if (!parsed.ok) throw new HttpError(400, parsed.error, parsed.error === 'invalid_json' ? 'The body is not valid JSON.' : 'The batch is not valid; nothing was applied. See issues.', { issues: parsed.issues });
        if (parsed.items.length > FEED_LIMITS.maxEvents) throw new HttpError(413, 'payload_too_large', `At most ${FEED_LIMITS.maxEvents} events a request; this one had ${parsed.items.length}.`);
        const valid = validateFeedBatch(parsed.items);
        if (!valid.ok) throw new HttpError(400, 'invalid_events', `${new Set(valid.issues.map((i) => i.path.split('.')[0])).size} of ${parsed.items.length} events are not valid; nothing was applied. See issues.`, { issues: valid.issues });
        const trust = principal.feedKey.trust;
        const foreign = valid.events.findIndex((e) => e.trust !== trust);
        if (foreign >= 0) throw new HttpError(403, 'wrong_trust', `Event ${foreign} is for ${valid.events[foreign]!.trust}, but this feed key is for ${trust}; nothing was applied.`);
        const receivedAt = ctx.now();
        const { exerciseId } = principal.feedKey;
        if (exerciseId) {
          // An exercise's key: its events go to the exercise, never to the trust's real store or picture.
          await exercises.running(ctx.db, exerciseId);
          const { stored, duplicates } = await appendExerciseEvents(ctx.db, exerciseId, valid.events, receivedAt);
          exercises.ingest(exerciseId, stored, receivedAt);
          ctx.live.shareExerciseIngested(exerciseId, stored, receivedAt);
          return { accepted: stored.length, duplicates };
        }
        const { stored, duplicates } = await appendEvents(ctx.db, trust, valid.events, receivedAt);
        pictures.ingest(trust, stored, receivedAt);
        ctx.live.shareIngested(trust, stored, receivedAt);
        ctx.metrics.countFeed(stored.length);
        return { accepted: stored.length, duplicates };
      },
    }),
  ];
}
