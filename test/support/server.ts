import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { CreateUserRequest } from '../../shared/auth/schemas.ts';
import type { TrustCode } from '../../shared/reference/trusts.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { ApiClient } from './http.ts';
import { createFreshDatabase, postgresAvailable } from './postgres.ts';

export type DbKind = 'pglite' | 'postgres';

export const ADMIN_PASSWORD = 'admin-password-1';

/** The databases to run a suite against: PGlite always, PostgreSQL where it answers. */
export async function databaseKinds(): Promise<DbKind[]> {
  return (await postgresAvailable()) ? ['pglite', 'postgres'] : ['pglite'];
}

/** Where a test server keeps its data, so that a restart can find it again. */
export interface TestStorage {
  kind: DbKind;
  config: Partial<Config>;
  dispose(): Promise<void>;
}

export async function createStorage(kind: DbKind): Promise<TestStorage> {
  if (kind === 'postgres') {
    const database = await createFreshDatabase();
    return { kind, config: { databaseUrl: database.url }, dispose: database.drop };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'ops-test-'));
  return { kind, config: { dataDir: dir }, dispose: () => rm(dir, { recursive: true, force: true }) };
}

export interface TestServer {
  server: RunningServer;
  url: string;
  logs: string[];
  /** A client signed in as the bootstrap admin. */
  admin: ApiClient;
  client(options?: ConstructorParameters<typeof ApiClient>[1]): ApiClient;
  /** Creates an account through the admin API and answers a client signed in as it. */
  signedIn(user: Omit<CreateUserRequest, 'password' | 'displayName'> & { displayName?: string }): Promise<ApiClient>;
  close(): Promise<void>;
}

/**
 * A real server on port 0 over a real database. Logs are captured as JSON lines, so a test can
 * read what the server logged.
 */
export async function startTestServer(storage: TestStorage, options: { now?: () => Date; config?: Partial<Config>; simulatorTrusts?: readonly TrustCode[] } = {}): Promise<TestServer> {
  const config: Config = { ...loadConfig({}), port: 0, host: '127.0.0.1', adminPassword: ADMIN_PASSWORD, logLevel: 'info', simulator: false, ...storage.config, ...options.config };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const server = await startServer({ config, log: pino({ level: config.logLevel }, sink), ...(options.now ? { now: options.now } : {}), ...(options.simulatorTrusts ? { simulatorTrusts: options.simulatorTrusts } : {}) });
  const url = server.url;
  const admin = new ApiClient(url);
  const login = await admin.login('admin', ADMIN_PASSWORD);
  if (login.status !== 200) throw new Error(`admin sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    server,
    url,
    logs,
    admin,
    client: (clientOptions) => new ApiClient(url, clientOptions),
    async signedIn(user) {
      const password = `password-of-${user.username}`;
      const created = await admin.post('/api/v1/admin/users', { displayName: user.username, ...user, password });
      if (created.status !== 201) throw new Error(`creating ${user.username} failed: ${created.status} ${JSON.stringify(created.body)}`);
      const client = new ApiClient(url);
      const answer = await client.login(user.username, password);
      if (answer.status !== 200) throw new Error(`sign-in of ${user.username} failed: ${answer.status}`);
      return client;
    },
    close: () => server.close(),
  };
}

/**
 * A server for the whole suite it is called in: started before the first test on fresh storage,
 * closed and its storage dropped after the last. Answers a stand-in that reaches the running
 * server, so tests read `t.admin` as if it were the server itself.
 */
export function useTestServer(kind: DbKind, options: { now?: () => Date; config?: Partial<Config> } = {}): TestServer {
  let storage: TestStorage | undefined;
  let running: TestServer | undefined;
  beforeAll(async () => {
    storage = await createStorage(kind);
    running = await startTestServer(storage, options);
  });
  afterAll(async () => {
    await running?.close();
    await storage?.dispose();
  });
  const current = (): TestServer => {
    if (!running) throw new Error('the suite’s server is not started yet');
    return running;
  };
  return {
    get server() {
      return current().server;
    },
    get url() {
      return current().url;
    },
    get logs() {
      return current().logs;
    },
    get admin() {
      return current().admin;
    },
    client: (clientOptions) => current().client(clientOptions),
    signedIn: (user) => current().signedIn(user),
    close: () => current().close(),
  };
}
