import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SessionEndReason } from '../../../shared/realtime/events.ts';
import { backoff } from '../api/queryClient.ts';

export type OpsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `connecting` until the first answer; then `live` while connected and `lost` while not. */
export type ConnectionState = 'connecting' | 'live' | 'lost';

export interface LiveConnection {
  state: ConnectionState;
  /** Set when the server ended this screen's access on purpose; it then stays disconnected. */
  ended: SessionEndReason | undefined;
  /** The server does not know the credential (`not_signed_in`): retrying would not help. */
  rejected: boolean;
  /** The socket itself, for subscriptions (useLivePicture); undefined until created. */
  socket: OpsSocket | undefined;
}

/**
 * The wall's Socket.IO connection, authenticated by a display token when given, else by the
 * session cookie. It must come back by itself after network drops and server restarts, for weeks.
 */
export function useLiveConnection(token: string | undefined): LiveConnection {
  const [state, setState] = useState<ConnectionState>('connecting');
  const [ended, setEnded] = useState<SessionEndReason>();
  const [rejected, setRejected] = useState(false);
  const [current, setCurrent] = useState<OpsSocket>();

  useEffect(() => {
    const socket: OpsSocket = io({
      auth: token ? { token } : undefined,
      withCredentials: true,
      // WebSocket first: its handshake always carries Origin, which the server requires of a
      // cookie-authenticated connection, while a same-origin long-polling GET carries none.
      // Polling stays as the fallback for networks that block WebSocket (display tokens need no Origin).
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnection: true,
      reconnectionAttempts: Infinity,
      reconnectionDelayMax: 10_000,
    });
    let endedOnPurpose = false;
    let manualAttempts = 0;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    // Socket.IO reconnects by itself after a dropped transport, but not after the server
    // refused the handshake or disconnected the socket itself (as it does when it shuts down).
    const retryLater = () => {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => socket.connect(), backoff(manualAttempts++));
    };

    socket.on('connect', () => {
      manualAttempts = 0;
      setState('live');
    });
    socket.on('session.ended', ({ reason }) => {
      endedOnPurpose = true;
      setEnded(reason);
    });
    socket.on('disconnect', (reason) => {
      setState('lost');
      if (reason === 'io server disconnect' && !endedOnPurpose) retryLater();
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'not_signed_in') {
        setRejected(true);
        socket.disconnect();
        return;
      }
      setState('lost');
      if (!socket.active) retryLater();
    });

    setCurrent(socket);

    return () => {
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
      setCurrent(undefined);
    };
  }, [token]);

  return { state, ended, rejected, socket: current };
}
