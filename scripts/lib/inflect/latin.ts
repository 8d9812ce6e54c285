// English, German, French, Spanish, Turkish variants. Possessives and suffixes after an apostrophe ("Borg's",
// "Rusya'nın", "l'ONU") need nothing: the apostrophe splits tokens. German adds a genitive -s to names and
// declines adjectives in multiword names ("Vereinte Nationen" → "Vereinten Nationen").
export function germanForms(phrase: string, kind: 'name' | 'phrase'): string[] {
  const words = phrase.split(/\s+/);
  const out = new Set([phrase]);
  if (words.length === 1 && !/[sßxz]$/.test(phrase) && /^\p{Lu}/u.test(phrase)) out.add(phrase + 's');
  if (kind === 'name' && words.length > 1) {
    const last = words[words.length - 1];
    if (!/[sßxz]$/.test(last)) out.add([...words.slice(0, -1), last + 's'].join(' '));
  }
  if (kind === 'phrase' && words.length > 1) {
    for (const ending of ['en', 'er', 'es', 'e']) {
      const w = words.map((x, i) => (i < words.length - 1 && /^\p{Lu}\p{Ll}{3,}(e|en|er|es)$/u.test(x) ? x.replace(/(e|en|er|es)$/, ending) : x));
      out.add(w.join(' '));
    }
  }
  return [...out];
}
