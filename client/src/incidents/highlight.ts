/** A piece of a search snippet, marked where it matches one of the searched words. */
export interface Piece {
  text: string;
  match: boolean;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pieces of a search snippet, the matches marked. The server marks its matches «like this»
 * (its search stems words, so "delay" finds and marks "delays"): those marks are taken as they
 * are. A snippet without them has the searched words marked, case aside.
 * Example: ("Crews «held» at RVI", "hold") → "Crews ", [held], " at RVI".
 */
export function highlight(snippet: string, query: string): Piece[] {
  if (snippet.includes('«')) return fromMarks(snippet);
  return fromWords(snippet, query);
}

function fromMarks(snippet: string): Piece[] {
  const pieces: Piece[] = [];
  const pattern = /«([^»]*)»/g;
  let at = 0;
  for (const found of snippet.matchAll(pattern)) {
    if (found.index > at) pieces.push({ text: snippet.slice(at, found.index), match: false });
    if (found[1]) pieces.push({ text: found[1], match: true });
    at = found.index + found[0].length;
  }
  if (at < snippet.length) pieces.push({ text: snippet.slice(at), match: false });
  return pieces;
}

/** Example: ("Crews held at RVI", "held rvi") → "Crews ", [held], " at ", [RVI]. */
function fromWords(snippet: string, query: string): Piece[] {
  const words = [...new Set(query.split(/\s+/).filter((w) => w.length > 1))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return [{ text: snippet, match: false }];
  const pattern = new RegExp(`(${words.map(escape).join('|')})`, 'gi');
  return snippet
    .split(pattern)
    .filter((text) => text !== '')
    .map((text) => ({ text, match: words.some((w) => w.toLowerCase() === text.toLowerCase()) }));
}
