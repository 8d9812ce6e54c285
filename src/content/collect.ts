// Collects the page's visible text per block (paragraph, heading, list item, cell), so that a name split across
// inline elements (<a>, <b>, <span>) is one string, and remembers which text node each offset came from.
export interface TextBlock {
  /** the text as read; emptied once matched (blockText gives it back) */
  text: string;
  lang: string | null;
  nodes: Text[];
  /** offset in `text` where each node starts */
  offsets: number[];
  element: Element;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'CODE', 'PRE', 'KBD', 'SAMP', 'VIDEO', 'AUDIO', 'HEAD', 'MATH']);
const BLOCK = new Set(['P', 'DIV', 'LI', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'SECTION', 'ARTICLE', 'DD', 'DT', 'FIGCAPTION', 'BODY', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'CAPTION', 'SUMMARY', 'DETAILS', 'UL', 'OL', 'TABLE', 'TR', 'FORM', 'FIELDSET', 'LEGEND', 'ADDRESS', 'DL', 'HGROUP', 'TITLE']);
// code editors and rich-text editors that do not always say contenteditable on the element itself
const EDITOR = /(^|\s)(CodeMirror|cm-editor|monaco-editor|ace_editor|ProseMirror|ql-editor)(\s|$)/;

export const OWN_UI = 'diplolens-ui';

function skipElement(el: Element): boolean {
  if (SKIP.has(el.tagName.toUpperCase())) return true;
  if (el.localName === OWN_UI || el.id.startsWith('diplolens')) return true;
  // the attribute, not isContentEditable: that one makes the browser compute styles for every element
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return true;
  const cls = el.getAttribute('class');
  return !!cls && EDITOR.test(cls);
}

function langOf(el: Element): string | null {
  const l = el.closest('[lang]')?.getAttribute('lang');
  return l ? l.slice(0, 2).toLowerCase() : null;
}

/** Blocks of visible text under `root` (a document, element or shadow root), in document order.
 *  Open shadow roots are read too (reported through `onShadowRoot` so that they can be watched). */
/** true when the node sits inside something we never read (an editable area, a form field, our own UI) */
function insideSkipped(node: Node): boolean {
  for (let el: Node | null = node.nodeType === 1 ? node : node.parentNode; el; el = el.parentNode ?? (el as ShadowRoot).host ?? null) {
    if (el.nodeType === 1 && skipElement(el as Element)) return true;
    if (el.nodeType === 9) return (el as Document).designMode === 'on';
  }
  return false;
}

export function collectBlocks(root: Node, onShadowRoot?: (root: ShadowRoot) => void): TextBlock[] {
  const walk = blockWalker(root, onShadowRoot);
  while (!walk.step(Infinity));
  return walk.blocks();
}

/** The same, in slices of `sliceMs` with `pause()` between them, so that a long page never blocks its own thread. */
export async function collectSliced(root: Node, onShadowRoot: ((root: ShadowRoot) => void) | undefined, sliceMs: number, pause: () => Promise<void>): Promise<TextBlock[]> {
  const walk = blockWalker(root, onShadowRoot);
  for (;;) {
    const t0 = performance.now();
    const done = walk.step(t0 + sliceMs);
    performance.measure('diplolens:collect', { start: t0, end: performance.now() });
    if (done) return walk.blocks();
    await pause();
  }
}

