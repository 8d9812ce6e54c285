// The index as shipped: one binary file whose sections are the matcher's own arrays, so that loading it is views over
// the file's bytes plus short loops over columns, with no loop over the trie and as little text decoding as can be.
// Shipped gzipped (build/index.bin.gz): the content script inflates it with DecompressionStream, node with zlib.
//
//   bytes 0..3   'DLX5'
//   bytes 4..7   header length H (uint32, little-endian)
//   bytes 8..    header: UTF-8 JSON { v, sizes, kept, size, sections: [name, byte offset, length, kind][] }
//   then each section at its byte offset (a multiple of 4), little-endian. Two regions:
//   bytes 0..kept, kept for as long as the matcher lives (typed-array views, never copied):
//     firstEdge   i32, nodes + 1       absolute CSR offsets (IndexData.firstEdge)
//     edgeTok     u16 (i32 with ≥ 65536 tokens)
//     termFirst   i32, nodes + 1       (as steps it would compress to a twentieth, but the loop summing them up
//                                      costs more time on a page with a cold JIT than reading the bigger file)
//     termEntry   u16 (i32 with ≥ 65536 entries)
//     tokenTable  u16 (i32 with ≥ 65535 tokens): the TokenTable's hash table, built at build time
//     tokenStarts i32, tokens + 1      each token's start in tokenUnits
//     tokenUnits  u16                  the token keys joined by '\n', as UTF-16 code units (compared in place)
//     entryEntity u16/i32, entryFlags u8        entries' columns
//     entityType  u8 (index in TYPES), roleStart i32 (entities + 1), roles i32   entities' columns
//   bytes kept..size, read once while loading and then let go:
//     strings     UTF-8 JSON: { ids, names, exact } the entities' ids and names, the entries' exact forms ('' none)
//                 (JSON.parse makes each a string of its own, where split or slice would keep the whole text alive)
//     extras      UTF-8 JSON: { [entity index]: the entity's other fields (partOf, reporter, …) }
//     places      UTF-8 JSON (IndexData's)
import { TYPES, type IndexData, type IndexEntity } from './index-format.ts';
import { buildTokenTable, codeUnits, type TokenTableParts } from './token-table.ts';

type IdArray = Uint16Array | Int32Array;

/** The shipped index once loaded: entities as the matcher uses them, entries as columns, the trie as views over
 *  the file. */
export interface PackedIndex {
  v: 5;
  entities: IndexData['entities'];
  /** entries' entity index, flags and exact form ('' none): columns, not ten thousand little arrays (memory) */
  entryEntity: IdArray;
  entryFlags: Uint8Array;
  entryExact: string[];
  places?: IndexData['places'];
  /** unique token keys joined by '\n', as UTF-16 code units */
  tokenUnits: Uint16Array;
  tokenTable: TokenTableParts;
  firstEdge: Int32Array;
  edgeTok: IdArray;
  termFirst: Int32Array;
  termEntry: IdArray;
  sizes: { nodes: number; edges: number; terms: number; entries: number; tokens: number; entities: number; nameTokens?: number };
}

const MAGIC = 'DLX5';
type Kind = 'json' | 'u8' | 'u16' | 'i32';
type Section = [name: string, offset: number, length: number, kind: Kind];
interface Header { v: 5; sizes: PackedIndex['sizes']; kept: number; size: number; sections: Section[] }
const BYTES: Record<Kind, number> = { json: 1, u8: 1, u16: 2, i32: 4 };

