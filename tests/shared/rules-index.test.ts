// The rules index accounts for every rule of SPEC §4, and every rule with a pure part is tested here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const rulesDir = resolve(import.meta.dirname, '../../shared/rules');
const index = readFileSync(join(rulesDir, 'index.ts'), 'utf8');
const RULE_IDS = [
  ...Array.from({ length: 8 }, (_, i) => `A${i + 1}`),
  ...Array.from({ length: 10 }, (_, i) => `R${i + 1}`),
  ...Array.from({ length: 8 }, (_, i) => `C${i + 1}`),
];

/** Each row of the index's comment table: rule, pure part, what the server enforces. */
const rows = new Map(
  [...index.matchAll(/^\/\/ \| ([ARC]\d+)\s*\|([^|]*)\|([^|]*)\|/gm)].map((m) => [m[1] ?? '', { pure: (m[2] ?? '').trim(), server: (m[3] ?? '').trim() }]),
);

const testTitles = readdirSync(import.meta.dirname)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => readFileSync(join(import.meta.dirname, name), 'utf8'))
  .join('\n');

describe('rules index', () => {
  it.each(RULE_IDS)('%s has a row saying where it lives or who enforces it', (id) => {
    const row = rows.get(id);
    expect(row).toBeDefined();
    expect(row?.pure !== '–' || row.server !== '–').toBe(true);
  });

  it.each(RULE_IDS)('%s, if it has a pure part, has a test whose title starts with it', (id) => {
    if (rows.get(id)?.pure === '–') return;
    expect(testTitles).toMatch(new RegExp(`(it|describe)(\\.each[^(]*\\([\\s\\S]*?\\))?\\(\\s*['"\`]${id} `));
  });

  it('re-exports every rule module', () => {
    const modules = readdirSync(rulesDir).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
    for (const module of modules) expect(index).toContain(`export * from './${module.replace(/\.ts$/, '.js')}';`);
  });
});
