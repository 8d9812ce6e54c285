// Token key → token id without building a Map of tens of thousands of strings: an open-addressing hash table over
// the index's own '\n'-joined token keys, held as UTF-16 code units (no string: a view over the shipped file's bytes,
// off the JS heap). The bundled index ships the table ready-made (built here at build time); the user's own small
// index builds one at run time.

/** the table's arrays: slot → token id + 1 (0 = empty), and each token's start in the token string */
export interface TokenTableParts {
  table: Uint16Array | Int32Array;
  starts: Int32Array;
}

const FNV_START = 0x811c9dc5;

/** Builds the table for a '\n'-joined token string (a loop over every character: build time, or small indices). */
export function buildTokenTable(tokens: string): TokenTableParts {
  let n = tokens ? 1 : 0;
  for (let i = tokens.indexOf('\n'); i !== -1; i = tokens.indexOf('\n', i + 1)) n++;
  const starts = new Int32Array(n + 1);
  let cap = 2;
  while (cap < n * 2) cap <<= 1;
  // ids + 1 up to 65535 fit in 16 bits: half the bytes to ship
  const table = n < 0xffff ? new Uint16Array(cap) : new Int32Array(cap);
  const mask = cap - 1;
  let id = 0, h = FNV_START, start = 0;
  for (let i = 0; i <= tokens.length && n; i++) {
    const c = i < tokens.length ? tokens.charCodeAt(i) : 10;
    if (c !== 10) { h = Math.imul(h ^ c, 0x01000193); continue; }
    starts[id] = start;
    let slot = (h >>> 0) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = id + 1;
    id++;
    start = i + 1;
    h = FNV_START;
  }
  starts[n] = tokens.length + 1;
  return { table, starts };
}

/** a string's UTF-16 code units */
export function codeUnits(s: string): Uint16Array {
  const u = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) u[i] = s.charCodeAt(i);
  return u;
}

export class TokenTable {
  private readonly tokens: Uint16Array;
  private readonly starts: Int32Array;
  private readonly table: Uint16Array | Int32Array;
  private readonly mask: number;
  readonly size: number;

  /** over the shipped index's code units and ready-made parts, or building both from the '\n'-joined keys */
  constructor(tokens: string | Uint16Array, parts?: TokenTableParts) {
    this.tokens = typeof tokens === 'string' ? codeUnits(tokens) : tokens;
    parts ??= buildTokenTable(typeof tokens === 'string' ? tokens : new TextDecoder('utf-16le').decode(tokens));
    this.starts = parts.starts;
    this.table = parts.table;
    this.mask = this.table.length - 1;
    this.size = this.starts.length - 1;
  }

  get(key: string): number | undefined {
    let h = FNV_START;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    for (let slot = (h >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = this.table[slot];
      if (v === 0) return undefined;
      const id = v - 1, s = this.starts[id];
      if (this.starts[id + 1] - 1 - s !== key.length) continue;
      let i = 0;
      while (i < key.length && this.tokens[s + i] === key.charCodeAt(i)) i++;
      if (i === key.length) return id;
    }
  }

  has(key: string): boolean { return this.get(key) !== undefined; }

  /** The id of the key made of text[from, to) with each code unit mapped through `unit` (0, or beyond the table:
   *  left out), or -1: the page's words are looked up without making a string of each. */
  idOfMapped(text: string, from: number, to: number, unit: Uint16Array): number {
    let h = FNV_START, len = 0;
    for (let p = from; p < to; p++) {
      const u = unit[text.charCodeAt(p)] | 0;
      if (u !== 0) { h = Math.imul(h ^ u, 0x01000193); len++; }
    }
    const { table, starts, tokens, mask } = this;
    for (let slot = (h >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot];
      if (v === 0) return -1;
      const id = v - 1;
      let q = starts[id];
      if (starts[id + 1] - 1 - q !== len) continue;
      let p = from;
      for (; p < to; p++) {
        const u = unit[text.charCodeAt(p)] | 0;
        if (u !== 0 && tokens[q++] !== u) break;
      }
      if (p === to) return id;
    }
  }

  // ids of the one-unit keys below U+0100 (punctuation, mostly), looked up once each: -2 = not yet
  private readonly latinUnits = new Int32Array(256).fill(-2);

  /** The id of a key of one code unit, or -1. */
  idOfUnit(u: number): number {
    if (u < 256) {
      const known = this.latinUnits[u];
      return known !== -2 ? known : (this.latinUnits[u] = this.findUnit(u));
    }
    return this.findUnit(u);
  }

  private findUnit(u: number): number {
    const { table, starts, tokens, mask } = this;
    for (let slot = (Math.imul(FNV_START ^ u, 0x01000193) >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot];
      if (v === 0) return -1;
      const id = v - 1;
      if (starts[id + 1] - starts[id] === 2 && tokens[starts[id]] === u) return id;
    }
  }
}
