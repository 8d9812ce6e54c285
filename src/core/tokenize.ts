// Splits text into tokens whose keys are normalized for matching, keeping UTF-16 offsets into the original text.
// Words are runs of letters, digits and combining marks; each CJK character is a token of its own (those scripts
// write without spaces); punctuation is kept as one-character tokens so that "U.S.", "O'Brien", "Гвинея-Бисау"
// and "С.Лавров" tokenize the same way in the dictionary and in the page.

export const enum Kind { Word = 0, Punct = 1, Cjk = 2 }

export interface TokenColumns {
  count: number;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** the token starts with an upper-case letter */
  upper: Uint8Array;
  /** a sentence or block boundary precedes the token */
  sentenceStart: Uint8Array;
}
export interface Tokens extends TokenColumns { key: string[] }
/** The matcher's tokens: each key's id in the dictionary's token table (-1: not a dictionary word) instead of the
 *  key itself, so that reading a page makes no string per word (keyAt gives a key when one is needed). */
export interface IdTokens extends TokenColumns { id: Int32Array }

/** What tokenizeIds looks keys up in (the dictionary's TokenTable). */
export interface KeyIds {
  get(key: string): number | undefined;
  /** the id of text[from, to) with each code unit mapped through `unit` (0: left out), or -1 */
  idOfMapped(text: string, from: number, to: number, unit: Uint16Array): number;
  /** the id of a one-code-unit key, or -1 */
  idOfUnit(unit: number): number;
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

// Per-code-unit classes for the BMP, so that the scan reads one table entry per character instead of making a
// string and running regexes on it. Each entry is computed by the same predicates as before (the regexes above),
// so the table cannot disagree with them; blocks of 256 are filled on first use, which keeps start-up cheap.
const enum C {
  Space = 1,        // skipped between tokens
  Word = 2,         // starts or continues a word
  Cjk = 4,          // a token of its own
  Ignorable = 8,    // invisible, skipped, continues a word and drops out of its key
  Upper = 16,       // \p{Lu}
  KeySelf = 32,     // is its own key: a word made of these is its own key
  KeyLocal = 64,    // its key is one code unit (KEY_UNIT) beside any other KeyLocal character, or nothing (ignorable)
  SentenceEnd = 128,
  Hyphen = 256,     // folds to '-'
  Known = 512,      // the entry is filled (0 means not yet)
}
const CLASS = new Uint16Array(0x10000);
// the key unit of every code unit below U+1F00 (0: left out of keys); the units of words made of KeyLocal characters
// beyond it are all invisible ones, which idOfMapped reads as 0 too
const KEY_UNIT = new Uint16Array(0x1f00);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// Han ideographs (the basic block and extension A) and Hangul syllables: every one a token of its own and nothing
// else (tests/unit/tokenize-equivalence.test.ts checks every code unit against the predicates): filling a block of
// them needs no regex, which matters on Chinese and Korean pages where each new character may open a block
const plainCjk = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xac00 && c <= 0xd7a3);

function classify(c: number): number {
  if (plainCjk(c)) return C.Known | C.Cjk;
  const ch = String.fromCharCode(c);
  let f = C.Known;
  if (c < 128 ? c === 32 || c === 9 || c === 13 : SPACE.test(ch)) f |= C.Space;
  const k = c < 128 ? (/[A-Za-z0-9]/.test(ch) ? 0 : -1) : charKind(ch);
  if (k === 0) f |= C.Word;
  else if (k === 2) f |= C.Cjk;
  if (isIgnorable(c)) f |= C.Ignorable | C.KeyLocal;
  if (UPPER.test(ch)) f |= C.Upper;
  const folded = PUNCT_FOLD[ch] ?? ch;
  if (SENTENCE_END.has(folded)) f |= C.SentenceEnd;
  if (folded === '-') f |= C.Hyphen;
  // Latin, Cyrillic (Kazakh, Ukrainian…) letters and digits: wordKey of a word made of them is the concatenation of
  // their one-character keys (no composition across them, no context-dependent case such as Greek final sigma);
  // tests/unit/tokenize-equivalence.test.ts checks every pair against wordKey. Marks and the rest go to wordKey.
  if ((f & C.Word) && (c < 0x250 || (c >= 0x400 && c <= 0x52f) || (c >= 0x1e00 && c < 0x1f00)) && LETTER_OR_DIGIT.test(ch)) {
    const key = wordKey(ch);
    if (key.length === 1) {
      KEY_UNIT[c] = key.charCodeAt(0);
      f |= C.KeyLocal;
      if (key === ch) f |= C.KeySelf;
    }
  }
  return f;
}

