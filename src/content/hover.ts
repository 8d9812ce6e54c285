// Hovering a highlighted mention opens its card after a short delay; leaving it (and the card) closes it,
// as does Escape. Listeners are passive and never cancel or stop the page's events.
import type { Page, PageMention } from './page.ts';
import type { Tooltip } from './tooltip.tsx';

type HitResult = { highlight: Highlight; ranges: AbstractRange[] };

/** The mention under a point: the Highlight API's own hit test where it exists, else the caret position. */
export function mentionAt(page: Page, doc: Document, x: number, y: number): PageMention | null {
  const api = (CSS as unknown as { highlights?: { highlightsFromPoint?: (x: number, y: number) => HitResult[] } }).highlights;
  if (api?.highlightsFromPoint) {
    for (const hit of api.highlightsFromPoint(x, y)) for (const r of hit.ranges ?? []) {
      const m = page.ofRange(r as Range);
      if (m) return m;
    }
    return null;
  }
  const caret = (doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null }).caretPositionFromPoint?.(x, y);
  const node = caret?.offsetNode ?? (doc as any).caretRangeFromPoint?.(x, y)?.startContainer;
  if (!node) return null;
  const offset = caret?.offset ?? 0;
  for (const m of page.atNode(node)) {
    if (caret && !m.range.isPointInRange(node, offset)) continue;
    // the caret snaps to the nearest text even off it: the point must be on one of the mention's boxes
    for (const r of m.range.getClientRects()) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return m;
  }
  return null;
}

export function watchHover(doc: Document, currentPage: () => Page | null, tooltip: Tooltip, open: (m: PageMention) => void, delay: () => number) {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let closing: ReturnType<typeof setTimeout> | undefined;
  let current: PageMention | null = null;
  let frame = 0;
  let last = { x: 0, y: 0, target: null as EventTarget | null };
  const check = () => {
    frame = 0;
    if (tooltip.contains(last.target)) { clearTimeout(closing); return; }
    const page = currentPage();
    const m = page ? mentionAt(page, doc, last.x, last.y) : null;
    if (m === current) { if (m) clearTimeout(closing); return; }
    current = m;
    clearTimeout(pending);
    if (m) {
      clearTimeout(closing);
      pending = setTimeout(() => open(m), delay());
    } else if (tooltip.open) {
      closing = setTimeout(() => tooltip.hide(), 250);
    }
  };
  const onMove = (e: PointerEvent) => {
    last = { x: e.clientX, y: e.clientY, target: e.target };
    if (!frame) frame = requestAnimationFrame(check);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && tooltip.open) { tooltip.hide(); current = null; }
  };
  doc.addEventListener('pointermove', onMove, { passive: true });
  doc.addEventListener('keydown', onKey, { passive: true });
  return () => {
    doc.removeEventListener('pointermove', onMove);
    doc.removeEventListener('keydown', onKey);
    clearTimeout(pending);
    clearTimeout(closing);
  };
}
