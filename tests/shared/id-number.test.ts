// A2 ID numbers: the resident ID by table and by property, the other five types by table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdType } from '../../shared/domain/identity.js';
import {
  checkIdNumber,
  hongKongIdCheckDigit,
  normalizeIdNumber,
  residentIdCheckCharacter,
} from '../../shared/rules/id-number.js';

const code = (idType: IdType, idNumber: string, now?: Date): string | null => checkIdNumber(idType, idNumber, now)?.code ?? null;

describe('A2 resident ID number', () => {
  it.each([
    ['11010519491231002X', 'the example of GB 11643-1999 itself, check character X'],
    ['440524188001010014', 'the standard’s second example, born 1880'],
    ['330101199001010024', 'a Zhejiang number'],
    ['810000200002290011', 'a residence permit for HK residents, born on a leap day'],
  ])('A2 accepts %s (%s)', (idNumber) => {
    expect(code('RESIDENT_ID', idNumber)).toBeNull();
  });

  it.each([
    ['11010519491231002', 'RESIDENT_ID_FORMAT', 'seventeen characters'],
    ['11010519491231002XX', 'RESIDENT_ID_FORMAT', 'nineteen characters'],
    ['11010519491231002x', 'RESIDENT_ID_FORMAT', 'lower-case x, not yet normalised'],
    ['1101051949123100AX', 'RESIDENT_ID_FORMAT', 'a letter inside'],
    ['110105194912310020', 'RESIDENT_ID_CHECK_CHARACTER', 'the check character changed'],
    ['110105194912310021', 'RESIDENT_ID_CHECK_CHARACTER', 'another wrong check character'],
    ['990105194912310022', 'RESIDENT_ID_REGION', 'province code 99 does not exist'],
    ['110105190002290011', 'RESIDENT_ID_BIRTH_DATE', '1900 was no leap year'],
    ['110105199013010014', 'RESIDENT_ID_BIRTH_DATE', 'month 13'],
    ['110105199004310017', 'RESIDENT_ID_BIRTH_DATE', '31 April'],
    ['110105179912310011', 'RESIDENT_ID_BIRTH_DATE', 'born 1799'],
  ])('A2 refuses %s with %s (%s)', (idNumber, expected) => {
    expect(code('RESIDENT_ID', idNumber)).toBe(expected);
  });

  it('A2 refuses a birth date after today only when told what today is', () => {
    const bornTomorrow = withCheck('11010520300101001');
    expect(code('RESIDENT_ID', bornTomorrow)).toBeNull();
    expect(code('RESIDENT_ID', bornTomorrow, new Date('2029-12-31T15:59:59Z'))).toBe('RESIDENT_ID_BIRTH_DATE');
    expect(code('RESIDENT_ID', bornTomorrow, new Date('2029-12-31T16:00:00Z'))).toBeNull();
  });

  it('A2 sets the field so the form can point at the ID number', () => {
    expect(checkIdNumber('RESIDENT_ID', '123')).toEqual({ code: 'RESIDENT_ID_FORMAT', field: 'idNumber' });
    expect(checkIdNumber('PASSPORT', '')).toEqual({ code: 'FIELD_REQUIRED', field: 'idNumber' });
  });
});

describe('A2 resident ID number, as properties', () => {
  const provinces = ['11', '31', '33', '44', '65', '81', '82', '83'];
  const validId = fc
    .record({
      province: fc.constantFrom(...provinces),
      area: fc.integer({ min: 0, max: 9999 }),
      birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }),
      sequence: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ province, area, birth, sequence }) =>
      withCheck(`${province}${pad(area, 4)}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${pad(sequence, 3)}`),
    );

  it('A2 accepts every generated valid resident ID', () => {
    fc.assert(fc.property(validId, (idNumber) => code('RESIDENT_ID', idNumber) === null));
  });

  it('A2 refuses any single-character change of a valid resident ID', () => {
    const changed = fc
      .tuple(validId, fc.nat(17), fc.constantFrom(...'0123456789Xx A'))
      .filter(([idNumber, position, replacement]) => idNumber[position] !== replacement);
    fc.assert(
      fc.property(changed, ([idNumber, position, replacement]) => {
        const typo = idNumber.slice(0, position) + replacement + idNumber.slice(position + 1);
        return code('RESIDENT_ID', typo) !== null;
      }),
    );
  });

  it('A2 refuses impossible birth dates even with a correct check character', () => {
    const impossible = fc.oneof(
      fc.record({ year: fc.integer({ min: 1900, max: 2020 }), month: fc.constantFrom(0, 13, 20, 99), day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ year: fc.integer({ min: 1900, max: 2020 }), month: fc.integer({ min: 1, max: 12 }), day: fc.constantFrom(0, 32, 99) }),
      fc.record({ year: fc.integer({ min: 1900, max: 2020 }), month: fc.constantFrom(4, 6, 9, 11), day: fc.constant(31) }),
      fc.record({ year: fc.integer({ min: 1900, max: 2020 }), month: fc.constant(2), day: fc.constant(30) }),
      fc.record({ year: fc.integer({ min: 1900, max: 2020 }).filter((y) => y % 4 !== 0 || (y % 100 === 0 && y % 400 !== 0)), month: fc.constant(2), day: fc.constant(29) }),
    );
    fc.assert(
      fc.property(impossible, ({ year, month, day }) => {
        const idNumber = withCheck(`330101${year}${pad(month, 2)}${pad(day, 2)}001`);
        return code('RESIDENT_ID', idNumber) === 'RESIDENT_ID_BIRTH_DATE';
      }),
    );
  });
});

