import { describe, expect, it } from 'vitest';
import { canonicalEntry, canonicalJson, GENESIS_HASH, SYSTEM_AUTHOR, type LogEntry } from '../../shared/incidents/schemas.ts';
import { entryHash, verifyChain } from './chain.ts';

const ID = '7d0b9a62-5d3c-4a53-9d5e-1f2a3b4c5d6e';
const person = { id: 'u1', username: 'jo', displayName: 'Jo Manager', role: 'duty_manager' };

function chain(count: number): LogEntry[] {
  const entries: LogEntry[] = [];
  let previous = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const content: Omit<LogEntry, 'hash'> = {
      seq,
      at: new Date(Date.UTC(2023, 9, 29, 0, seq)).toISOString(),
      author: seq === 1 ? SYSTEM_AUTHOR : person,
      kind: seq === 1 ? 'system' : seq % 3 === 0 ? 'decision' : 'information',
      text: `Entry ${seq}`,
      ...(seq % 3 === 0 ? { rationale: `Because ${seq}` } : {}),
    };
    const hash = entryHash(ID, previous, content);
    entries.push({ ...content, hash });
    previous = hash;
  }
  return entries;
}

const head = (entries: LogEntry[]) => ({ count: entries.length, headHash: entries.at(-1)?.hash ?? GENESIS_HASH });

describe('the hash chain of an incident log', () => {
  it('writes canonical JSON with sorted keys at every level and no undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"z":1}]},"b":1}');
    const entry = chain(3)[2]!;
    const { hash: _hash, ...content } = entry;
    // The same content in another key order hashes the same.
    const reordered = Object.fromEntries(Object.entries(content).reverse()) as typeof content;
    expect(canonicalEntry(ID, reordered)).toBe(canonicalEntry(ID, content));
  });

  it('verifies an intact log, and an empty one', () => {
    const entries = chain(12);
    expect(verifyChain(ID, entries, head(entries))).toEqual({ ok: true, entries: 12 });
    expect(verifyChain(ID, [], { count: 0, headHash: GENESIS_HASH })).toEqual({ ok: true, entries: 0 });
  });

  it('names the first altered entry, whichever field of whichever entry changed', () => {
    const entries = chain(6);
    const changes: ((e: LogEntry) => LogEntry)[] = [
      (e) => ({ ...e, text: `${e.text}.` }),
      (e) => ({ ...e, at: new Date(Date.parse(e.at) + 1).toISOString() }),
      (e) => ({ ...e, author: { ...e.author, displayName: 'Someone else' } }),
      (e) => ({ ...e, kind: e.kind === 'action' ? 'information' : 'action' }),
      (e) => ({ ...e, rationale: 'A reason added later' }),
      (e) => ({ ...e, corrects: 1 }),
      (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) }),
    ];
    for (let index = 0; index < entries.length; index++) {
      for (const change of changes) {
        const tampered = entries.map((e, i) => (i === index ? change(e) : e));
        expect(verifyChain(ID, tampered, head(entries))).toEqual({ ok: false, entries: 6, firstBadSeq: index + 1 });
      }
    }
  });

  it('binds each entry to its incident: the same log under another id fails at the first entry', () => {
    const entries = chain(3);
    expect(verifyChain('another-incident', entries)).toEqual({ ok: false, entries: 3, firstBadSeq: 1 });
  });

  it('names a removed entry: a gap by its seq, an end cut off by the first missing seq', () => {
    const entries = chain(5);
    expect(verifyChain(ID, entries.filter((e) => e.seq !== 3), head(entries))).toEqual({ ok: false, entries: 4, firstBadSeq: 3 });
    expect(verifyChain(ID, entries.slice(0, 3), head(entries))).toEqual({ ok: false, entries: 3, firstBadSeq: 4 });
    // Without the recorded end, a cut-off tail cannot be seen: the server always passes it.
    expect(verifyChain(ID, entries.slice(0, 3))).toEqual({ ok: true, entries: 3 });
  });

  it('names entries added behind the server’s back, and a chain rebuilt whole from another end', () => {
    const entries = chain(5);
    expect(verifyChain(ID, entries, head(entries.slice(0, 4)))).toEqual({ ok: false, entries: 5, firstBadSeq: 5 });
    expect(verifyChain(ID, entries, { count: 5, headHash: 'f'.repeat(64) })).toEqual({ ok: false, entries: 5, firstBadSeq: 5 });
  });

  it('names entries out of order', () => {
    const entries = chain(4);
    const swapped = [entries[0]!, entries[2]!, entries[1]!, entries[3]!];
    expect(verifyChain(ID, swapped, head(entries))).toEqual({ ok: false, entries: 4, firstBadSeq: 2 });
  });
});
