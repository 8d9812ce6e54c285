import { describe, it, expect } from 'vitest';
import { tokenize, wordKey, phraseKeys } from '../../src/core/tokenize.ts';

const words = (s: string) => { const t = tokenize(s); return t.key.slice(0, t.count); };

describe('tokenize', () => {
  it('keeps UTF-16 offsets into the original text, through soft hyphens and zero-width spaces', () => {
    const text = 'Мин\u00ADистр  Иэ\u200Bн Борч';
    const t = tokenize(text);
    expect(t.key.slice(0, t.count)).toEqual(['министр', 'иэн', 'борч']);
    expect(text.slice(t.start[1], t.end[1])).toBe('Иэ\u200Bн');
  });
  it('folds ё, case, Turkish İ and Latin diacritics but keeps Kazakh and Ukrainian letters', () => {
    expect(wordKey('Королёв')).toBe('королев');
    expect(wordKey('AGİT')).toBe('agit');
    expect(wordKey('Szijjártó')).toBe('szijjarto');
    expect(wordKey('Қазақстан')).toBe('қазақстан');
    expect(wordKey('Україна')).toBe('україна');
  });
  it('splits apostrophes, hyphens and dots the same way in text and names', () => {
    expect(words("Borg’s")).toEqual(['borg', "'", 's']);
    expect(phraseKeys("O'Brien")).toEqual(words('O’Brien'));
    expect(words('Гвинея-Бисау')).toEqual(['гвинея', 'бисау']);
    expect(words('Nations-Unies')).toEqual(words('Nations unies'));
    expect(words('Казахстан - Россия')).toEqual(['казахстан', '-', 'россия']);
    expect(words('С.Лавров')).toEqual(words('С. Лавров'));
    expect(words('U.S.')).toEqual(['u', '.', 's', '.']);
  });
  it('makes each Chinese character a token and marks sentence starts', () => {
    expect(words('王毅会见')).toEqual(['王', '毅', '会', '见']);
    const t = tokenize('Он ушёл. Того');
    expect(t.sentenceStart[0]).toBe(1);
    expect(t.sentenceStart[t.count - 1]).toBe(1);
    expect(t.sentenceStart[1]).toBe(0);
  });
  it('keeps surrogate pairs whole', () => {
    const t = tokenize('😀 Borg 𝐁');
    expect(t.key.slice(0, t.count)).toContain('borg');
    for (let i = 0; i < t.count; i++) expect(t.end[i]).toBeGreaterThan(t.start[i]);
  });
});
