// The whole pipeline for one text: mentions, then meetings. Used by the CLI and the evaluation.
import { scanText, holdsOfficeAt, type Matcher } from './match.ts';
import { dayNumber } from './dictionary/index-format.ts';
import { extractMeetings } from './meetings.ts';
import type { ScanOutput, MentionOut } from './contracts.ts';
import type { IndexEntity } from './dictionary/index-format.ts';
import { findPlace } from './places.ts';

export function toRef(e: IndexEntity): MentionOut['entity'] {
  return { id: e.id, name: e.name, type: e.type, ...(e.partOf ? { partOf: e.partOf } : {}) };
}

export function scanForOutput(m: Matcher, text: string, opts: { lang: string; date?: string }): ScanOutput {
  const mentions: MentionOut[] = scanText(m, text, opts).map((x) => ({
    start: x.start, end: x.end, text: x.text, entity: toRef(x.entity), ...(x.approximate ? { approximate: true } : {}),
  }));
  const meetings = extractMeetings(text, mentions, meetingOptions(m, opts.lang, opts.date));
  return { mentions, meetings };
}

/** What meeting extraction needs from the index: places, spokespeople, office holders on the page's date. */
export function meetingOptions(m: Matcher, lang: string, date?: string | null) {
  const ents = m.data.entities;
  const byId = new Map(ents.map((e, i) => [e.id, i]));
  const day = dayNumber(date ?? new Date().toISOString().slice(0, 10));
  return {
    lang, date,
    findPlace: (s: string) => findPlace(m, s),
    isReporter: (id: string) => ents[byId.get(id) ?? -1]?.reporter === true,
    holderOf: (code: number, countryId: string) => {
      const of = byId.get(countryId);
      if (of === undefined) return null;
      const hits = ents.filter((e) => e.type === 'person' && holdsOfficeAt(e, day, code, of));
      return hits.length === 1 ? { id: hits[0].id, name: hits[0].name } : null;
    },
  };
}
