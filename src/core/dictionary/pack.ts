// The index as shipped: the trie's arrays as base64 varints (node child counts, delta-coded edge tokens,
// terminal counts, terminal entries), about a third of plain JSON numbers and quick to decode.
import type { IndexData } from './index-format.ts';

export interface PackedIndex {
  v: 2;
  entities: IndexData['entities'];
  tokens: string;
  places?: IndexData['places'];
  edgeCounts: string;
  edgeTok: string;
  termCounts: string;
  termEntry: string;
  entryEntity: string;
  entryFlags: string;
  /** exact-case surfaces of the entries that have one, in entry order */
  exact: string[];
  sizes: { nodes: number; edges: number; terms: number; entries: number };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}


function varints(values: ArrayLike<number>): string {
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let v = values[i];
    while (v >= 0x80) { bytes.push((v & 0x7f) | 0x80); v >>>= 7; }
    bytes.push(v);
  }
  return toBase64(bytes);
}

/** decodes `count` varints from base64 (atob is native and fast in browsers and node) */
function readVarints(b64: string, count: number): Int32Array {
  const out = new Int32Array(count);
  const bin = atob(b64);
  let acc = 0, shift = 0, k = 0;
  for (let i = 0; i < bin.length && k < count; i++) {
    const byte = bin.charCodeAt(i);
    acc |= (byte & 0x7f) << shift;
    if (byte & 0x80) { shift += 7; continue; }
    out[k++] = acc; acc = 0; shift = 0;
  }
  return out;
}

export function packIndex(d: IndexData): PackedIndex {
  const nodes = d.firstEdge.length - 1;
  const edgeCounts: number[] = [], termCounts: number[] = [], edgeTok: number[] = [];
  for (let n = 0; n < nodes; n++) {
    edgeCounts.push(d.firstEdge[n + 1] - d.firstEdge[n]);
    termCounts.push(d.termFirst[n + 1] - d.termFirst[n]);
    let prev = 0;
    for (let e = d.firstEdge[n]; e < d.firstEdge[n + 1]; e++) { edgeTok.push(d.edgeTok[e] - prev); prev = d.edgeTok[e]; }
  }
  return {
    v: 2, entities: d.entities, tokens: d.tokens, ...(d.places ? { places: d.places } : {}),
    edgeCounts: varints(edgeCounts), edgeTok: varints(edgeTok), termCounts: varints(termCounts), termEntry: varints(d.termEntry),
    entryEntity: varints(d.entries.map((e) => e[0])), entryFlags: varints(d.entries.map((e) => e[1])),
    exact: d.entries.filter((e) => e[2] !== undefined).map((e) => e[2]!),
    sizes: { nodes, edges: d.edgeTok.length, terms: d.termEntry.length, entries: d.entries.length },
  };
}

export interface UnpackedIndex extends Omit<IndexData, 'firstEdge' | 'edgeTok' | 'termFirst' | 'termEntry'> {
  firstEdge: Int32Array; edgeTok: Int32Array; termFirst: Int32Array; termEntry: Int32Array;
}

export function unpackIndex(p: PackedIndex): UnpackedIndex {
  const { sizes } = p;
  const edgeCounts = readVarints(p.edgeCounts, sizes.nodes);
  const termCounts = readVarints(p.termCounts, sizes.nodes);
  const firstEdge = new Int32Array(sizes.nodes + 1), termFirst = new Int32Array(sizes.nodes + 1);
  for (let n = 0; n < sizes.nodes; n++) { firstEdge[n + 1] = firstEdge[n] + edgeCounts[n]; termFirst[n + 1] = termFirst[n] + termCounts[n]; }
  const edgeTok = readVarints(p.edgeTok, sizes.edges);
  for (let n = 0; n < sizes.nodes; n++) for (let e = firstEdge[n] + 1; e < firstEdge[n + 1]; e++) edgeTok[e] += edgeTok[e - 1];
  const entryEntity = readVarints(p.entryEntity, sizes.entries), entryFlags = readVarints(p.entryFlags, sizes.entries);
  let x = 0;
  const entries: IndexData['entries'] = [];
  for (let i = 0; i < sizes.entries; i++) {
    const flags = entryFlags[i];
    entries.push(flags & 5 ? [entryEntity[i], flags, p.exact[x++]] : [entryEntity[i], flags]);
  }
  return { v: 1, entities: p.entities, tokens: p.tokens, places: p.places, firstEdge, edgeTok, termFirst, termEntry: readVarints(p.termEntry, sizes.terms), entries };
}
