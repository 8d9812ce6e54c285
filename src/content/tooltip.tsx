// The hover card: one element of our own (<diplolens-ui>) under <html>, its content in a shadow root so the
// page's styles and ours never meet. Placed with @floating-ui/dom; never takes focus.
import { render } from 'preact';
import { computePosition, autoUpdate, flip, shift, offset, type VirtualElement } from '@floating-ui/dom';
import { EntityCard, CARD_CSS } from '../ui/EntityCard.tsx';
import type { Card } from '../core/cards.ts';
import { OWN_UI } from './collect.ts';

const STRINGS = {
  en: { meetings: 'Related meetings', source: 'source', asOf: 'as of', fromReading: '· from your reading', planned: '· planned', noMeetings: 'None known yet.' },
  ru: { meetings: 'Связанные встречи', source: 'источник', asOf: 'данные на', fromReading: '· из прочитанного', planned: '· планируется', noMeetings: 'Пока неизвестны.' },
};

const TOOLTIP_CSS = `
:host { all: initial; }
.tip { position: fixed; top: 0; left: 0; z-index: 2147483647; max-width: min(380px, calc(100vw - 16px)); max-height: min(420px, calc(100vh - 16px));
  overflow: auto; box-sizing: border-box; padding: 10px 12px; border-radius: 8px; background: #fff; border: 1px solid #d0d7de;
  box-shadow: 0 8px 24px rgba(140,149,159,.3); pointer-events: auto; }
@media (prefers-color-scheme: dark) { .tip { background: #161b22; border-color: #30363d; box-shadow: 0 8px 24px rgba(0,0,0,.5); } }
${CARD_CSS}`;

export function createTooltip(doc: Document) {
  let host: HTMLElement | null = null;
  let box: HTMLDivElement | null = null;
  let stop: (() => void) | null = null;
  let anchor: Range | null = null;
  const ensure = () => {
    if (host?.isConnected) return;
    host = doc.createElement(OWN_UI);
    // the host itself takes no space and catches no events; only the card does
    host.style.cssText = 'position:fixed;top:0;left:0;width:0;height:0;z-index:2147483647;';
    const root = host.attachShadow({ mode: 'open' });
    // a constructed stylesheet: allowed under any page CSP (a <style> element is not under style-src 'none')
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(TOOLTIP_CSS);
    root.adoptedStyleSheets = [sheet];
    box = doc.createElement('div');
    box.className = 'tip';
    box.setAttribute('role', 'tooltip');
    // read out when it opens (on hover or from the keyboard), without taking focus from the page
    box.setAttribute('aria-live', 'polite');
    box.id = 'diplolens-tooltip';
    box.hidden = true;
    root.append(box);
    doc.documentElement.append(host);
  };
  const hide = () => {
    stop?.();
    stop = null;
    anchor = null;
    if (box) { box.hidden = true; render(null, box); }
  };
  return {
    show(range: Range, card: Card, lang: string) {
      ensure();
      hide();
      anchor = range;
      render(<EntityCard card={card} strings={lang === 'ru' || lang === 'uk' || lang === 'kk' ? STRINGS.ru : STRINGS.en} />, box!);
      box!.hidden = false;
      const reference: VirtualElement = {
        getBoundingClientRect: () => range.getBoundingClientRect(),
        getClientRects: () => range.getClientRects(),
        contextElement: range.startContainer.parentElement ?? undefined,
      };
      const place = () =>
        computePosition(reference, box!, { strategy: 'fixed', placement: 'bottom-start', middleware: [offset(6), flip(), shift({ padding: 8 })] }).then(({ x, y }) => {
          if (box) box.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        });
      stop = autoUpdate(reference, box!, place, { animationFrame: false });
    },
    hide,
    get open() { return !!box && !box.hidden; },
    get anchor() { return anchor; },
    /** the pointer is over the card itself */
    contains(target: EventTarget | null) { return !!host && target === host; },
    get element() { return box; },
  };
}

export type Tooltip = ReturnType<typeof createTooltip>;
