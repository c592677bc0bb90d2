// The import, payment and arrangement messages: the same codes and the same placeholders in both languages.
import { describe, expect, it } from 'vitest';
import { importPaymentErrors as en } from '../../shared/locales/en/errors/import-payment.js';
import { importPaymentErrors as zh } from '../../shared/locales/zh-CN/errors/import-payment.js';

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('import, payment and arrangement messages', () => {
  it('have an English text for every code, with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const code of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(en[code], code).not.toBe('');
      expect(placeholders(en[code]), code).toEqual(placeholders(zh[code]));
    }
  });
});
