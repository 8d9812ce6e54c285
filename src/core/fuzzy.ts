// The near-miss safety net: a capitalized word one edit away from a dictionary word, inside a name whose other
// words match exactly ("Иан Борч" beside "Иэн Борч", "Хельсинского заключительного акта"). Never for short words,
// never for acronyms, and a surname alone only for a person already named on the page.
import { Flag } from './dictionary/index-format.ts';
import { child, type Matcher, type DocumentState, type Candidate } from './match.ts';
import { keyAt } from './tokenize.ts';

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

export function nearMisses(m: Matcher, doc: DocumentState, seen: Set<number>): Candidate[] {
  const out: Candidate[] = [];
  const { entries } = m.data;
  const deadline = doc.nearMissBudgetMs === undefined ? Infinity : performance.now() + doc.nearMissBudgetMs;
  doc.blocks.forEach((b, blockIndex) => {
    // each block once: work stays proportional to new text
    if (b.fuzzed || performance.now() > deadline) return;
    b.fuzzed = true;
    if (m.langs && !m.langs.has(b.lang)) return;
    const t = b.tokens;
    const covered = new Uint8Array(t.count);
    // a few tries per block: a near-miss is a rare typo, and each try costs hundreds of look-ups
    let tries = 0;
    for (const c of b.candidates) for (let i = c.from; i <= c.to; i++) covered[i] = 1;
    // a word's length is its text's (a key differs from it only by invisible characters)
    const len = (j: number) => t.end[j] - t.start[j];
    for (let i = 0; i < t.count; i++) {
      if (covered[i] || t.kind[i] !== 0 || !t.upper[i] || len(i) < 3 || t.id[i] >= 0) continue;
      // a capital at the start of a sentence says nothing, unless a capitalized word follows ("Иан Борч сказал")
      if (t.sentenceStart[i] && !(i + 1 < t.count && t.upper[i + 1])) continue;
      // only inside a name: a neighbouring word must itself be a dictionary word of some length
      // (a capitalized neighbour, or a long lower-case word of a multiword name: "заключительного")
      const nameWord = (j: number, min: number) => t.kind[j] === 0 && t.id[j] >= 0 && len(j) >= min && (t.upper[j] === 1 || len(j) >= 6);
      const next = i + 1 < t.count && nameWord(i + 1, 4) ? t.id[i + 1] : undefined;
      const prev = i > 0 && nameWord(i - 1, 3) ? t.id[i - 1] : undefined;
      if (next === undefined && prev === undefined) continue;
      const word = keyAt(b.text, t, i);
      if (word.length < 3 || COMMON.has(word)) continue;
      if (++tries > 8) break;
      let best: Candidate | null = null;
      const tried = new Set<string>();
      for (const v of oneEdit(word)) {
        if (tried.has(v)) continue;
        tried.add(v);
        const vt = m.tokenId.get(v);
        if (vt === undefined) continue;
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
              const [ent, flags] = entries[e];
              if (flags & (Flag.Exact | Flag.Ambiguous)) continue;
              // one word alone, or a surname: only a person the page already names ("Indian" is not "India")
              if ((words < 2 || flags & Flag.Short) && !(seen.has(ent) && m.data.entities[ent].type === 'person')) continue;
              // a short misspelt word needs two exact words beside it ("Kim Son Kyong")
              if (words >= 2 && word.length < (words >= 3 ? 4 : 6) && !seen.has(ent)) continue;
              ok.push(e);
            }
            if (ok.length && new Set(ok.map((e) => entries[e][0])).size === 1 && (!best || j - from > best.to - best.from))
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
  });
  return out;
}
