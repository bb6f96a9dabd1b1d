import { describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens.ts';
import { ApiClient } from '../support/http.ts';
import { databaseKinds, useTestServer } from '../support/server.ts';

const kinds = await databaseKinds();

describe.each(kinds)('admin on %s', (kind) => {
  const t = useTestServer(kind);

  const userCount = async () => (await t.admin.get<unknown[]>('/api/v1/admin/users')).body.length;

  describe('users', () => {
    it.each([
      { username: 'dm.rx6', role: 'duty_manager', trust: 'RX6' },
      { username: 'exec.rx6', role: 'executive', trust: 'RX6' },
      { username: 'exec.national', role: 'executive' },
      { username: 'coord.y63', role: 'coordinator', region: 'Y63' },
      { username: 'admin.two', role: 'admin' },
    ])('creates $role $username with its scope', async (user) => {
      const answer = await t.admin.post('/api/v1/admin/users', { ...user, displayName: 'Someone', password: 'long-enough-pw' });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ ...user, displayName: 'Someone', disabled: false, lastSignInAt: null });
      expect(answer.body).not.toHaveProperty('password');
      expect(answer.body).not.toHaveProperty('passwordHash');
    });

    it.each([
      [{ role: 'duty_manager' }, 'trust'],
      [{ role: 'duty_manager', trust: 'RX6', region: 'Y63' }, 'region'],
      [{ role: 'coordinator' }, 'region'],
      [{ role: 'coordinator', region: 'Y63', trust: 'RX6' }, 'trust'],
      [{ role: 'admin', trust: 'RX6' }, 'trust'],
      [{ role: 'executive', region: 'Y63' }, 'region'],
      [{ role: 'duty_manager', trust: 'XXX' }, 'trust'],
      [{ role: 'pilot' }, 'role'],
    ])('refuses %j with an issue at %s and creates nothing', async (scope, path) => {
      const before = await userCount();
      const answer = await t.admin.post('/api/v1/admin/users', { username: 'bad.scope', displayName: 'Bad', password: 'long-enough-pw', ...scope });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'invalid_input', issues: expect.arrayContaining([expect.objectContaining({ path })]) });
      expect(await userCount()).toBe(before);
    });

    it('lists every issue of a bad account at once, by field', async () => {
      const answer = await t.admin.post<{ issues: { path: string }[] }>('/api/v1/admin/users', { username: 'X', displayName: '', password: 'short', role: 'admin' });
      expect(answer.status).toBe(400);
      expect(answer.body.issues.map((i) => i.path).sort()).toEqual(['displayName', 'password', 'username']);
    });

    it('refuses a username that is taken with 409', async () => {
      const answer = await t.admin.post('/api/v1/admin/users', { username: 'DM.RX6', displayName: 'Again', password: 'long-enough-pw', role: 'admin' });
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({ error: 'username_taken' });
    });

    it('answers 404 for an account that does not exist and 404 for an id that is not one', async () => {
      expect((await t.admin.patch('/api/v1/admin/users/00000000-0000-4000-8000-000000000000', { disabled: true })).status).toBe(404);
      expect((await t.admin.get('/api/v1/admin/users/not-an-id')).status).toBe(404);
    });

    it('refuses an update that names nothing to change', async () => {
      const users = (await t.admin.get<{ id: string }[]>('/api/v1/admin/users')).body;
      const answer = await t.admin.patch(`/api/v1/admin/users/${users[0]!.id}`, {});
      expect(answer.status).toBe(400);
    });
  });

  describe('feed keys', () => {
    it('shows a key once, stores only its hash, lists it without the key, and revokes it', async () => {
      const created = await t.admin.post<{ id: string; trust: string; key: string }>('/api/v1/admin/feed-keys', { trust: 'RX6', label: 'CAD primary' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), trust: 'RX6', key: expect.stringMatching(/^ofk_[\w-]{43}$/) });
      const { key, id } = created.body;

      const stored = await t.server.db.query<{ key_hash: string }>('SELECT key_hash FROM feed_keys WHERE id = $1', [id]);
      expect(stored[0]!.key_hash).toBe(hashToken(key));
      expect(JSON.stringify(await t.server.db.query('SELECT * FROM feed_keys'))).not.toContain(key);

      const listed = await t.admin.get<Record<string, unknown>[]>('/api/v1/admin/feed-keys');
      const row = listed.body.find((k) => k.id === id)!;
      expect(row).toMatchObject({ trust: 'RX6', label: 'CAD primary', createdBy: 'admin', revokedAt: null });
      expect(JSON.stringify(listed.body)).not.toContain(key);

      // A feed key is a credential: known to the server, but it reads nothing a screen reads.
      const feed = new ApiClient(t.url, { bearer: key });
      expect((await feed.get('/api/v1/trusts')).status).toBe(403);

      const revoked = await t.admin.delete<{ revokedAt: string | null }>(`/api/v1/admin/feed-keys/${id}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).not.toBeNull();
      expect((await feed.get('/api/v1/trusts')).status).toBe(401);
      expect((await t.admin.delete('/api/v1/admin/feed-keys/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });

    it('refuses a key for a trust that does not exist', async () => {
      const answer = await t.admin.post('/api/v1/admin/feed-keys', { trust: 'ZZZ' });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ issues: [expect.objectContaining({ path: 'trust' })] });
    });
  });

  describe('display links', () => {
    it('opens the wall screen with no sign-in, read-only, until revoked', async () => {
      const created = await t.admin.post<{ id: string; token: string; url: string }>('/api/v1/admin/display-links', { label: 'EOC wall 1', trust: 'RX6' });
      expect(created.status).toBe(201);
      const { id, token, url } = created.body;
      expect(token).toMatch(/^odl_[\w-]{43}$/);
      expect(url).toBe(`${t.url}/display#${token}`);
      expect(JSON.stringify(await t.server.db.query('SELECT * FROM display_links'))).not.toContain(token);

      const screen = new ApiClient(t.url, { bearer: token });
      expect((await screen.get('/api/v1/display/me')).body).toEqual({ display: { id, label: 'EOC wall 1', trust: 'RX6' } });
      expect((await screen.get('/api/v1/trusts')).status).toBe(200);
      // Read-only: nothing that changes state.
      expect((await screen.post('/api/v1/admin/display-links', { label: 'x', trust: 'RX6' })).status).toBe(403);
      expect((await screen.get('/api/v1/auth/me')).status).toBe(403);

      const listed = await t.admin.get<{ id: string; lastUsedAt: string | null }[]>('/api/v1/admin/display-links');
      expect(listed.body.find((l) => l.id === id)!.lastUsedAt).not.toBeNull();

      expect((await t.admin.delete(`/api/v1/admin/display-links/${id}`)).status).toBe(200);
      expect((await screen.get('/api/v1/display/me')).status).toBe(401);
    });

    it('serves the page of the url it gives', async () => {
      const created = await t.admin.post<{ url: string }>('/api/v1/admin/display-links', { label: 'Region wall', region: 'Y63' });
      expect(created.status).toBe(201);
      const page = await fetch(created.body.url.split('#')[0]!, { headers: { accept: 'text/html' } });
      // 200 with the client, or 503 saying the client is not built: either way not an API error.
      expect([200, 503]).toContain(page.status);
    });

    it.each([
      [{ label: 'x' }, 'trust'],
      [{ label: 'x', trust: 'RX6', region: 'Y63' }, 'region'],
      [{ label: '', trust: 'RX6' }, 'label'],
      [{ label: 'x', region: 'Y99' }, 'region'],
    ])('refuses %j with an issue at %s', async (body, path) => {
      const answer = await t.admin.post('/api/v1/admin/display-links', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ issues: expect.arrayContaining([expect.objectContaining({ path })]) });
    });
  });
});
