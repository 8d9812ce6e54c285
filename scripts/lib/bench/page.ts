// The benchmark's news page: ≥ 1 MiB of text in ≥ 20,000 text nodes, articles in every product language, with links
// and emphasis around parts of sentences and of names (as real pages split "<a>Ian</a> Borg" or "<b>Kaz</b>akhstan").
// Written from the dictionary's labels in template sentences (templates.ts), or from a corpus read at run time.
import { mulberry32 } from '../random.ts';
import { TEMPLATES, PRODUCT_LANGS, type ProductLang } from './templates.ts';
import type { Label, LabelPools, BenchType } from './forms.ts';

export interface CorpusDoc { text: string; lang?: string }
export interface PageOptions {
  /** minimum characters of text (UTF-16 code units), default 1 MiB */
  minChars?: number;
  /** minimum number of text nodes, default 20,000 */
  minNodes?: number;
  seed?: number;
  /** labels per language (generated page) */
  pools?: LabelPools;
  /** or: documents to repeat (a corpus read at run time; never written anywhere but the served page) */
  corpus?: CorpusDoc[];
}
export interface SplitName { name: string; html: string }
export interface GeneratedPage {
  html: string;
  textChars: number;
  textNodes: number;
  /** names written into the page (generated page only) */
  names: number;
  /** names cut by an inline element boundary: how many, and the first few with their HTML */
  splitCount: number;
  splits: SplitName[];
  /** distinct labels used, joined by '\n' (or the distinct corpus text): where aliases for mark.js are looked for */
  vocabulary: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes HTML and counts what the parser will make of it: text nodes and their characters. */
class Writer {
  parts: string[] = [];
  chars = 0;
  nodes = 0;
  private inText = false;
  text(s: string) {
    if (!s) return;
    this.parts.push(esc(s));
    this.chars += s.length;
    if (!this.inText) this.nodes++;
    this.inText = true;
  }
  open(tag: string, attrs = '') { this.parts.push(`<${tag}${attrs ? ' ' + attrs : ''}>`); this.inText = false; }
  close(tag: string) { this.parts.push(`</${tag}>`); this.inText = false; }
  mark() { return this.parts.length; }
  since(i: number) { return this.parts.slice(i).join(''); }
}

interface Span { start: number; end: number; tag: 'a' | 'b' | 'em' | 'strong' }
interface NameAt { start: number; end: number; text: string }

const wordStarts = (s: string, from: number, to: number) => {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (s[i] !== ' ' && (i === 0 || s[i - 1] === ' ')) out.push(i);
  return out;
};
const wordEnd = (s: string, i: number) => { while (i < s.length && s[i] !== ' ') i++; return i; };
const cjk = (s: string) => /[\u3400-\u9fff]/.test(s);

export function generatePage(opts: PageOptions): GeneratedPage {
  const minChars = opts.minChars ?? 1 << 20;
  const minNodes = opts.minNodes ?? 20000;
  const rnd = mulberry32(opts.seed ?? 20240625);
  const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];
  const w = new Writer();
  let names = 0, splitCount = 0;
  const splits: SplitName[] = [];
  const used = new Set<string>();

  /** A sentence with inline elements: around names or parts of them, and around other phrases. */
  function sentence(s: string, at: NameAt[]) {
    const spans: Span[] = [];
    const free = (a: number, b: number) => a < b && spans.every((x) => b <= x.start || a >= x.end);
    const cut: NameAt[] = [];
    for (const n of at) {
      const r = rnd();
      const firstEnd = Math.min(wordEnd(s, n.start), n.end);
      const zh = cjk(n.text);
      if (r < 0.3) { if (free(n.start, n.end)) spans.push({ start: n.start, end: n.end, tag: 'a' }); continue; }
      let span: Span | null = null;
      if (r < 0.4) {
        // the first word of a name in bold, the rest outside ("<b>Ian</b> Borg"); a Chinese name is cut in two
        const end = firstEnd < n.end ? firstEnd : n.start + Math.max(1, Math.floor((n.end - n.start) / 2));
        if (end < n.end) span = { start: n.start, end, tag: 'b' };
      } else if (r < 0.44) {
        // inside a word ("<em>Kaz</em>akhstan"): drop caps, typos fixed by editors, search-term highlighting
        const len = firstEnd - n.start;
        if (len >= 2) span = { start: n.start, end: n.start + 1 + Math.floor(rnd() * (len - 1)), tag: 'em' };
      } else if (r < 0.54 && !zh) {
        // a phrase running from words before the name into its first word
        const before = wordStarts(s, Math.max(0, n.start - 30), n.start);
        if (before.length && firstEnd < n.end) span = { start: pick(before), end: firstEnd, tag: 'em' };
      }
      if (span && free(span.start, span.end)) { spans.push(span); cut.push(n); }
    }
    // one more link or emphasis around a part of the sentence, half of the time
    if (rnd() < 0.5) {
      const starts = wordStarts(s, 0, s.length);
      if (starts.length > 3) {
        const k = Math.floor(rnd() * (starts.length - 2));
        const end = wordEnd(s, starts[Math.min(starts.length - 1, k + 1 + Math.floor(rnd() * 3))]);
        const tag = pick(['a', 'em', 'strong'] as const);
        if (free(starts[k], end)) spans.push({ start: starts[k], end, tag });
      } else if (s.length > 8) {
        const a = Math.floor(rnd() * (s.length - 6));
        const b = a + 2 + Math.floor(rnd() * 4);
        if (free(a, b)) spans.push({ start: a, end: b, tag: 'em' });
      }
    }
    spans.sort((x, y) => x.start - y.start);
    const m = w.mark();
    let pos = 0;
    for (const sp of spans) {
      w.text(s.slice(pos, sp.start));
      w.open(sp.tag, sp.tag === 'a' ? `href="/topic/${(sp.start * 31 + s.length) % 997}"` : '');
      w.text(s.slice(sp.start, sp.end));
      w.close(sp.tag);
      pos = sp.end;
    }
    w.text(s.slice(pos));
    splitCount += cut.length;
    if (cut.length && splits.length < 200) { const html = w.since(m); for (const n of cut) splits.push({ name: n.text, html }); }
  }

