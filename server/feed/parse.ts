import type { ErrorIssue } from '../../shared/http/errors.ts';

/**
 * Reads a feed body as a list of items: a JSON array, or NDJSON (one JSON value a line, blank
 * lines allowed). A line that is not JSON is an issue at its index, reported with the others.
 */
export function parseFeedBody(text: string, contentType: 'json' | 'ndjson'): { ok: true; items: unknown[] } | { ok: false; issues: ErrorIssue[]; error: 'invalid_json' | 'invalid_events' } {
  if (contentType === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, error: 'invalid_json', issues: [{ path: '', message: 'the body is not valid JSON' }] };
    }
    if (!Array.isArray(value)) return { ok: false, error: 'invalid_events', issues: [{ path: '', message: 'must be a JSON array of events (or send application/x-ndjson)' }] };
    return { ok: true, items: value };
  }
  const items: unknown[] = [];
  const issues: ErrorIssue[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      items.push(JSON.parse(line));
    } catch {
      issues.push({ path: String(items.length), message: 'this line is not valid JSON' });
      items.push(undefined);
    }
  }
  return issues.length ? { ok: false, error: 'invalid_events', issues } : { ok: true, items };
}
