// The entity card: the tooltip and the popup show the same card.
import type { Card, CardMeeting } from '../core/cards.ts';
import { isWebUrl } from '../shared/meeting-check.ts';


/**
 * A meeting's sources as links: pages the user read by their title, bundled ones by their host. Only http(s)
 * addresses become links. `onOpen` lets the popup open them in a tab itself.
 */
export function MeetingSources({ meeting, onOpen }: { meeting: CardMeeting; onOpen?: (url: string) => void }) {
  const sources = meeting.sources ?? (meeting.source ? [{ url: meeting.source, title: meeting.source, fromReading: meeting.fromReading }] : []);
  return (
    <span class="meeting-sources">
      {sources.filter((s) => isWebUrl(s.url)).map((s) => (
        <>
          {' · '}
          <a class={s.fromReading ? 'src read' : 'src'} href={s.url} title={s.url} target="_blank" rel="noopener noreferrer"
            onClick={onOpen ? (e) => { e.preventDefault(); onOpen(s.url); } : undefined}>{s.title}</a>
        </>
      ))}
    </span>
  );
}

export function EntityCard({ card, strings, onOpenSource }: { card: Card; strings: { meetings: string; source: string; asOf: string; fromReading: string; planned: string; noMeetings: string }; onOpenSource?: (url: string) => void }) {
  return (
    <article class="card" aria-label={card.labelEn}>
      <header>
        <h2 class="name">{card.label}</h2>
        {card.labelEn !== card.label && <p class="name-en" lang="en">{card.labelEn}</p>}
        <p class={`type ${card.type}`}>{card.typeLabel}</p>
      </header>
      <p class="desc">{card.description}</p>
      {card.facts.length > 0 && (
        <dl class="facts">
          {card.facts.map((f) => (
            <div class="fact">
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <section class="meetings">
        <h3>{strings.meetings}</h3>
        {card.meetings.length === 0 ? <p class="none">{strings.noMeetings}</p> : (
          <ul>
            {card.meetings.map((m) => (
              <li class={m.fromReading ? 'meeting from-reading' : 'meeting'}>
                <time dateTime={m.date}>{m.date}</time>{' '}
                <span class="with">{m.counterparts.map((c) => c.name).join(', ')}</span>
                {m.place && <span class="place">, {m.place}</span>}
                {m.planned && <span class="badge"> {strings.planned}</span>}
                {m.fromReading && <span class="badge"> {strings.fromReading}</span>}
                <MeetingSources meeting={m} onOpen={onOpenSource} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer class="sources">
        {card.sources.slice(0, 2).map((s) => <a href={s} target="_blank" rel="noopener noreferrer">{new URL(s).hostname}</a>)}
        <span class="asof">{strings.asOf} {card.asOf}</span>
      </footer>
    </article>
  );
}

export const CARD_CSS = `
.card { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; }
.card h2 { font-size: 15px; margin: 0; }
.card .name-en { margin: 0; color: #57606a; font-size: 12px; }
.card .type { margin: 2px 0 0; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; font-weight: 600; }
/* type colours with at least 4.5:1 contrast on the card's background (WCAG AA for small text), light and dark */
.card .type.person { color: #855c00; } .card .type.organization { color: #0057a8; }
.card .type.treaty { color: #6a2bb3; } .card .type.country { color: #00693f; }
.card .desc { margin: 6px 0; }
.card .facts { margin: 6px 0; display: grid; gap: 2px; }
.card .fact { display: grid; grid-template-columns: 9.5em 1fr; gap: 6px; }
.card dt { color: #57606a; }
.card dd { margin: 0; }
.card h3 { font-size: 12px; margin: 8px 0 2px; color: #57606a; text-transform: uppercase; letter-spacing: .04em; }
.card ul { margin: 0; padding-left: 16px; }
.card .none { margin: 0; color: #57606a; }
.card .badge { color: #8250df; font-size: 11px; }
.card a { color: #0550ae; }
.card a.src { display: inline-block; max-width: 16em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; }
.card a.src.read { font-style: italic; }
.card footer { margin-top: 8px; display: flex; gap: 8px; flex-wrap: wrap; font-size: 11px; color: #57606a; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6edf3; }
  .card .name-en, .card dt, .card h3, .card .none, .card footer { color: #9da7b3; }
  .card a { color: #79c0ff; }
  .card .badge { color: #d2a8ff; }
  .card .type.person { color: #f2c14e; } .card .type.organization { color: #79c0ff; }
  .card .type.treaty { color: #d2a8ff; } .card .type.country { color: #56d364; }
}
`;