  /** Fills a template's slots with distinct labels of the right type. */
  function fill(t: string, lang: string): [string, NameAt[]] {
    const pools = opts.pools![lang];
    const at: NameAt[] = [];
    const taken = new Set<string>();
    let out = '';
    let pos = 0;
    for (const m of t.matchAll(/\{(P2?|O|C2?|T)\}/g)) {
      out += t.slice(pos, m.index);
      const type: BenchType = ({ P: 'person', O: 'organization', C: 'country', T: 'treaty' } as const)[m[1][0] as 'P' | 'O' | 'C' | 'T'];
      let label: Label = pick(pools[type]);
      for (let i = 0; i < 5 && taken.has(label.id); i++) label = pick(pools[type]);
      taken.add(label.id);
      used.add(label.text);
      at.push({ start: out.length, end: out.length + label.text.length, text: label.text });
      out += label.text;
      pos = m.index! + m[0].length;
    }
    out += t.slice(pos);
    names += at.length;
    return [out, at];
  }

  w.parts.push('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>World news: the DiploLens benchmark page</title>'
    + '<meta name="date" content="2025-06-25"><style>body{font:16px/1.5 serif;max-width:46em;margin:auto}article{margin:2em 0}</style></head><body>');
  w.open('header'); w.open('nav');
  for (const s of ['World', 'Politics', 'Diplomacy', 'Economy', 'Opinion']) { w.open('a', 'href="/section"'); w.text(s); w.close('a'); w.text(' · '); }
  w.close('nav'); w.close('header'); w.open('main');

  const done = () => w.chars >= minChars && w.nodes >= minNodes;
  if (opts.corpus) {
    const docs = opts.corpus.filter((d) => typeof d.text === 'string' && d.text.trim());
    if (!docs.length) throw new Error('the corpus has no documents with a "text" field');
    for (let i = 0; !done(); i++) {
      const d = docs[i % docs.length];
      w.open('article', d.lang ? `lang="${esc(d.lang.slice(0, 2))}"` : '');
      for (const para of d.text.split(/\n+/)) {
        if (!para.trim()) continue;
        w.open('p');
        // sentences of the corpus, and capitalized words (names, mostly) cut by inline elements now and then
        for (const s of para.match(/[^.!?。！？]+[.!?。！？]*\s*/g) ?? [para]) {
          const at: NameAt[] = [];
          for (const m of s.matchAll(/\p{Lu}[\p{L}\p{M}-]+(?: \p{Lu}[\p{L}\p{M}-]+)*/gu)) if (m.index! > 0) at.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
          sentence(s, at.slice(0, 2));
        }
        w.close('p');
      }
      w.close('article');
    }
  } else {
    if (!opts.pools) throw new Error('generatePage needs label pools or a corpus');
    for (let i = 0; !done(); i++) {
      const lang: ProductLang = PRODUCT_LANGS[i % PRODUCT_LANGS.length];
      const t = TEMPLATES[lang];
      w.open('article', `lang="${lang}"`);
      w.open('h2'); sentence(...fill(pick(t.headline), lang)); w.close('h2');
      w.open('p', 'class="byline"'); w.text(`${1 + (i % 28)}.06.2025 · `); w.open('a', 'href="/author"'); w.text('Staff'); w.close('a'); w.close('p');
      const paragraphs = 6 + Math.floor(rnd() * 6);
      for (let p = 0; p < paragraphs; p++) {
        w.open('p');
        const sentences = 3 + Math.floor(rnd() * 4);
        for (let k = 0; k < sentences; k++) {
          if (k) w.text(lang === 'zh' ? '' : ' ');
          if (rnd() < 0.7) sentence(...fill(pick(t.named), lang));
          else sentence(pick(t.filler), []);
        }
        w.close('p');
      }
      w.close('article');
    }
  }
  w.close('main');
  w.parts.push('</body></html>');
  const vocabulary = opts.corpus ? [...new Set(opts.corpus.map((d) => d.text))].join('\n') : [...used].join('\n');
  return { html: w.parts.join(''), textChars: w.chars, textNodes: w.nodes, names, splitCount, splits, vocabulary };
}
