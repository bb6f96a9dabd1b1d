import type { TrustCode } from '../../../shared/reference/trusts.ts';
import { HistoryCharts } from './HistoryChart.tsx';
import { buildHistorySeries } from './historySeries.ts';
import { Panel } from './parts.tsx';
import { HISTORY_SPAN_MS, useHistory } from './useHistory.ts';

/** The last 6 hours, from the history endpoint, asked again every minute. */
export function HistoryPanel({ trust, token, unit, interactive }: { trust: TrustCode; token?: string | undefined; unit: number; interactive: boolean }) {
  const history = useHistory(trust, token);
  const to = history.dataUpdatedAt || Date.now();
  const from = to - HISTORY_SPAN_MS;
  const rows = buildHistorySeries(history.data ?? [], from, to);
  const recorded = rows.some((r) => r.queueTotal !== null);
  let note: string | undefined;
  if (history.isError && !history.data) note = 'History unavailable — retrying';
  else if (history.isPending) note = 'Loading history…';
  else if (!recorded) note = 'No figures recorded in the last 6 hours';
  return (
    <Panel title="Last 6 hours" className="pp-history" testId="history-chart" aside={note && <span className="pp-note">{note}</span>}>
      <HistoryCharts rows={rows} from={from} to={to} unit={unit} interactive={interactive} compact={!interactive} />
    </Panel>
  );
}
