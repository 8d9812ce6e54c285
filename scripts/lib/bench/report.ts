// Medians, the targets of issue 6, and the readable table.
export const median = (xs: number[]) => {
  const a = xs.filter((x) => Number.isFinite(x)).sort((p, q) => p - q);
  if (!a.length) return NaN;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
};

export interface Result {
  walkMs: number; scanMs: number; highlightMs: number; markjsRegExpMs: number; markjsArrayMs: number; markjsArrayAliases: number;
  dictionaryLoadMs: number; heapDeltaMB: number; longestTaskMs: number; markjsLongestTaskMs: number; textChars: number; textNodes: number; mentions: number;
}

export interface Target { name: string; figure: string; limit: string; pass: boolean }

export function targets(r: Result): Target[] {
  const scanPlusHl = r.scanMs + r.highlightMs;
  return [
    { name: 'scan ≤ 3 × walk', figure: `${fx(r.scanMs / r.walkMs)} ×`, limit: '≤ 3 ×', pass: r.scanMs <= 3 * r.walkMs },
    { name: 'scan + highlight ≤ ½ mark.js regex', figure: `${fx(scanPlusHl / r.markjsRegExpMs)} ×`, limit: '≤ 0.5 ×', pass: scanPlusHl <= r.markjsRegExpMs / 2 },
    { name: 'our longest task ≤ 50 ms', figure: `${ms(r.longestTaskMs)}`, limit: '≤ 50 ms', pass: r.longestTaskMs <= 50 },
    { name: 'heap growth ≤ 10 MB', figure: `${fx(r.heapDeltaMB)} MB`, limit: '≤ 10 MB', pass: r.heapDeltaMB <= 10 },
    { name: 'dictionary load ≤ 30 ms', figure: ms(r.dictionaryLoadMs), limit: '≤ 30 ms', pass: r.dictionaryLoadMs <= 30 },
  ];
}

export const fx = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
export const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
