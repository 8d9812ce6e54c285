// Dynamic pages: text added or changed later (infinite scroll, hydration, live updates) is scanned in batches
// in idle time; removed nodes drop their highlights; a single-page navigation (history API) starts a new reading.
import type { Page } from './page.ts';
import { OWN_UI } from './collect.ts';

const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 50));
const INLINE = new Set(['A', 'B', 'I', 'EM', 'STRONG', 'SPAN', 'SMALL', 'MARK', 'ABBR', 'CITE', 'Q', 'SUB', 'SUP', 'U', 'S', 'TIME', 'FONT']);

/** the enclosing block of a change: inline text joins its neighbours into one string */
function blockRoot(n: Node): Node {
  let el: Node | null = n;
  while (el && el.nodeType === 1 && INLINE.has((el as Element).tagName) && el.parentNode) el = el.parentNode;
  return el ?? n;
}

/** the roots that are not inside another root of the set */
function outermost(roots: Set<Node>): Node[] {
  const out: Node[] = [];
  for (const n of roots) {
    if (!n.isConnected) continue;
    let p = n.parentNode, covered = false;
    while (p && !covered) { covered = roots.has(p); p = p.parentNode; }
    if (!covered) out.push(n);
  }
  return out;
}

export interface Watcher { observe(root: Node): void; stop(): void }

export function watchMutations(doc: Document, page: () => Page | null, onNavigate: () => void): Watcher {
  let roots = new Set<Node>();
  let removed = false;
  let scheduled = false;
  let href = location.href;
  const flush = () => {
    scheduled = false;
    if (location.href !== href) { href = location.href; roots = new Set(); removed = false; onNavigate(); return; }
    const p = page();
    const list = outermost(roots);
    roots = new Set();
    if (!p) return;
    if (removed) { removed = false; p.prune(); }
    if (list.length) p.update(list);
  };
  const schedule = () => { if (!scheduled) { scheduled = true; idle(flush); } };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const target = r.target;
      if (target.nodeType === 1 && (target as Element).localName === OWN_UI) continue;
      if (r.type === 'characterData') { const p = target.parentElement; if (p) roots.add(blockRoot(p)); continue; }
      if (r.removedNodes.length) removed = true;
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && (n as Element).localName === OWN_UI) continue;
        if (n.nodeType === 1 || n.nodeType === 3) roots.add(blockRoot(n.nodeType === 3 ? n.parentElement ?? n : n));
      }
    }
    if (roots.size || removed) schedule();
  });
  const options = { childList: true, subtree: true, characterData: true };
  observer.observe(doc.body ?? doc.documentElement, options);
  // history API navigations change the URL without a load; the DOM changes that follow are batched above
  const onHistory = () => { if (location.href !== href) schedule(); };
  window.addEventListener('popstate', onHistory);
  (window as any).navigation?.addEventListener?.('navigatesuccess', onHistory);
  return {
    observe: (root) => observer.observe(root, options),
    stop: () => {
      observer.disconnect();
      window.removeEventListener('popstate', onHistory);
      (window as any).navigation?.removeEventListener?.('navigatesuccess', onHistory);
    },
  };
}
