/**
 * The PDF uses the 14 standard fonts (no font files to ship or embed), which can only show the
 * Windows-1252 ("WinAnsi") characters. pdfkit writes any other character as a code it cannot
 * map, which prints as garbage, so every string is made printable first: kept when it can be
 * shown, spelled out when there is a plain equivalent (`≥` → `>=`, `ő` → `o`, `ﬁ` → `fi`), and
 * otherwise printed as `[?]`, one per character as a reader sees it (an emoji made of several
 * code points is one `[?]`). The CSV export keeps the text exactly as logged.
 */

/** The code points above Latin-1 that WinAnsi has, in its 0x80-0x9F row. */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

export const UNPRINTABLE = '[?]';

const REPLACEMENTS: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '\u2014',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2191': '(up)',
  '\u2193': '(down)',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': '[v]',
  '\u2714': '[v]',
  '\u2705': '[v]',
  '\u2717': '[x]',
  '\u2718': '[x]',
  '\u274c': '[x]',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u2028': '\n',
  '\u2029': '\n',
};

/** Characters with no width or meaning on paper: zero-width spaces and joiners, BOM, variation selectors. */
const INVISIBLE = /\u200b|\u200c|\u200d|\u2060|\ufeff|\ufe0e|\ufe0f/g;

const isPrintableUnit = (c: number) => c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(c);
const isPrintable = (s: string) => {
  for (let i = 0; i < s.length; i++) if (!isPrintableUnit(s.charCodeAt(i))) return false;
  return true;
};

const graphemes = new Intl.Segmenter('en-GB', { granularity: 'grapheme' });

function printableCluster(cluster: string): string {
  if (isPrintable(cluster)) return cluster;
  const bare = cluster.replace(INVISIBLE, '');
  if (isPrintable(bare)) return bare;
  const replaced = REPLACEMENTS[bare];
  if (replaced !== undefined) return replaced;
  // Compatibility decomposition without the accents: ő → o, ﬁ → fi, Ａ → A, ① → 1.
  const plain = bare.normalize('NFKD').replace(/\p{M}/gu, '');
  if (plain.length > 0 && isPrintable(plain)) return plain;
  if (/^\p{C}*$/u.test(bare)) return '';
  return UNPRINTABLE;
}

/**
 * Text the standard fonts can print. Line ends become `\n`, a tab a space, other control
 * characters go. Example: `Crews ≥ 10 🚑 at Ysbyty Gwynedd – Siân` → `Crews >= 10 [?] at Ysbyty Gwynedd – Siân`.
 */
export function toWinAnsi(text: string): string {
  const normal = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  if (isPrintable(normal)) return normal;
  let out = '';
  for (const { segment } of graphemes.segment(normal)) out += printableCluster(segment);
  return out;
}
