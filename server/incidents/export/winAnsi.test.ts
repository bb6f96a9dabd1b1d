import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNPRINTABLE, toWinAnsi } from './winAnsi.ts';

/** What the PDF's standard fonts can show: Latin-1 printable, LF, and WinAnsi's 0x80-0x9F row. */
const WIN_ANSI_ROW = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const printable = (s: string) => [...s].every((c) => c === '\n' || (c >= ' ' && c <= '~') || (c >= '\u00a0' && c <= '\u00ff') || WIN_ANSI_ROW.includes(c));

describe('text for the standard PDF fonts', () => {
  it('keeps what WinAnsi has: Welsh and French names, pounds, euros, curly quotes and dashes', () => {
    const text = 'Siân – “Zoë” £12 €3 … • José’s café ½ °C';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('spells out symbols with a plain equivalent and drops accents WinAnsi lacks', () => {
    expect(toWinAnsi('crews ≥ 10, queue ≤ 50, wait → 40 min, −3')).toBe('crews >= 10, queue <= 50, wait -> 40 min, -3');
    expect(toWinAnsi('Dvořák, Łódź, Erdős, Llŷr, ﬁrst')).toBe('Dvorák, Lódz, Erdos, Llyr, first');
    expect(toWinAnsi('Ｃ２ ①')).toBe('C2 1');
    expect(toWinAnsi('done ✓, failed ✗')).toBe('done [v], failed [x]');
  });

  it('prints one [?] for each character it cannot show, however many code points it is made of', () => {
    expect(toWinAnsi('crew 🚑 en route')).toBe(`crew ${UNPRINTABLE} en route`);
    expect(toWinAnsi('family 👨‍👩‍👧 and 👍🏽')).toBe(`family ${UNPRINTABLE} and ${UNPRINTABLE}`);
    expect(toWinAnsi('北京')).toBe(`${UNPRINTABLE}${UNPRINTABLE}`);
    expect(toWinAnsi('❤️')).toBe(UNPRINTABLE);
  });

  it('turns line ends into LF and tabs into spaces, and drops control and zero-width characters', () => {
    expect(toWinAnsi('a\r\nb\rc\td')).toBe('a\nb\nc d');
    expect(toWinAnsi('x\u0000y\u0007z\u200b\ufeff!\u0085')).toBe('xyz!');
  });

  it('always returns text the fonts can print', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => printable(toWinAnsi(s))));
  });
});
