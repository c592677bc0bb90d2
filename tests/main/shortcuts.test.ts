// The kiosk swallows reload, close, zoom, devtools and navigation keys; typing and editing keys pass.
import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, type ShortcutInput } from '../../src-main/core/shortcuts.js';

function key(spec: string): ShortcutInput {
  const [, modifiers = '', name = ''] = /^((?:(?:Ctrl|Cmd|Alt|Shift)\+)*)(.+)$/.exec(spec) ?? [];
  const has = (modifier: string) => modifiers.split('+').includes(modifier);
  return {
    key: name.startsWith('code:') ? '' : name,
    code: name.startsWith('code:') ? name.slice(5) : '',
    control: has('Ctrl'),
    meta: has('Cmd'),
    alt: has('Alt'),
    shift: has('Shift'),
  };
}

const kiosk = { kind: 'kiosk', devToolsAllowed: false } as const;
const staff = { kind: 'staff', devToolsAllowed: false } as const;
const staffDev = { kind: 'staff', devToolsAllowed: true } as const;

describe('blocked shortcuts', () => {
  it.each([
    // reload
    ['F5', true, true],
    ['Ctrl+F5', true, true],
    ['Ctrl+r', true, true],
    ['Ctrl+Shift+R', true, true],
    ['Cmd+r', true, true],
    ['BrowserRefresh', true, true],
    // devtools
    ['F12', true, true],
    ['Ctrl+Shift+I', true, true],
    ['Ctrl+Shift+J', true, true],
    ['Ctrl+Shift+C', true, true],
    ['Cmd+Alt+i', true, true],
    // close, quit, new windows, browser chrome
    ['Ctrl+w', true, false],
    ['Ctrl+F4', true, false],
    ['Alt+F4', true, false],
    ['Ctrl+q', true, false],
    ['Ctrl+n', true, false],
    ['Ctrl+t', true, false],
    ['Ctrl+p', true, false],
    ['Ctrl+s', true, false],
    ['Ctrl+o', true, false],
    ['Ctrl+u', true, false],
    ['F11', true, false],
    ['Alt+ArrowLeft', true, false],
    ['Alt+ArrowRight', true, false],
    ['BrowserBack', true, false],
    // zoom
    ['Ctrl+=', true, false],
    ['Ctrl+Shift++', true, false],
    ['Ctrl+-', true, false],
    ['Ctrl+0', true, false],
    ['Ctrl+code:NumpadAdd', true, false],
    ['Ctrl+code:NumpadSubtract', true, false],
    // ordinary typing and editing pass
    ['a', false, false],
    ['Shift+A', false, false],
    ['0', false, false],
    ['-', false, false],
    ['Ctrl+c', false, false],
    ['Ctrl+v', false, false],
    ['Ctrl+x', false, false],
    ['Ctrl+a', false, false],
    ['Ctrl+z', false, false],
    ['Backspace', false, false],
    ['Enter', false, false],
    ['Escape', false, false],
    ['Tab', false, false],
    ['ArrowLeft', false, false],
    ['F1', false, false],
  ])('%s: kiosk blocks %s, staff blocks %s', (spec, blockedInKiosk, blockedInStaff) => {
    expect(isBlockedShortcut(key(spec), kiosk)).toBe(blockedInKiosk);
    expect(isBlockedShortcut(key(spec), staff)).toBe(blockedInStaff);
  });

  it('a development staff window keeps the inspector keys, still not reload', () => {
    expect(isBlockedShortcut(key('F12'), staffDev)).toBe(false);
    expect(isBlockedShortcut(key('Ctrl+Shift+I'), staffDev)).toBe(false);
    expect(isBlockedShortcut(key('F5'), staffDev)).toBe(true);
  });
});
