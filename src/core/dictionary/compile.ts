// Compiles dictionary forms into the matching index (pure: runs at build time and in the extension for user entries).
import { phraseKeys, tokenize, caseForm } from '../tokenize.ts';
import type { IndexData, IndexEntity } from './index-format.ts';
import { Flag } from './index-format.ts';

export interface FormSpec { entity: number; phrase: string; flags: number }

/** The exact-case surface of a phrase, tokens joined by single spaces. */
export function exactSurface(text: string, from = 0, to?: number): string {
  const t = tokenize(text);
  const parts: string[] = [];
  for (let i = 0; i < t.count; i++) {
    if (t.start[i] < from || (to !== undefined && t.end[i] > to)) continue;
    parts.push(caseForm(text.slice(t.start[i], t.end[i])));
  }
  return parts.join(' ');
}

/** `words`: keys the matcher asks about by id though no name holds them (title words): given ids after the names'. */
export function compileIndex(entities: IndexEntity[], forms: FormSpec[], words: Iterable<string> = []): IndexData {
  const tokId = new Map<string, number>();
  const tokens: string[] = [];
  // build a pointer trie first, then lay it out breadth-first
  type Node = { kids: Map<number, Node>; entries: number[] };
  const root: Node = { kids: new Map(), entries: [] };
  const entries: IndexData['entries'] = [];
  const entryKey = new Map<string, number>();
  for (const f of forms) {
    const keys = phraseKeys(f.phrase);
    if (!keys.length) continue;
    let node = root;
    for (const k of keys) {
      let id = tokId.get(k);
      if (id === undefined) { id = tokens.length; tokens.push(k); tokId.set(k, id); }
      let next = node.kids.get(id);
      if (!next) { next = { kids: new Map(), entries: [] }; node.kids.set(id, next); }
      node = next;
    }
    const exact = f.flags & (Flag.Exact | Flag.Ambiguous) ? exactSurface(f.phrase) : undefined;
    const ek = `${f.entity}|${f.flags}|${exact ?? ''}`;
    let e = entryKey.get(ek);
    if (e === undefined) { e = entries.length; entries.push(exact === undefined ? [f.entity, f.flags] : [f.entity, f.flags, exact]); entryKey.set(ek, e); }
    if (!node.entries.includes(e)) node.entries.push(e);
  }
  const nameTokens = tokens.length;
  for (const k of words) if (!tokId.has(k) && !k.includes('\n')) { tokId.set(k, tokens.length); tokens.push(k); }
  const firstEdge: number[] = [];
  const edgeTok: number[] = [];
  const termFirst: number[] = [];
  const termEntry: number[] = [];
  const queue: Node[] = [root];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    firstEdge.push(edgeTok.length);
    termFirst.push(termEntry.length);
    termEntry.push(...node.entries);
    for (const [tok, kid] of [...node.kids].sort((a, b) => a[0] - b[0])) { edgeTok.push(tok); queue.push(kid); }
  }
  firstEdge.push(edgeTok.length);
  termFirst.push(termEntry.length);
  return { v: 1, entities, tokens: tokens.join('\n'), firstEdge, edgeTok, termFirst, termEntry, entries, ...(tokens.length > nameTokens ? { nameTokens } : {}) };
}
