// The near-miss safety net: a capitalized word one edit away from a dictionary word, inside a name whose other
// words match exactly ("Иан Борч" beside "Иэн Борч", "Хельсинского заключительного акта"). Never for short words,
// never for acronyms, and a surname alone only for a person already named on the page.
import { Flag } from './dictionary/index-format.ts';
import { child, type Matcher, type DocumentState, type Candidate } from './match.ts';
import { keyAt, type IdTokens } from './tokenize.ts';

const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґәғқңөұүһ';
const LATIN = 'abcdefghijklmnopqrstuvwxyzçğışöüéèêáíóúñäß';

function* oneEdit(word: string): Generator<string> {
  const alphabet = /[а-яёіїєґәғқңөұүһ]/.test(word) ? CYRILLIC : LATIN;
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
  for (let i = 0; i + 1 < word.length; i++) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  for (let i = 0; i <= word.length; i++)
    for (const c of alphabet) {
      yield word.slice(0, i) + c + word.slice(i);
      if (i < word.length && c !== word[i]) yield word.slice(0, i) + c + word.slice(i + 1);
    }
}

// capitalized words that start sentences and headlines, never names
const COMMON = new Set(['the', 'this', 'that', 'these', 'there', 'their', 'they', 'then', 'than', 'and', 'but', 'for', 'with', 'from', 'after', 'before',
  'его', 'она', 'они', 'это', 'как', 'так', 'при', 'для', 'под', 'над', 'также', 'однако', 'les', 'des', 'une', 'der', 'die', 'das', 'und', 'los', 'las', 'una', 'del']);

// the dictionary words one edit away from a word: the same for every page, so worked out once per word
const VARIANTS_KEPT = 4000;
const variantCache = new WeakMap<object, Map<string, number[]>>();
function variantIds(m: Matcher, word: string): number[] {
  let cache = variantCache.get(m.tokenId);
  if (!cache) variantCache.set(m.tokenId, (cache = new Map()));
  let ids = cache.get(word);
  if (ids) return ids;
  const found = new Set<number>();
  for (const v of oneEdit(word)) { const id = m.tokenId.get(v); if (id !== undefined && id < m.nameTokens) found.add(id); }
  ids = [...found];
  if (cache.size >= VARIANTS_KEPT) cache.clear();
  cache.set(word, ids);
  return ids;
}

const wordLength = (t: IdTokens, j: number) => t.end[j] - t.start[j];
/** a capitalized word outside any match, not a word of a name, that could be a misspelt part of one
 *  (`names`: the ids of names' words are below it, see Matcher.nameTokens) */
function mayMiss(t: IdTokens, i: number, covered: Uint8Array | null, names: number): boolean {
  if ((covered && covered[i]) || t.kind[i] !== 0 || !t.upper[i] || wordLength(t, i) < 3 || (t.id[i] >= 0 && t.id[i] < names)) return false;
  // a capital at the start of a sentence says nothing, unless a capitalized word follows ("Иан Борч сказал")
  return !t.sentenceStart[i] || (i + 1 < t.count && t.upper[i + 1] === 1);
}
// only inside a name: a neighbouring word must itself be a dictionary word of some length
// (a capitalized neighbour, or a long lower-case word of a multiword name: "заключительного")
const nameWord = (t: IdTokens, j: number, min: number, names: number) => t.kind[j] === 0 && t.id[j] >= 0 && t.id[j] < names && wordLength(t, j) >= min && (t.upper[j] === 1 || wordLength(t, j) >= 6);
const nextWord = (t: IdTokens, i: number, names: number) => (i + 1 < t.count && nameWord(t, i + 1, 4, names) ? t.id[i + 1] : undefined);
const prevWord = (t: IdTokens, i: number, names: number) => (i > 0 && nameWord(t, i - 1, 3, names) ? t.id[i - 1] : undefined);

/** Whether a near-miss could be found at word i (a word no match covers): if no word of a block is one, its tokens
 *  need not be kept for the near-miss search. */
export function missChanceAt(t: IdTokens, i: number, names: number): boolean {
  return mayMiss(t, i, null, names) && (nextWord(t, i, names) !== undefined || prevWord(t, i, names) !== undefined);
}

