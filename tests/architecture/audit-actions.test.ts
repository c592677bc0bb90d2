// Every action the server writes to the audit log is in the shared vocabulary, so the admin's screen lists it by a readable name in both languages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../shared/domain/audit.js';
import { staff as en } from '../../src-renderer/locales/en/staff.js';
import { staff as zh } from '../../src-renderer/locales/zh-CN/staff.js';

const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The dotted names on the `action:` line of each audit entry the server builds, including both arms of a conditional. */
function recordedActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(join(root, 'src-server'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('recordAudit(')) continue;
    for (const line of text.split('\n').filter((candidate) => /\baction: /.test(candidate))) {
      for (const match of line.matchAll(/'([a-z0-9_]+(?:\.[a-z0-9_]+)+)'/g)) if (match[1] !== undefined) found.add(match[1]);
    }
  }
  return found;
}

function nameIn(names: unknown, action: string): unknown {
  return action.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), names);
}

describe('audit vocabulary', () => {
  it('knows every action the server records', () => {
    const recorded = recordedActions();
    expect(recorded.size).toBeGreaterThan(10);
    expect([...recorded].filter((action) => !(AUDIT_ACTIONS as readonly string[]).includes(action))).toEqual([]);
  });

  it.each(AUDIT_ACTIONS)('names %s in zh-CN and en', (action) => {
    expect(nameIn(zh.audit.actions, action)).toEqual(expect.any(String));
    expect(nameIn(en.audit.actions, action)).toEqual(expect.any(String));
  });
});
