import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { z } from 'zod';
import { Exercise } from '../../../shared/exercises/schemas.ts';
import type { RegionSummary, TrustSummary } from '../../../shared/reference/schemas.ts';
import { errorMessage, request } from '../api/http.ts';
import { useRegions, useTrusts } from '../api/reference.ts';
import { canViewRegion, canViewTrust } from '../auth/scope.ts';
import { readsIncidents } from '../incidents/access.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import { readsNation } from '../wall/useWallAccess.ts';

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

/** A region's card opens its wall screen; the link beside it opens the region page and its mutual-aid board. */
function RegionCard({ region, trustCount }: { region: RegionSummary; trustCount: number }) {
  return (
    <li className="card-with-links">
      <Link className="card card-region" to={`/wall/region/${region.code}`} data-testid={`region-card-${region.code}`}>
        <span className="card-title">{region.name}</span>
        <span className="card-meta">
          {trustCount === 1 ? '1 trust' : `${trustCount} trusts`} · {region.code} · wall screen
        </span>
      </Link>
      <Link className="card-link" to={`/region/${region.code}`} data-testid={`region-page-link-${region.code}`}>
        Region page and mutual aid<span className="visually-hidden"> of {region.name}</span>
      </Link>
    </li>
  );
}

const ExerciseList = z.array(Exercise);

/** Exercises running for the trusts in view: each opens its own wall screen, marked EXERCISE. */
function RunningExercises({ trusts }: { trusts: readonly TrustSummary[] }) {
  const lists = useQueries({
    queries: trusts.map((t) => ({ queryKey: ['exercises', t.code], queryFn: ({ signal }: { signal: AbortSignal }) => request(`/trusts/${t.code}/exercises`, ExerciseList, { signal }), refetchInterval: 30_000 })),
  });
  const running = lists.flatMap((q) => q.data ?? []).filter((e) => !e.endedAt);
  if (running.length === 0) return null;
  const names = new Map(trusts.map((t) => [t.code, t.shortName]));
  return (
    <>
      <h2>Exercises running</h2>
      <ul className="card-grid" aria-label="Exercises running">
        {running.map((exercise) => (
          <li key={exercise.id}>
            <Link className="card card-exercise" to={`/wall/${exercise.trust}/exercise/${exercise.id}`} data-testid={`exercise-card-${exercise.id}`}>
              <span className="card-title">EXERCISE · {names.get(exercise.trust) ?? exercise.trust}</span>
              <span className="card-name">{exercise.title}</span>
              <span className="card-meta">{exercise.speed}× real time · not real data · wall screen</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The way to the executive review, for everyone who may read incidents (readsIncidents). */
function IncidentReviewCard() {
  return (
    <>
      <h2>Incidents</h2>
      <ul className="card-grid" aria-label="Incidents">
        <li>
          <Link className="card" to="/incidents" data-testid="landing-incidents">
            <span className="card-title">Incident review</span>
            <span className="card-meta">Declared incidents in your scope: search their logs, read them beside their figures, export them</span>
          </Link>
        </li>
      </ul>
    </>
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
      <RunningExercises trusts={myTrusts} />
      {readsIncidents(user) && <IncidentReviewCard />}
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
      {readsNation(user) && (
        <ul className="card-grid" aria-label="National">
          <li>
            <Link className="card card-region" to="/wall/national" data-testid="national-card">
              <span className="card-title">England</span>
              <span className="card-meta">All 11 trusts, worst first, and open mutual aid · wall screen</span>
            </Link>
          </li>
        </ul>
      )}
    </section>
  );
}
