import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/clock.ts';
import { ApiClient } from '../support/http.ts';
import { ADMIN_PASSWORD, createStorage, databaseKinds, startTestServer, useTestServer, type TestStorage } from '../support/server.ts';

const kinds = await databaseKinds();

describe.each(kinds)('accounts on %s', (kind) => {
  const clock = new TestClock();
  const t = useTestServer(kind, { now: clock.now });

  it('signs in with a session cookie that is HttpOnly and SameSite=Strict', async () => {
    const client = t.client();
    const answer = await client.login('admin', ADMIN_PASSWORD);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ user: { id: expect.any(String), username: 'admin', displayName: 'Administrator', role: 'admin' } });
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith('ops_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect((await client.get('/api/v1/auth/me')).body).toEqual(answer.body);
  });

  it('answers invalid_credentials for a wrong password and for an unknown user alike', async () => {
    const wrong = await t.client().login('admin', 'not-the-password');
    const unknown = await t.client().login('nobody-here', 'not-the-password');
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: 'invalid_credentials' });
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
  });

  it('treats the username without regard to case or surrounding spaces', async () => {
    expect((await t.client().login('  ADMIN ', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('refuses /auth/me without a session', async () => {
    const answer = await t.client().get('/api/v1/auth/me');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'not_signed_in' });
  });

  it('revokes the session on logout, so the same cookie no longer works', async () => {
    const client = t.client();
    await client.login('admin', ADMIN_PASSWORD);
    const stolen = client.cookie;
    const out = await client.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie()[0]).toMatch(/^ops_session=;/);
    const replay = t.client();
    replay.cookie = stolen;
    expect((await replay.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('ends a session after 12 idle hours, and not before', async () => {
    const client = t.client();
    await client.login('admin', ADMIN_PASSWORD);
    clock.advance(12 * 3600 - 60);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    // Each request restarts the idle period.
    clock.advance(12 * 3600 - 60);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    clock.advance(12 * 3600 + 1);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    // The suite's admin session idled out too: sign in again for the tests that follow.
    expect((await t.admin.login('admin', ADMIN_PASSWORD)).status).toBe(200);
  });

  it('requires the server’s own Origin on a change authenticated by the cookie', async () => {
    const client = t.client();
    await client.login('admin', ADMIN_PASSWORD);
    const body = { trust: 'RX6' };
    client.origin = null;
    const none = await client.post('/api/v1/admin/feed-keys', body);
    expect(none.status).toBe(403);
    expect(none.body).toMatchObject({ error: 'bad_origin' });
    client.origin = 'https://evil.example';
    expect((await client.post('/api/v1/admin/feed-keys', body)).body).toMatchObject({ error: 'bad_origin' });
    expect((await t.admin.get('/api/v1/admin/feed-keys')).body).toEqual([]);
    client.origin = t.url;
    expect((await client.post('/api/v1/admin/feed-keys', body)).status).toBe(201);
    // Reads need no Origin.
    client.origin = null;
    expect((await client.get('/api/v1/admin/feed-keys')).status).toBe(200);
  });

  it('refuses a sign-in posted from another origin', async () => {
    const client = t.client({ origin: 'https://evil.example' });
    const answer = await client.login('admin', ADMIN_PASSWORD);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: 'bad_origin' });
  });

  it('keeps a disabled account out and ends its sessions; enabling lets it back in', async () => {
    const dm = await t.signedIn({ username: 'dm.disabled', role: 'duty_manager', trust: 'RX6' });
    const users = (await t.admin.get<{ id: string; username: string }[]>('/api/v1/admin/users')).body;
    const id = users.find((u) => u.username === 'dm.disabled')!.id;
    expect((await t.admin.patch(`/api/v1/admin/users/${id}`, { disabled: true })).status).toBe(200);
    expect((await dm.get('/api/v1/auth/me')).status).toBe(401);
    expect((await t.client().login('dm.disabled', 'password-of-dm.disabled')).status).toBe(401);
    expect((await t.admin.patch(`/api/v1/admin/users/${id}`, { disabled: false })).status).toBe(200);
    expect((await t.client().login('dm.disabled', 'password-of-dm.disabled')).status).toBe(200);
  });

  it('ends an account’s sessions when an admin sets a new password', async () => {
    const exec = await t.signedIn({ username: 'exec.newpw', role: 'executive', trust: 'RX7' });
    const id = ((await exec.get<{ user: { id: string } }>('/api/v1/auth/me')).body).user.id;
    expect((await t.admin.patch(`/api/v1/admin/users/${id}`, { password: 'a-brand-new-password' })).status).toBe(200);
    expect((await exec.get('/api/v1/auth/me')).status).toBe(401);
    expect((await t.client().login('exec.newpw', 'a-brand-new-password')).status).toBe(200);
  });

  it('does not let an admin disable their own account', async () => {
    const me = (await t.admin.get<{ user: { id: string } }>('/api/v1/auth/me')).body.user;
    const answer = await t.admin.patch(`/api/v1/admin/users/${me.id}`, { disabled: true });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: 'cannot_change_own_account' });
    expect((await t.admin.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('stores passwords as scrypt hashes, never as given', async () => {
    const rows = await t.server.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'admin'");
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(rows[0]!.password_hash).not.toContain(ADMIN_PASSWORD);
  });

  it('records who signed in and who changed accounts in the audit log', async () => {
    const rows = await t.server.db.query<{ action: string; actor_id: string | null }>('SELECT action, actor_id FROM audit_log ORDER BY id');
    const actions = rows.map((r) => r.action);
    expect(actions).toContain('user.bootstrap');
    expect(actions).toContain('auth.login');
    expect(actions).toContain('user.create');
    expect(rows.filter((r) => r.action === 'user.create').every((r) => r.actor_id !== null)).toBe(true);
  });
});

describe.each(kinds)('sign-in limits on %s', (kind) => {
  let storage: TestStorage;
  beforeAll(async () => {
    storage = await createStorage(kind);
  });
  afterAll(async () => {
    await storage?.dispose();
  });

  it('holds back a username after 10 failed sign-ins, even with the right password, and counts no successes', async () => {
    const t = await startTestServer(storage);
    try {
      await t.signedIn({ username: 'target', role: 'executive' });
      // Successful sign-ins do not count towards the limit.
      for (let i = 0; i < 12; i++) expect((await t.client().login('target', 'password-of-target')).status).toBe(200);
      for (let i = 0; i < 10; i++) expect((await t.client().login('target', 'wrong-password')).status).toBe(401);
      const held = await t.client().login('target', 'password-of-target');
      expect(held.status).toBe(429);
      expect(held.body).toMatchObject({ error: 'too_many_requests' });
      expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another username from the same address is not held back by this one's failures.
      expect((await t.client().login('admin', ADMIN_PASSWORD)).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('holds back an address after 50 failed sign-ins across usernames', async () => {
    const t = await startTestServer(storage);
    try {
      for (let i = 0; i < 50; i++) expect((await t.client().login(`someone-${i}`, 'wrong-password')).status).toBe(401);
      const held = await t.client().login('admin', ADMIN_PASSWORD);
      expect(held.status).toBe(429);
      expect(held.body).toMatchObject({ error: 'too_many_requests' });
    } finally {
      await t.close();
    }
    // Many requests (and, for sign-ins, many password hashes): seconds on a quiet machine, more on a busy one.
  }, 90_000);
});

describe.each(kinds)('restarts and the first admin on %s', (kind) => {
  it('keeps sessions across a restart and creates the first admin once', async () => {
    const storage = await createStorage(kind);
    try {
      const first = await startTestServer(storage);
      expect(first.server.adminCreated).toBe(true);
      expect(first.server.generatedAdminPassword).toBeUndefined();
      const client = first.admin;
      await first.close();
      const second = await startTestServer(storage);
      expect(second.server.adminCreated).toBe(false);
      const carried = new ApiClient(second.url);
      carried.cookie = client.cookie;
      expect((await carried.get('/api/v1/auth/me')).status).toBe(200);
      const users = await second.server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      expect(users[0]!.n).toBe(1);
      await second.close();
    } finally {
      await storage.dispose();
    }
  });

  it('generates and reports an admin password when ADMIN_PASSWORD is unset', async () => {
    const storage = await createStorage(kind);
    try {
      const { startServer } = await import('../../server/server.ts');
      const { loadConfig } = await import('../../server/config.ts');
      const { pino } = await import('pino');
      const server = await startServer({ config: { ...loadConfig({}), port: 0, simulator: false, ...storage.config }, log: pino({ level: 'silent' }) });
      try {
        const password = server.generatedAdminPassword!;
        expect(password).toMatch(/^[\w-]{24}$/);
        expect((await new ApiClient(server.url).login('admin', password)).status).toBe(200);
      } finally {
        await server.close();
      }
    } finally {
      await storage.dispose();
    }
  });
});
