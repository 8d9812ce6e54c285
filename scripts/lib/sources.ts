// Reads and validates the dictionary's source files. Errors name the file, the entry id and the field.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sourceFileSchema, type EntitySource } from '../../src/core/dictionary/schema.ts';

export const DICT_DIR = new URL('../../assets/dictionary/', import.meta.url).pathname;

export interface SourceProblem { file: string; id?: string; field?: string; message: string }
export interface LoadedSources { entities: (EntitySource & { file: string })[]; meetings: unknown[]; problems: SourceProblem[] }

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return jsonFiles(p);
    return f.endsWith('.json') ? [p] : [];
  });
}

export function formatProblem(p: SourceProblem): string {
  return `${p.file}${p.id ? ` [${p.id}]` : ''}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
}

export function loadSources(dir = DICT_DIR): LoadedSources {
  const entities: LoadedSources['entities'] = [];
  const meetings: unknown[] = [];
  const problems: SourceProblem[] = [];
  for (const path of jsonFiles(dir)) {
    const file = relative(dir, path);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      problems.push({ file, message: `not valid JSON: ${(err as Error).message}` });
      continue;
    }
    if (file === 'meetings.json') {
      meetings.push(...(Array.isArray(data) ? data : []));
      continue;
    }
    const parsed = sourceFileSchema.safeParse(data);
    if (parsed.success) {
      for (const e of parsed.data) entities.push({ ...e, file });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const [index, ...rest] = issue.path;
      const entry = Array.isArray(data) && typeof index === 'number' ? (data[index] as { id?: string }) : undefined;
      problems.push({
        file,
        id: entry?.id ?? (typeof index === 'number' ? `#${index}` : undefined),
        field: rest.length ? rest.join('.') : undefined,
        message: issue.message,
      });
    }
  }
  return { entities, meetings, problems };
}
