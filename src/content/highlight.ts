// Highlights mentions with the CSS Custom Highlight API: one Highlight per entity type, registered as
// diplolens-<type>; the page's DOM is not touched. Where the API is missing, mentions are wrapped in
// <diplolens-mark> elements instead (the only DOM change the extension ever makes to page content).
import type { EntityType } from '../core/dictionary/index-format.ts';

export interface Highlighted { range: AbstractRange; type: EntityType }

const TYPES: EntityType[] = ['person', 'organization', 'treaty', 'country'];
export const hasHighlightApi = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

export function createHighlighter() {
  const api = hasHighlightApi();
  const groups = new Map<EntityType, Highlight>();
  const marks = new Map<AbstractRange, HTMLElement>();
  let visible = true;
  const flash = api ? new Highlight() : null;
  if (api) {
    for (const t of TYPES) groups.set(t, new Highlight());
    flash!.priority = 1;
  }
  const register = () => {
    if (!api) return;
    for (const [t, h] of groups) CSS.highlights.set(`diplolens-${t}`, h);
    CSS.highlights.set('diplolens-flash', flash!);
  };
  register();
  return {
    /** one range, straight into its type's Highlight */
    addRange(range: AbstractRange, type: EntityType) {
      if (api) groups.get(type)!.add(range);
      else this.add([{ range, type }]);
    },
    add(items: Highlighted[]) {
      for (const { range, type } of items) {
        if (api) { groups.get(type)!.add(range); continue; }
        try {
          const doc = range.startContainer.ownerDocument!;
          const live = doc.createRange();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          const mark = doc.createElement('diplolens-mark');
          mark.className = `diplolens-${type}`;
          live.surroundContents(mark);
          marks.set(range, mark);
        } catch { /* a range across element boundaries cannot be wrapped: it stays unhighlighted */ }
      }
    },
    remove(ranges: AbstractRange[]) {
      for (const r of ranges) {
        if (api) for (const h of groups.values()) h.delete(r);
        const m = marks.get(r);
        if (m) { m.replaceWith(...m.childNodes); marks.delete(r); }
      }
    },
    clear() {
      if (api) for (const h of groups.values()) h.clear();
      for (const m of marks.values()) m.replaceWith(...m.childNodes);
      marks.clear();
    },
    setVisible(on: boolean) {
      visible = on;
      if (!api) return;
      if (on) register(); else for (const t of [...TYPES.map((x) => `diplolens-${x}`), 'diplolens-flash']) CSS.highlights.delete(t);
    },
    get visible() { return visible; },
    flash(range: AbstractRange) {
      if (!flash) return;
      flash.clear();
      flash.add(range);
      setTimeout(() => flash.delete(range), 1600);
    },
    get size() { let n = 0; for (const h of groups.values()) n += h.size; return n + marks.size; },
  };
}

export type Highlighter = ReturnType<typeof createHighlighter>;
