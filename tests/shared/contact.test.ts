// A3 contact and name fields, A4 the login account field.
import { describe, expect, it } from 'vitest';
import { checkEmail, checkMobile, checkName, normalizeEmail, normalizeMobile, normalizeName } from '../../shared/rules/contact.js';
import { loginAccountKind } from '../../shared/rules/login-account.js';

describe('A3 mobile phone', () => {
  it.each([
    ['13812345678', null],
    ['19912345678', null],
    ['12812345678', 'MOBILE_FORMAT'],
    ['1381234567', 'MOBILE_FORMAT'],
    ['138123456789', 'MOBILE_FORMAT'],
    ['23812345678', 'MOBILE_FORMAT'],
    ['1381234567a', 'MOBILE_FORMAT'],
    ['', 'FIELD_REQUIRED'],
  ])('A3 checks mobile %s → %s', (mobile, code) => {
    const error = checkMobile(mobile);
    expect(error?.code ?? null).toBe(code);
    if (error !== null) expect(error.field).toBe('mobile');
  });

  it.each([
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['86138', '86138'],
  ])('A3 normalises mobile %s to %s', (raw, normal) => {
    expect(normalizeMobile(raw)).toBe(normal);
  });
});

describe('A3 email', () => {
  it.each([
    ['liao@163.com', null],
    ['liao.xiao-er+cet@mail.example.edu.cn', null],
    ['a@b.cn', null],
    ['liao163.com', 'EMAIL_FORMAT'],
    ['liao@163', 'EMAIL_FORMAT'],
    ['liao@@163.com', 'EMAIL_FORMAT'],
    ['.liao@163.com', 'EMAIL_FORMAT'],
    ['li..ao@163.com', 'EMAIL_FORMAT'],
    ['li ao@163.com', 'EMAIL_FORMAT'],
    ['liao@-163.com', 'EMAIL_FORMAT'],
    ['@163.com', 'EMAIL_FORMAT'],
    [`${'a'.repeat(65)}@163.com`, 'EMAIL_FORMAT'],
    [`a@${'b'.repeat(250)}.com`, 'FIELD_TOO_LONG'],
    ['', 'FIELD_REQUIRED'],
  ])('A3 checks email %s → %s', (email, code) => {
    const error = checkEmail(email);
    expect(error?.code ?? null).toBe(code);
    if (error !== null) expect(error.field).toBe('email');
  });

  it('A3 normalises email case and surrounding spaces, so uniqueness cannot be dodged by capitals', () => {
    expect(normalizeEmail('  Liao@163.COM ')).toBe('liao@163.com');
  });
});

describe('A3 name', () => {
  it.each([
    ['廖晓儿', null],
    ['颜', null],
    ['阿沛·阿旺晋美', null],
    ['John Smith', null],
    ["O'Brien", null],
    ['Jean-Luc Picard', null],
    ['José Müller', null],
    ['𠮷野家', null],
    ['张三1', 'NAME_FORMAT'],
    ['张三!', 'NAME_FORMAT'],
    ['·张三', 'NAME_FORMAT'],
    ['张三·', 'NAME_FORMAT'],
    ['John  Smith', 'NAME_FORMAT'],
    ['Иван', 'NAME_FORMAT'],
    ['', 'FIELD_REQUIRED'],
    ['张'.repeat(51), 'FIELD_TOO_LONG'],
  ])('A3 checks name %s → %s', (name, code) => {
    const error = checkName(name);
    expect(error?.code ?? null).toBe(code);
    if (error !== null) expect(error.field).toBe('name');
  });

  it.each([
    ['  John   Smith ', 'John Smith'],
    ['阿沛•阿旺晋美', '阿沛·阿旺晋美'],
    ['阿沛・阿旺晋美', '阿沛·阿旺晋美'],
  ])('A3 normalises name %s to %s', (raw, normal) => {
    expect(normalizeName(raw)).toBe(normal);
    expect(checkName(normalizeName(raw))).toBeNull();
  });
});

describe('A4 login account field', () => {
  it.each([
    ['liao@163.com', 'email'],
    ['13812345678', 'mobile'],
    ['11010519491231002X', 'idNumber'],
    ['A123456(3)', 'idNumber'],
    ['12812345678', 'idNumber'],
    ['H12345678', 'idNumber'],
  ] as const)('A4 reads %s as %s', (account, kind) => {
    expect(loginAccountKind(account)).toBe(kind);
  });
});
