import { z } from 'zod';

/**
 * The server's whole configuration, read once from the environment at start. Every variable is
 * optional; a bad value stops the start with a message naming the variable (CONTRACT.md "Running").
 * An empty string counts as unset, so `DATABASE_URL=` in a shell or compose file means "embedded".
 */

const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const port = z.coerce
  .number({ error: 'must be a whole number from 0 to 65535' })
  .int('must be a whole number from 0 to 65535')
  .min(0, 'must be a whole number from 0 to 65535')
  .max(65535, 'must be a whole number from 0 to 65535');

function urlWithProtocols(protocols: string[], example: string) {
  return z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting ${protocols.map((p) => `${p}//`).join(' or ')}, e.g. ${example}`);
}

const origin = z.string().transform((value, ctx) => {
  try {
    const url = new URL(value);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash) {
      return url.origin;
    }
  } catch {
    // fall through to the issue below
  }
  ctx.addIssue({ code: 'custom', message: 'must be an origin only (scheme, host and optional port), e.g. https://ops.example.nhs.uk' });
  return z.NEVER;
});

const EnvSchema = z.object({
  PORT: z.preprocess(unsetIfEmpty, port.default(3000)),
  HOST: z.preprocess(unsetIfEmpty, z.string().min(1).default('127.0.0.1')),
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().default('./data')),
  DATABASE_URL: z.preprocess(unsetIfEmpty, urlWithProtocols(['postgres:', 'postgresql:'], 'postgres://user@127.0.0.1:5432/ops').optional()),
  REDIS_URL: z.preprocess(unsetIfEmpty, urlWithProtocols(['redis:', 'rediss:'], 'redis://127.0.0.1:6379').optional()),
  SIMULATOR: z.preprocess(unsetIfEmpty, z.enum(['on', 'off'], { error: 'must be on or off' }).default('on')),
  ADMIN_PASSWORD: z.preprocess(unsetIfEmpty, z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters').optional()),
  PUBLIC_ORIGIN: z.preprocess(unsetIfEmpty, origin.optional()),
  STALE_AFTER_SECONDS: z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ error: 'must be a whole number of seconds from 10 to 86400' }).int('must be a whole number of seconds from 10 to 86400').min(10, 'must be a whole number of seconds from 10 to 86400').max(86_400, 'must be a whole number of seconds from 10 to 86400').default(120),
  ),
  LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info')),
  PICTURE_PUSH: z.preprocess(unsetIfEmpty, z.enum(['coalesced', 'per-event'], { error: 'must be coalesced or per-event' }).default('coalesced')),
  TRUST_PROXY: z.preprocess(
    unsetIfEmpty,
    z.coerce.number({ error: 'must be the number of proxies in front of the server (0 when none)' }).int('must be a whole number').min(0, 'must be 0 or more').max(10, 'must be at most 10').default(0),
  ),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  simulator: boolean;
  adminPassword: string | undefined;
  publicOrigin: string | undefined;
  staleAfterSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** How many reverse proxies sit in front of the server; their X-Forwarded-For is then trusted. */
  trustProxy: number;
  /**
   * How pictures are pushed: `coalesced` (merge patches, at most 4 a second per trust) or
   * `per-event` (the whole picture after every event: the naive way, kept to measure against).
   */
  picturePush: 'coalesced' | 'per-event';
}

const SECRET_VARIABLES = new Set(['ADMIN_PASSWORD', 'DATABASE_URL', 'REDIS_URL']);

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads the configuration; throws a ConfigError listing every bad variable by name. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        // Secrets and URLs that may carry a password are named, never echoed.
        const shown = SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(env[name])})`;
        return `${name} ${issue.message}${shown}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    simulator: e.SIMULATOR === 'on',
    adminPassword: e.ADMIN_PASSWORD,
    publicOrigin: e.PUBLIC_ORIGIN,
    staleAfterSeconds: e.STALE_AFTER_SECONDS,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    picturePush: e.PICTURE_PUSH,
  };
}

/** Where to tell people to open the dashboard, for the start-up message. */
export function publicUrl(config: Config, boundPort: number): string {
  if (config.publicOrigin) return config.publicOrigin;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host === '127.0.0.1' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
}
