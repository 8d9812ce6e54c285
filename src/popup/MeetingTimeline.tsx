// Under an entity's card in the popup: all its meetings (bundled and from the user's reading) by year, with a
// small bar chart of whom it met most. Plain SVG, no chart library. A source opens in a new tab.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { CardMeeting } from '../core/cards.ts';
import { MeetingSources } from '../ui/EntityCard.tsx';
import { isWebUrl } from '../shared/meeting-check.ts';

const STRINGS = {
  en: { title: 'Timeline', none: 'No meetings known yet.', counterparts: 'Met most often', fromReading: 'from your reading', planned: 'planned', meetings: 'meetings', read: 'read' },
  ru: { title: 'Хронология', none: 'Встречи пока неизвестны.', counterparts: 'Чаще всего встречался с', fromReading: 'из прочитанного', planned: 'планируется', meetings: 'встреч', read: 'прочитано' },
};
const strings = (lang: string) => (lang === 'ru' || lang === 'uk' || lang === 'kk' ? STRINGS.ru : STRINGS.en);

export const meetingsOf = (id: string, lang: string) => browser.runtime.sendMessage({ type: 'diplolens:meetings-of', id, lang }) as Promise<CardMeeting[]>;
const openSource = (url: string) => { if (isWebUrl(url)) void browser.tabs.create({ url }); };

export interface CounterpartCount { id: string; name: string; total: number; fromReading: number }

/** Whom the entity met, most often first (ties: those the user read about, then by name), with how many of those meetings the user read about. */
export function countCounterparts(meetings: CardMeeting[], limit = 8): CounterpartCount[] {
  const counts = new Map<string, CounterpartCount>();
  for (const m of meetings) for (const c of m.counterparts) {
    const n = counts.get(c.id) ?? { id: c.id, name: c.name, total: 0, fromReading: 0 };
    n.total++;
    if (m.fromReading) n.fromReading++;
    counts.set(c.id, n);
  }
  return [...counts.values()].sort((a, b) => b.total - a.total || b.fromReading - a.fromReading || a.name.localeCompare(b.name)).slice(0, limit);
}

const ROW = 18;
const LABEL_W = 150;
const BAR_W = 180;

export function CounterpartChart({ counts, title, readLabel }: { counts: CounterpartCount[]; title: string; readLabel: string }) {
  const max = Math.max(1, ...counts.map((c) => c.total));
  const height = counts.length * ROW;
  return (
    <svg class="counterparts" role="img" aria-label={title} width={LABEL_W + BAR_W + 30} height={height} viewBox={`0 0 ${LABEL_W + BAR_W + 30} ${height}`}>
      {counts.map((c, i) => {
        const y = i * ROW;
        const w = (c.total / max) * BAR_W;
        const r = (c.fromReading / max) * BAR_W;
        return (
          <g class="bar" data-id={c.id}>
            <title>{`${c.name}: ${c.total}${c.fromReading ? ` (${c.fromReading} ${readLabel})` : ''}`}</title>
            <text x={LABEL_W - 6} y={y + ROW / 2} text-anchor="end" dominant-baseline="central" class="label">{c.name.length > 22 ? c.name.slice(0, 21) + '…' : c.name}</text>
            <rect x={LABEL_W} y={y + 3} width={Math.max(w, 2)} height={ROW - 6} rx="2" class="total" />
            {r > 0 && <rect x={LABEL_W} y={y + 3} width={r} height={ROW - 6} rx="2" class="read" />}
            <text x={LABEL_W + Math.max(w, 2) + 4} y={y + ROW / 2} dominant-baseline="central" class="n">{c.total}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function MeetingTimeline({ id, lang, load = meetingsOf }: { id: string; lang: string; load?: typeof meetingsOf }) {
  const [meetings, setMeetings] = useState<CardMeeting[] | null>(null);
  const s = strings(lang);
  useEffect(() => {
    let live = true;
    load(id, lang).then((m) => live && setMeetings(m ?? []), () => live && setMeetings([]));
    return () => { live = false; };
  }, [id, lang]);
  if (!meetings) return null;
  const years = new Map<string, CardMeeting[]>();
  for (const m of [...meetings].sort((a, b) => b.date.localeCompare(a.date))) {
    const y = m.date.slice(0, 4);
    (years.get(y) ?? years.set(y, []).get(y)!).push(m);
  }
  const counts = countCounterparts(meetings);
  return (
    <section class="timeline" aria-label={s.title}>
      <style>{TIMELINE_CSS}</style>
      <h3>{s.title} <span class="muted">({meetings.length} {s.meetings})</span></h3>
      {meetings.length === 0 ? <p class="muted">{s.none}</p> : (
        <>
          <h4 class="muted">{s.counterparts}</h4>
          <CounterpartChart counts={counts} title={s.counterparts} readLabel={s.read} />
          {[...years].map(([year, list]) => (
            <div class="year">
              <h4>{year}</h4>
              <ol>
                {list.map((m) => (
                  <li class={m.fromReading ? 'meeting from-reading' : 'meeting'}>
                    <time dateTime={m.date}>{m.date.slice(5)}</time>{' '}
                    <span class="with">{m.counterparts.map((c) => c.name).join(', ')}</span>
                    {m.place && <span class="place">, {m.place}</span>}
                    {m.planned && <span class="badge"> · {s.planned}</span>}
                    {m.fromReading && <span class="badge"> · {s.fromReading}</span>}
                    <MeetingSources meeting={m} onOpen={openSource} />
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </>
      )}
    </section>
  );
}

export const TIMELINE_CSS = `
.timeline h4 { font-size: 12px; margin: 8px 0 2px; }
.timeline ol { list-style: none; margin: 0; padding: 0; }
.timeline li { padding: 2px 0; border-left: 2px solid var(--line, #d0d7de); padding-left: 8px; }
.timeline li.from-reading { border-left-color: #8250df; }
.timeline .badge { color: #8250df; font-size: 11px; }
.timeline a.src { display: inline-block; max-width: 14em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
.timeline svg .label, .timeline svg .n { font: 11px system-ui, sans-serif; fill: currentColor; }
.timeline svg .total { fill: #0064c8; opacity: .45; }
.timeline svg .read { fill: #8250df; }
`;
