// Token key → token id without building a Map of tens of thousands of strings at load time: an open-addressing
// hash table over the index's own '\n'-joined token string (a few milliseconds to build, no per-token strings).
export class TokenTable {
  private readonly starts: Int32Array;
  private readonly table: Int32Array;
  private readonly mask: number;
  readonly size: number;

  constructor(private readonly tokens: string) {
    let n = tokens ? 1 : 0;
    for (let i = tokens.indexOf('\n'); i !== -1; i = tokens.indexOf('\n', i + 1)) n++;
    this.size = n;
    this.starts = new Int32Array(n + 1);
    let cap = 1;
    while (cap < n * 2) cap <<= 1;
    this.table = new Int32Array(Math.max(cap, 2));
    this.mask = this.table.length - 1;
    let id = 0, h = 0x811c9dc5, start = 0;
    for (let i = 0; i <= tokens.length && n; i++) {
      const c = i < tokens.length ? tokens.charCodeAt(i) : 10;
      if (c !== 10) { h = Math.imul(h ^ c, 0x01000193); continue; }
      this.starts[id] = start;
      let slot = (h >>> 0) & this.mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot] = id + 1;
      id++;
      start = i + 1;
      h = 0x811c9dc5;
    }
    this.starts[n] = tokens.length + 1;
  }

  get(key: string): number | undefined {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    for (let slot = (h >>> 0) & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = this.table[slot];
      if (v === 0) return undefined;
      const id = v - 1, s = this.starts[id];
      if (this.starts[id + 1] - 1 - s === key.length && this.tokens.startsWith(key, s)) return id;
    }
  }

  has(key: string): boolean { return this.get(key) !== undefined; }
}
