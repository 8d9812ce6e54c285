// Russian forms at build time: people through petrovich, phrases through az (OpenCorpora) with the head-noun rule.
// az's dictionaries stay in node_modules: only the generated forms ship.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const petrovich = require('petrovich');
const Az = require('az');

const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'] as const;
const PETROVICH_CASES = ['genitive', 'dative', 'accusative', 'instrumental', 'prepositional'] as const;

export function initRussian(): Promise<void> {
  return new Promise((resolve, reject) =>
    Az.Morph.init(dirname(require.resolve('az/package.json')) + '/dicts', (err: unknown) => (err ? reject(err) : resolve())));
}

/** Keeps the original word's capitalization on a generated lower-case form. */
function likeCase(model: string, word: string): string {
  if (model.length > 1 && model === model.toUpperCase()) return word.toUpperCase();
  if (model[0] !== model[0].toLowerCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

const isPatronymic = (w: string) => /(вич|вна|чна|ична|оглы|кызы|улы|қызы)$/i.test(w);
const isParticle = (w: string) => /^[а-яё]/.test(w) && !/^[А-ЯЁ]/.test(w);

function declineName(gender: 'male' | 'female', part: 'first' | 'middle' | 'last', word: string): string[] {
  // hyphenated parts decline each ("Касым-Жомарт" → "Касым-Жомарта")
  if (word.includes('-') && !isParticle(word)) {
    const pieces = word.split('-').map((p) => declineName(gender, part, p));
    return PETROVICH_CASES.map((_, i) => pieces.map((p) => p[i]).join('-'));
  }
  if (isParticle(word) || word.length < 2) return PETROVICH_CASES.map(() => word);
  return PETROVICH_CASES.map((c) => {
    try { return petrovich[gender][part][c](word) as string; } catch { return word; }
  });
}

// petrovich declines a surname in -ин/-ын as a Russian one ("Путиным"); a foreign one takes -ом in the instrumental
// ("Остином", "Си Цзиньпином", "Ким Чен Ыном", like "Дарвином"): both are made, as the surname's origin is not known
const INSTRUMENTAL = PETROVICH_CASES.indexOf('instrumental');
const foreignInstrumental = (gender: 'male' | 'female', surname: string) =>
  gender === 'male' && /[иы]н$/i.test(surname) && !surname.includes('-') ? surname + 'ом' : null;

/** All six cases of a person's name; each form keeps every word in the same case. */
export function personForms(name: string, gender: 'male' | 'female' = 'male'): string[] {
  const words = name.split(/\s+/);
  const forms = new Set([name]);
  if (words.length === 1) {
    for (const f of declineName(gender, 'last', words[0])) forms.add(f);
    const foreign = foreignInstrumental(gender, words[0]);
    if (foreign) forms.add(foreign);
    return [...forms];
  }
  const parts = words.map((w, i) => (i === 0 ? 'first' : i === words.length - 1 ? 'last' : isPatronymic(w) ? 'middle' : null));
  const declined = words.map((w, i) => (parts[i] ? declineName(gender, parts[i] as 'first', w) : PETROVICH_CASES.map(() => w)));
  for (let c = 0; c < PETROVICH_CASES.length; c++) {
    forms.add(declined.map((d) => d[c]).join(' '));
    // a foreign given name is often left undeclined before a declined surname ("Иан Борча")
    forms.add([words[0], ...declined.slice(1).map((d) => d[c])].join(' '));
  }
  const foreign = foreignInstrumental(gender, words[words.length - 1]);
  if (foreign) {
    const middle = declined.slice(1, -1).map((d) => d[INSTRUMENTAL]);
    forms.add([declined[0][INSTRUMENTAL], ...middle, foreign].join(' '));
    forms.add([words[0], ...middle, foreign].join(' '));
  }
  // a double given name often declines in its last part only ("Касым-Жомарта Токаева")
  if (words[0].includes('-')) {
    const [head, ...tail] = words[0].split('-');
    const lastPart = declineName(gender, 'first', tail.join('-'));
    for (let c = 0; c < PETROVICH_CASES.length; c++) forms.add([`${head}-${lastPart[c]}`, ...declined.slice(1).map((d) => d[c])].join(' '));
  }
  return [...forms];
}

/** A surname alone in every case. */
export function surnameForms(surname: string, gender: 'male' | 'female' = 'male'): string[] {
  const foreign = foreignInstrumental(gender, surname);
  return [...new Set([surname, ...declineName(gender, 'last', surname), ...(foreign ? [foreign] : [])])];
}

type Parse = { tag: { POS: string; CAse?: string; NMbr?: string; GNdr?: string; inan?: boolean; Geox?: boolean; toString(): string }; inflect(g: string[]): { word: string } | false; score: number };

function parses(word: string): Parse[] {
  return Az.Morph(word) as Parse[];
}

const OBLIQUE = ['gent', 'datv', 'accs', 'ablt', 'loct'] as const;
// adjective endings by gender/number for gent, datv, accs (inanimate), ablt, loct
const ADJ: Record<string, Record<string, string[]>> = {
  masc: { 'ый': ['ого', 'ому', 'ый', 'ым', 'ом'], 'ой': ['ого', 'ому', 'ой', 'ым', 'ом'], 'ий-hard': ['ого', 'ому', 'ий', 'им', 'ом'], 'ий-soft': ['его', 'ему', 'ий', 'им', 'ем'] },
  femn: { 'ая': ['ой', 'ой', 'ую', 'ой', 'ой'], 'ая-soft': ['ей', 'ей', 'ую', 'ей', 'ей'], 'яя': ['ей', 'ей', 'юю', 'ей', 'ей'] },
  neut: { 'ое': ['ого', 'ому', 'ое', 'ым', 'ом'], 'ее': ['его', 'ему', 'ее', 'им', 'ем'] },
  plur: { 'ые': ['ых', 'ым', 'ые', 'ыми', 'ых'], 'ие': ['их', 'им', 'ие', 'ими', 'их'] },
};

/** An adjective in an oblique case by its ending: regular enough that rules beat a guessed paradigm. */
function adjectiveCase(word: string, gender: string, caseIndex: number, animate: boolean): string | null {
  const w = word.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  const end = w.slice(-2).toLowerCase();
  const stem = w.slice(0, -2);
  const last = stem.slice(-1).toLowerCase();
  let table: string[] | undefined;
  if (gender === 'plur') table = ADJ.plur[end];
  else if (gender === 'femn') table = end === 'ая' && /[жшчщ]/.test(last) ? ADJ.femn['ая-soft'] : ADJ.femn[end];
  else if (gender === 'neut') table = ADJ.neut[end];
  else table = end === 'ий' ? ADJ.masc[/[кгх]/.test(last) ? 'ий-hard' : 'ий-soft'] : ADJ.masc[end];
  if (!table) return null;
  // an animate masculine or plural accusative is the genitive
  const i = caseIndex === 2 && animate && (gender === 'masc' || gender === 'plur') ? 0 : caseIndex;
  return stem + table[i];
}

function inflectNoun(word: string, p: Parse, grams: string[]): string | null {
  if (word.includes('-')) {
    // "Гвинея-Бисау": the first part carries the case
    const [head, ...rest] = word.split('-');
    const hp = parses(head).find((x) => x.tag.POS === 'NOUN');
    const r = hp && inflectNoun(head, hp, grams);
    return r ? [r, ...rest].join('-') : null;
  }
  const r = p.inflect(grams);
  return r ? likeCase(word, r.word) : null;
}

const ADJ_ENDING = /(ый|ий|ой|ая|яя|ое|ее|ые|ие)$/i;

/**
 * All cases of a phrase by the head-noun rule: the first noun in the nominative is the head, adjectives and
 * participles before it agree with it, words after it (genitive complements, "по безопасности …") stay.
 */
export function phraseForms(phrase: string): string[] {
  const words = phrase.split(/\s+/);
  const out = new Set([phrase]);
  if (words.some((w) => /[a-z]/i.test(w))) return [...out];
  let head = -1;
  let headParse: Parse | undefined;
  const mods: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.length > 1 && w === w.toUpperCase()) break; // an acronym: ООН, США
    const ps = parses(w.split('-')[0]);
    const capital = w[0] !== w[0].toLowerCase();
    const nouns = ps.filter((p) => p.tag.POS === 'NOUN' && p.tag.CAse === 'nomn');
    const noun = (capital && nouns.find((p) => p.tag.Geox)) || nouns[0];
    const adj = ps.find((p) => (p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF') && p.tag.CAse === 'nomn');
    // an adjective reading before a later word wins ("Центральноафриканская Республика", "Соединённые Штаты")
    if (i < words.length - 1 && ADJ_ENDING.test(w) && (adj || !noun)) { mods.push(i); continue; }
    if (noun) { head = i; headParse = noun; }
    break;
  }
  if (head < 0 || !headParse) return [...out];
  const number = headParse.tag.NMbr ?? 'sing';
  const gender = number === 'plur' ? 'plur' : headParse.tag.GNdr ?? 'masc';
  const animate = !headParse.tag.inan;
  OBLIQUE.forEach((c, ci) => {
    const w = [...words];
    const h = inflectNoun(words[head], headParse!, [number, c]);
    if (!h) return;
    w[head] = h;
    for (const i of mods) {
      const r = adjectiveCase(words[i], gender, ci, animate);
      if (!r) return;
      w[i] = r;
    }
    out.add(w.join(' '));
  });
  return [...out];
}