function blockWalker(root: Node, onShadowRoot?: (root: ShadowRoot) => void) {
  const doc = root.ownerDocument ?? (root as Document);
  // a change inside an editable area (the reader typing) is never read
  if (insideSkipped(root)) return { step: () => true, blocks: (): TextBlock[] => [] };
  // no filter callback: the browser calling back into script for every node cost more than the walk itself;
  // a skipped element's subtree is stepped over by hand (afterSkipped)
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  /** the node after the current one's subtree, or null at the end of the tree */
  const afterSkipped = (): Node | null => {
    for (;;) {
      const next = walker.nextSibling();
      if (next) return next;
      if (!walker.parentNode()) return null;
    }
  };
  const blocks: TextBlock[] = [];
  let current: TextBlock | null = null;
  const blockCache = new Map<Element, Element>();
  const blockOf = (node: Node): Element => {
    const parent = node.parentElement;
    const cached = parent && blockCache.get(parent);
    if (cached) return cached;
    let el = parent;
    while (el && !BLOCK.has(el.tagName.toUpperCase()) && el.parentElement) el = el.parentElement;
    if (parent && el) blockCache.set(parent, el);
    // a text node right under a shadow root belongs to the host's block
    return el ?? (node.parentNode && 'host' in node.parentNode ? (node.parentNode as ShadowRoot).host : doc.documentElement);
  };
  const shadows: ShadowRoot[] = [];
  let finished = false;
  // a block without a letter (a date, a number, a separator) is dropped when the next one starts, a piece of the
  // work at a time, rather than all at the end in one long task
  const closeBlock = () => {
    if (current && !/\p{L}/u.test(current.text)) blocks.pop();
    current = null;
  };
  let pending: Node | null = null;
  /** walks until the deadline (checked every 256 nodes); true when the whole tree is read */
  const step = (deadline: number): boolean => {
  if (finished) return true;
  let count = 0;
  for (let n = pending ?? walker.nextNode(); n; n = walker.nextNode()) {
    pending = null;
    if (n.nodeType === 1) {
      while (n && n.nodeType === 1 && skipElement(n as Element)) n = afterSkipped();
      if (!n) break;
    }
    if ((++count & 255) === 0 && performance.now() > deadline) {
      // this node is read first on the next call
      pending = n;
      return false;
    }
    if (n.nodeType === 1) {
      if ((n as Element).tagName === 'BR' && current) current.text += '\n';
      const shadow = (n as Element).shadowRoot;
      if (shadow && (n as Element).localName !== OWN_UI) { shadows.push(shadow); closeBlock(); }
      continue;
    }
    const t = n as Text;
    const value = t.data;
    if (!value) continue;
    const block = blockOf(t);
    if (!current || current.element !== block) {
      if (!/\S/.test(value)) continue;
      closeBlock();
      current = { text: '', lang: langOf(block), nodes: [], offsets: [], element: block };
      blocks.push(current);
    }
    current.offsets.push(current.text.length);
    current.nodes.push(t);
    current.text += value;
  }
  closeBlock();
  for (const shadow of shadows) {
    onShadowRoot?.(shadow);
    blocks.push(...collectBlocks(shadow, onShadowRoot));
  }
  finished = true;
  return true;
  };
  return { step, blocks: () => blocks };
}

/** A block's text: kept while it is being matched, then rebuilt from its text nodes when asked for (the popup's
 *  summary); the line breaks of <br> elements sit where the offsets leave gaps. */
export function blockText(block: TextBlock): string {
  if (block.text) return block.text;
  let out = '';
  block.nodes.forEach((n, k) => { out = out.padEnd(block.offsets[k], '\n') + n.data; });
  return out;
}

/** Index of the text node holding `offset` of a block. */
export function nodeIndexAt(block: TextBlock, offset: number, preferEnd = false): number {
  const { offsets } = block;
  let lo = 0, hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] < offset || (!preferEnd && offsets[mid] === offset)) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** The text node and offset where `offset` of a block falls. */
export function locate(block: TextBlock, offset: number, preferEnd = false): [Text, number] {
  const i = nodeIndexAt(block, offset, preferEnd);
  return [block.nodes[i], Math.min(offset - block.offsets[i], block.nodes[i].data.length)];
}

/** A DOM range over block text [start, end): it may span several text nodes. */
export function rangeOf(block: TextBlock, start: number, end: number): Range {
  const range = block.element.ownerDocument!.createRange();
  const [sn, so] = locate(block, start);
  const [en, eo] = locate(block, end, true);
  range.setStart(sn, so);
  range.setEnd(en, eo);
  return range;
}
