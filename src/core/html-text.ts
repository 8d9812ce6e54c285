// Visible text of an HTML document without a DOM (for the CLI): drops scripts, styles, form fields and hidden
// templates, turns block boundaries into line breaks and decodes character references.
const HIDDEN = /<(script|style|noscript|template|textarea|select|svg|head|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /<\/?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|section|article|header|footer|nav|aside|blockquote|pre|br|hr|dd|dt|figure|figcaption|main|title)\b[^>]*>/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', laquo: '«', raquo: '»', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', shy: '\u00AD' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return NAMED[code.toLowerCase()] ?? m;
  });
}

export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(HIDDEN, ' ')
    .replace(/<[^>]*\bcontenteditable(?:=["']?(?:true|plaintext-only|)["']?)?[^>]*>[\s\S]*?<\/[a-z0-9]+>/gi, ' ')
    .replace(BLOCK, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((l) => l.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** The page's own date and language where the HTML states them. */
export function htmlMeta(html: string): { lang?: string; date?: string; title?: string } {
  const lang = /<html\b[^>]*\blang=["']?([a-zA-Z]{2,3})/i.exec(html)?.[1]?.toLowerCase();
  const date =
    /<meta\b[^>]*property=["']article:published_time["'][^>]*content=["'](\d{4}-\d{2}-\d{2})/i.exec(html)?.[1] ??
    /<meta\b[^>]*content=["'](\d{4}-\d{2}-\d{2})[^"']*["'][^>]*property=["']article:published_time["']/i.exec(html)?.[1] ??
    /"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})/.exec(html)?.[1] ??
    /<time\b[^>]*datetime=["'](\d{4}-\d{2}-\d{2})/i.exec(html)?.[1];
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim();
  return { lang, date, title: title ? decodeEntities(title) : undefined };
}
