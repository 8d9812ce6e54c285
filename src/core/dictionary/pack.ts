// The index as shipped: one binary file whose sections are the matcher's own arrays, so that loading it is typed-array
// arrays copied out of the bytes plus a few JSON.parse and TextDecoder calls (native), with no loop over the trie.
// Shipped gzipped (build/index.bin.gz): the content script inflates it with DecompressionStream, node with zlib.
//
//   bytes 0..3   'DLX4'
//   bytes 4..7   header length H (uint32, little-endian)
//   bytes 8..    header: UTF-8 JSON { v, sizes, sections: [name, byte offset, length, kind][] }
//   then each section at its byte offset (a multiple of 4), little-endian:
//     entities, entries, places   UTF-8 JSON (IndexData's)
//     tokens      UTF-8 text: the token keys joined by '\n'
//     firstEdge   int32, nodes + 1       absolute CSR offsets (IndexData.firstEdge)
//     edgeTok     uint16 (int32 with ≥ 65536 tokens)
//     termFirst   int32, nodes + 1
//     termEntry   uint16 (int32 with ≥ 65536 entries)
//     tokenTable  uint16 (int32 with ≥ 65535 tokens): the TokenTable's hash table, built at build time
//     tokenStarts int32, tokens + 1      each token's start in the token string (UTF-16 offsets)
import type { IndexData } from './index-format.ts';
import { buildTokenTable, type TokenTableParts } from './token-table.ts';

type IdArray = Uint16Array | Int32Array;

/** The shipped index once loaded: its arrays, copied out of the file's bytes in one piece (see createMatcher). */
export interface PackedIndex {
  v: 3;
  entities: IndexData['entities'];
  entries: IndexData['entries'];
  places?: IndexData['places'];
  /** unique token keys, joined by '\n' */
  tokens: string;
  tokenTable: TokenTableParts;
  firstEdge: Int32Array;
  edgeTok: IdArray;
  termFirst: Int32Array;
  termEntry: IdArray;
  sizes: { nodes: number; edges: number; terms: number; entries: number; tokens: number; nameTokens?: number };
}

const MAGIC = 'DLX4';
type Kind = 'utf8' | 'json' | 'u16' | 'i32';
type Section = [name: string, offset: number, length: number, kind: Kind];

/** Uint16Array when every value fits (and the matcher's own arrays stay of one kind), else Int32Array. */
export function idArray(values: ArrayLike<number>): IdArray {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max < 0x10000 ? Uint16Array.from(values) : Int32Array.from(values);
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Build time: the binary file (before gzip). Deterministic: the same IndexData gives the same bytes. */
export function encodeIndex(d: IndexData): Uint8Array {
  if (!littleEndian) throw new Error('encodeIndex: a little-endian machine is needed');
  const { table, starts } = buildTokenTable(d.tokens);
  const json = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
  // the entities, entries and places are JSON sections of their own: each is parsed in a step of its own
  const parts: [string, Uint8Array | ArrayBufferView, Kind][] = [
    ['entities', json(d.entities), 'json'],
    ['entries', json(d.entries), 'json'],
    ...(d.places ? [['places', json(d.places), 'json'] as [string, Uint8Array, Kind]] : []),
    ['tokens', new TextEncoder().encode(d.tokens), 'utf8'],
    ['firstEdge', Int32Array.from(d.firstEdge), 'i32'],
    ['edgeTok', idArray(d.edgeTok), 'u16'],
    ['termFirst', Int32Array.from(d.termFirst), 'i32'],
    ['termEntry', idArray(d.termEntry), 'u16'],
    ['tokenTable', table, 'u16'],
    ['tokenStarts', starts, 'i32'],
  ];
  for (const p of parts) if (p[1] instanceof Int32Array) p[2] = 'i32';
  const meta = {
    v: 3, sizes: { nodes: d.firstEdge.length - 1, edges: d.edgeTok.length, terms: d.termEntry.length, entries: d.entries.length, tokens: starts.length - 1, ...(d.nameTokens !== undefined ? { nameTokens: d.nameTokens } : {}) },
  };
  // the header holds the sections' offsets, which depend on the header's length: lay out until it settles
  let sections: Section[] = [];
  let header = new Uint8Array(0);
  for (let guess = 0; ; ) {
    let at = align4(8 + guess);
    sections = parts.map(([name, a, kind]) => {
      const s: Section = [name, at, kind === 'utf8' || kind === 'json' ? a.byteLength : (a as IdArray).length, kind];
      at = align4(at + a.byteLength);
      return s;
    });
    header = new TextEncoder().encode(JSON.stringify({ ...meta, sections }));
    if (align4(8 + header.length) === align4(8 + guess)) break;
    guess = header.length;
  }
  const last = sections[sections.length - 1];
  const out = new Uint8Array(align4(last[1] + parts[parts.length - 1][1].byteLength));
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  parts.forEach(([, a], i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), sections[i][1]));
  return out;
}

