// The matcher on the real built dictionary: forms, case, ambiguity, surnames, near-misses.
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { found, scan } from './built.ts';

const SEED = '../shared/seed/seed-article-ru.txt';

describe('matcher', () => {
  it.skipIf(!existsSync(SEED))('finds every mention of the seed article and nothing else', () => {
    const text = readFileSync(SEED, 'utf8');
    const gold = JSON.parse(readFileSync('../shared/seed/seed-gold.json', 'utf8'));
    const out = scan(text, 'ru').mentions;
    const texts = out.map((m) => m.text);
    for (const e of gold.entities) for (const m of e.mentions) expect(texts, m).toContain(m);
    // nothing but the seed's entities (or one of their bodies), by their English Wikipedia titles
    const goldNames = new Set(gold.entities.map((e: { name: string }) => e.name));
    expect(new Set(out.map((m) => (goldNames.has(m.entity.name) ? m.entity.name : m.entity.partOf?.find((p) => goldNames.has(p)) ?? m.entity.name)))).toEqual(goldNames);
  });
  it('matches inflected Russian names, organizations, treaties and countries', () => {
    expect(found('Встреча с Иэном Борчем и Муратом Нуртлеу.', 'ru')).toEqual(['Иэном Борчем=Ian Borg', 'Муратом Нуртлеу=Murat Nurtleu']);
    expect(found('в духе Астанинской декларации и Устава ООН', 'ru')).toEqual(['Астанинской декларации=Astana Commemorative Declaration', 'Устава ООН=Charter of the United Nations']);
    expect(found('Президент Республики Казахстан посетил Мальту', 'ru')).toEqual(['Республики Казахстан=Kazakhstan', 'Мальту=Malta']);
  });
  it('keeps acronyms case-sensitive: "us", "who" and "мир" stay words', () => {
    expect(found('Let us see who called.', 'en')).toEqual([]);
    expect(found('The US and WHO officials met.', 'en').map((x) => x.split('=')[1])).toEqual(['United States', 'World Health Organization']);
  });
  it('reads a name that is also a word or a person only in context', () => {
    expect(found('Michael Jordan scored.', 'en')).toEqual([]);
    expect(found('Того же мнения придерживается автор.', 'ru')).toEqual([]);
    expect(found('Jordan and Egypt signed the deal with the European Union.', 'en').map((x) => x.split('=')[1])).toContain('Jordan');
  });
  it('links a surname alone to the person named in full on the page, and an initial with a surname', () => {
    expect(found('Сергей Лавров прибыл в Москву. Лавров заявил, что ...', 'ru')).toEqual(['Сергей Лавров=Sergey Lavrov', 'Лавров=Sergey Lavrov']);
    // a common surname alone, with no full name on the page, is not anybody
    expect(found('Иванов заявил, что ...', 'ru')).toEqual([]);
    expect(found('С. Лавров и С.Лавров', 'ru').filter((x) => x.endsWith('Sergey Lavrov')).length).toBe(2);
  });
  it('takes the longest name first', () => {
    const out = found('Генеральная Ассамблея ООН приняла резолюцию.', 'ru');
    expect(out[0]).toBe('Генеральная Ассамблея ООН=United Nations General Assembly');
  });
  it('links a one-edit near-miss of a name on the page, marked approximate', () => {
    const r = scan('Иэн Борч прибыл. Затем Иан Борч выступил.', 'ru').mentions;
    const approx = r.find((m) => m.text === 'Иан Борч');
    expect(approx?.entity.name).toBe('Ian Borg');
    const helsinki = scan('в духе Хельсинского заключительного акта', 'ru').mentions[0];
    expect(helsinki.entity.name).toBe('Helsinki Final Act');
    expect(helsinki.approximate).toBe(true);
  });
  it('gives a body of an organization its parent in partOf', () => {
    const m = scan('The UN Security Council met on Monday.', 'en').mentions[0];
    expect(m.entity.name).toBe('United Nations Security Council');
    expect(m.entity.partOf).toContain('United Nations');
  });
});
