import { Link } from 'react-router';
import type { RegionSummary, TrustSummary } from '../../../shared/reference/schemas.ts';
import { errorMessage } from '../api/http.ts';
import { useRegions, useTrusts } from '../api/reference.ts';
import { canViewRegion, canViewTrust } from '../auth/scope.ts';
import { useCurrentUser } from '../layout/currentUser.ts';

/** A trust's card opens its wall screen; the link beside it opens the desk trust page. */
function TrustCard({ trust, regionName }: { trust: TrustSummary; regionName: string }) {
  return (
    <li className="card-with-links">
      <Link className="card" to={`/wall/${trust.code}`} data-testid={`trust-card-${trust.code}`}>
        <span className="card-title">{trust.shortName}</span>
        <span className="card-name">{trust.name}</span>
        <span className="card-meta">
          {regionName} · {trust.code} · wall screen
        </span>
      </Link>
      <Link className="card-link" to={`/trust/${trust.code}`} data-testid={`trust-page-link-${trust.code}`}>
        Trust page<span className="visually-hidden"> of {trust.shortName}</span>
      </Link>
    </li>
  );
}

function RegionCard({ region, trustCount }: { region: RegionSummary; trustCount: number }) {
  return (
    <li>
      <Link className="card card-region" to={`/wall/region/${region.code}`} data-testid={`region-card-${region.code}`}>
        <span className="card-title">{region.name}</span>
        <span className="card-meta">
          {trustCount === 1 ? '1 trust' : `${trustCount} trusts`} · {region.code}
        </span>
      </Link>
    </li>
  );
}

export function LandingPage() {
  const user = useCurrentUser();
  const trusts = useTrusts();
  const regions = useRegions();
  const failed = trusts.error ?? regions.error;

  if (failed) {
    return (
      <section className="landing" data-testid="landing">
        <h1>Your trusts</h1>
        <div className="notice notice-error" role="alert">
          <p>The list of trusts could not be loaded. {errorMessage(failed)}</p>
          <button type="button" onClick={() => void Promise.all([trusts.refetch(), regions.refetch()])}>
            Try again
          </button>
        </div>
      </section>
    );
  }
  if (!trusts.data || !regions.data) {
    return (
      <section className="landing" data-testid="landing">
        <h1>Your trusts</h1>
        <p role="status">Loading…</p>
      </section>
    );
  }

  const regionNames = new Map(regions.data.map((r) => [r.code, r.name]));
  const myTrusts = trusts.data.filter((t) => canViewTrust(user, t.code));
  const myRegions = regions.data.filter((r) => canViewRegion(user, r.code));
  return (
    <section className="landing" data-testid="landing">
      <h1>Your trusts</h1>
      {myTrusts.length === 0 ? (
        <p>No trust is in your scope. Ask your admin to check your account.</p>
      ) : (
        <ul className="card-grid" aria-label="Trusts">
          {myTrusts.map((trust) => (
            <TrustCard key={trust.code} trust={trust} regionName={regionNames.get(trust.region) ?? trust.region} />
          ))}
        </ul>
      )}
      {myRegions.length > 0 && (
        <>
          <h2>{myRegions.length === 1 ? 'Your region' : 'Regions'}</h2>
          <ul className="card-grid card-grid-regions" aria-label="Regions">
            {myRegions.map((region) => (
              <RegionCard key={region.code} region={region} trustCount={trusts.data.filter((t) => t.region === region.code).length} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
