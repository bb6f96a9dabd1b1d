import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { User } from '../../../shared/auth/schemas.ts';
import { INCIDENT_STATUSES, type IncidentListItem } from '../../../shared/incidents/schemas.ts';
import { REGIONS, TRUSTS } from '../../../shared/reference/trusts.ts';
import { errorMessage } from '../api/http.ts';
import { useCurrentUser } from '../layout/currentUser.ts';
import { formatSpan, secondsSince } from '../picture/format.ts';
import { useNow } from '../time/useNow.ts';
import { canReadIncidentsOf, readsIncidents } from './access.ts';
import { useIncidentList } from './api.ts';
import { highlight } from './highlight.ts';
import { LEVEL_ORDER, LEVEL_WORDS, STATUS_WORDS } from './names.ts';
import { LevelBadge, StatusBadge, UkTime } from './parts.tsx';
import { filtersToSearch, periodProblem, readFilters, type ReviewFilters } from './reviewQuery.ts';
import './incidents.css';

/** The trusts and regions a reader may filter by: only those with incidents they may read. */
function scopeOptions(user: User) {
  const trusts = TRUSTS.filter((t) => canReadIncidentsOf(user, t.code));
  const regions = REGIONS.filter((r) => trusts.some((t) => t.region === r.code));
  return { trusts, regions };
}

