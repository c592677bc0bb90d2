// Subjects (科目) of the catalogue: a written or oral exam in one language at one level.

export const SUBJECT_KINDS = ['written', 'oral'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** 四级 and 六级. */
export const SUBJECT_LEVELS = ['CET4', 'CET6'] as const;
export type SubjectLevel = (typeof SUBJECT_LEVELS)[number];

/** The languages of the seeds' timetable: 英语, 日语, 德语, 俄语, 法语. */
export const LANGUAGES = ['english', 'japanese', 'german', 'russian', 'french'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The catalogue's own code, e.g. `1` (英语四级笔试), `4` (日语六级笔试), `F` (英语四级口试). */
export type SubjectCode = string;

export interface Subject {
  readonly code: SubjectCode;
  readonly name: string;
  readonly kind: SubjectKind;
  readonly language: Language;
  readonly level: SubjectLevel;
}

/** The Chinese word for a level, as the seeds' messages use it. */
export const LEVEL_NAMES_ZH: Readonly<Record<SubjectLevel, string>> = { CET4: '四级', CET6: '六级' };

export const WRITTEN_SITTINGS = ['MORNING', 'AFTERNOON'] as const;
export type WrittenSitting = (typeof WRITTEN_SITTINGS)[number];

/**
 * Which half of the written exam day a subject is sat in, as the seeds' timetable gives it: every
 * 四级 in the morning (上午), every 六级 in the afternoon (下午). Oral exams have a day of their own
 * and no sitting here (null): their time is the school's to set.
 */
export function writtenSittingOf(subject: Pick<Subject, 'kind' | 'level'>): WrittenSitting | null {
  if (subject.kind !== 'written') return null;
  return subject.level === 'CET4' ? 'MORNING' : 'AFTERNOON';
}
