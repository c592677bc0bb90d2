import { describe, expect, it } from 'vitest';
import { errorMessage, errorMessages, isErrorCode, refuse } from '../../shared/errors/domain-error.js';
import { formatYuan } from '../../shared/domain/money.js';
import { catalogues } from '../../shared/locales/index.js';

describe('error values', () => {
  it('have a message in both languages for every code', () => {
    const zh = Object.keys(catalogues['zh-CN'].errors).sort();
    const en = Object.keys(catalogues.en.errors).sort();
    expect(en).toEqual(zh);
    for (const code of zh) {
      expect(catalogues['zh-CN'].errors[code as keyof typeof catalogues['zh-CN']['errors']]).not.toBe('');
    }
  });

  it('fill their placeholders from params', () => {
    const error = refuse('RATE_LIMITED', { params: { seconds: 30 } });
    expect(errorMessage(error, 'zh-CN')).toBe('操作过于频繁，请30秒后再试');
    expect(errorMessages(error).en).toBe('Too many attempts. Please try again in 30 seconds.');
  });

  it('recognise their own codes only', () => {
    expect(isErrorCode('FORBIDDEN')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('NO_SUCH_CODE')).toBe(false);
  });
});

describe('money', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [3000, '30.00'],
    [12345, '123.45'],
  ])('shows %i fen as %s yuan', (fen, yuan) => {
    expect(formatYuan(fen)).toBe(yuan);
  });
});
