// Kazakh forms: a stem plus the case endings it allows. Endings follow vowel harmony (back/front) and the last sound
// (vowel, sonorant, voiced, voiceless); a word ending in the 3rd-person possessive (-ы/-і after a consonant in a
// compound name: "Ұйымы", "Республикасы") takes the n-forms ("Ұйымының", "Ұйымына", "Ұйымында").
const BACK = /[аоұыяю]/;
const FRONT = /[әөүіеи]/;
const VOWEL = /[аәеиоөұүыіэюяу]$/;

function harmony(word: string): 'back' | 'front' {
  const w = word.toLowerCase();
  for (let i = w.length - 1; i >= 0; i--) {
    if (BACK.test(w[i])) return 'back';
    if (FRONT.test(w[i])) return 'front';
  }
  return 'back';
}

function endings(word: string, possessive: boolean): string[] {
  const back = harmony(word) === 'back';
  const pick = (b: string, f: string) => (back ? b : f);
  const w = word.toLowerCase();
  if (possessive) return [pick('ның', 'нің'), pick('на', 'не'), pick('нда', 'нде'), pick('нан', 'нен'), pick('мен', 'мен'), 'н', pick('ндағы', 'ндегі')];
  const last = w.slice(-1);
  const vowel = VOWEL.test(w);
  const voiceless = /[кқпстфхцчшщ]/.test(last);
  const nasal = /[мнң]/.test(last);
  const sonorant = /[лрйу]/.test(last) || vowel;
  const gen = vowel || nasal ? pick('ның', 'нің') : voiceless || /[бвгд]/.test(last) ? pick('тың', 'тің') : pick('дың', 'дің');
  const dat = voiceless ? pick('қа', 'ке') : pick('ға', 'ге');
  const loc = voiceless ? pick('та', 'те') : pick('да', 'де');
  const abl = voiceless ? pick('тан', 'тен') : nasal ? pick('нан', 'нен') : pick('дан', 'ден');
  const ins = sonorant || nasal ? 'мен' : /[жз]/.test(last) ? 'бен' : 'пен';
  const acc = vowel ? pick('ны', 'ні') : voiceless ? pick('ты', 'ті') : pick('ды', 'ді');
  const attr = loc + pick('ғы', 'гі');
  return [gen, dat, loc, abl, ins, acc, attr];
}

/** All case forms of a Kazakh name or phrase: the last word takes the ending. */
export function phraseForms(phrase: string, kind: 'name' | 'phrase' = 'phrase'): string[] {
  const words = phrase.split(/\s+/);
  const last = words[words.length - 1];
  if (last.length > 1 && last === last.toUpperCase()) return [phrase]; // acronyms take endings after a hyphen: БҰҰ-ның
  const possessive = kind === 'phrase' && words.length > 1 && /[^аәеиоөұүыіэюя][ыі]$/i.test(last) || /(сы|сі)$/.test(last);
  const head = words.slice(0, -1).join(' ');
  return [phrase, ...endings(last, possessive).map((e) => (head ? head + ' ' : '') + last + e)];
}

/** Hyphenated endings after an acronym: "БҰҰ-ның", "ЕҚЫҰ-ға". */
export function acronymForms(acronym: string): string[] {
  const out = [acronym];
  for (const e of [...endings('а', false), ...endings('е', false), 'ға', 'ге', 'да', 'де', 'дан', 'ден', 'мен']) out.push(`${acronym}-${e}`);
  return [...new Set(out)];
}
