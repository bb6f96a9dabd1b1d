import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorMessage, isApiError } from '../api/http.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import { useNow } from '../time/useNow.ts';
import { canWriteIncidentsOf } from './access.ts';
import { incidentKey } from './api.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { IncidentActions } from './IncidentActions.tsx';
import { IncidentCharts } from './IncidentCharts.tsx';
import { IncidentHeader } from './IncidentHeader.tsx';
import { IncidentLog, type LogOrder } from './IncidentLog.tsx';
import { LEVEL_WORDS } from './names.ts';
import { QuickEntry, type QuickEntryHandle } from './QuickEntry.tsx';
import { SnapshotPanel } from './SnapshotPanel.tsx';
import { useLiveIncident } from './useLiveIncident.ts';
import './incidents.css';

type LiveState = 'closed' | 'live' | 'connecting' | 'lost';

/** Whether the log on screen is the whole log: in words and by shape. */
const LIVE_TEXT: Record<LiveState, string> = {
  closed: '□ Complete: stood down, the log is closed and nothing more can be written to it',
  live: '● Live: entries appear as they are logged, by anyone',
  connecting: '○ Connecting for live entries…',
  lost: '▲ Connection lost, retrying: entries logged elsewhere may be missing until it is back',
};

function IncidentView({ id }: { id: string }) {
  const user = useCurrentUser();
  const live = useLiveIncident(id);
  const now = useNow();
  const queryClient = useQueryClient();
  const entryBox = useRef<QuickEntryHandle>(null);
  const correct = useCallback((seq: number) => entryBox.current?.correct(seq), []);
  const { incident } = live;
  /*
   * Newest first while the incident runs: in a control room the latest entry is the one that
   * matters, and it appears right under the entry box where the eye already is, without a scroll
   * position that jumps while someone reads an older entry. Once stood down the log is read as a
   * story, oldest first. Either way one button turns it round.
   */
  const [order, setOrder] = useState<LogOrder>();
  const shownOrder = order ?? (incident?.status === 'stood_down' ? 'oldest' : 'newest');

  useEffect(() => {
    if (incident) document.title = `${LEVEL_WORDS[incident.level]} · ${incident.title}`;
  }, [incident]);

  if (!incident) {
    const error = live.loadError;
    if (!error) {
      return (
        <p className="page-status" role="status">
          Loading the incident…
        </p>
      );
    }
    const text = isApiError(error, 'not_found') ? 'There is no such incident.' : isApiError(error, 'forbidden') ? 'Your account cannot read this incident.' : `The incident could not be loaded. ${errorMessage(error)}`;
    return (
      <div className="notice notice-error" role="alert" data-testid="incident-unavailable">
        <p>{text}</p>
        <Link to="/incidents">All incidents</Link>
      </div>
    );
  }

  const writer = canWriteIncidentsOf(user, incident.trust) && incident.status === 'active';
  const latest = incident.log.at(-1);
  const liveState: LiveState = incident.status === 'stood_down' ? 'closed' : live.connection === 'live' && live.syncedAt !== undefined ? 'live' : live.connection === 'lost' ? 'lost' : 'connecting';
  return (
    <article className="inc-page" data-testid="incident-page" data-status={incident.status} data-level={incident.level}>
      <IncidentHeader incident={incident} now={now} actions={writer && <IncidentActions incident={incident} onChanged={(changed) => live.take({ incident: changed })} />} />
      <div className="inc-columns">
        <section className="inc-timeline" aria-labelledby="log-heading">
          {writer ? (
            <QuickEntry
              ref={entryBox}
              incidentId={incident.id}
              onLogged={(entry) => live.take({ entry })}
              onStoodDown={() => void queryClient.invalidateQueries({ queryKey: incidentKey(incident.id) })}
            />
          ) : null}
          <header className="inc-panel-head inc-log-head">
            <h2 id="log-heading">
              Log <span className="muted">· {incident.log.length} entries</span>
            </h2>
            <p className={`inc-note inc-live inc-live-${liveState}`} data-testid="log-freshness" data-state={liveState} role="status">
              {LIVE_TEXT[liveState]}
            </p>
            <button type="button" className="button-quiet" aria-pressed={shownOrder === 'oldest'} onClick={() => setOrder(shownOrder === 'newest' ? 'oldest' : 'newest')} data-testid="log-order">
              {shownOrder === 'newest' ? '↓ Newest first' : '↑ Oldest first'} (turn round)
            </button>
          </header>
          <p className="visually-hidden" aria-live="polite">
            {latest && `Latest entry #${latest.seq}, ${latest.kind}, by ${latest.author.displayName}: ${latest.text}`}
          </p>
          <IncidentLog log={incident.log} declaredAt={incident.declaredAt} order={shownOrder} onCorrect={writer ? correct : undefined} />
        </section>
        <aside className="inc-side" aria-label="Figures, exports and the picture at declaration">
          <SnapshotPanel snapshot={incident.snapshot} />
          <IncidentCharts incident={incident} />
          <ExportPanel incidentId={incident.id} />
        </aside>
      </div>
    </article>
  );
}

/** `/incidents/:id`: one incident, its log as it grows, and the figures across it. */
export function IncidentPage() {
  const { id } = useParams();
  if (!id) return null;
  return <IncidentView key={id} id={id} />;
}
