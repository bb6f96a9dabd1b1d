import { describe, expect, it } from 'vitest';
import { connected, nextDisconnect, openSocket } from '../support/socket.ts';
import { databaseKinds, useTestServer } from '../support/server.ts';

const kinds = await databaseKinds();

describe.each(kinds)('live connections on %s', (kind) => {
  const t = useTestServer(kind);

  it('admits a signed-in page of its own origin and knows who it is', async () => {
    const dm = await t.signedIn({ username: 'dm-live', role: 'duty_manager', trust: 'RX6', displayName: 'Dana Manager' });
    const socket = openSocket(t.url, { client: dm });
    try {
      await connected(socket);
      expect(await socket.emitWithAck('session.whoami')).toEqual({ ok: true, data: { kind: 'user', label: 'Dana Manager' } });
    } finally {
      socket.close();
    }
  });

  it('admits a long-polling handshake with no Origin when the browser marks it same-origin', async () => {
    const { io } = await import('socket.io-client');
    const socket = io(t.url, { transports: ['polling'], extraHeaders: { cookie: t.admin.cookie!, 'sec-fetch-site': 'same-origin' }, reconnection: false, forceNew: true });
    try {
      await connected(socket);
    } finally {
      socket.close();
    }
    const crossSite = io(t.url, { transports: ['polling'], extraHeaders: { cookie: t.admin.cookie!, 'sec-fetch-site': 'cross-site' }, reconnection: false, forceNew: true });
    await expect(connected(crossSite)).rejects.toThrow('bad_origin');
    crossSite.close();
  });

  it('refuses a cookie connection opened from another origin', async () => {
    const socket = openSocket(t.url, { client: t.admin, origin: 'https://evil.example' });
    await expect(connected(socket)).rejects.toThrow('bad_origin');
    socket.close();
  });

  it('refuses a connection with no credential, or a revoked one', async () => {
    const anonymous = openSocket(t.url, {});
    await expect(connected(anonymous)).rejects.toThrow('not_signed_in');
    anonymous.close();
    const bogus = openSocket(t.url, { token: 'odl_not-a-real-token' });
    await expect(connected(bogus)).rejects.toThrow('not_signed_in');
    bogus.close();
  });

  it('admits a display token from any origin, since no browser sends it on its own', async () => {
    const link = (await t.admin.post<{ token: string }>('/api/v1/admin/display-links', { label: 'Wall A', trust: 'RX6' })).body;
    const socket = openSocket(t.url, { token: link.token, origin: null });
    try {
      await connected(socket);
      expect(await socket.emitWithAck('session.whoami')).toEqual({ ok: true, data: { kind: 'display', label: 'Wall A' } });
    } finally {
      socket.close();
    }
  });

  it('closes the live connections of a session when it signs out', async () => {
    const exec = await t.signedIn({ username: 'exec-live', role: 'executive', trust: 'RX6' });
    const socket = openSocket(t.url, { client: exec });
    await connected(socket);
    const ended = nextDisconnect(socket);
    expect((await exec.post('/api/v1/auth/logout')).status).toBe(204);
    expect(await ended).toEqual({ reason: 'io server disconnect', ended: 'signed_out' });
  });

  it('closes a wall screen’s connection when its display link is revoked', async () => {
    const link = (await t.admin.post<{ id: string; token: string }>('/api/v1/admin/display-links', { label: 'Wall B', region: 'Y63' })).body;
    const socket = openSocket(t.url, { token: link.token });
    await connected(socket);
    const ended = nextDisconnect(socket);
    expect((await t.admin.delete(`/api/v1/admin/display-links/${link.id}`)).status).toBe(200);
    expect(await ended).toEqual({ reason: 'io server disconnect', ended: 'revoked' });
  });

  it('closes an account’s connections when it is disabled', async () => {
    const coord = await t.signedIn({ username: 'coord-live', role: 'coordinator', region: 'Y63' });
    const id = (await coord.get<{ user: { id: string } }>('/api/v1/auth/me')).body.user.id;
    const socket = openSocket(t.url, { client: coord });
    await connected(socket);
    const ended = nextDisconnect(socket);
    await t.admin.patch(`/api/v1/admin/users/${id}`, { disabled: true });
    expect((await ended).ended).toBe('account_disabled');
  });
});
