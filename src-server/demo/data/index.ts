// The demo data set: plain objects, the same for the same seed and `now`, for phase 2 to write to the database.
import type { Cet4ScoreRecord } from '../../../shared/domain/cet4-score-record.js';
import type { ExamSession } from '../../../shared/domain/exam-session.js';
import type { Offering } from '../../../shared/domain/offering.js';
import type { RosterRecord } from '../../../shared/domain/roster-record.js';
import type { Province, ProvinceCode, School, SchoolCode } from '../../../shared/domain/school.js';
import type { Subject } from '../../../shared/domain/subject.js';
import {
  DEMO_CAMPUSES,
  DEMO_PROVINCE,
  DEMO_PROVINCE_NOTICES,
  DEMO_SCHOOL_NOTICES,
  DEMO_SCHOOLS,
  DEMO_SUBJECTS,
  demoExamSession,
  demoOfferings,
  type DemoCampus,
  type DemoPrintWindowMode,
} from './catalogue.js';
import { generatePeople, type DemoFeatured } from './people.js';
import { seededPrng } from './prng.js';

export type { DemoCampus, DemoPrintWindowMode } from './catalogue.js';
export type { DemoFeatured, DemoReviewCase } from './people.js';

export interface DemoData {
  readonly examSession: ExamSession;
  readonly provinces: readonly Province[];
  readonly schools: readonly School[];
  readonly campuses: readonly DemoCampus[];
  readonly provinceNotices: Readonly<Record<ProvinceCode, readonly string[]>>;
  readonly schoolNotices: Readonly<Record<SchoolCode, readonly string[]>>;
  readonly subjects: readonly Subject[];
  readonly offerings: readonly Offering[];
  readonly rosterRecords: readonly RosterRecord[];
  readonly cet4Scores: readonly Cet4ScoreRecord[];
  readonly featured: DemoFeatured;
}

export interface DemoDataOptions {
  /** Windows are placed around it: registration is open at `now`. */
  readonly now: Date;
  readonly seed?: number;
  readonly rosterSize?: number;
  /** When the admission tickets print; `scheduled` unless a demo wants tickets now (DEMO_PRINT_WINDOWS). */
  readonly printWindows?: DemoPrintWindowMode;
}

export const DEFAULT_DEMO_SEED = 20262;
export const DEFAULT_DEMO_ROSTER_SIZE = 200;

export function generateDemoData(options: DemoDataOptions): DemoData {
  const examSession = demoExamSession(options.now, options.printWindows);
  const people = generatePeople(seededPrng(options.seed ?? DEFAULT_DEMO_SEED), options.rosterSize ?? DEFAULT_DEMO_ROSTER_SIZE);
  return {
    examSession,
    provinces: [DEMO_PROVINCE],
    schools: DEMO_SCHOOLS,
    campuses: DEMO_CAMPUSES,
    provinceNotices: DEMO_PROVINCE_NOTICES,
    schoolNotices: DEMO_SCHOOL_NOTICES,
    subjects: DEMO_SUBJECTS,
    offerings: demoOfferings(examSession, options.now),
    ...people,
  };
}
