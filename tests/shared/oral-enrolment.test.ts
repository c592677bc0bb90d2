// R6 oral subjects, the campus list and the capacity colours; R7's client-side hint on seats.
import { describe, expect, it } from 'vitest';
import type { Offering } from '../../shared/domain/offering.js';
import type { Subject } from '../../shared/domain/subject.js';
import { capacityColour, checkOfferingAvailable } from '../../shared/rules/offering-availability.js';
import { checkOralEnrolment, selectableOralCampuses, type WrittenCampus } from '../../shared/rules/oral-enrolment.js';
import { ALL_CODES, DURING_REGISTRATION, SUBJECTS, at, offering, timeWindow } from './fixtures.js';

const { englishCet4Written, englishCet6Written, japaneseCet4Written, englishCet4Oral, englishCet6Oral, japaneseCet4Oral } = SUBJECTS;
const openToAll: WrittenCampus = { campusCode: '993010', allowsExternalOral: true };
const ownCampusOnly: WrittenCampus = { campusCode: '993010', allowsExternalOral: false };

function check(
  subject: Subject,
  held: readonly Subject[],
  overrides: Partial<Offering> = {},
  writtenCampus = openToAll,
  qualifications = ALL_CODES,
) {
  return checkOralEnrolment({
    candidateQualifications: qualifications,
    existingEnrolments: held.map((s) => ({ subject: s })),
    subject,
    offering: offering(subject, overrides),
    writtenCampus,
    now: DURING_REGISTRATION,
  });
}

describe('R6 oral subjects', () => {
  it.each<[string, Subject, Subject[]]>([
    ['English CET4 oral after English CET4 written', englishCet4Oral, [englishCet4Written]],
    ['English CET6 oral after English CET6 written', englishCet6Oral, [englishCet4Written, englishCet6Written]],
    ['Japanese CET4 oral after Japanese CET4 written', japaneseCet4Oral, [japaneseCet4Written]],
  ])('R6 accepts %s', (_, subject, held) => {
    expect(check(subject, held)).toBeNull();
  });

  it.each<[string, Subject, Subject[]]>([
    ['R6 refuses an oral alone', englishCet4Oral, []],
    ['R6 refuses the CET6 oral with only the CET4 written', englishCet6Oral, [englishCet4Written]],
    ['R6 refuses the English CET4 oral with only the Japanese CET4 written', englishCet4Oral, [japaneseCet4Written]],
  ])('%s', (_, subject, held) => {
    expect(check(subject, held)?.code).toBe('ORAL_WRITTEN_REQUIRED');
  });

  it.each<[string, Partial<Offering>, WrittenCampus, string | null]>([
    ['with an empty exam date', { examDate: null }, openToAll, 'ORAL_EXAM_DATE_NOT_SET'],
    ['before its window', { window: timeWindow('2017-03-12T08:00:00', '2017-03-20T17:00:00') }, openToAll, 'OFFERING_NOT_OPEN'],
    ['after its window', { window: timeWindow('2017-03-01T08:00:00', '2017-03-09T17:00:00') }, openToAll, 'OFFERING_CLOSED'],
    ['without seats', { remaining: 0 }, openToAll, 'OFFERING_FULL'],
    ['with a fee of zero', { feeFen: 0 }, openToAll, 'ORAL_FEE_NOT_SET'],
    ['at another campus when the written campus forbids it', { campusCode: '993020' }, ownCampusOnly, 'ORAL_CAMPUS_NOT_ALLOWED'],
    ['at another campus when the written campus allows it', { campusCode: '993020' }, openToAll, null],
    ['at the written campus when it forbids the others', {}, ownCampusOnly, null],
  ])('R6 checks an oral %s → %s', (_, overrides, writtenCampus, code) => {
    expect(check(englishCet4Oral, [englishCet4Written], overrides, writtenCampus)?.code ?? null).toBe(code);
  });

  it('R6 refuses an oral the candidate is not qualified for (不具有CET六级口试报考资格)', () => {
    expect(check(englishCet6Oral, [englishCet6Written], {}, openToAll, ['1', '2', 'F'])?.code).toBe('SUBJECT_NOT_QUALIFIED');
  });

  it('R6 refuses the same oral twice and a written subject passed as oral', () => {
    expect(check(englishCet4Oral, [englishCet4Written, englishCet4Oral])?.code).toBe('SUBJECT_ALREADY_ENROLLED');
    expect(check(englishCet4Written, [])?.code).toBe('VALIDATION_FAILED');
  });
});

describe('R6 oral campus choice', () => {
  const oral = (campusCode: string, opensAt: string) =>
    offering(englishCet4Oral, { id: `oral-${campusCode}`, campusCode, window: timeWindow(opensAt, '2017-03-20T17:00:00') });
  const oralOfferings = [oral('993020', '2017-03-08T08:00:00'), oral('993010', '2017-03-08T08:00:00'), oral('991010', '2017-03-15T08:00:00'), oral('993020', '2017-03-08T08:00:00')];

  it.each([
    ['2017-03-10T10:00:00', openToAll, false, ['993010', '993020']],
    ['2017-03-16T10:00:00', openToAll, false, ['991010', '993010', '993020']],
    ['2017-03-10T10:00:00', ownCampusOnly, true, ['993010']],
    ['2017-03-21T10:00:00', openToAll, false, []],
  ] as const)('R6 at %s lists only campuses open now → fixed %s, %o', (now, writtenCampus, fixed, campusCodes) => {
    expect(selectableOralCampuses({ writtenCampus, oralOfferings, now: at(now) })).toEqual({ fixedToWrittenCampus: fixed, campusCodes });
  });
});

describe('R6 capacity colour', () => {
  it.each([
    [100, 100, 'green'],
    [51, 100, 'green'],
    [50, 100, 'yellow'],
    [1, 100, 'yellow'],
    [0, 100, 'red'],
    [2, 3, 'green'],
    [1, 3, 'yellow'],
    [1, 1, 'green'],
    [0, 0, 'red'],
  ] as const)('R6 shows %i of %i seats as %s', (remaining, capacity, colour) => {
    expect(capacityColour(remaining, capacity)).toBe(colour);
  });
});

describe('R7 seats, as far as a client can see them', () => {
  it.each([
    [1, null],
    [0, 'OFFERING_FULL'],
    [-1, 'OFFERING_FULL'],
  ])('R7 with %i seats remaining → %s (the server still takes the seat atomically)', (remaining, code) => {
    expect(checkOfferingAvailable(offering(englishCet4Written, { remaining }), DURING_REGISTRATION)?.code ?? null).toBe(code);
  });
});
