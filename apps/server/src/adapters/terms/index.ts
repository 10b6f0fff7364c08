import type { ConsentKind, TermsTextSource } from '@visita/core';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_TERMS } from './defaults';

/** `user_agreement.es.md`: the kind, then the language (`en`, `es`, `pt-br`…). */
const FILE = /^(user_agreement|data_processing)\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.(?:md|txt)$/;

/** A text file: the first line `# Title` (else the default title), then the body. */
function parseText(content: string, fallbackTitle: string): { title: string; body: string } {
  const text = content
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
  const heading = /^#\s+(.+)\n?/.exec(text);
  if (!heading?.[1]) return { title: fallbackTitle, body: text };
  return { title: heading[1].trim(), body: text.slice(heading[0].length).trim() };
}

/**
 * The operator's texts are files in `dir` (default `<VISITA_DATA_DIR>/terms`), read on each
 * request so that a change shows without a restart; the shipped defaults are in ./defaults.ts.
 */
export function fileTermsTextSource(dir: string): TermsTextSource {
  return {
    async operatorTexts(kind: ConsentKind) {
      const out = new Map<string, { title: string; body: string }>();
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return out;
        throw error;
      }
      for (const name of names.sort()) {
        const match = FILE.exec(name.toLowerCase());
        if (!match || match[1] !== kind || !match[2]) continue;
        const language = match[2].split('-')[0]!;
        if (out.has(language)) continue;
        const content = await readFile(join(dir, name), 'utf8');
        const fallbackTitle = DEFAULT_TERMS[kind][language]?.title ?? DEFAULT_TERMS[kind].en!.title;
        const text = parseText(content, fallbackTitle);
        if (text.body) out.set(language, text);
      }
      return out;
    },
    defaultTexts(kind: ConsentKind) {
      return new Map(Object.entries(DEFAULT_TERMS[kind]));
    },
  };
}

export const termsDirOf = (dataDir: string): string => join(dataDir, 'terms');