/** Looks for near-misses in blocks not looked at yet (those of `only`, else all), until `deadline`. */
export function nearMisses(m: Matcher, doc: DocumentState, seen: { has(entity: number): boolean }, only?: number[], deadline?: number): Candidate[] {
  const out: Candidate[] = [];
  deadline ??= doc.nearMissBudgetMs === undefined ? Infinity : performance.now() + doc.nearMissBudgetMs;
  for (const blockIndex of only ?? doc.blocks.keys()) {
    const b = doc.blocks[blockIndex];
    // each block once: work stays proportional to new text
    if (b.fuzzed) continue;
    if (performance.now() > deadline) break;
    b.fuzzed = true;
    if (m.langs && !m.langs.has(b.lang)) continue;
    const t = b.tokens;
    const covered = new Uint8Array(t.count);
    // a few tries per block: a near-miss is a rare typo, and each try costs hundreds of look-ups
    let tries = 0;
    for (const c of b.candidates) for (let i = c.from; i <= c.to; i++) covered[i] = 1;
    for (let i = 0; i < t.count; i++) {
      if (!mayMiss(t, i, covered, m.nameTokens)) continue;
      const next = nextWord(t, i, m.nameTokens), prev = prevWord(t, i, m.nameTokens);
      if (next === undefined && prev === undefined) continue;
      // a word's key differs from its text only by case, marks and invisible characters
      const word = keyAt(b.text, t, i);
      if (word.length < 3 || COMMON.has(word)) continue;
      if (++tries > 8) break;
      let best: Candidate | null = null;
      for (const vt of variantIds(m, word)) {
        // the fuzzy word opens the phrase, or follows one exact word
        const starts: [number, number][] = [[i, 0]];
        if (prev !== undefined) {
          const p = child(m, 0, prev);
          if (p >= 0) starts.push([i - 1, p]);
          // or two exact words: "Kim Son Kyong" for "Kim Son-gyong"
          const prev2 = i > 1 && t.kind[i - 2] === 0 ? t.id[i - 2] : -1;
          const p2 = prev2 < 0 ? -1 : child(m, 0, prev2);
          const p21 = p2 < 0 ? -1 : child(m, p2, prev);
          if (p21 >= 0) starts.push([i - 2, p21]);
        }
        for (const [from, startNode] of starts) {
          let node = child(m, startNode, vt);
          for (let j = i; node >= 0 && j < t.count; ) {
            const a = m.termFirst[node], z = m.termFirst[node + 1];
            const words = j - from + 1;
            const ok: number[] = [];
            for (let k = a; k < z; k++) {
              const e = m.termEntry[k];
              const ent = m.entryEntity[e], flags = m.entryFlags[e];
              if (flags & (Flag.Exact | Flag.Ambiguous)) continue;
              // one word alone, or a surname: only a person the page already names ("Indian" is not "India")
              if ((words < 2 || flags & Flag.Short) && !(seen.has(ent) && m.data.entities[ent].type === 'person')) continue;
              // a short misspelt word needs two exact words beside it ("Kim Son Kyong")
              if (words >= 2 && word.length < (words >= 3 ? 4 : 6) && !seen.has(ent)) continue;
              ok.push(e);
            }
            if (ok.length && new Set(ok.map((e) => m.entryEntity[e])).size === 1 && (!best || j - from > best.to - best.from))
              best = { block: blockIndex, from, to: j, entries: ok, approximate: true };
            j++;
            if (j >= t.count) break;
            const nt = t.id[j];
            node = nt < 0 ? -1 : child(m, node, nt);
          }
        }
      }
      const inside = (c: Candidate) => c.from <= best!.to && best!.from <= c.to;
      // a longer near-miss replaces what it covers (a surname found alone inside the misspelt full name)
      if (best && b.candidates.filter(inside).every((c) => c.from >= best!.from && c.to <= best!.to)) {
        b.candidates = b.candidates.filter((c) => !inside(c));
        b.candidates.push(best);
        out.push(best);
        for (let k = best.from; k <= best.to; k++) covered[k] = 1;
        i = best.to;
      }
    }
  }
  return out;
}
