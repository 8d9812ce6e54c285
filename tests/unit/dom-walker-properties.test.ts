// Hostile pages: random and deep DOM trees. The page walker never throws, never reads form fields or scripts,
// and maps every offset of a block back to a text node.
// @vitest-environment happy-dom
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { collectBlocks, collectSliced, locate, blockText } from '../../src/content/collect.ts';

const PIECES = ['Иэн Борч', 'ОБСЕ', 'Қазақстан', 'NATO', '王毅', '😀', '\u0301', '\u200F', 'مرحبا', '\u00AD', '\u200B', '\u00A0', '—', ' '];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 20 }).map((a) => a.join(''));

describe('the page walker on any DOM', () => {
  it('maps every offset of a block back to its text nodes, and skips fields and scripts, in deep and odd trees', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('p', 'span', 'b', 'a', 'div', 'li', 'textarea', 'script'), text), { maxLength: 30 }), fc.nat(40), (parts, depth) => {
      document.body.innerHTML = '';
      let parent: HTMLElement = document.body;
      for (let i = 0; i < depth; i++) { const d = document.createElement('div'); parent.append(d); parent = d; }
      for (const [tag, t] of parts) {
        const el = document.createElement(tag);
        el.textContent = t;
        parent.append(el);
      }
      for (const b of collectBlocks(document.body)) {
        expect(b.nodes.length).toBe(b.offsets.length);
        // the block's text is its nodes' text, and every offset maps back into one of them
        expect(b.nodes.map((n) => n.data).join('')).toBe(b.text.replace(/\n/g, ''));
        for (let i = 0; i <= b.text.length; i += Math.max(1, b.text.length >> 3)) {
          const [node, offset] = locate(b, i);
          expect(b.nodes).toContain(node);
          expect(offset).toBeGreaterThanOrEqual(0);
          expect(offset).toBeLessThanOrEqual(node.data.length);
        }
        for (const n of b.nodes) expect(n.parentElement?.closest('textarea, script')).toBeNull();
      }
    }), { numRuns: 150 });
  });

  it('read in slices cut short at every check, a page gives the same blocks as read at once (skipped subtrees too)', async () => {
    // nested editable areas, scripts and hidden parts among hundreds of nodes: every slice ends at its first check
    const TAGS = ['p', 'span', 'b', 'div', 'li', 'textarea', 'script', 'br', 'div contenteditable', 'span hidden', 'div aria-hidden', 'pre class=cm-editor'];
    const build = (parts: [number, string, number][]) => {
      document.body.innerHTML = '';
      const stack: HTMLElement[] = [document.body];
      for (const [tag, t, up] of parts) {
        const [name, attr] = TAGS[tag].split(' ');
        const el = document.createElement(name);
        if (attr) { const [k, v = attr === 'contenteditable' ? 'true' : attr === 'aria-hidden' ? 'true' : ''] = attr.split('='); el.setAttribute(k, v); }
        const skipped = tag >= 5;
        if (name !== 'br') el.append(t);
        // inside a skipped element, a nested one of its own: its whole subtree is stepped over
        if (skipped && name !== 'br' && name !== 'textarea') { const inner = document.createElement('b'); inner.append(t, document.createElement('i')); el.append(inner); }
        stack[stack.length - 1].append(el);
        if (!skipped) stack.push(el);
        for (let i = 0; i < up && stack.length > 1; i++) stack.pop();
      }
    };
    const view = (blocks: ReturnType<typeof collectBlocks>) => blocks.map((b) => [b.text, b.nodes.length, b.element.tagName]);
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(TAGS.length - 1), text, fc.nat(2)), { minLength: 400, maxLength: 900 }), async (parts) => {
      build(parts);
      const whole = collectBlocks(document.body);
      let slices = 0;
      const sliced = await collectSliced(document.body, undefined, -1, async () => { slices++; });
      expect(view(sliced)).toEqual(view(whole));
      expect(slices).toBeGreaterThan(0);
      for (const b of sliced) for (const n of b.nodes) expect(n.parentElement?.closest('textarea, script, [contenteditable], [hidden], [aria-hidden], .cm-editor')).toBeNull();
    }), { numRuns: 25 });
  });

  it('walks a tree nested 2,000 deep without overflowing the stack', () => {
    document.body.innerHTML = '';
    let parent: HTMLElement = document.body;
    for (let i = 0; i < 2000; i++) { const s = document.createElement('span'); parent.append(s); parent = s; }
    parent.textContent = 'Мурат Нуртлеу';
    const blocks = collectBlocks(document.body);
    expect(blocks.map((b) => b.text)).toEqual(['Мурат Нуртлеу']);
  });

  it("gives a block's text back from its nodes once the page has let it go (line breaks of <br> included)", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('span', 'b', 'br', 'a', '#text'), text), { minLength: 1, maxLength: 12 }), (parts) => {
      document.body.innerHTML = '';
      const p = document.createElement('p');
      for (const [tag, t] of parts) p.append(tag === '#text' ? document.createTextNode(t) : Object.assign(document.createElement(tag), { textContent: tag === 'br' ? '' : t }));
      document.body.append(p);
      for (const b of collectBlocks(document.body)) {
        const original = b.text;
        b.text = '';
        // what follows the last text node (a trailing <br>) is no part of any mention: it may be left out
        expect(blockText(b)).toBe(original.slice(0, b.offsets.at(-1)! + b.nodes.at(-1)!.data.length));
      }
    }), { numRuns: 1000 });
  });
});

