// The user's own dictionary: the same validation as the bundled one, import errors by line and field,
// a second index merged at scan time (new entities and extensions of bundled ones), highlight styles.
import { describe, it, expect, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import { compileUserIndex } from '../../src/core/dictionary/user.ts';
import { userEntitySchema } from '../../src/core/dictionary/user-schema.ts';
import { withUserIndex, scanText } from '../../src/core/match.ts';
import { parseImport } from '../../src/shared/user-dictionary.ts';
import { highlightCss } from '../../src/content/highlight-styles.ts';
import { DEFAULTS, sitePattern, siteEnabled } from '../../src/shared/settings.ts';
import { builtMatcher } from './built.ts';

const mayor = { user: true, type: 'person', id: 'person:aigerim-testova', name: 'Aigerim Testova', names: { en: ['Aigerim Testova'], ru: ['Айгерим Тестова'] }, desc: { en: 'Mayor', ru: 'Аким' }, positions: [] } as const;

describe('user entries', () => {
  it('are validated like the bundled dictionary, without sources or asOf', () => {
    expect(userEntitySchema.safeParse(mayor).success).toBe(true);
    const noRu = userEntitySchema.safeParse({ ...mayor, desc: { en: 'Mayor' } });
    expect(noRu.success).toBe(false);
    expect(noRu.error!.issues[0].message).toMatch(/Russian description/);
    const wrongPrefix = userEntitySchema.safeParse({ ...mayor, id: 'country:aigerim' });
    expect(wrongPrefix.error!.issues.map((i) => i.path.join('.'))).toContain('id');
  });

  it('are matched on a page beside the bundled dictionary, surname alone after the full name', () => {
    const m = withUserIndex(builtMatcher(), compileUserIndex([userEntitySchema.parse(mayor)]));
    const out = scanText(m, 'Айгерим Тестова встретилась с Муратом Нуртлеу. Тестова сказала…', { lang: 'ru', date: '2024-06-25' });
    expect(out.map((x) => `${x.text}=${x.entity.id}`)).toEqual(['Айгерим Тестова=person:aigerim-testova', 'Муратом Нуртлеу=person:murat-nurtleu', 'Тестова=person:aigerim-testova']);
  });

  it('with a bundled id extend that entity: a new alias is a mention of it', () => {
    const alias = { ...mayor, id: 'person:ian-borg', name: 'Ian Borg', names: { en: ['Ian Borg'], ru: ['Господин Борг-Мальтийский'] } };
    const m = withUserIndex(builtMatcher(), compileUserIndex([userEntitySchema.parse(alias)]));
    const out = scanText(m, 'Приехал Господин Борг-Мальтийский.', { lang: 'ru', date: '2024-06-25' });
    expect(out.map((x) => x.entity.name)).toEqual(['Ian Borg']);
  });

  it('are not matched in a language the user switched off', () => {
    const m = withUserIndex(builtMatcher(), compileUserIndex([userEntitySchema.parse(mayor)]), ['en']);
    expect(scanText(m, 'Айгерим Тестова в Астане.', { lang: 'ru' })).toEqual([]);
  });
});

describe('import', () => {
  it('names the line and field of every problem and accepts nothing', () => {
    const text = JSON.stringify([mayor, { ...mayor, id: 'person:second', sources: ['http://insecure.example'] }], null, 2);
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('http://insecure')) + 1;
    expect(r.problems).toEqual([{ line, field: '[1].sources[0]', message: 'expected an https:// URL' }]);
  });
  it('reports a JSON syntax error with its line', () => {
    const r = parseImport('[\n  {"type": "person",\n  "id": }\n]');
    expect(r.ok).toBe(false);
    if (!r.ok) { expect(r.problems[0].line).toBe(3); expect(r.problems[0].field).toBe('(file)'); }
  });
  it('refuses the same id twice', () => {
    const r = parseImport(JSON.stringify([mayor, mayor]));
    expect(!r.ok && r.problems[0].message).toMatch(/appears twice/);
  });
  it('accepts entries written without "user": true', () => {
    const { user: _u, ...plain } = mayor;
    const r = parseImport(JSON.stringify([plain]));
    expect(r.ok && r.entities[0].user).toBe(true);
  });
});

describe('settings helpers', () => {
  it('turns typed sites into match patterns and refuses junk', () => {
    expect(sitePattern('https://www.example.com/news')).toBe('*://*.example.com/*');
    expect(sitePattern('Example.org')).toBe('*://*.example.org/*');
    expect(sitePattern('not a site')).toBeNull();
  });
  it('a removed default site is off on its subdomains', () => {
    const s = { ...DEFAULTS, removedDefaults: ['https://*.bbc.com/*'] };
    expect(siteEnabled(s, 'www.bbc.com')).toBe(false);
    expect(siteEnabled(s, 'notbbc.com')).toBe(true);
  });
  it('writes one highlight rule per type in the chosen style', () => {
    const css = highlightCss({ ...DEFAULTS.styles, treaty: { mode: 'underline', colour: '#123456' }, country: { mode: 'contrast', colour: '#00be6e' } });
    expect(css).toMatch(/::highlight\(diplolens-treaty\) \{ background-color: transparent;[^}]*underline #123456/);
    expect(css).toMatch(/::highlight\(diplolens-country\) \{ background-color: #000000; color: #ffff00/);
    expect(css).toMatch(/::highlight\(diplolens-person\) \{ background-color: rgba\(255, 196, 0, 0.28\)/);
  });
});
