// The packaged app keeps its Electron fuses locked and ships only the bundles, never node_modules.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const yml = readFileSync(resolve(import.meta.dirname, '../../electron-builder.yml'), 'utf8');

function section(name: string): string {
  const start = yml.indexOf(`\n${name}:\n`);
  if (start < 0) return '';
  const rest = yml.slice(start + name.length + 3);
  const end = rest.search(/\n\S/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('electron-builder.yml', () => {
  it.each([
    ['runAsNode', 'false'],
    ['enableCookieEncryption', 'true'],
    ['enableNodeOptionsEnvironmentVariable', 'false'],
    ['enableNodeCliInspectArguments', 'false'],
    ['enableEmbeddedAsarIntegrityValidation', 'true'],
    ['onlyLoadAppFromAsar', 'true'],
    ['grantFileProtocolExtraPrivileges', 'false'],
  ])('fuse %s is %s', (fuse, value) => {
    expect(section('electronFuses')).toMatch(new RegExp(`^\\s+${fuse}: ${value}$`, 'm'));
  });

  it('packs the bundles of main, preload and renderer, inside an asar, without node_modules', () => {
    const files = section('files');
    expect(files).toContain('- dist/main/**');
    expect(files).toContain('- dist/renderer/**');
    expect(files).toContain('"!**/node_modules/**"');
    expect(yml).toMatch(/^asar: true$/m);
  });

  it('builds AppImage and deb for Linux and NSIS for Windows', () => {
    expect(section('linux')).toMatch(/target: \[AppImage, deb\]/);
    expect(section('win')).toMatch(/target: \[nsis\]/);
  });
});