/** Uint16Array when every value fits (and the matcher's own arrays stay of one kind), else Int32Array. */
export function idArray(values: ArrayLike<number>): IdArray {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max < 0x10000 ? Uint16Array.from(values) : Int32Array.from(values);
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const align4 = (n: number) => (n + 3) & ~3;

/** Build time: the binary file (before gzip). Deterministic: the same IndexData gives the same bytes. */
export function encodeIndex(d: IndexData): Uint8Array {
  if (!littleEndian) throw new Error('encodeIndex: a little-endian machine is needed');
  const { table, starts } = buildTokenTable(d.tokens);
  const json = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
  const roleStart = new Int32Array(d.entities.length + 1);
  const roles: number[] = [];
  const extras: Record<number, Record<string, unknown>> = {};
  d.entities.forEach((e, i) => {
    const { id: _id, type: _type, name: _name, roles: r, ...rest } = e;
    if (r?.length) roles.push(...r);
    else if (r) (rest as Record<string, unknown>).roles = r;
    roleStart[i + 1] = roles.length;
    if (Object.keys(rest).length) extras[i] = rest;
  });
  for (const [, flags, exact] of d.entries) {
    if (flags > 0xff) throw new Error(`encodeIndex: entry flags ${flags} do not fit a byte`);
    if (exact === '') throw new Error('encodeIndex: an empty exact form');
  }
  const parts: [string, ArrayBufferView, Kind][] = [
    ['firstEdge', Int32Array.from(d.firstEdge), 'i32'],
    ['edgeTok', idArray(d.edgeTok), 'u16'],
    ['termFirst', Int32Array.from(d.termFirst), 'i32'],
    ['termEntry', idArray(d.termEntry), 'u16'],
    ['tokenTable', table, 'u16'],
    ['tokenStarts', starts, 'i32'],
    ['tokenUnits', codeUnits(d.tokens), 'u16'],
    ['entryEntity', idArray(d.entries.map((e) => e[0])), 'u16'],
    ['entryFlags', Uint8Array.from(d.entries.map((e) => e[1])), 'u8'],
    ['entityType', Uint8Array.from(d.entities.map((e) => TYPES.indexOf(e.type))), 'u8'],
    ['roleStart', roleStart, 'i32'],
    ['roles', Int32Array.from(roles), 'i32'],
    // from here on: read once while loading
    ['strings', json({ ids: d.entities.map((e) => e.id), names: d.entities.map((e) => e.name), exact: d.entries.map((e) => e[2] ?? '') }), 'json'],
    ['extras', json(extras), 'json'],
    ...(d.places ? [['places', json(d.places), 'json'] as [string, ArrayBufferView, Kind]] : []),
  ];
  for (const p of parts) if (p[1] instanceof Int32Array) p[2] = 'i32';
  const sizes: PackedIndex['sizes'] = {
    nodes: d.firstEdge.length - 1, edges: d.edgeTok.length, terms: d.termEntry.length, entries: d.entries.length, tokens: starts.length - 1,
    entities: d.entities.length, ...(d.nameTokens !== undefined ? { nameTokens: d.nameTokens } : {}),
  };
  const firstTransient = parts.findIndex(([name]) => name === 'strings');
  // the header holds the sections' offsets, which depend on the header's length: lay out until it settles
  let head: Header;
  let header = new Uint8Array(0);
  for (let guess = 0; ; ) {
    let at = align4(8 + guess);
    const sections = parts.map(([name, a, kind]): Section => {
      const s: Section = [name, at, a.byteLength / BYTES[kind], kind];
      at = align4(at + a.byteLength);
      return s;
    });
    head = { v: 5, sizes, kept: sections[firstTransient][1], size: at, sections };
    header = new TextEncoder().encode(JSON.stringify(head));
    if (align4(8 + header.length) === align4(8 + guess)) break;
    guess = header.length;
  }
  const out = new Uint8Array(head.size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  parts.forEach(([, a], i) => out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), head.sections[i][1]));
  return out;
}

function readHeader(u8: Uint8Array): Header {
  if (u8.length < 8 || new TextDecoder().decode(u8.subarray(0, 4)) !== MAGIC) throw new Error(`not a DiploLens index (expected ${MAGIC})`);
  const length = new DataView(u8.buffer, u8.byteOffset, 8).getUint32(4, true);
  if (u8.length < 8 + length) throw new Error('the dictionary index is cut short (in its header)');
  return JSON.parse(new TextDecoder().decode(u8.subarray(8, 8 + length))) as Header;
}

/** The file's bytes in its two regions: `kept` (the matcher's arrays, 4-byte aligned) and `rest` (read once). */
export interface IndexBytes { kept: Uint8Array; rest: Uint8Array; header: Header }

/** Gathers the file as it is inflated, chunk by chunk, straight into its two regions: no copy of the whole. */
export function indexAssembler() {
  let head: Uint8Array | null = new Uint8Array(0);
  let header: Header | null = null;
  let kept: Uint8Array | null = null, rest: Uint8Array | null = null;
  let at = 0;
  const write = (chunk: Uint8Array) => {
    const k = kept!, r = rest!;
    const intoKept = Math.max(0, Math.min(chunk.length, k.length - at));
    if (intoKept) k.set(chunk.subarray(0, intoKept), at);
    if (intoKept < chunk.length) {
      if (at + chunk.length > k.length + r.length) throw new Error('the dictionary index is longer than its header says');
      r.set(chunk.subarray(intoKept), at + intoKept - k.length);
    }
    at += chunk.length;
  };
  return {
    push(chunk: Uint8Array) {
      if (header) return write(chunk);
      // until the header is whole, the first bytes wait here
      const joined = new Uint8Array(head!.length + chunk.length);
      joined.set(head!);
      joined.set(chunk, head!.length);
      head = joined;
      if (head.length < 8) return;
      const length = new DataView(head.buffer, 0, 8).getUint32(4, true);
      if (new TextDecoder().decode(head.subarray(0, 4)) !== MAGIC) throw new Error(`not a DiploLens index (expected ${MAGIC})`);
      if (head.length < 8 + length) return;
      header = readHeader(head);
      kept = new Uint8Array(header.kept);
      rest = new Uint8Array(header.size - header.kept);
      const first = head;
      head = null;
      write(first);
    },
    done(): IndexBytes {
      if (!header || at !== header.size) throw new Error(`the dictionary index is cut short (${at} of ${header?.size ?? '?'} bytes)`);
      return { kept: kept!, rest: rest!, header };
    },
  };
}

