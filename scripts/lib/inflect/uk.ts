// Ukrainian forms at build time: people through shevchenko; other phrases by ending rules on the words up to the
// head noun (no morphological dictionary is shipped or needed for our few hundred phrase patterns).
import * as shevchenko from 'shevchenko';

const CASE_FNS = ['inGenitive', 'inDative', 'inAccusative', 'inAblative', 'inLocative'] as const;

export async function personForms(name: string, gender: 'male' | 'female' = 'male'): Promise<string[]> {
  const words = name.split(/\s+/);
  const out = new Set([name]);
  if (words.length < 2) return [...out];
  const givenName = words[0], familyName = words[words.length - 1];
  const middle = words.slice(1, -1).join(' ');
  for (const fn of CASE_FNS) {
    try {
      const r = await (shevchenko as any)[fn]({ gender: gender === 'female' ? 'feminine' : 'masculine', givenName, familyName });
      out.add([r.givenName, middle, r.familyName].filter(Boolean).join(' '));
    } catch { /* a name shevchenko cannot decline stays in the nominative */ }
  }
  return [...out];
}

export async function surnameForms(surname: string, gender: 'male' | 'female' = 'male'): Promise<string[]> {
  const out = new Set([surname]);
  for (const fn of CASE_FNS) {
    try {
      const r = await (shevchenko as any)[fn]({ gender: gender === 'female' ? 'feminine' : 'masculine', familyName: surname });
      if (r.familyName) out.add(r.familyName);
    } catch { /* indeclinable */ }
  }
  return [...out];
}

// gen, dat, acc, ins, loc by ending
const NOUN: [RegExp, string[]][] = [
  [/ія$/, ['ії', 'ії', 'ію', 'ією', 'ії']],
  [/ея$/, ['еї', 'еї', 'ею', 'еєю', 'еї']],
  [/я$/, ['і', 'і', 'ю', 'ею', 'і']],
  [/[жчшщ]а$/, ['і', 'і', 'у', 'ею', 'і']],
  [/а$/, ['и', 'і', 'у', 'ою', 'і']],
  [/ь$/, ['я', 'ю', 'ь', 'ем', 'і']],
  [/й$/, ['я', 'ю', 'й', 'єм', 'ї']],
  [/[бвгґдзклмнпрстфх]$/, ['у', 'у', '', 'ом', 'і']],
  [/и$/, ['', 'ам', 'и', 'ами', 'ах']], // plural: Сполучені Штати → Штатів is irregular; handled by the table below
];
const PLURAL_FIX: Record<string, string[]> = { 'Штати': ['Штатів', 'Штатам', 'Штати', 'Штатами', 'Штатах'], 'Емірати': ['Еміратів', 'Еміратам', 'Емірати', 'Еміратами', 'Еміратах'] };
const ADJ: [RegExp, string[]][] = [
  [/ий$/, ['ого', 'ому', 'ий', 'им', 'ому']],
  [/ій$/, ['ього', 'ьому', 'ій', 'ім', 'ьому']],
  [/а$/, ['ої', 'ій', 'у', 'ою', 'ій']],
  [/я$/, ['ьої', 'ій', 'ю', 'ьою', 'ій']],
  [/е$/, ['ого', 'ому', 'е', 'им', 'ому']],
  [/і$/, ['их', 'им', 'і', 'ими', 'их']],
];
const ADJ_WORD = /(ський|цький|ний|ський|ська|цька|на|ний|ова|ові|ські|цькі|ні|ене|ена|ений|ені|ий|ій)$/;

function apply(word: string, table: [RegExp, string[]][], i: number): string | null {
  for (const [re, ends] of table) if (re.test(word)) {
    const stem = word.replace(re, (m) => (re.source.startsWith('[') ? m[0] : ''));
    return stem + ends[i];
  }
  return null;
}

export function phraseForms(phrase: string): string[] {
  const words = phrase.split(/\s+/);
  const out = new Set([phrase]);
  let head = 0;
  while (head < words.length - 1 && ADJ_WORD.test(words[head]) && words[head] !== words[head].toUpperCase()) head++;
  if (words[head].length > 1 && words[head] === words[head].toUpperCase()) return [...out];
  for (let c = 0; c < 5; c++) {
    const w = [...words];
    const fixed = PLURAL_FIX[words[head]];
    const h = fixed ? fixed[c] : apply(words[head], NOUN, c);
    if (!h) continue;
    w[head] = h;
    let ok = true;
    for (let i = 0; i < head; i++) {
      const r = apply(words[i], ADJ, c);
      if (!r) { ok = false; break; }
      w[i] = r;
    }
    if (ok) out.add(w.join(' '));
  }
  return [...out];
}
