// The runtime matcher: one walk over the token trie per token position, longest match first, then document-level
// rules for surnames alone, ambiguous names and near-misses. Pure: no DOM, no extension API.
import { tokenizeIdsTransient, keepTokens, releaseTokenArena, keyAt, caseForm, isUpperUnit, type IdTokens, type TokenColumns, type KeyIds } from './tokenize.ts';
import { Flag, dayNumber, type IndexData, type IndexEntity } from './dictionary/index-format.ts';
import { TITLE_KEYS } from './titles.ts';
import { idArray, type PackedIndex } from './dictionary/pack.ts';
import { nearMisses, missChanceAt } from './fuzzy.ts';
import { TokenTable } from './dictionary/token-table.ts';

export interface Block { text: string; lang?: string }
export interface ScanOptions {
  lang?: string;
  date?: string;
  /** false: mentions carry no text of their own (a caller that has the text, like the page, slices it when needed;
   *  a slice would keep the whole block's text alive) */
  mentionText?: boolean;
}
export interface Mention {
  block: number;
  start: number;
  end: number;
  text: string;
  entity: IndexEntity;
  /** linked by a one-edit near-miss, not an exact form */
  approximate?: boolean;
}

const CASELESS = new Set(['zh', 'ja', 'ko', 'th']);

export interface Trie {
  tokenId: KeyIds & { has(key: string): boolean };
  firstEdge: Int32Array;
  edgeTok: Int32Array | Uint16Array;
  termFirst: Int32Array;
  termEntry: Int32Array | Uint16Array;
  /** the root's child along each token id (-1: none): most words of a page are looked up only there */
  rootChild: Int32Array;
  /** ids below this are words of names (see IndexData.nameTokens) */
  nameTokens: number;
}

/** The root's children as a table by token id (built at load: one pass over the root's edges). */
function rootTable(firstEdge: Int32Array, edgeTok: Int32Array | Uint16Array, tokens: number): Int32Array {
  const out = new Int32Array(tokens).fill(-1);
  for (let e = firstEdge[0]; e < firstEdge[1]; e++) out[edgeTok[e]] = e + 1;
  return out;
}

/** The dictionary entries a trie's terminals point to, as columns: entity index, flags (Flag), exact form ('' none). */
export interface EntryColumns {
  entryEntity: ArrayLike<number>;
  entryFlags: ArrayLike<number>;
  entryExact: ArrayLike<string>;
}

export interface Matcher extends Trie, EntryColumns {
  data: Pick<IndexData, 'entities' | 'places'>;
  /** a second trie (the user's own entries) whose entries follow this one's in the entry columns; `fromBase`: the
   *  bundled token id → the user trie's id, for words both know */
  extra?: { trie: Trie; entryOffset: number; fromBase: Map<number, number> };
  /** only blocks in these languages are matched (unset: all) */
  langs?: ReadonlySet<string>;
}

/** A matcher over a compiled index, plain (IndexData) or as shipped (PackedIndex: its arrays are used as they are). */
export function createMatcher(index: IndexData | PackedIndex): Matcher {
  if (index.v === 5) {
    const { firstEdge, edgeTok, termFirst, termEntry, entryEntity, entryFlags, entryExact } = index;
    const tokenId = new TokenTable(index.tokenUnits, index.tokenTable);
    return {
      data: index, tokenId, firstEdge, edgeTok, termFirst, termEntry, entryEntity, entryFlags, entryExact,
      rootChild: rootTable(firstEdge, edgeTok, tokenId.size), nameTokens: index.sizes.nameTokens ?? tokenId.size,
    };
  }
  // the same array kinds as the shipped index's, so that the trie walk sees one kind
  const tokenId = new TokenTable(index.tokens ?? '');
  const firstEdge = Int32Array.from(index.firstEdge), edgeTok = idArray(index.edgeTok);
  return {
    data: index, tokenId, firstEdge, edgeTok, termFirst: Int32Array.from(index.termFirst), termEntry: idArray(index.termEntry),
    ...entryColumns(index.entries), rootChild: rootTable(firstEdge, edgeTok, tokenId.size), nameTokens: index.nameTokens ?? tokenId.size,
  };
}

