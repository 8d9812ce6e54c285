// The incremental resolution (settled blocks are not looked at again) decides exactly what a full re-decision of
// the whole document decides: the full one is kept here as the reference.
import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { builtMatcher } from './built.ts';
import { addBlocks, analyze, holdsOfficeAt, resolveDocument, resolveChanges, pendingWork, startDocument, dropBlock, type Matcher, type DocumentState, type Mention, type Candidate } from '../../src/core/match.ts';
import { nearMisses } from '../../src/core/fuzzy.ts';
import { Flag, dayNumber } from '../../src/core/dictionary/index-format.ts';

/** the resolution as it was before it became incremental: every candidate re-decided on every call */
function referenceResolve(m: Matcher, doc: DocumentState): Mention[] {
  const { entities } = m.data, { entryEntity, entryFlags } = m;
  const day = dayNumber(doc.options.date ?? new Date().toISOString().slice(0, 10));
  const firmSet = new Set<number>();
  for (const b of doc.blocks) for (const c of b.candidates) { const f = analyze(m, c, b).firm; if (f >= 0) firmSet.add(f); }
  nearMisses(m, doc, firmSet);
  for (const b of doc.blocks) for (const c of b.candidates) analyze(m, c, b);
  const all: Candidate[] = doc.blocks.flatMap((b) => b.candidates).sort((a, b) => a.block - b.block || a.from - b.from);
  const seen = new Map<number, number>();
  const firm = new Map<Candidate, number>();
  let firmCount = 0;
  for (const c of all) { const i = c.info!; if (i.firm < 0) continue; firm.set(c, i.firm); seen.set(i.firm, (seen.get(i.firm) ?? 0) + 1); if (!i.ambiguousOnly) firmCount++; }
  for (const c of all) { const i = c.info!; if (i.firm !== -2) continue; const known = i.several!.filter((e) => seen.has(e)); if (known.length === 1) firm.set(c, known[0]); }
  const out: Mention[] = [];
  const lastFirm = new Map<number, number>();
  for (const [position, c] of all.entries()) {
    let entity = firm.get(c);
    if (entity !== undefined) lastFirm.set(entity, position);
    if (entity === undefined) {
      const shorts = c.entries.filter((e) => entryFlags[e] & Flag.Short);
      const ents = [...new Set(shorts.map((e) => entryEntity[e]))];
      const named = ents.filter((e) => seen.has(e));
      if (named.length === 1) entity = named[0];
      else if (named.length > 1) {
        const before = named.filter((e) => lastFirm.has(e)).sort((a, b) => lastFirm.get(b)! - lastFirm.get(a)!);
        entity = before[0] ?? named.sort((a, b) => (seen.get(b) ?? 0) - (seen.get(a) ?? 0))[0];
      } else {
        const inOffice = ents.filter((e) => holdsOfficeAt(entities[e], day));
        if (c.info!.titled && (inOffice.length === 1 || ents.length === 1)) entity = inOffice[0] ?? ents[0];
        else {
          const distinct = shorts.filter((e) => entryFlags[e] & Flag.Distinctive).map((e) => entryEntity[e]);
          if (ents.length === 1 && distinct.length && inOffice.length === 1) entity = inOffice[0];
        }
      }
    }
    if (entity === undefined) continue;
    if (firmCount === 0 && firm.has(c) && c.info!.ambiguousOnly) continue;
    const b = doc.blocks[c.block];
    const { start, end } = c.info!;
    out.push({ block: c.block, start, end, text: b.text.slice(start, end), entity: entities[entity], ...(c.approximate ? { approximate: true } : {}) });
  }
  return out.sort((a, b) => a.block - b.block || a.start - b.start);
}

const key = (x: Mention) => `${x.block}:${x.start}:${x.end}:${x.entity.id}:${x.approximate ? 1 : 0}`;

function both(blocks: { text: string; lang: string }[], date?: string) {
  const m = builtMatcher();
  const a = startDocument({ date }), b = startDocument({ date });
  addBlocks(m, a, blocks);
  addBlocks(m, b, blocks);
  return { m, a, b };
}

const CORPUS = '../shared/corpus/dev.json';

