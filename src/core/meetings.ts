// Meetings in what the user reads: a sentence (or a short run of sentences) that names two or more officials
// together with a meeting cue. Each meeting gets participants, date, place, a CAMEO-coded kind and its evidence.
import type { MeetingKind, MeetingOut, MentionOut } from './contracts.ts';
import { findDates } from './dates.ts';

interface Cue { re: RegExp; kind: MeetingKind; cameo: string }

// cues per language, most specific first; stems catch inflected forms ("встретился", "встречу", "встречи")
const CUES: Record<string, Cue[]> = {
  ru: [
    { re: /телефонн\S* (разговор|переговор)|по телефону|созвон|видеосвяз|телефонный/i, kind: 'call', cameo: '041' },
    { re: /подписал|подписан/i, kind: 'agreement', cameo: '057' },
    { re: /принял\S*|принимал|приём|прием/i, kind: 'visit', cameo: '043' },
    { re: /переговор/i, kind: 'negotiation', cameo: '046' },
    { re: /посетил|посещени|визит|прибыл/i, kind: 'visit', cameo: '042' },
    { re: /встре[тч]|бесед|собеседник|на полях|обсудил/i, kind: 'in-person', cameo: '044' },
  ],
  uk: [
    { re: /телефонн\S* розмов|по телефону|телефон/i, kind: 'call', cameo: '041' },
    { re: /підписа/i, kind: 'agreement', cameo: '057' },
    { re: /прийня[вл]/i, kind: 'visit', cameo: '043' },
    { re: /переговор/i, kind: 'negotiation', cameo: '046' },
    { re: /відвіда|візит/i, kind: 'visit', cameo: '042' },
    { re: /зустр|розмов|обговори/i, kind: 'in-person', cameo: '044' },
  ],
  kk: [
    { re: /телефон/i, kind: 'call', cameo: '041' },
    { re: /қол қой/i, kind: 'agreement', cameo: '057' },
    { re: /қабылда/i, kind: 'visit', cameo: '043' },
    { re: /келіссөз/i, kind: 'negotiation', cameo: '046' },
    { re: /сапар/i, kind: 'visit', cameo: '042' },
    { re: /кездес|әңгімелес|талқыла/i, kind: 'in-person', cameo: '044' },
  ],
  en: [
    { re: /phone (call|conversation|talks)|telephone|spoke (by|on the|over the) phone|call with|video ?call|videoconference|\bcalled\b/i, kind: 'call', cameo: '041' },
    { re: /\bsign(ed|ing)\b/i, kind: 'agreement', cameo: '057' },
    { re: /\b(received|hosted|welcomed)\b/i, kind: 'visit', cameo: '043' },
    { re: /\b(talks|negotiat\w*)\b/i, kind: 'negotiation', cameo: '046' },
    { re: /\bvisit(s|ed|ing)?\b/i, kind: 'visit', cameo: '042' },
    { re: /\b(met|meet|meets|meeting|meetings|discuss(ed|ions?)|conversation|summit|sidelines|counterpart)\b/i, kind: 'in-person', cameo: '044' },
  ],
  fr: [
    { re: /t[ée]l[ée]phon|appel/i, kind: 'call', cameo: '041' },
    { re: /sign[ée]/i, kind: 'agreement', cameo: '057' },
    { re: /\bre[çc]u\b|accueill/i, kind: 'visit', cameo: '043' },
    { re: /pourparlers|n[ée]gociation/i, kind: 'negotiation', cameo: '046' },
    { re: /visite/i, kind: 'visit', cameo: '042' },
    { re: /rencontr|entretien|entretenu|r[ée]union|discut/i, kind: 'in-person', cameo: '044' },
  ],
  de: [
    { re: /telefon/i, kind: 'call', cameo: '041' },
    { re: /unterzeichn/i, kind: 'agreement', cameo: '057' },
    { re: /empf(ing|angen)/i, kind: 'visit', cameo: '043' },
    { re: /verhandl/i, kind: 'negotiation', cameo: '046' },
    { re: /besuch/i, kind: 'visit', cameo: '042' },
    { re: /\btraf\b|getroffen|treffen|gespr[äa]ch|beriet/i, kind: 'in-person', cameo: '044' },
  ],
  es: [
    { re: /tel[ée]fon|llamada/i, kind: 'call', cameo: '041' },
    { re: /firm[óa]/i, kind: 'agreement', cameo: '057' },
    { re: /recibi[óo]/i, kind: 'visit', cameo: '043' },
    { re: /negociaci/i, kind: 'negotiation', cameo: '046' },
    { re: /visit/i, kind: 'visit', cameo: '042' },
    { re: /reuni|encuentro|convers|entrevist|di[áa]logo|se reuni/i, kind: 'in-person', cameo: '044' },
  ],
  tr: [
    { re: /telefon/i, kind: 'call', cameo: '041' },
    { re: /imzala/i, kind: 'agreement', cameo: '057' },
    { re: /kabul etti/i, kind: 'visit', cameo: '043' },
    { re: /müzakere/i, kind: 'negotiation', cameo: '046' },
    { re: /ziyaret/i, kind: 'visit', cameo: '042' },
    { re: /görüş|bir araya/i, kind: 'in-person', cameo: '044' },
  ],
  zh: [
    { re: /通话|通电话/, kind: 'call', cameo: '041' },
    { re: /签署/, kind: 'agreement', cameo: '057' },
    { re: /会见|接见/, kind: 'visit', cameo: '043' },
    { re: /会谈|谈判/, kind: 'negotiation', cameo: '046' },
    { re: /访问/, kind: 'visit', cameo: '042' },
    { re: /会晤|见面|举行/, kind: 'in-person', cameo: '044' },
  ],
};

