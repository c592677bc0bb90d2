// Where candidates sit their exams: province (省) → school (学校) → campus (校区), by code.

/** Two digits, e.g. `99` (the seeds' 测试省). */
export type ProvinceCode = string;
/** Five digits: the province code and three more, e.g. `99301`. */
export type SchoolCode = string;
/** Six digits: the school code and one more, e.g. `993010`. */
export type CampusCode = string;

export interface Province {
  readonly code: ProvinceCode;
  readonly name: string;
}

export interface School {
  readonly code: SchoolCode;
  readonly name: string;
  readonly provinceCode: ProvinceCode;
}

export interface Campus {
  readonly code: CampusCode;
  readonly name: string;
  readonly schoolCode: SchoolCode;
}

export function isSchoolCode(value: string): boolean {
  return /^\d{5}$/.test(value);
}

export function isCampusCode(value: string): boolean {
  return /^\d{6}$/.test(value);
}

/** The codes nest (993010 → 99301 → 99), so a campus names its school and province without a lookup. */
export function schoolOfCampus(campusCode: CampusCode): SchoolCode {
  return campusCode.slice(0, 5);
}

export function provinceOfSchool(schoolCode: SchoolCode): ProvinceCode {
  return schoolCode.slice(0, 2);
}
