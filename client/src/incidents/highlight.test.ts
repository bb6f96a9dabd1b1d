import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

describe('marking the searched words in a snippet', () => {
  it('marks every occurrence of each word, case aside', () => {
    expect(highlight('Crews held at RVI; RVI full', 'held rvi')).toEqual([
      { text: 'Crews ', match: false },
      { text: 'held', match: true },
      { text: ' at ', match: false },
      { text: 'RVI', match: true },
      { text: '; ', match: false },
      { text: 'RVI', match: true },
      { text: ' full', match: false },
    ]);
  });

  it('takes the searched words as words, not as patterns', () => {
    expect(highlight('cost (est.) 3', '(est.)')).toEqual([
      { text: 'cost ', match: false },
      { text: '(est.)', match: true },
      { text: ' 3', match: false },
    ]);
  });

  it('takes the server’s own marks, which follow its stemming', () => {
    expect(highlight('Long «delays» at the «RVI»', 'delay')).toEqual([
      { text: 'Long ', match: false },
      { text: 'delays', match: true },
      { text: ' at the ', match: false },
      { text: 'RVI', match: true },
    ]);
  });

  it('leaves a snippet whole when nothing was searched', () => {
    expect(highlight('anything', ' ')).toEqual([{ text: 'anything', match: false }]);
  });
});