/** Fills the 256-entry block holding c and returns c's class. */
function fillBlock(c: number): number {
  for (let x = c & ~0xff, e = x + 0x100; x < e; x++) CLASS[x] = classify(x);
  return CLASS[c];
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Whether code unit c is an upper-case letter (\p{Lu}), from the class table. */
export function isUpperUnit(c: number): boolean {
  let f = CLASS[c];
  if (f === 0) f = fillBlock(c);
  return (f & C.Upper) !== 0;
}

/** The key of a word whose characters are all KeyLocal: their keys joined, copying runs that are their own key. */
function localKey(text: string, from: number, to: number): string {
  let out = '', run = from;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    const f = CLASS[c];
    if (f & C.KeySelf) continue;
    out += text.slice(run, p);
    if (!(f & C.Ignorable)) out += String.fromCharCode(KEY_UNIT[c]);
    run = p + 1;
  }
  return out + text.slice(run, to);
}

// Growable columns; a class rather than a closure so that the scan's own variables stay in registers.
class TokenBuffer {
  count = 0;
  start!: Int32Array; end!: Int32Array; kind!: Uint8Array; upper!: Uint8Array; sentenceStart!: Uint8Array;
  key: string[] = [];
  /** id mode: ids instead of keys */
  id: Int32Array | null = null;
  constructor(cap: number, private readonly ids: KeyIds | null = null) { this.alloc(cap); }
  /** a token whose key is `key` (a string only in key mode or for rare words: see word) */
  push(s: number, e: number, k: number, key: string, up: boolean, boundary: boolean): void {
    const i = this.open(s, e, k, up, boundary);
    if (this.ids) this.id![i] = this.ids.get(key) ?? -1; else this.key.push(key);
  }
  /** a token of one code unit that is its own key (CJK characters, most punctuation): no string in id mode */
  unit(s: number, k: number, text: string, u: number, boundary: boolean): void {
    if (!this.ids) { this.push(s, s + 1, k, String.fromCharCode(u), false, boundary); return; }
    this.id![this.open(s, s + 1, k, false, boundary)] = this.ids.idOfUnit(u);
  }
  /** a word whose characters are all KeyLocal: its key (or id) from the per-unit key table */
  local(text: string, s: number, e: number, up: boolean, boundary: boolean, self: boolean): void {
    if (!this.ids) { this.push(s, e, 0, self ? text.slice(s, e) : localKey(text, s, e), up, boundary); return; }
    this.id![this.open(s, e, 0, up, boundary)] = this.ids.idOfMapped(text, s, e, KEY_UNIT);
  }
  private open(s: number, e: number, k: number, up: boolean, boundary: boolean): number {
    const i = this.count;
    if (i === this.start.length) this.grow();
    this.start[i] = s; this.end[i] = e; this.kind[i] = k; this.upper[i] = up ? 1 : 0; this.sentenceStart[i] = boundary ? 1 : 0;
    this.count = i + 1;
    return i;
  }
  toTokens(): Tokens {
    return { count: this.count, start: this.start, end: this.end, kind: this.kind, upper: this.upper, sentenceStart: this.sentenceStart, key: this.key };
  }
  // Allocating ArrayBuffers costs more than scanning a short text: V8 keeps typed arrays of up to 64 bytes inside its
  // heap (cheap), and for larger ones the five columns share one buffer (the id column of id mode has its own).
  private alloc(cap: number): void {
    if (this.ids) this.id = new Int32Array(cap);
    if (cap <= 16) {
      this.start = new Int32Array(cap); this.end = new Int32Array(cap);
      this.kind = new Uint8Array(cap); this.upper = new Uint8Array(cap); this.sentenceStart = new Uint8Array(cap);
      return;
    }
    const buf = new ArrayBuffer(cap * 11);
    this.start = new Int32Array(buf, 0, cap); this.end = new Int32Array(buf, cap * 4, cap);
    this.kind = new Uint8Array(buf, cap * 8, cap); this.upper = new Uint8Array(buf, cap * 9, cap); this.sentenceStart = new Uint8Array(buf, cap * 10, cap);
  }
  private grow(): void {
    const { start, end, kind, upper, sentenceStart, id } = this;
    this.alloc(start.length * 2);
    this.start.set(start); this.end.set(end); this.kind.set(kind); this.upper.set(upper); this.sentenceStart.set(sentenceStart);
    if (id) this.id!.set(id);
  }
}

