// Hostile input: any Unicode text and a megabyte without spaces. The matcher never throws and gives offsets
// inside the text and in order.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { builtMatcher } from './built.ts';
import { scanText } from '../../src/core/match.ts';

// pieces that stress a tokenizer: names, scripts, surrogate pairs, combining marks, RTL, invisible characters
const PIECES = ['Иэн Борч', 'ОБСЕ', 'Қазақстан', 'NATO', 'U.S.', "O'Brien", '王毅', '😀', '\u0301', '\u200F', 'مرحبا', '\u00AD', '\u200B', '\u00A0',
  '«', '»', '—', '.', ' ', '\n', 'e\u0301', '\uD83D', '\uDE00', 'İ', 'ё', 'С.Лавров', '-', "'"];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 60 }).map((a) => a.join(''));

describe('the matcher on any text', () => {
  it('never throws; mentions lie inside the text, in order, and say what they cover', () => {
    const m = builtMatcher();
    fc.assert(fc.property(text, fc.constantFrom('ru', 'en', 'kk', 'zh'), (t, lang) => {
      const out = scanText(m, t, { lang, date: '2024-06-25' });
      let last = -1;
      for (const x of out) {
        expect(x.start).toBeGreaterThanOrEqual(0);
        expect(x.end).toBeLessThanOrEqual(t.length);
        expect(x.start).toBeLessThan(x.end);
        expect(x.start).toBeGreaterThanOrEqual(last);
        expect(t.slice(x.start, x.end)).toBe(x.text);
        last = x.start;
      }
    }), { numRuns: 300 });
  });

  it('reads a megabyte without spaces, and a megabyte of names, without throwing', () => {
    const m = builtMatcher();
    expect(() => scanText(m, 'ы'.repeat(1 << 20), { lang: 'ru' })).not.toThrow();
    const names = 'Иэн Борч и ОБСЕ. '.repeat(60000);
    const out = scanText(m, names, { lang: 'ru' });
    expect(out.length).toBeGreaterThan(100000);
  });
});

