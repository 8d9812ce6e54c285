// The built matching index (npm test builds it first), loaded once for the tests that need the real dictionary.
import { createMatcher, type Matcher } from '../../src/core/match.ts';
import { scanForOutput } from '../../src/core/scan.ts';
import { loadIndexFromFiles } from '../../src/cli/load-index.ts';

let matcher: Matcher | null = null;
export function builtMatcher(): Matcher {
  matcher ??= createMatcher(loadIndexFromFiles());
  return matcher;
}
export const scan = (text: string, lang: string, date = '2024-06-25') => scanForOutput(builtMatcher(), text, { lang, date });
export const found = (text: string, lang: string, date?: string) => scan(text, lang, date).mentions.map((m) => `${m.text}=${m.entity.name}`);
