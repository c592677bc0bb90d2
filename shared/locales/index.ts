// The two UI languages: Chinese first, English available (SPEC K6).
import { en } from './en/index.js';
import { zhCN } from './zh-CN/index.js';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export const catalogues = { 'zh-CN': zhCN, en } as const;

/** Fills `{{name}}` placeholders (the i18next syntax, so the renderer can use the same strings). */
export function interpolate(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
