// Where each value of a JSON text starts, by path ("0.names.en.1" → line 7), so an import error can name its line.
// Only called on text JSON.parse has already accepted: it trusts the syntax and tracks positions.

export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skip = () => {
    while (i < text.length && /\s/.test(text[i])) { if (text[i] === '\n') line++; i++; }
  };
  const string = (): string => {
    const from = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(from, i));
  };
  const value = (path: string) => {
    skip();
    lines.set(path, line);
    const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
    if (text[i] === '{') {
      i++;
      skip();
      while (text[i] !== '}') {
        skip();
        const key = string();
        skip();
        i++; // ':'
        value(at(key));
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
    } else if (text[i] === '[') {
      i++;
      skip();
      for (let n = 0; text[i] !== ']'; n++) {
        value(at(n));
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
    } else if (text[i] === '"') string();
    else while (i < text.length && /[^,\]}\s]/.test(text[i])) i++;
  };
  value('');
  return lines;
}

/** The line and column of a JSON.parse syntax error, from the engine's message (V8 and SpiderMonkey). */
export function syntaxErrorLine(text: string, err: unknown): number | null {
  const msg = String((err as Error)?.message ?? err);
  const lc = /line (\d+)/.exec(msg);
  if (lc) return Number(lc[1]);
  const pos = /position (\d+)/.exec(msg);
  if (pos) return text.slice(0, Number(pos[1])).split('\n').length;
  // engines that name no place: the shortest prefix that fails for a reason other than ending early
  const endsEarly = (k: number) => {
    try { JSON.parse(text.slice(0, k)); return true; } catch (e) { return /end of (JSON|data)|Unterminated|unexpected end/i.test(String((e as Error).message)); }
  };
  let lo = 0, hi = text.length;
  if (endsEarly(hi)) return text.split('\n').length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (endsEarly(mid)) lo = mid + 1; else hi = mid; }
  return text.slice(0, lo).split('\n').length;
}
