// Which key presses a window swallows before the page sees them (the kiosk must not be reloaded, closed, zoomed or inspected).
import type { WindowKind } from '../../shared/contracts/ipc.js';

/** The fields of Electron's `Input` (before-input-event) that decide a shortcut. */
export interface ShortcutInput {
  readonly key: string;
  readonly code: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

export interface ShortcutPolicy {
  readonly kind: WindowKind;
  /** Development builds keep the inspector keys; production never does. */
  readonly devToolsAllowed: boolean;
}

interface Rule {
  /** `KeyboardEvent.key`, case-insensitive. */
  readonly key?: string;
  /** `KeyboardEvent.code`, for keys whose `key` varies with layout or Shift (numpad, digits). */
  readonly code?: string;
  // Modifiers: unset means either way, so Ctrl+F5 is a reload as much as F5 is.
  /** Ctrl, or Cmd on macOS. */
  readonly mod?: boolean;
  readonly alt?: boolean;
  readonly shift?: boolean;
}

const RELOAD: readonly Rule[] = [
  { key: 'F5' },
  { key: 'r', mod: true },
  { key: 'BrowserRefresh' },
];

const DEVTOOLS: readonly Rule[] = [
  { key: 'F12' },
  { key: 'i', mod: true, shift: true },
  { key: 'j', mod: true, shift: true },
  { key: 'c', mod: true, shift: true },
  { key: 'i', mod: true, alt: true },
];

/** Leaving the guided flow: closing, quitting, history, other windows, browser chrome. */
const ESCAPE_HATCHES: readonly Rule[] = [
  { key: 'w', mod: true },
  { key: 'F4', mod: true },
  { key: 'F4', alt: true },
  { key: 'q', mod: true },
  { key: 'n', mod: true },
  { key: 't', mod: true },
  { key: 'o', mod: true },
  { key: 's', mod: true },
  { key: 'p', mod: true },
  { key: 'u', mod: true },
  { key: 'h', mod: true },
  { key: 'F11' },
  { key: 'ArrowLeft', alt: true },
  { key: 'ArrowRight', alt: true },
  { key: 'Home', alt: true },
  { key: 'BrowserBack' },
  { key: 'BrowserForward' },
  { key: 'BrowserHome' },
];

const ZOOM: readonly Rule[] = [
  { key: '+', mod: true },
  { key: '=', mod: true },
  { key: '-', mod: true },
  { key: '_', mod: true },
  { key: '0', mod: true },
  { code: 'NumpadAdd', mod: true },
  { code: 'NumpadSubtract', mod: true },
  { code: 'Numpad0', mod: true },
];

function matches(rule: Rule, input: ShortcutInput): boolean {
  const mod = input.control || input.meta;
  if (rule.key !== undefined && rule.key.toLowerCase() !== input.key.toLowerCase()) return false;
  if (rule.code !== undefined && rule.code !== input.code) return false;
  return (
    (rule.mod === undefined || rule.mod === mod) &&
    (rule.alt === undefined || rule.alt === input.alt) &&
    (rule.shift === undefined || rule.shift === input.shift)
  );
}

function rulesFor(policy: ShortcutPolicy): readonly Rule[] {
  const devtools = policy.devToolsAllowed ? [] : DEVTOOLS;
  // The staff window keeps zoom (teachers read dense tables) and its own window controls; a reload
  // would still throw away an unsaved review.
  if (policy.kind === 'staff') return [...RELOAD, ...devtools];
  return [...RELOAD, ...devtools, ...ESCAPE_HATCHES, ...ZOOM];
}

export function isBlockedShortcut(input: ShortcutInput, policy: ShortcutPolicy): boolean {
  return rulesFor(policy).some((rule) => matches(rule, input));
}