describe('incremental resolution', () => {
  it.skipIf(!existsSync(CORPUS))('decides every corpus document, paragraph by paragraph, as the full re-decision does', () => {
    const docs: { text: string; lang: string; date: string | null }[] = JSON.parse(readFileSync(CORPUS, 'utf8'));
    for (const d of docs) {
      const blocks = d.text.split('\n').filter((t) => t.trim()).map((text) => ({ text, lang: d.lang }));
      const { m, a, b } = both(blocks, d.date ?? undefined);
      expect(resolveDocument(m, a).map(key)).toEqual(referenceResolve(m, b).map(key));
    }
  });

  it('gives the same answer when the page grows in steps and when blocks are dropped', () => {
    const m = builtMatcher();
    const paragraphs = ['Лавров заявил журналистам.', 'Сергей Лавров прибыл в Астану.', 'Лавров и Ван И провели переговоры.', 'Jordan signed.',
      'The European Union and Georgia met.', 'Иан Борч выступил.', 'Иэн Борч, председатель ОБСЕ, прибыл в Мальту.', 'Kim spoke.', 'Kim Son-gyong met António Guterres.'];
    const inc = startDocument({ date: '2024-06-25' });
    for (const [i, text] of paragraphs.entries()) {
      addBlocks(m, inc, [{ text, lang: i < 3 || i === 5 || i === 6 ? 'ru' : 'en' }]);
      const ref = startDocument({ date: '2024-06-25' });
      addBlocks(m, ref, paragraphs.slice(0, i + 1).map((t, k) => ({ text: t, lang: k < 3 || k === 5 || k === 6 ? 'ru' : 'en' })));
      expect(resolveDocument(m, inc).map(key)).toEqual(referenceResolve(m, ref).map(key));
    }
    // a paragraph leaves the page: its names no longer count
    dropBlock(inc, 1);
    const ref = startDocument({ date: '2024-06-25' });
    addBlocks(m, ref, paragraphs.map((t, k) => ({ text: k === 1 ? '' : t, lang: k < 3 || k === 5 || k === 6 ? 'ru' : 'en' })));
    expect(resolveDocument(m, inc).map(key)).toEqual(referenceResolve(m, ref).map(key));
    expect(resolveDocument(m, inc).some((x) => x.text === 'Сергей Лавров')).toBe(false);
  });

  it('reports every change: a page that applies only the changed blocks shows what a full resolution decides', () => {
    const docs: { text: string; lang: string; date: string | null }[] = existsSync(CORPUS) ? JSON.parse(readFileSync(CORPUS, 'utf8')) : [];
    const m = builtMatcher();
    // the corpus's paragraphs as one long page that grows in steps, decided under a small time budget, with a
    // block dropped now and then (a ticker rewriting itself): what the page shows is only what was reported
    const paragraphs = docs.flatMap((d) => d.text.split('\n').filter((t) => t.trim()).map((text) => ({ text, lang: d.lang })));
    // a surname alone is decided only when the full name comes, many steps later
    paragraphs.unshift({ text: 'Помпео заявил журналистам.', lang: 'ru' }, { text: 'Jordan signed.', lang: 'en' });
    paragraphs.push({ text: 'Майк Помпео прибыл в Астану.', lang: 'ru' });
    const doc = startDocument({ date: '2024-06-25' });
    doc.nearMissBudgetMs = 0.05;
    const shown = new Map<number, Mention[]>();
    const apply = () => { do for (const [i, list] of resolveChanges(m, doc)) shown.set(i, list); while (pendingWork(doc)); };
    for (let i = 0; i < paragraphs.length; i += 7) {
      addBlocks(m, doc, paragraphs.slice(i, i + 7));
      if (i % 21 === 14) dropBlock(doc, i - 3);
      apply();
    }
    const onPage = [...shown.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, list]) => list).map(key);
    const ref = startDocument({ date: '2024-06-25' });
    addBlocks(m, ref, paragraphs.map((p, k) => (k % 21 === 11 && k + 3 < paragraphs.length && (k + 3) % 21 === 14 ? { ...p, text: '' } : p)));
    expect(onPage.length).toBeGreaterThan(3);
    expect(shown.get(0)?.map((x) => x.entity.id)).toEqual(['person:mike-pompeo']);
    expect(onPage).toEqual(referenceResolve(m, ref).map(key));
  });
});

