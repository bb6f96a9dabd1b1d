import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { adminRoutes } from './admin/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { bootstrapAdmin } from './accounts/bootstrap.ts';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { currentReapLevels, STEADY } from './reap/store.ts';
import { FlagEvaluator, TrustStatus } from './thresholds/evaluator.ts';
import { thresholdRoutes } from './thresholds/routes.ts';
import { exerciseRoutes } from './exercises/routes.ts';
import { ExercisePictures } from './exercises/service.ts';
import { createApp } from './http/app.ts';
import { incidentRoutes } from './incidents/routes.ts';
import { IncidentService } from './incidents/service.ts';
import { readIncident, shownIncident } from './incidents/store.ts';
import { mutualAidRoutes } from './mutualAid/routes.ts';
import { MutualAidService } from './mutualAid/service.ts';
import type { Route } from './http/route.ts';
import { feedRoutes } from './feed/routes.ts';
import { Metrics } from './meta/metrics.ts';
import { metaRoutes } from './meta/routes.ts';
import { QUIET_CONTEXT } from './picture/derive.ts';
import { startHistoryRecorder } from './picture/history.ts';
import { pictureRoutes } from './picture/routes.ts';
import { PictureService } from './picture/service.ts';
import { Realtime, type OpsServer } from './realtime/socket.ts';
import { TRUSTS, type TrustCode } from '../shared/reference/trusts.ts';
import { referenceRoutes } from './reference/routes.ts';
import { LiveSimulator } from './simulator/live.ts';

export interface RunningServer {
  /** Where the server listens, e.g. http://127.0.0.1:3000. */
  url: string;
  port: number;
  db: Database;
  io: OpsServer;
  http: HttpServer;
  app: Express;
  routes: readonly Route[];
  pictures: PictureService;
  /** One round of the flag evaluator now (it also runs every 5 s): tests step their own clock with it. */
  evaluateFlags(): Promise<void>;
  /** Set when this start created the admin account with a generated password. */
  generatedAdminPassword: string | undefined;
  adminCreated: boolean;
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log: Logger;
  now?: () => Date;
  /** An already open database (tests share one); otherwise one is opened from the config. */
  db?: Database;
  /** The trusts the built-in simulator feeds when it is on: all of them unless narrowed. */
  simulatorTrusts?: readonly TrustCode[];
}

/** Every route of the API. One list: the app mounts it, the OpenAPI document and the access matrix read it. */
export function allRoutes(ctx: AppContext, pictures: PictureService, exercises: ExercisePictures, status: TrustStatus, incidents: IncidentService, aid: MutualAidService): Route[] {
  const routes: Route[] = [];
  routes.push(
    ...metaRoutes(ctx, () => routes),
    ...authRoutes(ctx),
    ...adminRoutes(ctx),
    ...referenceRoutes(),
    ...feedRoutes(ctx, pictures, exercises),
    ...pictureRoutes(ctx, pictures),
    ...exerciseRoutes(ctx, exercises),
    ...thresholdRoutes(ctx, pictures, status, incidents),
    ...incidentRoutes(ctx, pictures, incidents),
    ...mutualAidRoutes(ctx, aid, incidents),
  );
  return routes;
}

