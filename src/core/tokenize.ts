// Splits text into tokens whose keys are normalized for matching, keeping UTF-16 offsets into the original text.
// Words are runs of letters, digits and combining marks; each CJK character is a token of its own (those scripts
// write without spaces); punctuation is kept as one-character tokens so that "U.S.", "O'Brien", "Гвинея-Бисау"
// and "С.Лавров" tokenize the same way in the dictionary and in the page.

export const enum Kind { Word = 0, Punct = 1, Cjk = 2 }

export interface Tokens {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** the token starts with an upper-case letter */
  upper: Uint8Array;
  /** a sentence or block boundary precedes the token */
  sentenceStart: Uint8Array;
  key: string[];
}

// soft hyphen, zero-width space/joiners, word joiner, BOM: invisible, may sit inside a word
const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const isIgnorable = (c: number) => c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const UPPER = /\p{Lu}/u;
const SPACE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
const SENTENCE_END = new Set(['.', '!', '?', '…', '。', '！', '？', '\n']);
const LATIN_WITH_MARK = /([A-Za-z\u00C0-\u024F\u1E00-\u1EFF])[\u0300-\u036F]+/g;

// quotes, apostrophes and dashes in all their typographic forms collapse to one character each
const PUNCT_FOLD: Record<string, string> = {
  '\u2019': "'", '\u2018': "'", '\u02BC': "'", '\u02BB': "'", '`': "'", '\u00B4': "'", '\u2032': "'",
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00AB': '"', '\u00BB': '"', '\u201C': '"', '\u201D': '"', '\u201E': '"',
};

/** The matching key of a word: NFKC, lower case (Turkish İ folded), ё→е, Latin diacritics dropped. */
export function wordKey(surface: string): string {
  // fast path: plain ASCII or Cyrillic words need no normalization
  if (/^[A-Za-z0-9\u0400-\u045F]+$/.test(surface)) return surface.toLowerCase().replace(/ё/g, 'е');
  let s = surface.replace(IGNORABLE, '').normalize('NFKC');
  s = s.replace(/İ/g, 'i').toLowerCase().replace(/\u0307/g, '').replace(/ё/g, 'е');
  if (/[\u00C0-\u024F\u1E00-\u1EFF]/.test(s)) s = s.normalize('NFD').replace(LATIN_WITH_MARK, '$1').normalize('NFC');
  return s;
}

/** The exact-case form of a word for case-sensitive aliases (acronyms): only invisible characters removed. */
export function caseForm(surface: string): string {
  return surface.replace(IGNORABLE, '').normalize('NFKC').replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

function charKind(ch: string): number {
  const c = ch.charCodeAt(0);
  // the common scripts by range, the rest by Unicode property
  if ((c >= 0x400 && c <= 0x52f) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) return 0;
  if (CJK.test(ch)) return 2;
  if (WORD.test(ch)) return 0;
  return -1;
}

export function tokenize(text: string): Tokens {
  const n = text.length;
  const cap = Math.max(16, (n >> 2) + 8);
  let start = new Int32Array(cap), end = new Int32Array(cap);
  let kind = new Uint8Array(cap), upper = new Uint8Array(cap), sentenceStart = new Uint8Array(cap);
  const key: string[] = [];
  let count = 0;
  let boundary = true;
  const push = (s: number, e: number, k: number, keyStr: string, up: boolean) => {
    if (count === start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => { const b = new (a.constructor as any)(a.length * 2); b.set(a); return b; };
      start = grow(start); end = grow(end); kind = grow(kind); upper = grow(upper); sentenceStart = grow(sentenceStart);
    }
    start[count] = s; end[count] = e; kind[count] = k; upper[count] = up ? 1 : 0; sentenceStart[count] = boundary ? 1 : 0;
    key.push(keyStr);
    count++;
  };
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    // one code point (surrogate pairs stay together)
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    const ch = text.substr(i, width);
    if (code < 128 ? code === 32 || code === 9 || code === 13 : SPACE.test(ch)) { i += width; continue; }
    if (code === 10) { boundary = true; i++; continue; }
    const k = code < 128 ? (/[A-Za-z0-9]/.test(ch) ? 0 : -1) : charKind(ch);
    if (k === 2) { push(i, i + width, 2, ch, false); boundary = false; i += width; continue; }
    if (k === 0) {
      let j = i + width;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c < 128) { if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) { j++; continue; } break; }
        if (isIgnorable(c)) { j++; continue; }
        // Cyrillic and Latin letters by range, without making a string per character
        if ((c >= 0x400 && c <= 0x52f) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) { j++; continue; }
        const w = c >= 0xd800 && c <= 0xdbff && j + 1 < n ? 2 : 1;
        if (charKind(text.substr(j, w)) !== 0) break;
        j += w;
      }
      const surface = text.slice(i, j);
      const first = surface.charCodeAt(0);
      // upper case: ASCII and Cyrillic by range, the rest by Unicode property
      const up = first < 128 ? first >= 65 && first <= 90 : first >= 0x410 && first <= 0x42f ? true : first >= 0x430 && first <= 0x45f ? false
        : UPPER.test(surface[0] ?? '') || UPPER.test(surface.replace(IGNORABLE, '')[0] ?? '');
      push(i, j, 0, wordKey(surface), up);
      boundary = false;
      i = j;
      continue;
    }
    if (isIgnorable(code)) { i++; continue; }
    const folded = PUNCT_FOLD[ch] ?? ch;
    // a hyphen inside a word joins nothing the matcher must see: "Nations-Unies" = "Nations unies",
    // "NATO–Russia Council" = "NATO-Russia Council"; a spaced dash stays a token
    if (folded === '-' && count > 0 && end[count - 1] === i && kind[count - 1] !== 1 && i + 1 < n && charKind(text[i + 1]) >= 0) { i += width; continue; }
    push(i, i + width, 1, folded, false);
    // a sentence ends at . ! ? … unless it is an initial or abbreviation dot followed by more of the same sentence;
    // the matcher only needs "may start a sentence", so a dot always opens one
    boundary = SENTENCE_END.has(folded);
    i += width;
  }
  return { count, start, end, kind, upper, sentenceStart, key };
}

/** Keys of a dictionary phrase, tokenized exactly as page text is. */
export function phraseKeys(phrase: string): string[] {
  const t = tokenize(phrase);
  return t.key.slice(0, t.count);
}
