import { RESPONSE_CATEGORIES, type ResponseCategory } from '../../../shared/feed/events.ts';
import type { Picture } from '../../../shared/picture/picture.ts';
import { ARP_STANDARDS } from '../../../shared/picture/standards.ts';
import { formatCount, responseStandingText } from './format.ts';
import { Duration, Panel, StandingBadge } from './parts.tsx';
import './extras.css';

type Figures = Picture['responseToday'][ResponseCategory];

/** One figure against its standard, or the figure alone where the category has none (C3, C4 means). */
function AgainstStandard({ seconds, standard, count }: { seconds: number; standard: number | undefined; count: number }) {
  if (count === 0) return <span className="pp-none">—</span>;
  if (standard === undefined) {
    return (
      <span className="pp-resp-cell">
        <Duration seconds={seconds} />
      </span>
    );
  }
  const standing = seconds > standard ? 'beyond' : 'within';
  return (
    <span className="pp-resp-cell">
      <Duration seconds={seconds} />
      <StandingBadge standing={standing}>{responseStandingText(standing)}</StandingBadge>
    </span>
  );
}

function ResponseRow({ category, figures }: { category: ResponseCategory; figures: Figures }) {
  const standard = ARP_STANDARDS[category];
  return (
    <tr data-testid={`response-${category}`}>
      <th scope="row">
        <span className="pp-cat-code">{category}</span>
      </th>
      <td className="pp-resp-count">{formatCount(figures.count)}</td>
      <td className="pp-resp-standard">
        {standard.meanSeconds === undefined ? '–' : standard.meanSeconds / 60} · {standard.p90Seconds / 60}
      </td>
      <td>
        <AgainstStandard seconds={figures.meanSeconds} standard={standard.meanSeconds} count={figures.count} />
      </td>
      <td>
        <AgainstStandard seconds={figures.p90Seconds} standard={standard.p90Seconds} count={figures.count} />
      </td>
    </tr>
  );
}

/**
 * Today's response times (creation to first arrival, jobs reached since midnight) against the
 * ARP standards: C1 mean 7 / 90th 15 min, C2 18 / 40, C3 90th 120, C4 90th 180.
 */
export function ResponsesPanel({ responses }: { responses: Picture['responseToday'] }) {
  return (
    <Panel title="Responses today" className="pp-responses">
      <table className="pp-resp-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Category</span>
            </th>
            <th scope="col" className="pp-resp-count">
              Reached
            </th>
            <th scope="col" className="pp-resp-standard">
              Standard, min
              <br />
              mean · 90th
            </th>
            <th scope="col">Mean</th>
            <th scope="col">90th centile</th>
          </tr>
        </thead>
        <tbody>
          {RESPONSE_CATEGORIES.map((category) => (
            <ResponseRow key={category} category={category} figures={responses[category]} />
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