/** Load time, all at once (node: CLI, tools, tests). */
export function decodeIndex(bytes: Uint8Array | ArrayBuffer): PackedIndex {
  let u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const header = readHeader(u8);
  if (u8.length !== header.size) throw new Error(`the dictionary index is cut short (${u8.length} of ${header.size} bytes)`);
  // typed-array views need 4-byte aligned offsets (node's Buffers may start anywhere in a shared pool)
  if (u8.byteOffset % 4) u8 = u8.slice();
  const steps = decodeSteps({ kept: u8.subarray(0, header.kept), rest: u8.subarray(header.kept), header });
  for (;;) { const r = steps.next(); if (r.done) return r.value; }
}

/** The same in steps, each named for what it reads: a caller on a page pauses between them so that loading is no
 *  long task, and measures each. */
export function* decodeSteps({ kept, rest, header }: IndexBytes): Generator<string, PackedIndex> {
  if (!littleEndian) throw new Error('the dictionary index needs a little-endian machine');
  const s: Record<string, Uint8Array | Uint16Array | Int32Array> = {};
  const json: Record<string, unknown> = {};
  for (const [name, offset, length, kind] of header.sections) {
    if (kind !== 'json') {
      s[name] = kind === 'u8' ? new Uint8Array(kept.buffer, kept.byteOffset + offset, length)
        : kind === 'u16' ? new Uint16Array(kept.buffer, kept.byteOffset + offset, length)
          : new Int32Array(kept.buffer, kept.byteOffset + offset, length);
      continue;
    }
    yield name;
    json[name] = JSON.parse(new TextDecoder().decode(rest.subarray(offset - header.kept, offset - header.kept + length)));
  }
  yield 'entities';
  const { ids, names, exact } = json.strings as { ids: string[]; names: string[]; exact: string[] };
  const type = s.entityType, roleStart = s.roleStart, roles = s.roles;
  const extras = json.extras as Record<string, Record<string, unknown>>;
  const entities: IndexEntity[] = new Array(header.sizes.entities);
  for (let i = 0; i < entities.length; i++) {
    const from = roleStart[i], to = roleStart[i + 1];
    let e: IndexEntity;
    if (to > from) {
      // sized at once: push would leave each list room to grow
      const r: number[] = new Array(to - from);
      for (let k = from; k < to; k++) r[k - from] = roles[k];
      // all fields in one literal: one shape, properties in the object itself
      e = { id: ids[i], type: TYPES[type[i]], name: names[i], roles: r };
    } else e = { id: ids[i], type: TYPES[type[i]], name: names[i] };
    entities[i] = extras[i] ? Object.assign(e, extras[i]) : e;
  }
  return {
    v: 5, sizes: header.sizes, entities, entryEntity: s.entryEntity as IdArray, entryFlags: s.entryFlags as Uint8Array, entryExact: exact, ...(json.places ? { places: json.places as IndexData['places'] } : {}),
    tokenUnits: s.tokenUnits as Uint16Array, tokenTable: { table: s.tokenTable as IdArray, starts: s.tokenStarts as Int32Array },
    firstEdge: s.firstEdge as Int32Array, edgeTok: s.edgeTok as IdArray, termFirst: s.termFirst as Int32Array, termEntry: s.termEntry as IdArray,
  };
}

/** The plain IndexData a packed index holds (tests, tools). */
export function unpackIndex(p: PackedIndex): IndexData {
  return {
    v: 1, entities: p.entities, tokens: new TextDecoder('utf-16le').decode(p.tokenUnits), firstEdge: Array.from(p.firstEdge), edgeTok: Array.from(p.edgeTok),
    termFirst: Array.from(p.termFirst), termEntry: Array.from(p.termEntry),
    entries: p.entryExact.map((x, i) => (x ? [p.entryEntity[i], p.entryFlags[i], x] : [p.entryEntity[i], p.entryFlags[i]])), ...(p.places ? { places: p.places } : {}),
    ...(p.sizes.nameTokens !== undefined ? { nameTokens: p.sizes.nameTokens } : {}),
  };
}
