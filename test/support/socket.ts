import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/realtime/events.ts';
import type { ApiClient } from './http.ts';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A Socket.IO client as a page of the dashboard (cookie and Origin) or a wall screen (token) opens it. */
export function openSocket(url: string, credentials: { client?: ApiClient; token?: string; origin?: string | null }): TestSocket {
  const headers: Record<string, string> = {};
  if (credentials.client?.cookie) headers.cookie = credentials.client.cookie;
  const origin = credentials.origin === undefined ? url : credentials.origin;
  if (origin) headers.origin = origin;
  return io(url, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true, ...(credentials.token ? { auth: { token: credentials.token } } : {}) });
}

/** Resolves when connected; rejects with the server's connect_error message. */
export function connected(socket: TestSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

export function nextDisconnect(socket: TestSocket): Promise<{ reason: string; ended: string | undefined }> {
  let ended: string | undefined;
  socket.on('session.ended', (payload) => {
    ended = payload.reason;
  });
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve({ reason, ended })));
}
