import { createHash } from 'node:crypto';
import { canonicalEntry, GENESIS_HASH, type LogEntry, type Verification } from '../../shared/incidents/schemas.ts';

/**
 * The hash chain of an incident's log: each entry's hash is SHA-256 (hex) over the hash of the
 * entry before it (64 zeros before the first) followed by the entry's canonical JSON. Pure.
 */
export function entryHash(incidentId: string, previousHash: string, entry: Omit<LogEntry, 'hash'>): string {
  return createHash('sha256').update(previousHash).update(canonicalEntry(incidentId, entry)).digest('hex');
}

/**
 * Checks a log read back from storage, in seq order: every seq from 1 with none missing, every
 * hash what its content and the chain before it give, and the chain's end what the incident
 * recorded when the last entry was written (`expected`), so that removing entries from the end
 * shows too. Names the first entry that no longer matches: the first missing seq, or the first
 * whose hash is wrong.
 */
export function verifyChain(incidentId: string, entries: readonly LogEntry[], expected?: { count: number; headHash: string }): Verification {
  let previous = GENESIS_HASH;
  for (const [index, entry] of entries.entries()) {
    const seq = index + 1;
    if (entry.seq !== seq) return { ok: false, entries: entries.length, firstBadSeq: seq };
    const { hash, ...content } = entry;
    if (entryHash(incidentId, previous, content) !== hash) return { ok: false, entries: entries.length, firstBadSeq: seq };
    previous = hash;
  }
  if (expected) {
    if (entries.length < expected.count) return { ok: false, entries: entries.length, firstBadSeq: entries.length + 1 };
    if (entries.length > expected.count || previous !== expected.headHash) return { ok: false, entries: entries.length, firstBadSeq: Math.min(expected.count + 1, entries.length) };
  }
  return { ok: true, entries: entries.length };
}