/** One filter of the review as a choice of `options`, where "All" (the empty value) filters nothing. */
function FilterChoice({ id, label, value, onChange, options, testId }: { id: string; label: string; value: string | undefined; onChange: (value: string) => void; options: readonly { value: string; text: string }[]; testId: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters({ filters, onApply }: { filters: ReviewFilters; onApply: (filters: ReviewFilters) => void }) {
  const user = useCurrentUser();
  const { trusts, regions } = scopeOptions(user);
  const [draft, setDraft] = useState<ReviewFilters>(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (key: keyof ReviewFilters, value: string) => setDraft((d) => ({ ...d, [key]: value || undefined }));
  return (
    <form
      className="inc-filters"
      role="search"
      aria-label="Find incidents"
      data-testid="review-filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <div className="field inc-filter-q">
        <label htmlFor="f-q">Words in the title or the log</label>
        <input id="f-q" type="search" value={draft.q ?? ''} onChange={(e) => set('q', e.target.value)} placeholder="e.g. HALO, mutual aid, RVI" data-testid="review-q" />
      </div>
      {trusts.length > 1 && <FilterChoice id="f-trust" label="Trust" value={draft.trust} onChange={(v) => set('trust', v)} options={trusts.map((t) => ({ value: t.code, text: `${t.shortName} (${t.code})` }))} testId="review-trust" />}
      {regions.length > 1 && <FilterChoice id="f-region" label="Region" value={draft.region} onChange={(v) => set('region', v)} options={regions.map((r) => ({ value: r.code, text: r.name }))} testId="review-region" />}
      <FilterChoice id="f-level" label="Level" value={draft.level} onChange={(v) => set('level', v)} options={LEVEL_ORDER.map((l) => ({ value: l, text: LEVEL_WORDS[l] }))} testId="review-level" />
      <FilterChoice id="f-status" label="Status" value={draft.status} onChange={(v) => set('status', v)} options={INCIDENT_STATUSES.map((st) => ({ value: st, text: STATUS_WORDS[st] }))} testId="review-status" />
      <div className="field">
        <label htmlFor="f-from">Running from (UK date)</label>
        <input id="f-from" type="date" value={draft.from ?? ''} onChange={(e) => set('from', e.target.value)} data-testid="review-from" />
      </div>
      <div className="field">
        <label htmlFor="f-to">to (UK date, included)</label>
        <input id="f-to" type="date" value={draft.to ?? ''} onChange={(e) => set('to', e.target.value)} data-testid="review-to" />
      </div>
      <div className="button-row inc-filter-buttons">
        <button type="submit" className="button-primary" data-testid="review-search">
          Search
        </button>
        <button type="button" onClick={() => onApply({})} data-testid="review-clear">
          Clear
        </button>
      </div>
    </form>
  );
}

function Snippet({ text, q }: { text: string; q: string }) {
  return (
    <p className="inc-match" data-testid="review-match">
      <span className="muted">Found: </span>…
      {highlight(text, q).map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}…
    </p>
  );
}

function Row({ item, q, now }: { item: IncidentListItem; q: string | undefined; now: Date }) {
  const trust = TRUSTS.find((t) => t.code === item.trust);
  const end = item.standDown ? new Date(item.standDown.at) : now;
  return (
    <tr data-testid={`review-row-${item.id}`}>
      <td>
        <LevelBadge level={item.level} />
      </td>
      <td className="inc-review-title">
        <Link to={`/incidents/${item.id}`} data-testid="review-link">
          {item.title}
        </Link>
        {item.match && q && <Snippet text={item.match} q={q} />}
      </td>
      <td>
        <strong>{trust?.shortName ?? item.trust}</strong> <span className="muted">{item.trust}</span>
      </td>
      <td>
        <StatusBadge status={item.status} />
      </td>
      <td>
        <UkTime iso={item.declaredAt} />
      </td>
      <td>
        {item.standDown ? 'ran ' : 'running '}
        {formatSpan(secondsSince(item.declaredAt, end) ?? 0)}
      </td>
      <td className="num">{item.entries}</td>
    </tr>
  );
}

/** `/incidents`: the executive review. Every filter lives in the URL, so a search can be sent as a link. */
export function IncidentsPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // One object per distinct search, so that the form resets when the URL changes (Back, a shared link).
  const filters = useMemo(() => readFilters(new URLSearchParams(search)), [search]);
  const problem = periodProblem(filters);
  const list = useIncidentList(filters, readsIncidents(user) && !problem);
  const now = useNow();
  useEffect(() => {
    document.title = 'Incidents · review';
  }, []);

  if (!readsIncidents(user)) {
    return (
      <section className="inc-review" data-testid="incidents-review">
        <h1>Incidents</h1>
        <div className="forbidden" role="alert" data-testid="forbidden">
          <p>Admin accounts do not read incident logs. Ask for an executive or coordinator account.</p>
        </div>
      </section>
    );
  }

  const items = list.data?.pages.flatMap((p) => p.incidents) ?? [];
  return (
    <section className="inc-review" data-testid="incidents-review">
      <h1>Incidents</h1>
      <Filters filters={filters} onApply={(next) => setParams(filtersToSearch(next))} />
      {problem && (
        <p className="notice notice-error" role="alert">
          ✖ {problem}
        </p>
      )}
      {list.isError && (
        <div className="notice notice-error" role="alert">
          <p>The incidents could not be loaded. {errorMessage(list.error)}</p>
          <button type="button" onClick={() => void list.refetch()}>
            Try again
          </button>
        </div>
      )}
      {list.isPending && !problem && <p role="status">Searching…</p>}
      {list.data && (
        <>
          <p className="inc-review-count" role="status" data-testid="review-count">
            {items.length === 0 ? 'No incident matches.' : `${items.length} ${items.length === 1 ? 'incident' : 'incidents'}${list.hasNextPage ? ' shown, more below' : ''}`}
            {filters.q && items.length > 0 && ` with “${filters.q}” in the title or the log`}
          </p>
          {items.length > 0 && (
            <div className="table-wrap">
              <table className="inc-review-table" data-testid="review-table">
                <thead>
                  <tr>
                    <th scope="col">Level</th>
                    <th scope="col">Incident</th>
                    <th scope="col">Trust</th>
                    <th scope="col">Status</th>
                    <th scope="col">Declared (UK)</th>
                    <th scope="col">Length</th>
                    <th scope="col" className="num">
                      Entries
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <Row key={item.id} item={item} q={filters.q} now={now} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.hasNextPage && (
            <button type="button" className="inc-more" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage} data-testid="review-more">
              {list.isFetchingNextPage ? 'Loading…' : 'More'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