/**
 * Opens the database, applies migrations, creates the first admin when there is nobody, and
 * serves the API, Socket.IO and the built client from one HTTP server.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { config, log } = options;
  const now = options.now ?? (() => new Date());
  const db = options.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    const applied = await migrate(db);
    if (applied.length) log.info({ applied }, 'database migrated');
    const admin = await bootstrapAdmin(db, { password: config.adminPassword, at: now() });

    // Flags and the REAP level, shown in every picture beside the figures.
    const status = new TrustStatus();
    await status.load(db);
    // Declared incidents: each trust's active one is in its picture.
    const incidents = new IncidentService({ db, log, now });
    await incidents.load();
    const pictures = new PictureService((trust) => ({
      ...QUIET_CONTEXT,
      staleAfterSeconds: config.staleAfterSeconds,
      flags: status.flagsOf(trust),
      reap: status.reapOf(trust),
      forecasts: status.forecastsOf(trust),
      incident: incidents.summaryOf(trust),
    }));
    incidents.onChange((trust) => pictures.touch(trust));
    // Mutual aid: the open requests are in the region pictures of every region involved.
    const aid = new MutualAidService({ db, now, incidents });
    await aid.load();
    pictures.showMutualAid((region) => aid.openForRegion(region));
    aid.onChange((trusts) => trusts.forEach((trust) => pictures.touch(trust)));
    const rebuildStarted = Date.now();
    const rebuilt = await pictures.rebuild(db, now());
    log.info({ events: rebuilt.events, ms: Date.now() - rebuildStarted }, 'picture rebuilt from the event store');

    const exercises = new ExercisePictures(() => ({ ...QUIET_CONTEXT, staleAfterSeconds: config.staleAfterSeconds }));
    await exercises.rebuild(db);

    const realtime = new Realtime({ config, db, log, now }, pictures, exercises);
    const metrics = new Metrics();
    const ctx: AppContext = { config, db, log, now, live: realtime, metrics };
    incidents.announceThrough(realtime);
    aid.announceThrough(realtime);
    realtime.serveIncidents(async (id) => {
      const incident = await readIncident(db, id);
      return incident && shownIncident(incident);
    });
    const routes = allRoutes(ctx, pictures, exercises, status, incidents, aid);
    // Another instance set a REAP level, acknowledged a flag or changed an incident: show it here too.
    realtime.onTrustStatus((trust) => {
      void Promise.all([currentReapLevels(db), status.loadAcknowledgements(db), incidents.load(), aid.load()]).then(([levels]) => {
        status.setReap(trust, levels.get(trust) ?? STEADY);
        pictures.touch(trust);
      });
    });
    const http = createServer();
    const app = createApp(ctx, routes);
    http.on('request', app);
    // Socket.IO wraps the request listeners present when it attaches: the app must come first.
    const io = await realtime.attach(http);
    // Batches other instances stored while this one was rebuilding, before it heard them live.
    await pictures.catchUp(db, rebuilt.lastSeq);

    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    const flagEvaluator = new FlagEvaluator({ db, log, now, pictures, status, announce: (trust, change) => {
        realtime.announceFlag(trust, change);
        // Only the instance that evaluates announces, so each change is logged once.
        void incidents.logFlag(trust, change);
      },
    });
    flagEvaluator.start();
    const stopHistory = startHistoryRecorder(db, pictures, now, (error) => log.error({ err: error }, 'recording the minute history failed'));
    const pruning = setInterval(() => pictures.prune(now()), 3600_000);
    pruning.unref();
    const { port } = http.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    // The simulator posts to this server's own feed API, over loopback whatever address it listens on.
    const loopback = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '[::1]' : host;
    // Always there: with SIMULATOR=off it feeds no trust, but still runs training exercises.
    const liveTrusts = config.simulator ? (options.simulatorTrusts ?? TRUSTS.map((t) => t.code)) : [];
    const simulator = new LiveSimulator({ db, log, now, feedUrl: `http://${loopback}:${port}`, trusts: liveTrusts });
    simulator.start();
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      db,
      io,
      http,
      app,
      routes,
      pictures,
      evaluateFlags: () => flagEvaluator.tick(),
      generatedAdminPassword: admin.generatedPassword,
      adminCreated: admin.created,
      close() {
        closing ??= (async () => {
          await simulator.stop();
          await flagEvaluator.stop();
          stopHistory();
          metrics.close();
          clearInterval(pruning);
          http.closeAllConnections();
          await realtime.close();
          if (!options.db) await db.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (!options.db) await db.close().catch(() => undefined);
    throw error;
  }
}
