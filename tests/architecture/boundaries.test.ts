// Holds the layering line: shared/ imports nothing runtime-specific, and no src-* imports another.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)];
  return specifiers.map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

/** Packages that are pure TypeScript/JavaScript and safe in every runtime. */
const pureShared = new Set(['zod']);

describe('architecture boundaries', () => {
  it('shared/ imports only itself and pure packages (no Node, DOM or Electron)', () => {
    const offenders = sourceFiles(join(root, 'shared')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => !spec.startsWith('.') && !pureShared.has(spec.split('/')[0] ?? ''))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('shared/ never leaves shared/ by relative import', () => {
    const offenders = sourceFiles(join(root, 'shared')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('.') && !resolve(file, '..', spec).startsWith(join(root, 'shared')))
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each(['src-server', 'src-main', 'src-renderer'])('%s imports no other src-* folder', (layer) => {
    const offenders = sourceFiles(join(root, layer)).flatMap((file) =>
      importsOf(file)
        .filter((spec) => {
          if (!spec.startsWith('.')) return false;
          const target = relative(root, resolve(file, '..', spec));
          return target.startsWith('src-') && !target.startsWith(layer);
        })
        .map((spec) => `${relative(root, file)} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the kiosk renderer never imports @electron/remote', () => {
    const offenders = sourceFiles(join(root, 'src-renderer'))
      .filter((file) => importsOf(file).some((spec) => spec.startsWith('@electron/remote')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
