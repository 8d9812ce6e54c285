// The shipped index format (core/dictionary/pack.ts): it round-trips, and a matcher over its views finds exactly what
// a matcher over the plain IndexData finds (the token table built at build time included).
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { compileIndex } from '../../src/core/dictionary/compile.ts';
import { encodeIndex, decodeIndex, decodeSteps, indexAssembler, unpackIndex } from '../../src/core/dictionary/pack.ts';
import { buildTokenTable } from '../../src/core/dictionary/token-table.ts';
import { Flag } from '../../src/core/dictionary/index-format.ts';
import { createMatcher } from '../../src/core/match.ts';
import { scanForOutput } from '../../src/core/scan.ts';
import { htmlToText } from '../../src/core/html-text.ts';
import { BUILD_DIR, INDEX_FILE } from '../../src/cli/load-index.ts';

const SENTENCES: [string, string][] = [
  ['Встреча с Иэном Борчем и Муратом Нуртлеу в духе Астанинской декларации и Устава ООН. Лавров прибыл в Мальту.', 'ru'],
  ['The US and WHO officials met. Antony J. Blinken met Ian Borg in Valletta; the OSCE chair spoke. Michael Jordan scored.', 'en'],
  ['Қазақстанның Сыртқы істер министрі Мұрат Нұртілеу БҰҰ Бас хатшысымен кездесті.', 'kk'],
  ['Міністр закордонних справ України зустрівся з генсеком НАТО у Брюсселі.', 'uk'],
  ['Le ministre des Affaires étrangères a rencontré le secrétaire général de l\'ONU à Genève.', 'fr'],
  ['Bundeskanzler Olaf Scholz traf den Generalsekretär der NATO in Berlin.', 'de'],
  ['El ministro de Asuntos Exteriores de España se reunió con el secretario general de la OTAN.', 'es'],
  ['Dışişleri Bakanı Hakan Fidan, BM Genel Sekreteri ile görüştü.', 'tr'],
  ['中国外交部长王毅会见联合国秘书长古特雷斯。', 'zh'],
];

describe('the shipped index format', () => {
  it('round-trips a compiled index exactly, and encodes deterministically', () => {
    const entities = [{ id: 'Q1', type: 'person' as const, name: 'Ian Borg' }, { id: 'Q2', type: 'organization' as const, name: 'United Nations' }];
    const index = compileIndex(entities, [
      { entity: 0, phrase: 'Ian Borg', flags: 0 }, { entity: 0, phrase: 'Иэн Борг', flags: 0 }, { entity: 0, phrase: 'Borg', flags: Flag.Short },
      { entity: 1, phrase: 'ООН', flags: Flag.Exact }, { entity: 1, phrase: 'United Nations', flags: 0 }, { entity: 1, phrase: 'UN', flags: Flag.Exact },
    ]);
    index.places = { valletta: 'Valletta' };
    const bytes = encodeIndex(index);
    const packed = decodeIndex(bytes.buffer as ArrayBuffer);
    expect(unpackIndex(packed)).toEqual(index);
    expect(encodeIndex(unpackIndex(packed))).toEqual(bytes);
    // views at an unaligned offset (node Buffers) are copied, not misread
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(unpackIndex(decodeIndex(shifted.subarray(1)))).toEqual(index);
    expect(() => decodeIndex(new Uint8Array(16))).toThrow(/DLX5/);
    // whatever sizes the inflater's chunks come in, the file gathered chunk by chunk decodes the same
    for (const cut of [1, 7, 64, 1000, bytes.length]) {
      const file = indexAssembler();
      for (let at = 0; at < bytes.length; at += cut) file.push(bytes.subarray(at, at + cut));
      const steps = decodeSteps(file.done());
      let r = steps.next();
      while (!r.done) r = steps.next();
      expect(unpackIndex(r.value), `chunks of ${cut}`).toEqual(index);
    }
    // a file cut short or too long is refused, not misread
    const short = indexAssembler();
    short.push(bytes.subarray(0, bytes.length - 4));
    expect(() => short.done()).toThrow(/cut short/);
    const long = indexAssembler();
    expect(() => long.push(new Uint8Array([...bytes, 1, 2, 3, 4]))).toThrow(/longer/);
    const text = 'Ian Borg met the UN; Иэн Борг и ООН. Borg said.';
    expect(scanForOutput(createMatcher(packed), text, { lang: 'en' })).toEqual(scanForOutput(createMatcher(index), text, { lang: 'en' }));
  });

  it('the built index: a matcher over its views finds the same mentions as one over the plain IndexData', () => {
    const inflated = gunzipSync(readFileSync(BUILD_DIR + INDEX_FILE));
    const packed = decodeIndex(inflated);
    const plain = unpackIndex(packed);
    // the same file again from the plain data: nothing lost in between
    expect(Buffer.from(encodeIndex(plain)).equals(inflated)).toBe(true);
    // the token table shipped is the one the matcher would build
    const built = buildTokenTable(plain.tokens);
    expect(new TextDecoder('utf-16le').decode(packed.tokenUnits)).toBe(plain.tokens);
    expect(packed.tokenTable.table).toEqual(built.table);
    expect(packed.tokenTable.starts).toEqual(built.starts);
    const fromViews = createMatcher(packed), fromPlain = createMatcher(plain);
    const seed = htmlToText(readFileSync(new URL('../../assets/demo/seed-article-ru.html', import.meta.url), 'utf8'));
    const seedOut = scanForOutput(fromViews, seed, { lang: 'ru', date: '2024-06-25' });
    expect(seedOut.mentions.length).toBeGreaterThan(10);
    expect(seedOut).toEqual(scanForOutput(fromPlain, seed, { lang: 'ru', date: '2024-06-25' }));
    let total = 0;
    for (const [text, lang] of SENTENCES) {
      const out = scanForOutput(fromViews, text, { lang, date: '2024-06-25' });
      total += out.mentions.length;
      expect(out, lang).toEqual(scanForOutput(fromPlain, text, { lang, date: '2024-06-25' }));
    }
    expect(total).toBeGreaterThan(SENTENCES.length);
  });
});