/** Tokens with their keys (the dictionary build, places, tests). */
export function tokenize(text: string): Tokens {
  const out = new TokenBuffer(Math.max(16, (text.length >> 2) + 8));
  scanInto(text, out);
  return out.toTokens();
}

// Allocating an ArrayBuffer per text costs more than scanning a short one: the matcher's tokens are written into one
// reused buffer, then copied, exactly sized, into a shared arena of 256 KiB (freed when no text holds tokens in it).
let scratch: TokenBuffer | null = null;
let scratchIds: KeyIds | null = null;
let arena: ArrayBuffer | null = null;
let arenaUsed = 0;
const ARENA_BYTES = 1 << 18;

/** Lets the current arena go once no text waits with its tokens (it is otherwise kept for the next texts). */
export function releaseTokenArena(): void {
  arena = null;
}

/** Room for `bytes` in the arena (or a buffer of its own when big): the buffer, its offset in carvedAt. */
let carvedAt = 0;
function carve(bytes: number): ArrayBuffer {
  const need = (bytes + 7) & ~7;
  carvedAt = 0;
  if (need > ARENA_BYTES / 4) return new ArrayBuffer(need);
  if (!arena || arenaUsed + need > ARENA_BYTES) { arena = new ArrayBuffer(ARENA_BYTES); arenaUsed = 0; }
  carvedAt = arenaUsed;
  arenaUsed += need;
  return arena;
}

/** Tokens with their ids in `ids` (the matcher): no string is made for a word the table can look up directly. */
export function tokenizeIds(text: string, ids: KeyIds): IdTokens {
  return keepTokens(tokenizeIdsTransient(text, ids));
}

/** The same in a buffer that the next call reuses: read them (or keepTokens) before tokenizing again. Most texts
 *  are done with once matched, and copying their tokens out would be wasted. */
export function tokenizeIdsTransient(text: string, ids: KeyIds): IdTokens {
  // a huge text (a 1 MB single node) left a huge buffer: let it go
  if (!scratch || scratchIds !== ids || (scratch.start.length > 1 << 18 && text.length < 1 << 16)) { scratch = new TokenBuffer(1024, ids); scratchIds = ids; }
  scratch.count = 0;
  scanInto(text, scratch);
  const { count, start, end, kind, upper, sentenceStart } = scratch;
  return { count, start, end, kind, upper, sentenceStart, id: scratch.id! };
}

/** A copy of tokens, exactly sized, in the shared arena. */
export function keepTokens(t: IdTokens): IdTokens {
  const n = t.count;
  const buf = carve(n * 15), at = carvedAt;
  const out: IdTokens = {
    count: n, start: new Int32Array(buf, at, n), end: new Int32Array(buf, at + n * 4, n), id: new Int32Array(buf, at + n * 8, n),
    kind: new Uint8Array(buf, at + n * 12, n), upper: new Uint8Array(buf, at + n * 13, n), sentenceStart: new Uint8Array(buf, at + n * 14, n),
  };
  out.start.set(t.start.subarray(0, n)); out.end.set(t.end.subarray(0, n)); out.id.set(t.id.subarray(0, n));
  out.kind.set(t.kind.subarray(0, n)); out.upper.set(t.upper.subarray(0, n)); out.sentenceStart.set(t.sentenceStart.subarray(0, n));
  return out;
}

