// The card's meetings: the user's reading merged with the bundled meetings, every source listed; an
// organization shows its heads' meetings while in office, a country its officials'.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildCard, createFacts, relatedMeetings } from '../../src/core/cards.ts';
import type { FactsStore, MeetingFact } from '../../src/core/dictionary/facts.ts';
import { readingFacts, recordOf, mergeRecords } from '../../src/background/meetings-format.ts';
import type { MeetingOut } from '../../src/core/contracts.ts';

const facts = createFacts(JSON.parse(readFileSync(new URL('../../build/facts.json', import.meta.url), 'utf8')) as FactsStore);
const NURTLEU = { id: 'person:murat-nurtleu', name: 'Murat Nurtleu' };
const BORG = { id: 'person:ian-borg', name: 'Ian Borg' };
const met = (over: Partial<MeetingOut> = {}): MeetingOut => ({ participants: [NURTLEU, BORG], date: '2024-06-25', place: 'Astana', kind: 'in-person', cameo: '044', evidence: 'They met.', ...over });
const RU = { url: 'http://127.0.0.1/seed-article-ru.html', title: 'Нуртлеу и Борч', lang: 'ru', readAt: '2024-06-25T10:00:00Z' };
const EN = { url: 'http://127.0.0.1/meeting-article-en.html', title: 'Nurtleu meets Borg', lang: 'en', readAt: '2024-06-25T11:00:00Z' };

/** what the worker passes to the card: the stored record of the meeting read on both pages */
function readBoth(m: MeetingOut = met()): MeetingFact[] {
  return readingFacts([mergeRecords(recordOf(m, RU), recordOf(m, EN))!]);
}

describe('card meetings from reading', () => {
  it('shows a meeting read on two pages once, marked as read, with both pages first and the bundled sources after', () => {
    const card = buildCard(facts, 'person:ian-borg', { lang: 'ru', date: '2024-06-25', meetings: readBoth() })!;
    const astana = card.meetings.filter((m) => m.date === '2024-06-25' && m.counterparts.some((c) => c.id === NURTLEU.id));
    expect(astana).toHaveLength(1);
    expect(astana[0].fromReading).toBe(true);
    expect(astana[0].sources.slice(0, 2)).toEqual([
      { url: RU.url, title: RU.title, fromReading: true },
      { url: EN.url, title: EN.title, fromReading: true },
    ]);
    // the bundled meeting's sources follow, by host, and its place is given in the reader's language
    expect(astana[0].sources.slice(2).map((s) => s.fromReading)).toEqual([false, false, false]);
    expect(astana[0].sources[2].title).toBe('www.kt.kz');
    expect(astana[0].place).toBe('Астана');
    expect(astana[0].counterparts.map((c) => c.id)).toEqual([NURTLEU.id]);
  });

  it('adds a meeting only the reading knows of, and keeps bundled ones unmarked', () => {
    const extra = readBoth(met({ date: '2024-06-24', place: 'Almaty' }));
    const list = relatedMeetings(facts, facts.get('person:ian-borg')!, 'en', extra, 50, '2024-06-25');
    const read = list.filter((m) => m.fromReading);
    expect(read.map((m) => [m.date, m.place, m.sources.length])).toEqual([['2024-06-24', 'Almaty', 2]]);
    expect(list.find((m) => m.id === 'meeting:2024-06-25-tokayev-borg-astana')).toMatchObject({ fromReading: false });
  });

  it('shows on the OSCE card its chair\'s meetings while he chaired it, not his earlier ones as Malta\'s minister', () => {
    const before = readBoth(met({ date: '2023-05-02', place: 'Valletta' }));
    const osce = relatedMeetings(facts, facts.get('org:osce')!, 'en', before, 100);
    expect(osce.map((m) => m.id)).toContain('meeting:2024-06-25-nurtleu-borg-astana');
    expect(osce.some((m) => m.date === '2023-05-02')).toBe(false);
    // Malta's card has it: Borg was its foreign minister then
    const malta = relatedMeetings(facts, facts.get('country:mt')!, 'en', before, 100);
    expect(malta.find((m) => m.date === '2023-05-02')).toMatchObject({ fromReading: true });
  });

  it('shows on Kazakhstan\'s card its foreign minister\'s meetings, with every participant named', () => {
    const kz = relatedMeetings(facts, facts.get('country:kz')!, 'en', readBoth(), 100);
    const astana = kz.find((m) => m.date === '2024-06-25' && m.fromReading)!;
    expect(astana.counterparts.map((c) => c.name).sort()).toEqual(['Ian Borg', 'Murat Nurtleu']);
    expect(kz.map((m) => m.id)).toContain('meeting:2023-04-12-nurtleu-lavrov-moscow');
  });
});
