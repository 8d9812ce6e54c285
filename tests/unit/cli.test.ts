// The `diplolens` command as other tools use it: its JSON contract and its errors.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const BIN = new URL('../../bin/diplolens.js', import.meta.url).pathname;
const run = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'diplolens-cli-'));

describe('diplolens scan', () => {
  it('prints the scan JSON with UTF-16 offsets into the text as received', () => {
    const text = '😀 Министр Мурат Нуртлеу встретился с Иэном Борчем в Астане.';
    const r = run(['scan', '--json', '--lang', 'ru', '--date', '2024-06-25', '-'], text);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['meetings', 'mentions']);
    for (const m of out.mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(Object.keys(m.entity)).toEqual(expect.arrayContaining(['id', 'name', 'type']));
    }
    expect(out.mentions.map((m: any) => m.entity.name)).toEqual(['Murat Nurtleu', 'Ian Borg']);
    expect(out.meetings[0]).toMatchObject({ date: '2024-06-25', place: 'Astana' });
    expect(out.meetings[0].participants.map((p: any) => p.name).sort()).toEqual(['Ian Borg', 'Murat Nurtleu']);
  });
  it('reads the visible text of an HTML file, with its language and date', () => {
    const file = join(dir, 'page.html');
    writeFileSync(file, '<!doctype html><html lang="ru"><head><meta property="article:published_time" content="2024-06-25T10:00:00Z"><script>var s = "ОБСЕ";</script></head><body><p>Глава <b>ОБСЕ</b></p><textarea>Мальта</textarea></body></html>');
    const out = JSON.parse(run(['scan', file, '--json']).stdout);
    expect(out.mentions.map((m: any) => m.text)).toEqual(['ОБСЕ']);
  });
  it('prints a readable table without --json', () => {
    const r = run(['scan', '--lang', 'en', '-'], 'NATO and the OSCE.');
    expect(r.stdout).toMatch(/2 mention\(s\)/);
    expect(r.stdout).toMatch(/OSCE\s+organization/);
  });
  it('refuses bad input with one line and exit code 2', () => {
    const bin = join(dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0, 1, 2, 255, 254, 0]));
    for (const [args, msg] of [
      [['scan', join(dir, 'missing.txt')], /no such file/],
      [['scan', bin], /not a UTF-8 text/],
      [['scan', '--bogus', '-'], /unknown option --bogus/],
      [['scan', '--lang', 'xx', '-'], /unknown language "xx"/],
      [['scan', '--date', '25.06.2024', '-'], /YYYY-MM-DD/],
      [['frobnicate'], /unknown command/],
    ] as [string[], RegExp][]) {
      const r = run(args, '');
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    }
  });
  it('treats an empty --date (undated corpus documents) as no date', () => {
    expect(run(['scan', '--json', '--lang', 'en', '--date', '', '-'], 'NATO').status).toBe(0);
  });
});

describe('diplolens dict stats', () => {
  it('prints the stats JSON contract', () => {
    const s = JSON.parse(run(['dict', 'stats', '--json']).stdout);
    expect(Object.keys(s).sort()).toEqual(['aliases', 'asOf', 'entities', 'forms', 'languages', 'sourced']);
    expect(Object.keys(s.entities).sort()).toEqual(['country', 'organization', 'person', 'treaty']);
    expect(s.entities.country).toBeGreaterThanOrEqual(193);
    expect(s.sourced).toBe(1);
    expect(s.forms).toBeGreaterThan(s.aliases);
    expect(s.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