/** The key of token i (what tokenize puts in `key`), made from the text when one is needed. */
export function keyAt(text: string, t: TokenColumns, i: number): string {
  const s = text.slice(t.start[i], t.end[i]);
  return t.kind[i] === 0 ? wordKey(s) : t.kind[i] === 2 ? s : PUNCT_FOLD[s] ?? s;
}

const FOLD_UNIT = new Map(Object.entries(PUNCT_FOLD).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));

function scanInto(text: string, out: TokenBuffer): void {
  const n = text.length;
  let boundary = true;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    let f = CLASS[code];
    if (f === 0) f = fillBlock(code);
    let j: number;     // end of the word starting at i
    let all: number;   // the classes common to all its characters (0: unknown, ask wordKey)
    if (isHighSurrogate(code) && i + 1 < n) {
      // a code point outside the BMP, or a high surrogate with whatever follows it: rare, so the string tests
      // exactly as the table's are made (the two code units are tested together, as one character)
      const ch = text.substr(i, 2);
      if (SPACE.test(ch)) { i += 2; continue; }
      const k = charKind(ch);
      if (k === 2) { out.push(i, i + 2, 2, ch, false, boundary); boundary = false; i += 2; continue; }
      if (k !== 0) { out.push(i, i + 2, 1, PUNCT_FOLD[ch] ?? ch, false, boundary); boundary = false; i += 2; continue; }
      j = i + 2;
      all = 0;
    } else {
      if (f & C.Space) { i++; continue; }
      if (code === 10) { boundary = true; i++; continue; }
      if (f & C.Cjk) { out.unit(i, 2, text, code, boundary); boundary = false; i++; continue; }
      if (!(f & C.Word)) {
        if (f & C.Ignorable) { i++; continue; }
        // a hyphen inside a word joins nothing the matcher must see: "Nations-Unies" = "Nations unies",
        // "NATO–Russia Council" = "NATO-Russia Council"; a spaced dash stays a token
        if ((f & C.Hyphen) && out.count > 0 && out.end[out.count - 1] === i && out.kind[out.count - 1] !== 1 && i + 1 < n) {
          const next = text.charCodeAt(i + 1);
          let g = CLASS[next];
          if (g === 0) g = fillBlock(next);
          if (g & (C.Word | C.Cjk)) { i++; continue; }
        }
        out.unit(i, 1, text, FOLD_UNIT.get(code) ?? code, boundary);
        // a sentence ends at . ! ? … unless it is an initial or abbreviation dot followed by more of the same sentence;
        // the matcher only needs "may start a sentence", so a dot always opens one
        boundary = (f & C.SentenceEnd) !== 0;
        i++;
        continue;
      }
      j = i + 1;
      all = f;
    }
    // a word: letters, digits, marks and invisible characters
    while (j < n) {
      const c = text.charCodeAt(j);
      let g = CLASS[c];
      if (g === 0) g = fillBlock(c);
      if (g & (C.Word | C.Ignorable)) { all &= g; j++; continue; }
      if ((c & 0xfc00) === 0xd800 && j + 1 < n && charKind(text.substr(j, 2)) === 0) { all = 0; j += 2; continue; }
      break;
    }
    // most words are their own key (lower case, no ё, no diacritics) or differ only by a capital letter
    // a word never starts with an invisible character, and a high surrogate is never \p{Lu} on its own
    if (all & C.KeyLocal) out.local(text, i, j, (f & C.Upper) !== 0, boundary, (all & C.KeySelf) !== 0);
    else out.push(i, j, 0, wordKey(text.slice(i, j)), (f & C.Upper) !== 0, boundary);
    boundary = false;
    i = j;
  }
}

/** Keys of a dictionary phrase, tokenized exactly as page text is. */
export function phraseKeys(phrase: string): string[] {
  const t = tokenize(phrase);
  return t.key.slice(0, t.count);
}
