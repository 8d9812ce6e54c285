// @vitest-environment happy-dom
// The options page as a user meets it: settings saved to storage.sync, an entry added to the user's dictionary,
// a bad import refused with its line and field while the stored dictionary stays as it was, quota errors shown.
import { describe, it, expect, vi, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';

const en = JSON.parse(readFileSync(join(process.cwd(), 'assets/extension/_locales/en/messages.json'), 'utf8'));
const areas = { sync: new Map<string, unknown>(), local: new Map<string, unknown>() };
const failLocal = { on: false };
const listeners: ((c: Record<string, { newValue?: unknown }>, area: string) => void)[] = [];
const area = (name: 'sync' | 'local') => ({
  get: async (key: string) => (areas[name].has(key) ? { [key]: structuredClone(areas[name].get(key)) } : {}),
  set: async (o: Record<string, unknown>) => {
    if (name === 'local' && failLocal.on) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [k, v] of Object.entries(o)) { areas[name].set(k, structuredClone(v)); for (const l of listeners) l({ [k]: { newValue: v } }, name); }
  },
  clear: async () => areas[name].clear(),
});
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { sync: area('sync'), local: area('local'), onChanged: { addListener: (l: any) => listeners.push(l), removeListener: () => undefined } },
    i18n: {
      getUILanguage: () => 'en-US',
      getMessage: (k: string, sub?: string) => (en[k]?.message ?? '').replace(/\$X\$/g, sub ?? ''),
    },
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ['https://*.bbc.com/*'] }] }), sendMessage: async () => [], getURL: (p: string) => p },
    permissions: { request: async () => true, remove: async () => true },
  },
}));

const { Options } = await import('../../src/options/Options.tsx');

const flush = async () => { for (let i = 0; i < 5; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); }); };
const byLabel = (root: HTMLElement, text: string) => {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent!.trim() === text)!;
  return label.htmlFor ? root.querySelector<HTMLInputElement>(`#${label.htmlFor}`)! : label.querySelector("input")!;
};
const button = (root: HTMLElement, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === text)!;
const type = (el: HTMLInputElement, v: string) => act(() => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); });

let root: HTMLElement;
beforeEach(async () => {
  areas.sync.clear(); areas.local.clear(); failLocal.on = false;
  document.body.innerHTML = '<div id="app"></div>';
  root = document.getElementById('app')!;
  await act(() => { render(<Options />, root); });
  await flush();
});

describe('options page', () => {
  it('is in the browser language, with labelled controls', () => {
    expect(root.querySelector('h1')!.textContent).toBe('DiploLens options');
    for (const input of root.querySelectorAll('input:not([type=file]), select')) {
      const labelled = input.getAttribute('aria-label') || input.closest('label') || root.querySelector(`label[for="${input.id}"]`);
      expect(labelled, input.outerHTML).toBeTruthy();
    }
  });

  it('saves a type switched off and a style to storage.sync', async () => {
    const people = byLabel(root, 'People');
    await act(async () => { people.click(); });
    await flush();
    expect((areas.sync.get('settings') as any).types.person).toBe(false);
    const style = root.querySelector<HTMLSelectElement>('select[aria-label="Style: Treaties"]')!;
    await act(async () => { style.value = 'contrast'; style.dispatchEvent(new Event('change', { bubbles: true })); });
    await flush();
    expect((areas.sync.get('settings') as any).styles.treaty.mode).toBe('contrast');
  });

  it('adds an entry to my dictionary in storage.local', async () => {
    await act(async () => { button(root, 'Add an entry').click(); });
    await type(byLabel(root, 'English names'), 'Aigerim Testova');
    await type(byLabel(root, 'Description in English'), 'Mayor of a district');
    await type(byLabel(root, 'Description in Russian'), 'Аким района');
    await act(async () => { root.querySelector('form.entity-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await flush();
    const stored = areas.local.get('userDictionary') as any[];
    expect(stored.map((e) => [e.id, e.user, e.names.en])).toEqual([['person:aigerim-testova', true, ['Aigerim Testova']]]);
    expect(root.textContent).toContain('Saved: Aigerim Testova.');
    expect(root.querySelector('ul.entries')!.textContent).toContain('Aigerim Testova');
  });

  it('marks the field in error and saves nothing', async () => {
    await act(async () => { button(root, 'Add an entry').click(); });
    await type(byLabel(root, 'English names'), 'Nobody');
    await act(async () => { root.querySelector('form.entity-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await flush();
    const desc = byLabel(root, 'Description in English');
    expect(desc.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector(`#${desc.getAttribute('aria-describedby')!.split(' ').pop()}`)!.textContent).toMatch(/description|empty/i);
    expect(areas.local.has('userDictionary')).toBe(false);
  });

  it('refuses a bad import file whole, naming line and field, and keeps what was stored', async () => {
    const kept = [{ user: true, type: 'country', id: 'country:atlantis', name: 'Atlantis', names: { en: ['Atlantis'] }, desc: { en: 'x', ru: 'х' }, un: 'none' }];
    areas.local.set('userDictionary', kept);
    const text = '[\n  {\n    "type": "country",\n    "id": "country:utopia",\n    "name": "Utopia",\n    "names": { "en": ["Utopia"] },\n    "desc": { "en": "x", "ru": "х" },\n    "un": "sometimes"\n  }\n]';
    const input = root.querySelector<HTMLInputElement>('#import-file')!;
    const file = new File([text], 'mine.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => { input.dispatchEvent(new Event('change', { bubbles: true })); });
    await flush();
    expect(root.textContent).toContain('mine.json was not imported; your dictionary is unchanged:');
    expect(root.querySelector('ul.problems')!.textContent).toMatch(/^line 8, \[0\]\.un: /);
    expect(areas.local.get('userDictionary')).toEqual(kept);
  });

  it('reports a storage quota error instead of swallowing it', async () => {
    failLocal.on = true;
    await act(async () => { button(root, 'Add an entry').click(); });
    await type(byLabel(root, 'English names'), 'Aigerim Testova');
    await type(byLabel(root, 'Description in English'), 'Mayor');
    await type(byLabel(root, 'Description in Russian'), 'Аким');
    await act(async () => { root.querySelector('form.entity-form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })); });
    await flush();
    expect(root.querySelector('[role=status]')!.textContent).toMatch(/Could not save 1 dictionary entries: QUOTA_BYTES/);
    // the form stays open with what the user typed
    expect(byLabel(root, 'English names').value).toBe('Aigerim Testova');
  });

  it('opens the form prefilled from the context menu (#add=)', async () => {
    render(null, root);
    location.hash = '#add=' + encodeURIComponent('Айгерим Тестова');
    await act(() => { render(<Options />, root); });
    await flush();
    expect(byLabel(root, 'Russian names').value).toBe('Айгерим Тестова');
    location.hash = '';
  });
});
