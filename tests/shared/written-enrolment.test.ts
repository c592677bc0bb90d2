// R5 written subjects: qualification, one per level across languages, window and seats, alone and as a checkbox list.
import { describe, expect, it } from 'vitest';
import type { Offering } from '../../shared/domain/offering.js';
import type { Subject } from '../../shared/domain/subject.js';
import { errorMessage } from '../../shared/errors/domain-error.js';
import { checkWrittenEnrolment, checkWrittenSelection } from '../../shared/rules/written-enrolment.js';
import { ALL_CODES, DURING_REGISTRATION, SUBJECTS, at, offering } from './fixtures.js';

const { englishCet4Written, englishCet6Written, japaneseCet4Written, japaneseCet6Written, germanCet6Written, englishCet4Oral } = SUBJECTS;

function check(subject: Subject, held: readonly Subject[] = [], overrides: Partial<Offering> = {}, now = DURING_REGISTRATION, qualifications = ALL_CODES) {
  return checkWrittenEnrolment({
    candidateQualifications: qualifications,
    existingEnrolments: held.map((s) => ({ subject: s })),
    subject,
    offering: offering(subject, overrides),
    now,
  });
}

describe('R5 written subjects one at a time', () => {
  it.each<[string, Subject, Subject[]]>([
    ['English CET4 with nothing held', englishCet4Written, []],
    ['Japanese CET6 beside English CET4', japaneseCet6Written, [englishCet4Written]],
    ['English CET6 beside Japanese CET4 and an oral', englishCet6Written, [japaneseCet4Written, englishCet4Oral]],
  ])('R5 accepts %s', (_, subject, held) => {
    expect(check(subject, held)).toBeNull();
  });

  it.each<[string, Subject, Subject[], string]>([
    ['R5 refuses a second CET4-level written subject', japaneseCet4Written, [englishCet4Written], '四级'],
    ['R5 refuses a second CET6-level written subject', germanCet6Written, [japaneseCet6Written], '六级'],
    ['R5 refuses English CET6 beside German CET6', englishCet6Written, [germanCet6Written], '六级'],
  ])('%s', (_, subject, held, levelName) => {
    const error = check(subject, held);
    expect(error?.code).toBe('SUBJECT_LEVEL_CONFLICT');
    expect(error?.field).toBe('subjectCodes');
    expect(errorMessage(error!, 'zh-CN')).toBe(`英语和小语种笔试同级别科目只能报考1科，${levelName}笔试存在多科报考，请检查数据！`);
    expect(errorMessage(error!, 'en')).toContain(subject.level);
  });

  it('R5 refuses a subject the candidate is not qualified for', () => {
    expect(check(englishCet6Written, [], {}, DURING_REGISTRATION, ['1', 'F'])).toEqual({
      code: 'SUBJECT_NOT_QUALIFIED',
      field: 'subjectCodes',
      params: { subjectCode: '2' },
    });
  });

  it('R5 refuses the same subject twice', () => {
    expect(check(englishCet4Written, [englishCet4Written])?.code).toBe('SUBJECT_ALREADY_ENROLLED');
  });

  it.each([
    ['2017-03-08T07:59:59', {}, 'OFFERING_NOT_OPEN'],
    ['2017-03-08T08:00:00', {}, null],
    ['2017-03-20T16:59:59', {}, null],
    ['2017-03-20T17:00:00', {}, 'OFFERING_CLOSED'],
    ['2017-03-10T10:00:00', { remaining: 0 }, 'OFFERING_FULL'],
    ['2017-03-10T10:00:00', { remaining: 1 }, null],
  ])('R5 at %s with offering %o → %s (only inside the window, only with seats left)', (now, overrides, code) => {
    expect(check(englishCet4Written, [], overrides, at(now))?.code ?? null).toBe(code);
  });

  it('R5 refuses an oral subject or a mismatched offering as malformed', () => {
    expect(check(englishCet4Oral)?.code).toBe('VALIDATION_FAILED');
    expect(check(englishCet4Written, [], { subjectCode: '2' })?.code).toBe('VALIDATION_FAILED');
  });
});

describe('R5 a selection of written subjects submitted together', () => {
  const pick = (...subjects: Subject[]) => subjects.map((subject) => ({ subject, offering: offering(subject) }));

  it.each<[string, Subject[], Subject[], string | null]>([
    ['English CET4 and Japanese CET6 together', [], [englishCet4Written, japaneseCet6Written], null],
    ['English CET4 and Japanese CET4 ticked together (the seed’s screenshot)', [], [englishCet4Written, japaneseCet4Written], 'SUBJECT_LEVEL_CONFLICT'],
    ['Japanese CET6 and German CET6 together', [], [japaneseCet6Written, germanCet6Written], 'SUBJECT_LEVEL_CONFLICT'],
    ['Japanese CET4 while English CET4 is held', [englishCet4Written], [japaneseCet6Written, japaneseCet4Written], 'SUBJECT_LEVEL_CONFLICT'],
    ['the same box twice', [], [englishCet4Written, englishCet4Written], 'SUBJECT_ALREADY_ENROLLED'],
    ['nothing ticked', [], [], 'SUBJECT_SELECTION_EMPTY'],
  ])('R5 checks %s → %s', (_, held, selected, code) => {
    const error = checkWrittenSelection({
      candidateQualifications: ALL_CODES,
      existingEnrolments: held.map((subject) => ({ subject })),
      selection: pick(...selected),
      now: DURING_REGISTRATION,
    });
    expect(error?.code ?? null).toBe(code);
  });

  it('R5 names the level of the conflict in a selection', () => {
    const error = checkWrittenSelection({
      candidateQualifications: ALL_CODES,
      existingEnrolments: [],
      selection: pick(japaneseCet6Written, germanCet6Written),
      now: DURING_REGISTRATION,
    });
    expect(error?.params).toMatchObject({ level: 'CET6', levelName: '六级', subjectCode: '6' });
  });
});