const align4 = (n: number) => (n + 3) & ~3;

/** Load time: the matcher's arrays straight from the file's bytes (one copy, no loop over the trie). */
export function decodeIndex(bytes: Uint8Array | ArrayBuffer): PackedIndex {
  const steps = decodeSteps(bytes);
  for (;;) { const r = steps.next(); if (r.done) return r.value; }
}

/** The same in steps (each JSON section, the arrays, the token text): a caller on a page pauses between them so
 *  that loading is no long task. */
export function* decodeSteps(bytes: Uint8Array | ArrayBuffer): Generator<void, PackedIndex> {
  if (!littleEndian) throw new Error('the dictionary index needs a little-endian machine');
  let u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // typed-array views need 4-byte aligned offsets (node's Buffers may start anywhere in a shared pool)
  if (u8.byteOffset % 4) u8 = u8.slice();
  const text = new TextDecoder();
  if (u8.length < 8 || text.decode(u8.subarray(0, 4)) !== MAGIC) throw new Error('not a DiploLens index (expected DLX4)');
  const headerLength = new DataView(u8.buffer, u8.byteOffset, 8).getUint32(4, true);
  const head = JSON.parse(text.decode(u8.subarray(8, 8 + headerLength))) as Pick<PackedIndex, 'v' | 'sizes'> & { sections: Section[] };
  const parsed: Record<string, unknown> = {};
  for (const [name, offset, length, kind] of head.sections) {
    if (kind !== 'json') continue;
    yield;
    parsed[name] = JSON.parse(text.decode(u8.subarray(offset, offset + length)));
  }
  yield;
  const s: Record<string, string | IdArray> = {};
  // the arrays are copied into one buffer of their own: the file's bytes (its header and token text, a third of
  // it) can then be let go
  const arrays = head.sections.filter(([, , , kind]) => kind === 'u16' || kind === 'i32');
  const own = new Uint8Array(arrays.reduce((n, [, , length, kind]) => align4(n + length * (kind === 'u16' ? 2 : 4)), 0));
  let to = 0;
  for (const [name, offset, length, kind] of head.sections) {
    if (kind !== 'u16' && kind !== 'i32') continue;
    const bytes = length * (kind === 'u16' ? 2 : 4);
    own.set(u8.subarray(offset, offset + bytes), to);
    s[name] = kind === 'u16' ? new Uint16Array(own.buffer, to, length) : new Int32Array(own.buffer, to, length);
    to = align4(to + bytes);
  }
  for (const [name, offset, length, kind] of head.sections) {
    if (kind !== 'utf8') continue;
    yield;
    s[name] = text.decode(u8.subarray(offset, offset + length));
  }
  return {
    v: 3, sizes: head.sizes, entities: parsed.entities as IndexData['entities'], entries: parsed.entries as IndexData['entries'],
    ...(parsed.places ? { places: parsed.places as IndexData['places'] } : {}),
    tokens: s.tokens as string, tokenTable: { table: s.tokenTable as IdArray, starts: s.tokenStarts as Int32Array },
    firstEdge: s.firstEdge as Int32Array, edgeTok: s.edgeTok as IdArray, termFirst: s.termFirst as Int32Array, termEntry: s.termEntry as IdArray,
  };
}

/** The plain IndexData a packed index holds (tests, tools). */
export function unpackIndex(p: PackedIndex): IndexData {
  return {
    v: 1, entities: p.entities, tokens: p.tokens, firstEdge: Array.from(p.firstEdge), edgeTok: Array.from(p.edgeTok),
    termFirst: Array.from(p.termFirst), termEntry: Array.from(p.termEntry), entries: p.entries, ...(p.places ? { places: p.places } : {}),
    ...(p.sizes.nameTokens !== undefined ? { nameTokens: p.sizes.nameTokens } : {}),
  };
}
