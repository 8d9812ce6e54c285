// The page ↔ service-worker reading protocol: what either side accepts. A message that is not exactly right is
// dropped, so a compromised or confused sender cannot make the worker match garbage or the page paint it.
import { describe, it, expect } from 'vitest';
import { parseToWorker, parseFromWorker } from '../../src/shared/reading-port.ts';

describe('messages to the worker', () => {
  it('accepts the messages a page sends', () => {
    expect(parseToWorker({ op: 'open', lang: 'ru', date: '2024-02-12', langs: ['ru', 'en'] })).toEqual({ op: 'open', lang: 'ru', date: '2024-02-12', langs: ['ru', 'en'] });
    expect(parseToWorker({ op: 'open', lang: 'kk', date: null, langs: [] })?.op).toBe('open');
    expect(parseToWorker({ op: 'add', texts: ['Иэн Борг', 'Ian Borg'], langs: ['ru', ''] })).toEqual({ op: 'add', texts: ['Иэн Борг', 'Ian Borg'], langs: ['ru', ''] });
    expect(parseToWorker({ op: 'drop', blocks: [0, 5] })).toEqual({ op: 'drop', blocks: [0, 5] });
    expect(parseToWorker({ op: 'resolve', id: 3, everything: false })).toEqual({ op: 'resolve', id: 3, everything: false });
    const mention = { start: 0, end: 8, text: 'Ian Borg', entity: { id: 'person:ian-borg', name: 'Ian Borg', type: 'person' } };
    expect(parseToWorker({ op: 'meetings', id: 4, text: 'Ian Borg met…', mentions: [mention] })?.op).toBe('meetings');
    expect(parseToWorker({ op: 'ping' })).toEqual({ op: 'ping' });
  });

  it('drops anything else', () => {
    const bad: unknown[] = [
      null, 'add', { op: 'eval', code: '1' },
      { op: 'open', lang: 'RU', date: null, langs: [] },
      { op: 'open', lang: 'ru', date: '12.02.2024', langs: [] },
      { op: 'open', lang: 'ru', date: null, langs: ['<script>'] },
      { op: 'add', texts: ['a', 'b'], langs: ['en'] },
      { op: 'add', texts: ['a'], langs: ['english'] },
      { op: 'add', texts: [42], langs: ['en'] },
      { op: 'add', texts: ['x'.repeat(4_000_001)], langs: ['en'] },
      { op: 'drop', blocks: [-1] },
      { op: 'drop', blocks: [1.5] },
      { op: 'resolve', everything: true },
      { op: 'resolve', id: 1, everything: 'yes' },
      { op: 'meetings', id: 1, text: 'x', mentions: [{ start: 5, end: 2, text: 'x', entity: { id: 'a', name: 'b', type: 'person' } }] },
      { op: 'meetings', id: 1, text: 'x', mentions: [{ start: 0, end: 1, text: 'x', entity: { id: 'a', name: 'b', type: 'spy' } }] },
    ];
    for (const m of bad) expect(parseToWorker(m), JSON.stringify(m)?.slice(0, 80)).toBeNull();
  });
});

describe('answers from the worker', () => {
  it('accepts its answers', () => {
    expect(parseFromWorker({ op: 'ready', at: 1, load: null })).toEqual({ op: 'ready', at: 1, load: null });
    expect(parseFromWorker({ op: 'ready', at: 1, load: { readMs: 1, inflateMs: 2, decodeMs: 3, totalMs: 6, doneAt: 7 } })?.op).toBe('ready');
    const resolved = { op: 'resolved', id: 1, changes: [[0, [0, 8, 17, 0]], [3, []]], entities: [[17, 'person:ian-borg', 'Ian Borg', 'person']], matchMs: 1, resolveMs: 2 };
    expect(parseFromWorker(resolved)).toEqual(resolved);
  });

  it('drops malformed answers', () => {
    const bad: unknown[] = [
      { op: 'ready', load: null },
      { op: 'ready', at: 1, load: { readMs: 1 } },
      { op: 'resolved', id: 1, changes: [[0, [0, 8, 17]]], entities: [], matchMs: 0, resolveMs: 0 },
      { op: 'resolved', id: 1, changes: [[0, [0, -8, 17, 0]]], entities: [], matchMs: 0, resolveMs: 0 },
      { op: 'resolved', id: 1, changes: [], entities: [[1, 'x', 'y', 'spy']], matchMs: 0, resolveMs: 0 },
      { op: 'resolved', id: 1, changes: [], entities: [], matchMs: '0', resolveMs: 0 },
      { op: 'meetings', id: 1, meetings: [{ participants: [] }] },
    ];
    for (const m of bad) expect(parseFromWorker(m), JSON.stringify(m)).toBeNull();
  });
});
