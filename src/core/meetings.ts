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
  // Simplified and Traditional characters
  zh: [
    { re: /通话|通电话|通話|通電話/, kind: 'call', cameo: '041' },
    { re: /签署|簽署/, kind: 'agreement', cameo: '057' },
    { re: /会见|接见|會見|接見/, kind: 'visit', cameo: '043' },
    { re: /会谈|谈判|會談|談判/, kind: 'negotiation', cameo: '046' },
    { re: /访问|訪問/, kind: 'visit', cameo: '042' },
    { re: /会晤|见面|举行|會晤|見面|舉行/, kind: 'in-person', cameo: '044' },
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
  zh: /(将会见|将访问|将举行|将与|將會見|將訪問|將舉行|將與)/,
};

export interface SentenceSpan { start: number; end: number }

/** Sentences: split after . ! ? … and line breaks, but not after an initial ("С. Лавров") or a short abbreviation. */
export function sentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const re = /[.!?…。！？]+["»”)]*\s+|\n+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(start, m.index - 4), m.index + 1);
    if (m[0][0] === '.' && /(^|[\s(.])(\p{Lu}|[A-Za-z]{1,2}|г|гг|им|т\.е|др|см|St|Mr|Mrs|Ms|Dr|U\.S|U\.N)\.$/u.test(before)) continue;
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
  /** the holder of an office (ROLE_CODES) of a country on the page's date */
  holderOf?: (code: number, countryId: string) => { id: string; name: string } | null;
}

function cueIn(text: string, lang: string): { cue: Cue; index: number }[] {
  const out: { cue: Cue; index: number }[] = [];
  for (const cue of CUES[lang] ?? CUES.en) {
    const re = new RegExp(cue.re.source, cue.re.flags.includes('g') ? cue.re.flags : cue.re.flags + 'g');
    for (const m of text.matchAll(re)) out.push({ cue, index: m.index! });
  }
  return out.sort((a, b) => a.index - b.index);
}

// "X met with …": the objects follow a with-word right after the cue
const WITH: Record<string, RegExp> = {
  ru: /^\S*\s+(с|со)\s/i, uk: /^\S*\s+(з|із|зі)\s/i, en: /^\S*\s+(with|between)\s/i, fr: /^\S*\s+(avec|entre)\s/i,
  de: /^\S*\s+(mit|zwischen)\s/i, es: /^\S*\s+(con|entre)\s/i, kk: /^$/, tr: /^$/, zh: /^$/,
};
// a pronoun or an office standing for the person the article is about ("He met …", "Министр провел …")
const STAND_IN: Record<string, RegExp> = {
  ru: /(^|\s)(он|она|министр|глава|председатель|президент|премьер|генсек|генеральный секретарь|российский|дипломат)/i,
  uk: /(^|\s)(він|вона|міністр|голова|президент|прем'єр)/i,
  en: /(^|\s)(he|she|the minister|minister|the president|the secretary|the chairman|the chair|the prime minister)\b/i,
  fr: /(^|\s)(il|elle|le ministre|la ministre|le président|la présidente)\b/i,
  de: /(^|\s)(er|sie|der minister|die ministerin|der präsident|die präsidentin)\b/i,
  es: /(^|\s)(él|ella|el ministro|la ministra|el presidente|la presidenta)\b/i,
  kk: /(^|\s)(ол|министр|президент|төраға)/i, tr: /(^|\s)(bakan|cumhurbaşkanı)/i, zh: /^$/,
};
// reporting a meeting is not taking part in it: "Ushakov said", "сообщил Песков"
const REPORTING: Record<string, RegExp> = {
  ru: /(сообщил|сообщила|сообщал|заявил|заявила|рассказал|рассказала|отметил|добавил|уточнил|подчеркнул|пояснил|по словам|передает|пресс-секретар)/i,
  uk: /(повідомив|повідомила|заявив|заявила|за словами|речник)/i,
  en: /\b(said|says|stated|told|according to|announced|noted|added|explained|confirmed|stressed|spokes(man|woman|person))\b/i,
  fr: /\b(a déclaré|a indiqué|selon|a annoncé|porte-parole)\b/i,
  de: /\b(sagte|erklärte|teilte|laut|sprecher|sprecherin)\b/i,
  es: /\b(dijo|declaró|afirmó|según|portavoz)\b/i,
  kk: /(хабарлады|мәлімдеді|айтты)/i, tr: /(söyledi|açıkladı|sözcüsü)/i, zh: /(表示|说|发言人)/,
};

// the next sentence lists who takes part
const LIST_NEXT = /(include|including|participants|among them|joined by|together with|along with|участ|в том числе|в их числе|вместе с|participeront|participants|teilnehmer|participantes|katılımcı)/i;

const VERB_LAST = new Set(['de', 'tr', 'kk', 'ja']);

type Person = { id: string; name: string; start: number; end: number };

// an office named instead of its holder: "министр иностранных дел России", "US Secretary of State", "глава МИД РФ"
const ROLE_WORDS: [number, RegExp][] = [
  [3, /(министр\S* иностранных дел|глав\S* МИД|глав\S* (внешнеполитического|дипломатического) ведомства|глав\S* Госдеп\S*|госсекретар\S*|міністр\S* закордонних справ|foreign minister|foreign secretary|secretary of state|minister of foreign affairs|ministre des affaires étrangères|chef de la diplomatie|außenminister\S*|canciller|ministro de (asuntos )?exteriores|dışişleri bakanı|外长|外交部长)/i],
  [2, /(премьер-министр\S*|глав\S* правительства|прем'єр\S*|prime minister|premier ministre|premierminister|bundeskanzler|kanzler\S*|primer ministro|başbakan|总理)/i],
  [1, /(президент\S*|глав\S* государства|president|président|präsident\S*|presidente|cumhurbaşkanı|主席|总统)/i],
];

/** who takes part, from one sentence: a subject met objects (a star), or listed participants met (all pairs) */
function participantsOf(sentence: string, offset: number, present: Person[], lang: string, topic: (besides: string[]) => Person | null, isReporter: (id: string) => boolean, roleSubjects: (upTo: number) => Person[]): [Person, Person][] {
  const cues = cueIn(sentence, lang);
  if (!cues.length) return [];
  const reporting = REPORTING[lang] ?? REPORTING.en;
  // drop people who only report: a reporting word right next to their name, or a spokesperson among others
  const near = (p: Person) => sentence.slice(Math.max(0, p.start - offset - 30), Math.min(sentence.length, p.end - offset + 30));
  let people = present.filter((p) => !reporting.test(near(p)));
  if (people.length > 2) people = people.filter((p) => !isReporter(p.id));
  const unique = people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
  if (!unique.length) return [];
  // the cue that speaks of the people: the first one after the first person, else the first
  const firstAt = unique[0].start - offset;
  const { cue, index } = cues.find((c) => c.index > firstAt) ?? cues[0];
  const before = unique.filter((p) => p.start - offset < index);
  const after = unique.filter((p) => p.start - offset >= index && !before.some((b) => b.id === p.id));
  const star = (s: Person, objs: Person[]) => objs.filter((o) => o.id !== s.id).map((o) => [s, o] as [Person, Person]);
  const clique = (ps: Person[]) => ps.flatMap((a, i) => ps.slice(i + 1).map((b) => [a, b] as [Person, Person]));
  void cue;
  if (before.length) {
    // the verb comes last in German, Turkish, Kazakh, Japanese: "X hat A und B getroffen", "X, A ile görüştü"
    if (VERB_LAST.has(lang)) return star(before[0], [...before.slice(1), ...after]);
    // "X met with A": the person just before the cue
    if (after.length) return star(before[before.length - 1], after);
    return star(before[0], before.slice(1));
  }
  const withNext = (WITH[lang] ?? WITH.en).test(sentence.slice(index));
  const standIn = (STAND_IN[lang] ?? STAND_IN.en).test(sentence.slice(0, index));
  // offices named before the cue stand for their holders ("глава МИД РФ и глава Госдепартамента США примут участие …")
  const offices = roleSubjects(index).filter((r) => !after.some((a) => a.id === r.id));
  // "met with A and B" pairs the subject with each; "took part in the talks of A and B" pairs everyone
  if (offices.length && after.length) return withNext ? offices.flatMap((sub) => star(sub, after)) : clique([...offices, ...after]);
  const t = withNext || standIn ? topic(after.map((a) => a.id)) : null;
  if (t && after.length && !after.some((a) => a.id === t.id)) return star(t, after);
  return clique(after);
}

export function extractMeetings(text: string, mentions: MentionOut[], opts: MeetingOptions): MeetingOut[] {
  const lang = CUES[opts.lang] ? opts.lang : 'en';
  const spans = sentences(text);
  const people: Person[] = mentions.filter((m) => m.entity.type === 'person').map((m) => ({ id: m.entity.id, name: m.entity.name, start: m.start, end: m.end }));
  const isReporter = opts.isReporter ?? (() => false);
  const found = new Map<string, MeetingOut>();
  for (let i = 0; i < spans.length; i++) {
    let s = spans[i];
    let present = people.filter((p) => p.start >= s.start && p.end <= s.end);
    // "… will hold a summit. Participants will include A, B and C.": a cue with fewer than two people
    // reads on into the next sentence
    if (new Set(present.map((p) => p.id)).size < 2 && i + 1 < spans.length && cueIn(text.slice(s.start, s.end), lang).length
      && LIST_NEXT.test(text.slice(spans[i + 1].start, spans[i + 1].end))) {
      const next = spans[i + 1];
      const more = people.filter((p) => p.start >= next.start && p.end <= next.end);
      if (more.length && !cueIn(text.slice(next.start, next.end), lang).length) { s = { start: s.start, end: next.end }; present = [...present, ...more]; }
    }
    const sentence = text.slice(s.start, s.end);
    // the person the article is about so far: named most often before this sentence ends
    // (the people the sentence says were met cannot be the one who met them)
    const topic = (besides: string[]) => {
      const counts = new Map<string, { p: Person; n: number }>();
      for (const p of people) if (p.start < s.end && !isReporter(p.id) && !besides.includes(p.id)) { const c = counts.get(p.id) ?? { p, n: 0 }; c.n++; counts.set(p.id, c); }
      return [...counts.values()].sort((a, b) => b.n - a.n || a.p.start - b.p.start)[0]?.p ?? null;
    };
    const roleSubjects = (upTo: number): Person[] => {
      if (!opts.holderOf) return [];
      const head = sentence.slice(0, upTo);
      const countries = mentions.filter((m) => m.entity.type === 'country' && m.start >= s.start && m.start < s.start + upTo);
      const out: Person[] = [];
      for (const [code, re] of ROLE_WORDS) {
        for (const m of head.matchAll(new RegExp(re.source, 'gi'))) {
          // the country named nearest to the office word, within a few words
          const at = s.start + m.index!;
          const c = countries.map((x) => ({ x, d: Math.min(Math.abs(x.start - (at + m[0].length)), Math.abs(at - x.end)) })).filter((y) => y.d <= 25).sort((a, b) => a.d - b.d)[0];
          const holder = c && opts.holderOf(code, c.x.entity.id);
          if (holder && !out.some((o) => o.id === holder.id)) out.push({ ...holder, start: at, end: at + m[0].length });
        }
      }
      return out;
    };
    const pairs = participantsOf(sentence, s.start, present, lang, topic, isReporter, roleSubjects);
    if (!pairs.length) continue;
    const cue = cueIn(sentence, lang)[0].cue;
    const dates = findDates(sentence, lang, opts.date ?? undefined);
    const date = dates[0] ?? opts.date ?? null;
    const planned = (PLANNED[lang] ?? PLANNED.en).test(sentence) || (!!date && !!opts.date && date > opts.date);
    const place = opts.findPlace?.(sentence) ?? null;
    for (const [a, b] of pairs) {
      const key = [a.id, b.id].sort().join('|') + '|' + (date ?? '');
      if (found.has(key)) continue;
      found.set(key, {
        participants: [{ id: a.id, name: a.name }, { id: b.id, name: b.name }],
        date, place,
        kind: planned ? 'announced' : cue.kind,
        cameo: cue.cameo,
        ...(planned ? { planned: true } : {}),
        evidence: sentence.trim(),
      });
    }
  }
  return [...found.values()];
}
