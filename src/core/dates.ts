// Explicit dates in a sentence ("25 июня", "on June 25", "25 маусым"), read against the page's own date.
// chrono-node covers most of our languages; Kazakh and Turkish month names are read here.
import * as chrono from 'chrono-node';

const PARSERS: Record<string, { parse: (text: string, ref?: Date) => chrono.ParsedResult[] }> = {
  en: chrono.en, ru: chrono.ru, uk: chrono.uk, fr: chrono.fr, de: chrono.de, es: chrono.es, zh: chrono.zh, ja: chrono.ja, pt: chrono.pt, it: chrono.it,
};
const MONTHS: Record<string, string[]> = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  tr: ['ocak', 'şubat', 'mart', 'nisan', 'mayıs', 'haziran', 'temmuz', 'ağustos', 'eylül', 'ekim', 'kasım', 'aralık'],
};

const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Dates named in the text to the day, as YYYY-MM-DD; a date without a year takes the page's year. */
export function findDates(text: string, lang: string, pageDate?: string): string[] {
  const ref = pageDate ? new Date(`${pageDate}T12:00:00Z`) : new Date();
  const months = MONTHS[lang];
  if (months) {
    const out: string[] = [];
    const re = new RegExp(`(\\d{1,2})\\s+(${months.join('|')})\\S*(?:\\s+(\\d{4}))?`, 'giu');
    for (const m of text.matchAll(re)) {
      const month = months.indexOf(m[2].toLowerCase()) + 1;
      out.push(iso(m[3] ? Number(m[3]) : ref.getUTCFullYear(), month, Number(m[1])));
    }
    return out;
  }
  const parser = PARSERS[lang] ?? PARSERS.en;
  return parser
    .parse(text, ref)
    .filter((r) => r.start.isCertain('day') && r.start.isCertain('month'))
    .map((r) => iso(r.start.get('year') ?? ref.getUTCFullYear(), r.start.get('month')!, r.start.get('day')!));
}
