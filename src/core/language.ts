// Language of a text block when the page does not say: script first, then letters and common words.
const STOP: Record<string, RegExp> = {
  en: /\b(the|and|of|to|in|with|said|was|that|for)\b/gi,
  fr: /\b(le|la|les|des|et|du|une|avec|dans|pour|est|qui)\b/gi,
  de: /\b(der|die|das|und|mit|den|dem|ist|nicht|auf|sich|eine)\b/gi,
  es: /\b(el|los|las|del|y|con|una|por|para|que|según)\b/gi,
  tr: /\b(ve|bir|ile|bu|için|olarak|ancak|daha)\b|ı|ğ|ş/gi,
};

export function detectLang(text: string): string | null {
  const sample = text.slice(0, 2000);
  const cyr = (sample.match(/[\u0400-\u04FF]/g) ?? []).length;
  const lat = (sample.match(/[A-Za-z\u00C0-\u024F]/g) ?? []).length;
  const han = (sample.match(/\p{Script=Han}/gu) ?? []).length;
  const kana = (sample.match(/[\u3040-\u30FF]/g) ?? []).length;
  if (kana > 5) return 'ja';
  if (han > cyr && han > lat / 3) return 'zh';
  if (cyr > lat) {
    if (/[әғқңөұүһі]/i.test(sample) && (sample.match(/[әғқңөұүһ]/gi) ?? []).length >= 2) return 'kk';
    if (/[їєґ]/i.test(sample) || (sample.match(/і/g) ?? []).length > 3) return 'uk';
    return 'ru';
  }
  if (lat === 0) return null;
  let best: string | null = null, score = 0;
  for (const [lang, re] of Object.entries(STOP)) {
    const n = (sample.match(re) ?? []).length;
    if (n > score) { best = lang; score = n; }
  }
  return best ?? 'en';
}
