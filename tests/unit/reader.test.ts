// The page's side of a reading, against a fake service worker: what it sends, how answers become mentions, and
// what happens when the browser stops the worker or the worker has no dictionary.
import { describe, it, expect, vi, beforeEach } from 'vitest';

interface FakePort {
  name: string;
  sent: any[];
  listeners: ((m: unknown) => void)[];
  gone: (() => void)[];
  postMessage(m: unknown): void;
  disconnect(): void;
  onMessage: { addListener(f: (m: unknown) => void): void; removeListener(f: (m: unknown) => void): void };
  onDisconnect: { addListener(f: () => void): void };
  reply(m: unknown): void;
  die(): void;
}

const ports: FakePort[] = [];
function fakePort(name: string): FakePort {
  const p: FakePort = {
    name, sent: [], listeners: [], gone: [],
    // structured clone: the page may change its arrays afterwards
    postMessage(m) { p.sent.push(structuredClone(m)); },
    disconnect() {},
    onMessage: { addListener: (f) => { p.listeners.push(f); }, removeListener: (f) => { p.listeners = p.listeners.filter((x) => x !== f); } },
    onDisconnect: { addListener: (f) => { p.gone.push(f); } },
    reply(m) { for (const f of [...p.listeners]) f(m); },
    die() { for (const f of p.gone) f(); },
  };
  ports.push(p);
  return p;
}

vi.mock('webextension-polyfill', () => ({ default: { runtime: { connect: ({ name }: { name: string }) => fakePort(name) } } }));
const { openReader } = await import('../../src/content/reader.ts');

const flush = () => new Promise((r) => setTimeout(r, 0));
const borg = [7, 'person:ian-borg', 'Ian Borg', 'person'];
const osce = [3, 'org:osce', 'OSCE', 'organization'];

beforeEach(() => { ports.length = 0; });

describe('a reading, seen from the page', () => {
  it('sends the blocks and turns the answer into mentions with their entities', async () => {
    const reader = openReader({ lang: 'en', date: '2024-02-12', langs: ['en', 'ru'] }, () => []);
    const [port] = ports;
    port.reply({ op: 'ready', at: 0, load: null });
    reader.add([{ text: 'Ian Borg chairs the OSCE.', lang: 'en' }, { text: 'Иэн Борг', lang: null }, { text: 'x', lang: 'x-klingon' }]);
    const answer = reader.resolve();
    expect(port.sent.map((m) => m.op)).toEqual(['open', 'add', 'resolve']);
    expect(port.sent[0]).toEqual({ op: 'open', lang: 'en', date: '2024-02-12', langs: ['en', 'ru'] });
    // a block without a language of its own (or an odd one) is left to the worker to tell
    expect(port.sent[1].langs).toEqual(['en', '', '']);
    port.reply({ op: 'resolved', id: port.sent[2].id, changes: [[0, [0, 8, 7, 0, 20, 24, 3, 0]], [1, [0, 8, 7, 1]]], entities: [borg, osce], matchMs: 1, resolveMs: 1 });
    const m = await answer;
    expect(m.get(0)!.map((x) => [x.start, x.end, x.entity.id])).toEqual([[0, 8, 'person:ian-borg'], [20, 24, 'org:osce']]);
    expect(m.get(1)![0]).toMatchObject({ entity: { id: 'person:ian-borg', name: 'Ian Borg', type: 'person' }, approximate: true });
    reader.close();
  });

  it('a worker stopped by the browser gets a new reading with every block sent so far, dropped ones dropped', async () => {
    const texts = ['Ian Borg met Murat Nurtleu.', 'gone', 'The OSCE met in Astana.'];
    const reader = openReader({ lang: 'en', date: null, langs: [] }, (n) => texts.slice(0, n).map((t, i) => ({ text: i === 1 ? null : t, lang: 'en' })));
    const first = ports[0];
    first.reply({ op: 'ready', at: 0, load: null });
    reader.add(texts.map((text) => ({ text, lang: 'en' })));
    const a1 = reader.resolve();
    first.reply({ op: 'resolved', id: first.sent[2].id, changes: [[0, [0, 8, 7, 0]], [2, [4, 8, 3, 0]]], entities: [borg, osce], matchMs: 0, resolveMs: 0 });
    expect([...(await a1).keys()]).toEqual([0, 2]);
    reader.drop([1]);

    // the question in flight when the worker goes is asked again of a new reading
    const a2 = reader.resolve();
    first.die();
    const second = ports[1];
    expect(second.sent.map((m) => m.op)).toEqual(['open', 'add', 'drop', 'resolve']);
    expect(second.sent[1].texts).toEqual(['Ian Borg met Murat Nurtleu.', '', 'The OSCE met in Astana.']);
    expect(second.sent[2].blocks).toEqual([1]);
    expect(second.sent[3].everything).toBe(true);
    second.reply({ op: 'ready', at: 0, load: { readMs: 1, inflateMs: 1, decodeMs: 1, totalMs: 3, doneAt: 5 } });
    // the new worker numbers entities its own way; block 2 no longer has a mention: the page must hear it
    second.reply({ op: 'resolved', id: second.sent[3].id, changes: [[0, [0, 8, 41, 0]]], entities: [[41, 'person:ian-borg', 'Ian Borg', 'person']], matchMs: 0, resolveMs: 0 });
    const m = await a2;
    expect(m.get(0)![0].entity.id).toBe('person:ian-borg');
    expect(m.get(2)).toEqual([]);
    reader.close();
  });

  it('a worker without a dictionary fails the question instead of leaving the page waiting', async () => {
    const reader = openReader({ lang: 'en', date: null, langs: [] }, () => []);
    reader.add([{ text: 'Ian Borg', lang: 'en' }]);
    const answer = reader.resolve();
    ports[0].reply({ op: 'ready', at: 0, load: null, error: 'the dictionary could not be read (404)' });
    await expect(answer).rejects.toThrow('404');
    reader.close();
  });

  it('ignores malformed answers', async () => {
    const reader = openReader({ lang: 'en', date: null, langs: [] }, () => []);
    const [port] = ports;
    port.reply({ op: 'ready', at: 0, load: null });
    reader.add([{ text: 'Ian Borg', lang: 'en' }]);
    const answer = reader.resolve();
    const id = port.sent[2].id;
    let settled = false;
    void answer.then(() => { settled = true; });
    port.reply({ op: 'resolved', id, changes: [[0, [0, 8, 7]]], entities: [borg], matchMs: 0, resolveMs: 0 });
    port.reply({ op: 'resolved', id, changes: [[0, [0, 8, 7, 0]]], entities: [[7, 'person:ian-borg', '<b>x</b>', 'wizard']], matchMs: 0, resolveMs: 0 });
    await flush();
    expect(settled).toBe(false);
    port.reply({ op: 'resolved', id, changes: [[0, [0, 8, 7, 0]]], entities: [borg], matchMs: 0, resolveMs: 0 });
    expect((await answer).get(0)![0].entity.name).toBe('Ian Borg');
    reader.close();
  });
});