// words that announce a meeting still to come
const PLANNED: Record<string, RegExp> = {
  ru: /(встретится|проведут|состоится|планиру|намерен|предстоящ|пройдут|посетит|запланирован)/i,
  uk: /(зустрінеться|проведуть|відбудеться|планує|запланован|відвідає)/i,
  kk: /(кездеседі|өтеді|жоспарла)/i,
  en: /\b(will (meet|visit|hold|travel)|to meet|is expected to|plans? to|scheduled|upcoming|is due to)\b/i,
  fr: /(rencontrera|se rendra|doit rencontrer|prévu)/i,
  de: /(wird .* treffen|geplant|soll .* treffen|reist .* nach)/i,
  es: /(se reunirá|visitará|está previst|prevé)/i,
  tr: /(görüşecek|ziyaret edecek|bir araya gelecek)/i,
  zh: /(将会见|将访问|将举行|将与)/,
};

export interface SentenceSpan { start: number; end: number }

/** Sentences: split after . ! ? … and line breaks, but not after an initial ("С. Лавров") or a short abbreviation. */
export function sentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const re = /[.!?…。！？]+["»”)]*\s+|\n+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(start, m.index - 4), m.index + 1);
    if (m[0][0] === '.' && /(^|[\s(])(\p{Lu}|[A-Za-z]{1,2}|г|гг|им|т\.е|др|см|St|Mr|Mrs|Ms|Dr|U\.S|U\.N)\.$/u.test(before)) continue;
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = end;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

export interface MeetingOptions {
  lang: string;
  date?: string | null;
  /** place names by normalized key → English name */
  findPlace?: (text: string) => string | null;
  /** roles that never take part in a meeting they report on (spokespeople) */
  isReporter?: (entityId: string) => boolean;
}

function cueIn(text: string, lang: string): Cue | null {
  for (const cue of CUES[lang] ?? CUES.en) if (cue.re.test(text)) return cue;
  return null;
}

export function extractMeetings(text: string, mentions: MentionOut[], opts: MeetingOptions): MeetingOut[] {
  const lang = CUES[opts.lang] ? opts.lang : 'en';
  const spans = sentences(text);
  const people = mentions.filter((m) => m.entity.type === 'person');
  const inSpan = (s: SentenceSpan) => people.filter((m) => m.start >= s.start && m.end <= s.end);
  const found = new Map<string, MeetingOut>();
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const sentence = text.slice(s.start, s.end);
    const cue = cueIn(sentence, lang);
    if (!cue) continue;
    let present = inSpan(s);
    // a short run of sentences: "X met Y." is often "X arrived … He met Y" or "X … . Y said …"
    if (new Set(present.map((m) => m.entity.id)).size < 2 && present.length >= 1) {
      const around = [spans[i - 1], spans[i + 1]].filter(Boolean).flatMap(inSpan);
      present = [...present, ...around.filter((m) => !present.some((p) => p.entity.id === m.entity.id)).slice(0, 1)];
    }
    let ids = [...new Set(present.map((m) => m.entity.id))];
    if (opts.isReporter && ids.length > 2) ids = ids.filter((id) => !opts.isReporter!(id));
    if (ids.length < 2) continue;
    const names = new Map(present.map((m) => [m.entity.id, m.entity.name]));
    const dates = findDates(sentence, lang, opts.date ?? undefined);
    const date = dates[0] ?? opts.date ?? null;
    const planned = (PLANNED[lang] ?? PLANNED.en).test(sentence) || (!!date && !!opts.date && date > opts.date);
    const key = [...ids].sort().join('|') + '|' + (date ?? '');
    if (found.has(key)) continue;
    found.set(key, {
      participants: ids.map((id) => ({ id, name: names.get(id)! })),
      date,
      place: opts.findPlace?.(sentence) ?? null,
      kind: planned ? 'announced' : cue.kind,
      cameo: cue.cameo,
      ...(planned ? { planned: true } : {}),
      evidence: sentence.trim(),
    });
  }
  return [...found.values()];
}
