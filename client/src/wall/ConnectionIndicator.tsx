import type { ConnectionState } from './useLiveConnection.ts';

const TEXT: Record<ConnectionState, string> = {
  live: 'LIVE',
  connecting: 'CONNECTING…',
  lost: 'CONNECTION LOST — retrying',
};

/** Says in words and by shape (not by colour alone) whether the screen is receiving updates. */
export function ConnectionIndicator({ state, ended }: { state: ConnectionState; ended: boolean }) {
  return (
    <div className="wall-connection" data-testid="wall-connection" data-state={state} role="status" aria-live="polite">
      <span className="connection-shape" aria-hidden="true" />
      <span className="connection-text">{ended ? 'DISCONNECTED' : TEXT[state]}</span>
    </div>
  );
}
