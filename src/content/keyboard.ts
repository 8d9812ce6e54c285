// Keyboard: the next-mention / previous-mention commands (sent by the service worker) step through the page's
// visible mentions in document order and open the card of the one reached; Escape closes it (hover.ts).
import browser from 'webextension-polyfill';
import { parseRequest, type MentionCommand } from '../shared/messages.ts';
import type { Page, PageMention } from './page.ts';
import type { Tooltip } from './tooltip.tsx';
import type { Highlighter } from './highlight.ts';

export interface KeyboardDeps {
  page: () => Page | null;
  tooltip: Tooltip;
  highlighter: Highlighter;
  open: (m: PageMention) => Promise<void>;
}

const byDocumentOrder = (a: PageMention, b: PageMention) => {
  try { return a.range.compareBoundaryPoints(Range.START_TO_START, b.range); } catch { return 0; } // ranges in different shadow trees
};

/** The mention after (or before) the one whose card is open, wrapping around; hidden mentions are skipped. */
export function stepMention(mentions: PageMention[], current: Range | null, command: MentionCommand): PageMention | null {
  const list = mentions.filter((m) => m.range.getClientRects().length > 0).sort(byDocumentOrder);
  if (!list.length) return null;
  const at = current ? list.findIndex((m) => m.range === current) : -1;
  if (command === 'next-mention') return list[(at + 1) % list.length];
  return list[at <= 0 ? list.length - 1 : at - 1];
}

export function watchKeyboard(deps: KeyboardDeps): void {
  let focused: Range | null = null;
  browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    const req = parseRequest(msg);
    if (req?.type !== 'diplolens:command') return;
    const page = deps.page();
    if (!page) return Promise.resolve(null);
    // after Escape the walk goes on from the mention last reached
    const m = stepMention(page.mentions(), deps.tooltip.anchor ?? focused, req.command);
    if (!m) return Promise.resolve(null);
    focused = m.range;
    m.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    deps.highlighter.flash(m.range);
    return deps.open(m).then(() => ({ text: m.text, id: m.mention.entity.id }));
  });
}
