// A roster record (学籍) as a school imports it: who the candidate is and what they may sit.
import type { Identity } from './identity.js';
import type { CampusCode, SchoolCode } from './school.js';
import type { SubjectCode } from './subject.js';

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

/** 专科, 本科, 研究生. */
export const EDUCATION_LEVELS = ['JUNIOR_COLLEGE', 'UNDERGRADUATE', 'POSTGRADUATE'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export interface RosterRecord extends Identity {
  readonly id: string;
  readonly gender: Gender;
  /** 笔试报名学校 / 校区: the written exams are taken here. */
  readonly schoolCode: SchoolCode;
  readonly campusCode: CampusCode;
  readonly educationLevel: EducationLevel;
  /** 学制, in years. */
  readonly lengthOfSchooling: number;
  /** 入学年份 as the school writes it (the seeds show `16`). */
  readonly enrolmentYear: string;
  readonly grade: string;
  readonly department: string;
  readonly major: string;
  readonly className: string;
  readonly studentNumber: string;
  readonly notes: string;
  /** 资格科目: the subjects this candidate may enrol in, before any CET6 review. */
  readonly qualificationSubjectCodes: readonly SubjectCode[];
  /** The school barred this candidate from CET6; no review can lift that. */
  readonly restrictedFromCet6: boolean;
}
