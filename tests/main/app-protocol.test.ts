// app:// serves the built renderer and nothing outside it, whatever the URL tries.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../src-main/core/app-protocol.js';

describe('resolving app:// paths', () => {
  it.each([
    ['app://renderer/', 'index.html'],
    ['app://renderer/index.html?window=kiosk', 'index.html'],
    ['app://renderer/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://renderer/kiosk/register', 'index.html'],
    ['app://renderer/assets/%E4%B8%AD.png', 'assets/中.png'],
  ])('%s → %s', (url, relativePath) => {
    expect(resolveAppPath(url)).toEqual({ kind: 'file', relativePath });
  });

  it.each([
    ['app://renderer/assets/..%2f..%2fpackage.json', 400],
    ['app://renderer/..%5c..%5cpackage.json', 400],
    ['app://renderer/assets%5c..%5c..%5cpackage.json', 400],
    ['app://renderer/index.html%00.js', 400],
    ['app://renderer/%E0%A4%A', 400],
    ['app://renderer/C:/Windows/win.ini', 400],
    ['app://other/index.html', 404],
    ['file:///etc/passwd', 404],
    ['not a url', 400],
  ])('%s is refused with %i', (url, status) => {
    expect(resolveAppPath(url)).toEqual({ kind: 'refused', status });
  });

  it.each(['app://renderer/../../etc/passwd.txt', 'app://renderer/%2e%2e/%2e%2e/etc/passwd.txt'])(
    'the URL parser folds the dot segments of %s into the root, so it stays inside',
    (url) => {
      expect(resolveAppPath(url)).toEqual({ kind: 'file', relativePath: 'etc/passwd.txt' });
    },
  );
});

describe('the app:// handler', () => {
  let base: string;
  let root: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'cet-app-protocol-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>CET</title>');
    await writeFile(join(root, 'assets', 'index.js'), 'console.log(1)');
    await writeFile(join(base, 'secret.txt'), 'device credential');
    await symlink(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
    handle = createAppProtocolHandler(root);
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves the entry document with the CSP and the right type', async () => {
    const response = await handle(new Request('app://renderer/index.html?window=kiosk'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>CET</title>');
  });

  it('serves scripts as JavaScript (module scripts need it)', async () => {
    const response = await handle(new Request('app://renderer/assets/index.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const response = await handle(new Request('app://renderer/assets/leak.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('');
  });

  it('refuses encoded traversal and missing files', async () => {
    expect((await handle(new Request('app://renderer/assets/..%2f..%2fsecret.txt'))).status).toBe(400);
    expect((await handle(new Request('app://renderer/assets/missing.js'))).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handle(new Request('app://renderer/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await handle(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
