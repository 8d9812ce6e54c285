// "On this page": the entities the page mentions, by type, with mention counts, and the meetings it reports.
import { t } from '../shared/i18n.ts';
import type { PageSummary } from '../shared/messages.ts';

const GROUPS = [['person', 'typePerson'], ['organization', 'typeOrganization'], ['treaty', 'typeTreaty'], ['country', 'typeCountry']] as const;

export function PageEntities({ summary, onOpen }: { summary: (PageSummary & { disabled?: boolean }) | null | undefined; onOpen: (id: string) => void }) {
  if (summary === undefined) return <p class="muted">…</p>;
  if (summary === null || summary.disabled) return <p class="muted">{t('popupNotHere')}</p>;
  if (!summary.mentions.length) return <p class="muted">{t('popupNothing')}</p>;
  const counts = new Map<string, { id: string; name: string; type: string; text: string; n: number }>();
  for (const m of summary.mentions) {
    const c = counts.get(m.entity.id) ?? { id: m.entity.id, name: m.entity.name, type: m.entity.type, text: m.text, n: 0 };
    c.n++;
    counts.set(m.entity.id, c);
  }
  return (
    <section aria-label={t('popupOnThisPage')}>
      <h2>{t('popupOnThisPage')}</h2>
      {GROUPS.map(([type, key]) => {
        const items = [...counts.values()].filter((c) => c.type === type).sort((a, b) => b.n - a.n);
        if (!items.length) return null;
        return (
          <div class={`group ${type}`}>
            <h3>{t(key)} <span class="muted">({items.length})</span></h3>
            <ul class="entities">
              {items.map((c) => (
                <li>
                  <button type="button" class="entity" data-id={c.id} onClick={() => onOpen(c.id)}>
                    <span class="label">{c.name}</span>
                    <span class="count" aria-label={`${c.n} ${t('popupMentions')}`}>{c.n}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {summary.meetings.length > 0 && (
        <div class="group meetings">
          <h3>{t('popupMeetings')}</h3>
          <ul>
            {summary.meetings.map((m) => (
              <li>{m.participants.map((p) => p.name).join(' – ')}{m.date ? `, ${m.date}` : ''}{m.place ? `, ${m.place}` : ''}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
