// The whole pipeline for one text: mentions, then meetings. Used by the CLI and the evaluation.
import { scanText, type Matcher } from './match.ts';
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
  const meetings = extractMeetings(text, mentions, {
    lang: opts.lang, date: opts.date, findPlace: (s) => findPlace(m, s),
    isReporter: (id) => m.data.entities.find((e) => e.id === id)?.reporter === true,
  });
  return { mentions, meetings };
}
