// Case-sensitive names (acronyms, ambiguous names) are compared with the page's text in place, without making the
// exact-form string, wherever the text is plain; the comparison must agree with the exact form in every case.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { exactIs, exactOf } from '../../src/core/match.ts';
import { tokenize } from '../../src/core/tokenize.ts';

const piece = fc.oneof(
  fc.constantFrom('ООН', 'Ёлка', 'ЁЖИК', 'U.S.', 'Chad', 'ĳssel', 'ſ', 'ª', 'x²', 'soft\u00ADhyphen', 'Cafe\u0301', 'İzmir', 'Ǆ', 'Ⅻ', 'ﬁ', 'Ａ', 'é', ' ', '-', '.', 'ǅ'),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.integer({ min: 0, max: 0x52f }).map((c) => String.fromCharCode(c)),
);
const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((a) => a.join(''));

describe('exact forms compared in place', () => {
  it('agree with the exact form made as a string, for any span of any text', () => {
    fc.assert(fc.property(text, text, fc.nat(), fc.nat(), (s, other, a, b) => {
      const t = tokenize(s);
      if (!t.count) return;
      const from = a % t.count, to = from + (b % (t.count - from));
      const exact = exactOf(s, t, from, to);
      expect(exactIs(s, t, from, to, exact)).toBe(true);
      // and a different form is told apart (another text's, or this one cut short)
      const o = tokenize(other);
      const wrong = o.count ? exactOf(other, o, 0, o.count - 1) : exact.slice(0, -1);
      expect(exactIs(s, t, from, to, wrong)).toBe(wrong === exact);
      expect(exactIs(s, t, from, to, exact + 'x')).toBe(false);
    }), { numRuns: 20000 });
  });
});
