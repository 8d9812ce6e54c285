// The user's highlight style per type, as ::highlight() rules in one constructed stylesheet adopted by the document:
// swapped in place when settings change, never an element in the page's DOM.
import type { EntityType } from '../core/dictionary/index-format.ts';
import type { HighlightStyle } from '../shared/settings.ts';

const hex = (c: string) => (/^#[0-9a-f]{6}$/i.test(c) ? c : '#888888');
const rgba = (c: string, a: number) => {
  const n = parseInt(hex(c).slice(1), 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
};

/** One rule per type; every property is set so no earlier rule shows through. Pure, for tests. */
export function highlightCss(styles: Record<EntityType, HighlightStyle>): string {
  return Object.entries(styles).map(([type, s]) => {
    const sel = `::highlight(diplolens-${type})`;
    if (s.mode === 'underline') return `${sel} { background-color: transparent; color: inherit; text-decoration: underline ${hex(s.colour)} 2px; text-underline-offset: 2px; }`;
    // high contrast: yellow on black (about 19:1) whatever the page, the type told apart by the underline colour
    if (s.mode === 'contrast') return `${sel} { background-color: #000000; color: #ffff00; text-decoration: underline ${hex(s.colour)} 3px; text-underline-offset: 2px; }`;
    return `${sel} { background-color: ${rgba(s.colour, 0.28)}; color: inherit; text-decoration: underline ${rgba(s.colour, 0.9)} 1px; text-underline-offset: 2px; }`;
  }).join('\n');
}

export function createHighlightStyles() {
  let sheet: CSSStyleSheet | null = null;
  let css = '';
  const roots = new Set<Document | ShadowRoot>();
  const adopt = (root: Document | ShadowRoot) => {
    if (!sheet) return;
    // the page may have replaced the list since: put ours back at the end
    try {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch (err) {
      console.debug('DiploLens: highlight styles not adopted', err); // the default colours stay
    }
  };
  return {
    apply(styles: Record<EntityType, HighlightStyle>) {
      const next = highlightCss(styles);
      if (next === css && sheet) return;
      css = next;
      try {
        sheet ??= new CSSStyleSheet();
        // the flash of a revealed mention too: shadow roots get no other stylesheet of ours
        sheet.replaceSync(`${css}\n::highlight(diplolens-flash) { background-color: rgba(255, 80, 0, 0.55); }`);
      } catch (err) {
        console.debug('DiploLens: highlight styles not applied', err);
        return;
      }
      for (const r of roots) adopt(r);
    },
    /** the document and every open shadow root that holds mentions */
    adopt(root: Document | ShadowRoot) { roots.add(root); adopt(root); },
  };
}
