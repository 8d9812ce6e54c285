// The benchmark's page generator (scripts/lib/bench/page.ts): ≥ 1 MiB of text in ≥ 20,000 text nodes, every product
// language, names cut by inline elements. Counts are checked against an independent reading of the HTML.
import { describe, it, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import { generatePage, type GeneratedPage } from '../../scripts/lib/bench/page.ts';
import { loadFacts, labelPools, surfaceForms, alternation } from '../../scripts/lib/bench/forms.ts';
import { PRODUCT_LANGS } from '../../scripts/lib/bench/templates.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Text nodes of the body as an HTML parser makes them: the runs of text between tags. */
function textNodes(html: string): string[] {
  const body = html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));
  return body.split(/<[^>]*>/).filter((t) => t.length > 0).map(unescape);
}

describe('benchmark page', () => {
  let page: GeneratedPage;
  let forms: string[];
  beforeAll(() => {
    const entities = loadFacts(join(ROOT, 'build/facts.json'));
    forms = surfaceForms(entities);
    page = generatePage({ pools: labelPools(entities, PRODUCT_LANGS) });
  });

  it('holds at least 1 MiB of text in at least 20,000 text nodes', () => {
    const nodes = textNodes(page.html);
    const chars = nodes.reduce((n, t) => n + t.length, 0);
    expect(chars).toBeGreaterThanOrEqual(1 << 20);
    expect(nodes.length).toBeGreaterThanOrEqual(20000);
    expect(nodes.length).toBe(page.textNodes);
    expect(chars).toBe(page.textChars);
  });

  it('has articles in every product language, with links and emphasis', () => {
    for (const l of PRODUCT_LANGS) expect(page.html).toContain(`<article lang="${l}">`);
    for (const tag of ['<a href=', '<b>', '<em>']) expect(page.html).toContain(tag);
  });

  it('cuts names across inline elements', () => {
    expect(page.splitCount).toBeGreaterThan(1000);
    expect(page.splits.length).toBeGreaterThan(20);
    for (const { name, html } of page.splits) {
      expect(unescape(html.replace(/<[^>]*>/g, ''))).toContain(name);
      // the name is not one run of text in the HTML: an element boundary falls inside it
      expect(textNodes(`<body>${html}</body>`).some((t) => t.includes(name))).toBe(false);
    }
  });

  it('is the same page for the same seed', () => {
    const entities = loadFacts(join(ROOT, 'build/facts.json'));
    const again = generatePage({ pools: labelPools(entities, PRODUCT_LANGS), minChars: 20000, minNodes: 100, seed: 1 });
    const once = generatePage({ pools: labelPools(entities, PRODUCT_LANGS), minChars: 20000, minNodes: 100, seed: 1 });
    expect(again.html).toBe(once.html);
  });

  it('builds one escaped alternation of the dictionary forms, longest first', () => {
    const source = alternation(forms);
    const first = source.split(/(?<!\\)\|/)[0].replace(/\\(.)/g, '$1');
    expect(first.length).toBe(Math.max(...forms.map((f) => f.length)));
    expect(() => new RegExp(source, 'g')).not.toThrow();
  });
});
