// An offering (科目开设): one subject at one campus, with its fee, seats and window.
import type { Fen } from './money.js';
import type { CampusCode, SchoolCode } from './school.js';
import type { SubjectCode } from './subject.js';
import type { TimeWindow } from './time-window.js';

export interface Offering {
  readonly id: string;
  readonly examSessionId: string;
  readonly subjectCode: SubjectCode;
  readonly schoolCode: SchoolCode;
  readonly campusCode: CampusCode;
  readonly feeFen: Fen;
  readonly capacity: number;
  /** Derived by the server from the enrolments holding a seat; read here, never adjusted here. */
  readonly remaining: number;
  readonly window: TimeWindow;
  /** Null until the school sets it; an oral offering without a date cannot be taken (R6). */
  readonly examDate: Date | null;
  /** For written offerings: whether this campus's candidates may take the oral exam elsewhere (外校口语). */
  readonly allowsExternalOral: boolean;
}