/** IndexData's entries as columns. */
function entryColumns(entries: IndexData['entries']): EntryColumns {
  return { entryEntity: Int32Array.from(entries, (e) => e[0]), entryFlags: Uint8Array.from(entries, (e) => e[1]), entryExact: entries.map((e) => e[2] ?? '') };
}

/** child of `node` along token id `tok`, or -1 */
export function child(m: Trie, node: number, tok: number): number {
  let lo = m.firstEdge[node], hi = m.firstEdge[node + 1] - 1;
  const e = m.edgeTok;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = e[mid];
    if (v === tok) return mid + 1;
    if (v < tok) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/** A candidate span: tokens [from, to] of one block with the dictionary entries that accept it. */
interface Candidate {
  block: number; from: number; to: number; entries: number[]; approximate?: boolean;
  /** worked out once per candidate (see analyze) */
  info?: CandidateInfo;
  /** an open candidate's entity at the last resolution (-1: none) */
  decided?: number;
}
interface CandidateInfo {
  /** where it is in its block's text */
  start: number;
  end: number;
  /** a title word ("President", "министр") stands just before it */
  titled: boolean;
  /** the one entity its full-name entries name; -1: none (a surname alone), -2: several */
  firm: number;
  /** the entities of its full-name entries when several */
  several?: number[];
  ambiguousOnly: boolean;
  /** an open candidate's surname entities, those in office on the page's date, and whether one is distinctive */
  ents?: number[];
  inOffice?: number[];
  distinct?: boolean;
}

const DROPPED: IdTokens = { count: 0, start: new Int32Array(0), end: new Int32Array(0), id: new Int32Array(0), kind: new Uint8Array(0), upper: new Uint8Array(0), sentenceStart: new Uint8Array(0) };

// title words as ids of the bundled token table (a title the dictionary lacks as a word is checked by its key)
// (the bundled index gives every title word an id: then a word without one is no title, and no key need be made)
const titleIds = new WeakMap<object, { ids: Set<number>; all: boolean }>();
function isTitle(m: Matcher, b: BlockScan, i: number): boolean {
  let known = titleIds.get(m.tokenId);
  if (!known) {
    known = { ids: new Set(), all: true };
    for (const k of TITLE_KEYS) { const x = m.tokenId.get(k); if (x !== undefined) known.ids.add(x); else known.all = false; }
    titleIds.set(m.tokenId, known);
  }
  const id = b.tokens.id[i];
  if (id < 0) return !known.all && TITLE_KEYS.has(keyAt(b.text, b.tokens, i));
  return known.ids.has(id);
}

/** Works out once what resolution needs of a candidate, so that its block's tokens can then be let go. */
export function analyze(m: Matcher, c: Candidate, b: BlockScan): CandidateInfo {
  if (c.info) return c.info;
  const t = b.tokens;
  const { entryEntity, entryFlags } = m;
  let firm = -1, several: number[] | undefined, ambiguousOnly = true;
  // indexed loops and reads, no destructuring: this runs before the JIT warms up, where an iterator costs
  for (let k = 0; k < c.entries.length; k++) {
    const e = c.entries[k], ent = entryEntity[e], flags = entryFlags[e];
    if (flags & Flag.Short) continue;
    if (!(flags & Flag.Ambiguous)) ambiguousOnly = false;
    if (firm === -1) firm = ent;
    else if (firm !== ent && firm !== -2) { several = [firm, ent]; firm = -2; }
    else if (firm === -2 && !several!.includes(ent)) several!.push(ent);
  }
  // one shape for every candidate's info (no spread, no field added later): cheaper to make and to read
  c.info = { start: t.start[c.from], end: t.end[c.to], titled: c.from > 0 && isTitle(m, b, c.from - 1), firm, several, ambiguousOnly, ents: undefined, inOffice: undefined, distinct: undefined };
  return c.info;
}

interface BlockScan {
  /** the block's text while it may still be needed (let go once the block is settled with nothing open) */
  text: string;
  /** taken out of the document (see dropBlock) */
  dropped?: boolean;
  lang: string; tokens: IdTokens; candidates: Candidate[]; /** near-misses looked for */ fuzzed?: boolean }

/** Whether tokens [from, to] read exactly `exact` (see exactOf), compared in place where the text is plain
 *  (Latin and Cyrillic letters, digits, punctuation): no string is made for the usual case. */
export function exactIs(text: string, t: TokenColumns, from: number, to: number, exact: string): boolean {
  for (let p = t.start[from]; p < t.end[to]; p++) {
    const c = text.charCodeAt(p);
    if (c >= 0x500 || !isPlain(c)) return exactOf(text, t, from, to) === exact;
  }
  let q = 0;
  for (let i = from; i <= to; i++) {
    if (i > from && exact.charCodeAt(q++) !== 32) return false;
    for (let p = t.start[i]; p < t.end[i]; p++) {
      let c = text.charCodeAt(p);
      if (c === 0x451) c = 0x435; else if (c === 0x401) c = 0x415; // ё → е, Ё → Е
      if (exact.charCodeAt(q++) !== c) return false;
    }
  }
  return q === exact.length;
}

// code units below U+0500 that caseForm leaves as they are (NFKC changes "ĳ", "ſ", "ª", "²"; the soft hyphen goes)
const PLAIN = new Uint8Array(0x500);
function isPlain(c: number): boolean {
  // a combining mark is unchanged alone but composes with the letter before it ("e" + U+0301 → "é")
  if (PLAIN[c] === 0) { const ch = String.fromCharCode(c); PLAIN[c] = ch.normalize('NFKC') === ch && c !== 0xad && !/\p{M}/u.test(ch) ? 1 : 2; }
  return PLAIN[c] === 1;
}

export function exactOf(text: string, t: TokenColumns, from: number, to: number): string {
  const parts: string[] = [];
  for (let i = from; i <= to; i++) parts.push(caseForm(text.slice(t.start[i], t.end[i])));
  return parts.join(' ');
}

const isNameLike = (t: TokenColumns, i: number) => i >= 0 && i < t.count && t.kind[i] === 0 && t.upper[i] === 1;

/** Checks an entry can stand on this span by itself (case, exact form, local context of ambiguous names). */
/** an all-capitals word of a few letters reads as an acronym ("МИД"), unless the whole line shouts */
function looksLikeAcronym(b: BlockScan, i: number): boolean {
  const t = b.tokens;
  // most words are no acronym by their length or their second letter: no string made for them
  const n = t.end[i] - t.start[i];
  if (n < 2 || n > 5 || !isUpperUnit(b.text.charCodeAt(t.start[i] + 1))) return false;
  const s = b.text.slice(t.start[i], t.end[i]);
  if (s.length < 2 || s.length > 5 || s !== s.toUpperCase() || s === s.toLowerCase()) return false;
  const around = b.text.slice(Math.max(0, t.start[i] - 40), t.end[i] + 40);
  return around !== around.toUpperCase();
}

function entryFits(m: Matcher, b: BlockScan, from: number, to: number, entry: number): boolean {
  const flags = m.entryFlags[entry], exact = m.entryExact[entry];
  const t = b.tokens;
  if (flags & Flag.Capital && !CASELESS.has(b.lang) && t.kind[from] === 0 && !t.upper[from]) return false;
  if (!(flags & Flag.Exact) && from === to && m.data.entities[m.entryEntity[entry]].type === 'person' && looksLikeAcronym(b, from)) return false;
  if (flags & Flag.Short) {
    // a surname glued to another capitalized word is part of someone else's name ("Hassan Wirayuda")
    if (b.lang !== 'de' && isNameLike(t, to + 1) && !isTitle(m, b, to + 1) && t.start[to + 1] - t.end[to] <= 1) return false;
  }
  if (flags & (Flag.Exact | Flag.Ambiguous) && exact && !exactIs(b.text, t, from, to, exact)) return false;
  if (flags & Flag.Ambiguous) {
    // "Michael Jordan", "Chad Smith", "Georgia Tech": a capitalized word glued to the name makes it something else
    if (isNameLike(t, from - 1) && !t.sentenceStart[from] && !isTitle(m, b, from - 1)) return false;
    if (isNameLike(t, to + 1) && !isTitle(m, b, to + 1) && t.start[to + 1] - t.end[to] <= 1) return false;
    // "Того же мнения…": a sentence-initial common word in a language with case is read as the word
    if (t.sentenceStart[from] && (b.lang === 'ru' || b.lang === 'uk' || b.lang === 'kk')) return false;
  }
  return true;
}

/** The longest span from token i that `trie` accepts, its entries shifted by `offset` into the entry columns. */
function longestAt(m: Matcher, trie: Trie, offset: number, b: BlockScan, blockIndex: number, i: number): Candidate | null {
  const t = b.tokens;
  const { termFirst, termEntry } = trie;
  let node = 0;
  let best: Candidate | null = null;
  for (let j = i; j < t.count; j++) {
    let tok = trie === m ? t.id[j] : tokenIn(m, b, j);
    let next = tok < 0 ? -1 : node === 0 ? trie.rootChild[tok] : child(trie, node, tok);
    // a middle initial inside a name: "Antony J. Blinken", "Amina J. Mohammed"
    if (next < 0 && j > i && t.end[j] - t.start[j] === 1 && t.upper[j] && j + 2 < t.count && t.kind[j + 1] === 1 && b.text.charCodeAt(t.start[j + 1]) === 46) {
      j += 2;
      tok = trie === m ? t.id[j] : tokenIn(m, b, j);
      next = tok < 0 ? -1 : child(trie, node, tok);
    }
    if (next < 0) break;
    node = next;
    const a = termFirst[node], z = termFirst[node + 1];
    if (a === z) continue;
    // a match must end on a word boundary: "U.S" inside "U.S.A" is not "U.S"
    let entries: number[] | null = null;
    for (let k = a; k < z; k++) if (entryFits(m, b, i, j, termEntry[k] + offset)) (entries ??= []).push(termEntry[k] + offset);
    if (entries) best = { block: blockIndex, from: i, to: j, entries, approximate: undefined, info: undefined, decided: undefined };
  }
  return best;
}

/** token j's id in the user's own trie, or -1 */
function tokenIn(m: Matcher, b: BlockScan, j: number): number {
  const id = b.tokens.id[j];
  if (id >= 0) return m.extra!.fromBase.get(id) ?? -1;
  return m.extra!.trie.tokenId.get(keyAt(b.text, b.tokens, j)) ?? -1;
}

/** Finds a block's candidates; returns whether a near-miss may still be found in it (a word outside them). */
function scanBlock(m: Matcher, b: BlockScan, blockIndex: number): boolean {
  const t = b.tokens;
  if (m.langs && !m.langs.has(b.lang)) return false;
  const { id } = t, { rootChild } = m;
  let chance = false;
  for (let i = 0; i < t.count; ) {
    // no name starts with this word (most words of a page): nothing to walk
    if (t.kind[i] === 1 || (!m.extra && (id[i] < 0 || rootChild[id[i]] < 0))) {
      chance ||= missChanceAt(t, i, m.nameTokens);
      i++;
      continue;
    }
    let best = longestAt(m, m, 0, b, blockIndex, i);
    // the user's own entries: the longer span wins; on the same span both entities' entries stand
    const own = m.extra ? longestAt(m, m.extra.trie, m.extra.entryOffset, b, blockIndex, i) : null;
    if (own && (!best || own.to > best.to)) best = own;
    else if (own && best && own.to === best.to) best.entries.push(...own.entries);
    if (best) { b.candidates.push(best); i = best.to + 1; } else { chance ||= missChanceAt(t, i, m.nameTokens); i++; }
  }
  return chance;
}

/** The bundled matcher with the user's own index beside it: user entities with a bundled id are that entity. */
export function withUserIndex(base: Matcher, user: IndexData | null, langs: readonly string[] = []): Matcher {
  const restricted = langs.length ? new Set(langs) : undefined;
  if (!user || !user.entities.length) return { ...base, extra: undefined, langs: restricted };
  const entities = [...base.data.entities];
  const byId = new Map(entities.map((e, i) => [e.id, i]));
  const mapped = user.entities.map((e) => byId.get(e.id) ?? entities.push(e) - 1);
  // the user's entries follow the bundled ones in the same columns, their entities mapped as above
  const columns: EntryColumns = {
    entryEntity: Int32Array.from([...Array.from(base.entryEntity), ...user.entries.map((e) => mapped[e[0]])]),
    entryFlags: Uint8Array.from([...Array.from(base.entryFlags), ...user.entries.map((e) => e[1])]),
    entryExact: [...Array.from(base.entryExact), ...user.entries.map((e) => e[2] ?? '')],
  };
  const trie = createMatcher(user);
  const fromBase = new Map<number, number>();
  for (const key of (user.tokens ?? '').split('\n')) {
    const b = base.tokenId.get(key), u = trie.tokenId.get(key);
    if (b !== undefined && u !== undefined) fromBase.set(b, u);
  }
  return { ...base, ...columns, data: { ...base.data, entities }, extra: { trie, entryOffset: base.entryEntity.length, fromBase }, langs: restricted };
}

export interface DocumentState {
  blocks: BlockScan[];
  options: ScanOptions;
  /** at most this long looking for near-misses per resolution (the rest waits for the next one); unset: no limit */
  nearMissBudgetMs?: number;
  /** kept between resolutions: how often each entity is named in full, where, and each block's settled part */
  seen?: Map<number, number>;
  /** positions (see `position`) at which each entity is named in full, in document order */
  firmAt?: Map<number, number[]>;
  firmCount?: number;
  settled?: (Settled | undefined)[];
  /** blocks added and not settled yet, in the order they came */
  waiting?: number[];
  /** the open candidates of settled blocks, in document order */
  open?: Candidate[];
  /** each block's decided mentions as last reported */
  current?: (Mention[] | undefined)[];
  /** blocks dropped since the last resolution */
  dirty?: Set<number>;
  /** whether ambiguous names stood at the last resolution */
  withAmbiguous?: boolean;
  /** the matcher's entities, and (made when a block is first dropped) each one's index */
  entities?: IndexEntity[];
  indexOf?: Map<IndexEntity, number>;
}

/** blocks not yet settled (a time budget cut their resolution short): resolve again */
export const pendingWork = (doc: DocumentState) => (doc.waiting ?? []).some((i) => !doc.blocks[i].dropped);

export function startDocument(options: ScanOptions = {}): DocumentState {
  return { blocks: [], options, waiting: [] };
}

/** Scans more blocks of one document (the page grows); returns their indices. */
export function addBlocks(m: Matcher, doc: DocumentState, blocks: Block[]): number[] {
  const added: number[] = [];
  doc.waiting ??= [];
  for (let n = 0; n < blocks.length; n++) {
    const blk = blocks[n];
    const b: BlockScan = { text: blk.text, lang: blk.lang ?? doc.options.lang ?? 'en', tokens: tokenizeIdsTransient(blk.text, m.tokenId), candidates: [] };
    const index = doc.blocks.push(b) - 1;
    const chance = scanBlock(m, b, index);
    for (let k = 0; k < b.candidates.length; k++) analyze(m, b.candidates[k], b);
    // the tokens are kept only where a near-miss may still be looked for (memory, and no copy for most blocks)
    if (chance) b.tokens = keepTokens(b.tokens);
    else { b.tokens = DROPPED; b.fuzzed = true; }
    added.push(index);
    doc.waiting.push(index);
  }
  return added;
}


export function holdsOfficeAt(e: IndexEntity, day: number, code?: number, of?: number): boolean {
  const r = e.roles;
  if (!r) return false;
  for (let i = 0; i < r.length; i += 4) {
    if (code !== undefined && r[i] !== code) continue;
    if (of !== undefined && r[i + 1] !== of) continue;
    if (r[i + 2] <= day && (r[i + 3] === 0 || day <= r[i + 3])) return true;
  }
  return false;
}

/** What a block contributes once it is settled: mentions that no later text can change, and candidates that
 *  stay open (a surname alone, a name shared by several entities, an ambiguous name). */
interface Settled {
  fixed: Mention[];
  /** firm but ambiguous-only: stand only while the page names something unambiguously */
  ambiguous: Mention[];
  open: Candidate[];
}

const NONE: readonly never[] = Object.freeze([]);

const position = (c: Candidate) => c.block * 1048576 + Math.min(c.from, 1048575);

/** Inserts p into an ascending list (blocks may settle out of order: the part of a page on screen comes first). */
function insertSorted(list: number[], p: number): void {
  let i = list.length;
  list.push(p);
  while (i > 0 && list[i - 1] > p) { list[i] = list[i - 1]; i--; }
  list[i] = p;
}

function mentionOf(m: Matcher, doc: DocumentState, c: Candidate, entity: number): Mention {
  const b = doc.blocks[c.block];
  const { start, end } = c.info!;
  const out: Mention = { block: c.block, start, end, text: doc.options.mentionText === false ? '' : b.text.slice(start, end), entity: m.data.entities[entity] };
  if (c.approximate) out.approximate = true;
  return out;
}

/** Takes a block out of the document (its text changed or left the page): its names no longer count. */
export function dropBlock(doc: DocumentState, i: number): void {
  const b = doc.blocks[i];
  if (!b) return;
  const st = doc.settled?.[i];
  if (st) {
    // the entities its full names counted, taken back
    const indexOf = (doc.indexOf ??= new Map(doc.entities!.map((e, k) => [e, k])));
    for (const x of [...st.fixed, ...st.ambiguous]) {
      const e = indexOf.get(x.entity)!;
      const n = (doc.seen!.get(e) ?? 1) - 1;
      if (n > 0) doc.seen!.set(e, n); else doc.seen!.delete(e);
      const list = doc.firmAt!.get(e);
      if (list) doc.firmAt!.set(e, list.filter((p) => Math.floor(p / 1048576) !== i));
    }
    doc.firmCount! -= st.fixed.length;
    doc.settled![i] = undefined;
    if (st.open.length) doc.open = doc.open!.filter((c) => c.block !== i);
  }
  if (doc.current?.[i]?.length) (doc.dirty ??= new Set()).add(i);
  if (doc.current) doc.current[i] = undefined;
  b.candidates = [];
  b.text = '';
  b.dropped = true;
  b.fuzzed = true;
  b.tokens = DROPPED;
}

/** Settles the blocks that waited, a few dozen at a time until the time budget is spent (the rest wait for the
 *  next call: pendingWork); returns those settled. */
function settleWaiting(m: Matcher, doc: DocumentState): number[] {
  const seen = doc.seen!, firmAt = doc.firmAt!, settled = doc.settled!;
  const deadline = doc.nearMissBudgetMs === undefined ? Infinity : performance.now() + 2 * doc.nearMissBudgetMs;
  const waiting = doc.waiting ?? [];
  // near-misses of names on the page ("Иан Борч" beside "Иэн Борч", "Хельсинского заключительного акта"):
  // the names of the blocks being settled count too
  const namedNow = new Set<number>();
  const named = { has: (e: number) => seen.has(e) || namedNow.has(e) };
  const done: number[] = [];
  const later: number[] = [];
  const newOpen: Candidate[] = [];
  let k = 0;
  while (k < waiting.length && performance.now() <= deadline) {
    const chunk = waiting.slice(k, k + 32).filter((i) => !doc.blocks[i].dropped);
    k += 32;
    for (const i of chunk) for (const c of doc.blocks[i].candidates) { const f = analyze(m, c, doc.blocks[i]).firm; if (f >= 0) namedNow.add(f); }
    nearMisses(m, doc, named, chunk, deadline);
    for (const i of chunk) {
      const b = doc.blocks[i];
      // a block still waiting for its near-misses stays unsettled until the next resolution
      if (!b.fuzzed) { later.push(i); continue; }
      // most blocks have no open or ambiguous names: one shared empty list until one comes (memory)
      const st: Settled = { fixed: [], ambiguous: NONE as unknown as Mention[], open: NONE as unknown as Candidate[] };
      // candidates come in text order, unless a near-miss was added after them
      const cs = b.candidates;
      let ordered = true;
      for (let k = 1; k < cs.length && ordered; k++) ordered = cs[k - 1].from < cs[k].from;
      for (const c of ordered ? cs : [...cs].sort((x, y) => x.from - y.from)) {
        const info = analyze(m, c, b);
        if (info.firm < 0) { (st.open.length ? st.open : (st.open = [])).push(c); continue; }
        seen.set(info.firm, (seen.get(info.firm) ?? 0) + 1);
        // where each person is named in full tells which of several namesakes a later surname means
        if (m.data.entities[info.firm].type === 'person') insertSorted(firmAt.get(info.firm) ?? firmAt.set(info.firm, []).get(info.firm)!, position(c));
        if (info.ambiguousOnly) (st.ambiguous.length ? st.ambiguous : (st.ambiguous = [])).push(mentionOf(m, doc, c, info.firm));
        else { st.fixed.push(mentionOf(m, doc, c, info.firm)); doc.firmCount!++; }
      }
      settled[i] = st;
      newOpen.push(...st.open);
      done.push(i);
      // what resolution needs of each candidate is kept on it; the block's tokens are let go (memory on long pages)
      b.tokens = DROPPED;
      b.candidates = st.open;
      // its mentions hold what they need of the text; only an open name may still need it (memory on long pages)
      if (!st.open.length) b.text = '';
    }
  }
  doc.waiting = [...later, ...waiting.slice(k)];
  if (!doc.waiting.length) releaseTokenArena();
  if (newOpen.length) {
    const all = doc.open!;
    // most pages settle in document order: then the new ones simply follow
    doc.open = all.length && position(all[all.length - 1]) > position(newOpen[0])
      ? [...all, ...newOpen].sort((x, y) => position(x) - position(y)) : all.concat(newOpen);
  }
  return done;
}

/** Decides one open candidate: a name shared by several entities, or a surname alone. */
function decideOpen(m: Matcher, doc: DocumentState, c: Candidate, multi: Map<Candidate, number>, latestBefore: (e: number, p: number) => number, day: number): number | undefined {
  const seen = doc.seen!;
  const known = multi.get(c);
  if (known !== undefined) return known;
  const info = c.info!;
  if (!info.ents) {
    // what does not depend on the rest of the page is worked out once
    const { entities } = m.data, { entryEntity, entryFlags } = m;
    const shorts = c.entries.filter((e) => entryFlags[e] & Flag.Short);
    info.ents = [...new Set(shorts.map((e) => entryEntity[e]))];
    info.inOffice = info.ents.filter((e) => holdsOfficeAt(entities[e], day));
    info.distinct = shorts.some((e) => entryFlags[e] & Flag.Distinctive);
  }
  const ents = info.ents, inOffice = info.inOffice!;
  const namedHere = ents.filter((e) => seen.has(e));
  if (namedHere.length === 1) return namedHere[0];
  if (namedHere.length > 1) {
    // of several people sharing a surname: the one named in full most recently before, else the most named
    const p = position(c);
    const before = namedHere.map((e) => [e, latestBefore(e, p)] as const).filter(([, q]) => q >= 0).sort((x, y) => y[1] - x[1]);
    return before[0]?.[0] ?? namedHere.sort((a, b) => (seen.get(b) ?? 0) - (seen.get(a) ?? 0))[0];
  }
  if (info.titled && (inOffice.length === 1 || ents.length === 1)) return inOffice[0] ?? ents[0];
  if (ents.length === 1 && info.distinct && inOffice.length === 1) return inOffice[0];
  return undefined;
}

/** Decides the document's new blocks and re-decides its open candidates; returns the blocks whose mentions changed
 *  since the last call, each with all its mentions now (in text order). Work is proportional to new blocks plus the
 *  few open candidates: a settled block is not looked at again. */
export function resolveChanges(m: Matcher, doc: DocumentState): Map<number, Mention[]> {
  const day = dayNumber(doc.options.date ?? new Date().toISOString().slice(0, 10));
  doc.seen ??= new Map();
  doc.firmAt ??= new Map();
  doc.firmCount ??= 0;
  doc.settled ??= [];
  doc.open ??= [];
  doc.current ??= [];
  doc.entities = m.data.entities;
  const seen = doc.seen, firmAt = doc.firmAt, settled = doc.settled;
  const changed = new Set<number>(doc.dirty);
  doc.dirty = undefined;
  for (const i of settleWaiting(m, doc)) changed.add(i);
  // open candidates, in document order: names shared by several entities, then surnames alone
  const open = doc.open;
  const multi = new Map<Candidate, number>();
  const lastAt = new Map<number, number[]>();
  for (const c of open) {
    if (c.info!.firm !== -2) continue;
    const known = c.info!.several!.filter((e) => seen.has(e));
    if (known.length === 1) { multi.set(c, known[0]); (lastAt.get(known[0]) ?? lastAt.set(known[0], []).get(known[0])!).push(position(c)); }
  }
  // the latest position before `p` at which entity e was named in full
  const latestBefore = (e: number, p: number): number => {
    let best = -1;
    const a = firmAt.get(e);
    if (a) { let lo = 0, hi = a.length - 1; while (lo <= hi) { const mid = (lo + hi) >> 1; if (a[mid] < p) { best = a[mid]; lo = mid + 1; } else hi = mid - 1; } }
    for (const q of lastAt.get(e) ?? []) if (q < p && q > best) best = q;
    return best;
  };
  for (const c of open) {
    const entity = decideOpen(m, doc, c, multi, latestBefore, day) ?? -1;
    if (entity !== (c.decided ?? -1)) { c.decided = entity; changed.add(c.block); }
  }
  // an ambiguous name needs the page to be about diplomacy: some other entity named unambiguously
  const withAmbiguous = doc.firmCount! > 0;
  if (withAmbiguous !== !!doc.withAmbiguous) settled.forEach((st, i) => { if (st?.ambiguous.length) changed.add(i); });
  doc.withAmbiguous = withAmbiguous;
  const out = new Map<number, Mention[]>();
  for (const i of changed) {
    const st = settled[i];
    let list: Mention[] = [];
    if (st) {
      const decided = st.open.filter((c) => c.decided! >= 0).map((c) => mentionOf(m, doc, c, c.decided!));
      list = !decided.length && !(withAmbiguous && st.ambiguous.length) ? st.fixed
        : [...st.fixed, ...(withAmbiguous ? st.ambiguous : []), ...decided].sort((a, b) => a.start - b.start);
    }
    doc.current[i] = list;
    out.set(i, list);
  }
  return out;
}

/** Decides every candidate of the document: which entity each names, and which are dropped (all its mentions). */
export function resolveDocument(m: Matcher, doc: DocumentState): Mention[] {
  resolveChanges(m, doc);
  const out: Mention[] = [];
  for (const list of doc.current!) if (list) for (const x of list) out.push(x);
  return out;
}

/** One-shot scan of a whole text. */
export function scanText(m: Matcher, text: string, options: ScanOptions = {}): Mention[] {
  const doc = startDocument(options);
  addBlocks(m, doc, [{ text, lang: options.lang }]);
  return resolveDocument(m, doc);
}

export type { Candidate, BlockScan };
