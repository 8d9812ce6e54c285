// The page's publication date: article:published_time, JSON-LD datePublished, then a <time datetime>.
export function pageDate(doc: Document): string | null {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="date"], meta[name="pubdate"]');
  const fromMeta = meta?.getAttribute('content');
  if (fromMeta && /^\d{4}-\d{2}-\d{2}/.test(fromMeta)) return fromMeta.slice(0, 10);
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})/.exec(s.textContent ?? '');
    if (m) return m[1];
  }
  const time = doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime');
  return time && /^\d{4}-\d{2}-\d{2}/.test(time) ? time.slice(0, 10) : null;
}
