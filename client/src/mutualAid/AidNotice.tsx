import type { AidRequest } from '../../../shared/mutualAid/schemas.ts';
import type { Trust } from '../../../shared/reference/trusts.ts';
import { AID_PANEL_ID, type AidNoticeLine, aidNoticeLines } from './aidNotice.ts';
import './aid-notice.css';

/** Each line's mark, so that acting and watching differ by shape and by words, not by colour alone. */
function mark(line: AidNoticeLine): string {
  if (line.kind === 'decide') return '◆';
  if (line.kind === 'asked') return '▲';
  if (line.kind === 'offered' && line.status === 'accepted') return '✓';
  return '●';
}

const ACTS: readonly AidNoticeLine['kind'][] = ['decide', 'asked'];

/**
 * Mutual aid at the top of the trust page, under the banners: the offers waiting for the trust's
 * decision and the requests asking it for help first, then how its own request fills and where its
 * offers stand. Each line links down to the panel, which a duty manager would otherwise have to
 * scroll to in order to see an offer arrive. Nothing when there is nothing. `requests` are the
 * page's (useTrustAid): the notice opens no connection of its own.
 */
export function AidNotice({ trust, requests }: { trust: Trust; requests: readonly AidRequest[] }) {
  const lines = aidNoticeLines(trust.code, requests);
  if (lines.length === 0) return null;
  return (
    <nav className="aid-notice" aria-label={`Mutual aid for ${trust.shortName}`} data-testid="aid-notice">
      <span className="aid-notice-label" aria-hidden="true">
        Mutual aid:
      </span>
      <ul className="aid-notice-lines">
        {lines.map((line) => (
          <li key={line.key} className={`aid-notice-line aid-notice-${ACTS.includes(line.kind) ? 'act' : 'watch'}`} data-testid="aid-notice-line" data-kind={line.kind}>
            <a href={`#${AID_PANEL_ID}`}>
              <span className="aid-notice-mark" aria-hidden="true">
                {mark(line)}
              </span>{' '}
              {line.text}{' '}
              <span className="aid-notice-go" aria-hidden="true">
                ↓
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
