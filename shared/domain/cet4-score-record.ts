// A CET4 written score record, the evidence a CET6 qualification review is checked against.

/** 425 is the CET4 pass mark on the 710-point scale used since 2005. */
export const PASSING_CET4_SCORE = 425;
/** Earlier scores were on another scale; a teacher files those on the candidate's behalf (C7). */
export const FIRST_REVIEWABLE_EXAM_YEAR = 2005;

export interface Cet4ScoreRecord {
  /** 准考证号 of the written exam. */
  readonly ticketNumber: string;
  readonly idNumber: string;
  readonly name: string;
  readonly score: number;
  readonly examYear: number;
}