describe('A2 other ID types', () => {
  it.each<[IdType, string, string | null]>([
    ['TAIWAN_PERMIT', '12345678', null],
    ['TAIWAN_PERMIT', '1234567890', null],
    ['TAIWAN_PERMIT', 'A123456789', null],
    ['TAIWAN_PERMIT', '1234567', 'TAIWAN_PERMIT_FORMAT'],
    ['TAIWAN_PERMIT', '123456789', 'TAIWAN_PERMIT_FORMAT'],
    ['HK_MACAO_PERMIT', 'H12345678', null],
    ['HK_MACAO_PERMIT', 'M1234567890', null],
    ['HK_MACAO_PERMIT', 'H1234567', 'HK_MACAO_PERMIT_FORMAT'],
    ['HK_MACAO_PERMIT', 'K12345678', 'HK_MACAO_PERMIT_FORMAT'],
    ['HK_MACAO_PERMIT', 'H123456789', 'HK_MACAO_PERMIT_FORMAT'],
    ['PASSPORT', 'E12345678', null],
    ['PASSPORT', 'AB123', null],
    ['PASSPORT', 'A1234', null],
    ['PASSPORT', 'A123', 'PASSPORT_NUMBER_FORMAT'],
    ['PASSPORT', 'A12345678901234567', 'PASSPORT_NUMBER_FORMAT'],
    ['PASSPORT', 'E1234-678', 'PASSPORT_NUMBER_FORMAT'],
    ['HK_ID', 'A123456(3)', null],
    ['HK_ID', 'AB987654(3)', null],
    ['HK_ID', 'G123456(A)', null],
    ['HK_ID', 'A123456(4)', 'HK_ID_CHECK_DIGIT'],
    ['HK_ID', 'A1234563', 'HK_ID_FORMAT'],
    ['HK_ID', 'ABC123456(7)', 'HK_ID_FORMAT'],
    ['HK_ID', '1123456(3)', 'HK_ID_FORMAT'],
    ['MACAO_ID', '1234567(8)', null],
    ['MACAO_ID', '12345678', 'MACAO_ID_FORMAT'],
    ['MACAO_ID', '123456(7)', 'MACAO_ID_FORMAT'],
    ['MACAO_ID', 'W1234567', 'MACAO_ID_FORMAT'],
  ])('A2 checks %s %s → %s', (idType, idNumber, expected) => {
    expect(code(idType, idNumber)).toBe(expected);
  });

  it.each([
    ['A', '123456', '3', 'the common textbook example A123456(3)'],
    ['G', '123456', 'A', 'a check value of 10 is written A, as in the cited G123456(A)'],
    ['AB', '987654', '3', 'a two-letter prefix counts both letters, no space'],
    ['X', '354670', '0', 'a check value of 11 is written 0'],
  ])('A2 computes the Hong Kong check digit of %s%s as %s (%s)', (letters, digits, check) => {
    expect(hongKongIdCheckDigit(letters, digits)).toBe(check);
  });
});

describe('A2 ID number normalisation', () => {
  it.each<[IdType, string, string]>([
    ['RESIDENT_ID', ' 11010519491231002x ', '11010519491231002X'],
    ['RESIDENT_ID', '１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['RESIDENT_ID', '110105 19491231 002X', '11010519491231002X'],
    ['HK_ID', 'a1234563', 'A123456(3)'],
    ['HK_ID', 'A123456（3）', 'A123456(3)'],
    ['HK_ID', 'A123456(3)', 'A123456(3)'],
    ['MACAO_ID', '12345678', '1234567(8)'],
    ['MACAO_ID', '1234567(8)', '1234567(8)'],
    ['PASSPORT', 'e12345678', 'E12345678'],
  ])('A2 normalises %s %s to %s', (idType, raw, canonical) => {
    expect(normalizeIdNumber(idType, raw)).toBe(canonical);
    expect(checkIdNumber(idType, normalizeIdNumber(idType, raw))).toBeNull();
  });
});

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function withCheck(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}
