// Dynamic pages: text added or changed later (infinite scroll, hydration, live updates) is scanned in batches
// in idle time; removed nodes drop their highlights.
import type { Page } from './page.ts';
import { OWN_UI } from './collect.ts';

const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 50));

export function watchMutations(doc: Document, page: Page): () => void {
  let roots = new Set<Node>();
  let removed = false;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    // keep only outermost roots: a parent's rescan covers its children
    const list = [...roots].filter((n) => n.isConnected && ![...roots].some((o) => o !== n && o.contains(n)));
    roots = new Set();
    if (removed) { removed = false; page.prune(); }
    if (list.length) page.update(list);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const target = r.target;
      if (target.nodeType === 1 && ((target as Element).localName === OWN_UI)) continue;
      if (r.type === 'characterData') { const p = target.parentElement; if (p) roots.add(blockRoot(p)); continue; }
      if (r.removedNodes.length) removed = true;
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && (n as Element).localName === OWN_UI) continue;
        if (n.nodeType === 1 || n.nodeType === 3) roots.add(blockRoot(n.nodeType === 3 ? n.parentElement ?? n : n));
      }
    }
    if ((roots.size || removed) && !scheduled) { scheduled = true; idle(flush); }
  });
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => observer.disconnect();
}

const INLINE = new Set(['A', 'B', 'I', 'EM', 'STRONG', 'SPAN', 'SMALL', 'MARK', 'ABBR', 'CITE', 'Q', 'SUB', 'SUP', 'U', 'S', 'TIME', 'FONT']);
/** the enclosing block of a change: inline text joins its neighbours into one string */
function blockRoot(n: Node): Node {
  let el: Node | null = n;
  while (el && el.nodeType === 1 && INLINE.has((el as Element).tagName) && el.parentNode) el = el.parentNode;
  return el ?? n;
}
