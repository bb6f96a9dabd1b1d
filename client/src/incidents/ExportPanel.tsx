import { useMutation } from '@tanstack/react-query';
import type { Verification } from '../../../shared/incidents/schemas.ts';
import { errorMessage } from '../api/http.ts';
import { formatUkClock, ukZoneLabel } from '../time/ukTime.ts';
import { exportHref, verifyLog } from './api.ts';

function VerifyResult({ result, at }: { result: Verification; at: Date }) {
  const when = `checked at ${formatUkClock(at)} ${ukZoneLabel(at)}`;
  if (result.ok) {
    return (
      <p className="outcome outcome-ok" role="status" data-testid="verify-result" data-ok="true">
        ✓ Log intact: all {result.entries} entries match their hashes · {when}
      </p>
    );
  }
  return (
    <p className="outcome outcome-error" role="alert" data-testid="verify-result" data-ok="false">
      ✖ Log altered: entry {result.firstBadSeq !== undefined ? <a href={`#entry-${result.firstBadSeq}`}>#{result.firstBadSeq}</a> : '?'} no longer matches its hash; it and every entry after it cannot be trusted · {when}
    </p>
  );
}

/**
 * The exports for the board, the coroner or an FOI request (plain links: the browser saves the
 * file under the server's name), and the hash chain's check, run when asked.
 */
export function ExportPanel({ incidentId }: { incidentId: string }) {
  const verify = useMutation({ mutationFn: async () => ({ result: await verifyLog(incidentId), at: new Date() }) });
  return (
    <section className="inc-panel inc-exports" aria-labelledby="exports-heading" data-testid="incident-exports">
      <div className="button-row">
        <h2 id="exports-heading">Export</h2>
        <a className="inc-button-link" href={exportHref(incidentId, 'csv')} download data-testid="export-csv">
          ⤓ CSV, one row per entry
        </a>
        <a className="inc-button-link" href={exportHref(incidentId, 'pdf')} download data-testid="export-pdf">
          ⤓ PDF incident report
        </a>
        <button type="button" onClick={() => verify.mutate()} disabled={verify.isPending} data-testid="verify">
          {verify.isPending ? 'Verifying…' : 'Verify the log'}
        </button>
      </div>
      {verify.data && <VerifyResult result={verify.data.result} at={verify.data.at} />}
      {verify.isError && (
        <p className="outcome outcome-error" role="alert">
          ✖ Not verified: {errorMessage(verify.error)}
        </p>
      )}
    </section>
  );
}
