// Where a meeting took place: the first capital or major city named in the sentence, in any inflected form
// the build generated ("в Астане", "в Астану", "Астанада").
import type { Matcher } from './match.ts';
import { tokenize } from './tokenize.ts';

export function findPlace(m: Matcher, sentence: string): string | null {
  const places = m.data.places;
  if (!places) return null;
  const t = tokenize(sentence);
  for (let i = 0; i < t.count; i++) {
    if (t.kind[i] === 1 || !t.upper[i] && t.kind[i] === 0) continue;
    let key = '';
    for (let j = i; j < Math.min(t.count, i + 4); j++) {
      key = key ? `${key} ${t.key[j]}` : t.key[j];
      const hit = places[key];
      if (hit && (j + 1 >= t.count || places[`${key} ${t.key[j + 1]}`] === undefined)) return hit;
    }
  }
  return null;
}
