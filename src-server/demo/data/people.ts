// Demo candidates: ~200 roster records with valid ID numbers and varied qualifications, and the CET4 score records reviews need.
import type { Cet4ScoreRecord } from '../../../shared/domain/cet4-score-record.js';
import type { Identity, IdType } from '../../../shared/domain/identity.js';
import type { EducationLevel, Gender, RosterRecord } from '../../../shared/domain/roster-record.js';
import { schoolOfCampus, type CampusCode } from '../../../shared/domain/school.js';
import type { SubjectCode } from '../../../shared/domain/subject.js';
import { hongKongIdCheckDigit, residentIdCheckCharacter } from '../../../shared/rules/id-number.js';
import type { Prng } from './prng.js';

export interface DemoReviewCase {
  readonly identity: Identity;
  readonly ticketNumber: string;
}

/** Named candidates for trying each rule by hand and in end-to-end tests. */
export interface DemoFeatured {
  /** C3: ticket and ID number match a passing record, so the review is approved at once. */
  readonly reviewAutoApproved: DemoReviewCase;
  /** C4: ticket and name match a passing record whose ID number differs: pending for a teacher. */
  readonly reviewPending: DemoReviewCase;
  /** C2: a 2004 ticket, refused online; a teacher files it on the candidate's behalf (C7). */
  readonly reviewBefore2005: DemoReviewCase;
  /** C5: the record matches but scores below 425. */
  readonly reviewBelowPass: DemoReviewCase;
  /** C1: the school barred this candidate from CET6, so no review is offered. */
  readonly restrictedFromCet6: Identity;
  /** The seed's 李博: English CET4 plus Japanese CET4 and CET6 (R5's one-per-level conflict). */
  readonly japanese: Identity;
  /** At 993011, which forbids other oral campuses (R6). */
  readonly fixedOralCampus: Identity;
  /** Already qualified for CET6 written and oral. */
  readonly cet6Qualified: Identity;
}

export interface DemoPeople {
  readonly rosterRecords: readonly RosterRecord[];
  readonly cet4Scores: readonly Cet4ScoreRecord[];
  readonly featured: DemoFeatured;
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤'];
const GIVEN_NAMES = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平',
  '刚', '桂英', '晓', '子涵', '浩然', '雨轩', '欣怡', '梓萱', '一诺', '思远', '佳怡', '俊杰', '宇航', '晨曦', '嘉懿', '文博',
];
const DEPARTMENTS: readonly (readonly [string, readonly string[]])[] = [
  ['化学学院', ['高分子化学与物理', '应用化学']],
  ['工商管理学院', ['会计', '市场营销']],
  ['外国语学院', ['日语', '德语', '英语']],
  ['计算机学院', ['软件工程', '计算机科学与技术']],
  ['物理学院', ['物理', '光电信息科学与工程']],
];
/** Province-level prefixes of real regions: a resident ID's region must exist (A2), unlike the test province 99. */
const REGIONS = ['330106', '110108', '320102', '440305', '510107', '420111'];

const CET4_ONLY: readonly SubjectCode[] = ['1', 'F'];
const CET6: readonly SubjectCode[] = ['1', '2', 'F', 'S'];

type Profile = 'cet4' | 'cet6' | 'cet6WrittenOnly' | 'japanese' | 'german' | 'restricted';

const QUALIFICATIONS: Readonly<Record<Profile, readonly SubjectCode[]>> = {
  cet4: CET4_ONLY,
  cet6: CET6,
  cet6WrittenOnly: ['1', '2', 'F'],
  japanese: ['1', '3', '4', 'F'],
  german: ['1', '5', '6', 'F'],
  restricted: CET4_ONLY,
};

interface Plan {
  readonly campusCode: CampusCode;
  readonly profile: Profile;
  readonly name?: string;
  readonly idType?: IdType;
  readonly educationLevel?: EducationLevel;
  /** Birth year for a resident ID; older candidates hold pre-2005 scores. */
  readonly bornIn?: number;
  readonly enrolledIn?: number;
}

const FEATURED_PLANS = {
  reviewAutoApproved: { campusCode: '993010', profile: 'cet4', name: '廖晓儿' },
  reviewPending: { campusCode: '993010', profile: 'cet4', name: '颜晓东' },
  reviewBefore2005: { campusCode: '993010', profile: 'cet4', name: '张建国', educationLevel: 'POSTGRADUATE', bornIn: 1984, enrolledIn: 2024 },
  reviewBelowPass: { campusCode: '993010', profile: 'cet4', name: '刘洋' },
  restrictedFromCet6: { campusCode: '993010', profile: 'restricted', name: '赵磊' },
  japanese: { campusCode: '993010', profile: 'japanese', name: '李博' },
  fixedOralCampus: { campusCode: '993011', profile: 'cet4', name: '陈静' },
  cet6Qualified: { campusCode: '993010', profile: 'cet6', name: '孙悦' },
} as const satisfies Readonly<Record<keyof DemoFeatured, Plan>>;

/** One of each non-resident ID type, so every format check of A2 has a roster record to find. */
const OTHER_ID_TYPES: readonly IdType[] = ['TAIWAN_PERMIT', 'HK_MACAO_PERMIT', 'HK_MACAO_PERMIT', 'PASSPORT', 'HK_ID', 'MACAO_ID'];

const CAMPUS_SIZES: readonly (readonly [CampusCode, number])[] = [
  ['993010', 90],
  ['993011', 50],
  ['993020', 60],
];

function profileFor(index: number, campusCode: CampusCode): Profile {
  if (index % 40 === 7) return 'restricted';
  if (campusCode === '993010' && index % 30 === 11) return 'japanese';
  if (campusCode !== '993011' && index % 35 === 13) return 'german';
  if (index % 4 === 1) return index % 8 === 1 ? 'cet6' : 'cet6WrittenOnly';
  return 'cet4';
}

function randomPlans(rosterSize: number, featuredCount: number): Plan[] {
  const total = CAMPUS_SIZES.reduce((sum, [, size]) => sum + size, 0);
  const wanted = Math.max(0, rosterSize - featuredCount);
  const plans: Plan[] = [];
  CAMPUS_SIZES.forEach(([campusCode, size], i) => {
    // The last campus takes the rounding remainder, so the roster has exactly `rosterSize` records.
    const count = i === CAMPUS_SIZES.length - 1 ? wanted - plans.length : Math.round((size / total) * wanted);
    for (let n = 0; n < count; n += 1) plans.push({ campusCode, profile: profileFor(plans.length, campusCode) });
  });
  OTHER_ID_TYPES.forEach((idType, i) => {
    const at = 20 + i * 17;
    const plan = plans[at];
    if (plan !== undefined) plans[at] = { ...plan, idType };
  });
  return plans;
}

function digits(prng: Prng, count: number): string {
  return Array.from({ length: count }, () => String(prng.int(0, 9))).join('');
}

function residentId(prng: Prng, gender: Gender, bornIn: number): string {
  const birth = `${bornIn}${String(prng.int(1, 12)).padStart(2, '0')}${String(prng.int(1, 28)).padStart(2, '0')}`;
  // The 17th digit is odd for men and even for women (GB 11643).
  const genderDigit = 2 * prng.int(0, 4) + (gender === 'MALE' ? 1 : 0);
  const first17 = `${prng.pick(REGIONS)}${birth}${digits(prng, 2)}${genderDigit}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}

/** Each in the canonical form shared/rules' normalizeIdNumber produces and checkIdNumber accepts. */
function otherId(prng: Prng, idType: IdType): string {
  switch (idType) {
    case 'TAIWAN_PERMIT':
      return digits(prng, 8);
    case 'HK_MACAO_PERMIT':
      return `${prng.pick(['H', 'M'])}${digits(prng, 8)}`;
    case 'PASSPORT':
      return `E${digits(prng, 8)}`;
    case 'HK_ID': {
      const letter = prng.pick([...'ACDGKPRVYZ']);
      const six = digits(prng, 6);
      return `${letter}${six}(${hongKongIdCheckDigit(letter, six)})`;
    }
    case 'MACAO_ID':
      return `${prng.pick(['1', '5', '7'])}${digits(prng, 6)}(${prng.int(0, 9)})`;
    case 'RESIDENT_ID':
      throw new RangeError('resident IDs carry a birth date and gender: use residentId');
  }
}

export function generatePeople(prng: Prng, rosterSize: number): DemoPeople {
  const featuredKeys = Object.keys(FEATURED_PLANS) as (keyof DemoFeatured)[];
  const plans: Plan[] = [...featuredKeys.map((key) => FEATURED_PLANS[key]), ...randomPlans(rosterSize, featuredKeys.length)];
  const usedIds = new Set<string>();
  const uniqueId = (make: () => string): string => {
    for (;;) {
      const id = make();
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  const studentNumbers = new Map<string, number>();

  const rosterRecords: RosterRecord[] = plans.map((plan, index) => {
    const gender: Gender = prng.next() < 0.5 ? 'MALE' : 'FEMALE';
    const idType = plan.idType ?? 'RESIDENT_ID';
    const educationLevel = plan.educationLevel ?? (index % 9 === 4 ? 'JUNIOR_COLLEGE' : 'UNDERGRADUATE');
    const enrolled = plan.enrolledIn ?? prng.int(2023, 2025);
    const bornIn = plan.bornIn ?? enrolled - 18 - prng.int(0, 1);
    const idNumber = uniqueId(() => (idType === 'RESIDENT_ID' ? residentId(prng, gender, bornIn) : otherId(prng, idType)));
    const schoolCode = schoolOfCampus(plan.campusCode);
    const sequence = (studentNumbers.get(schoolCode) ?? 0) + 1;
    studentNumbers.set(schoolCode, sequence);
    const [department, majors] = prng.pick(DEPARTMENTS);
    const yy = String(enrolled % 100).padStart(2, '0');
    return {
      id: `demo-roster-${String(index + 1).padStart(3, '0')}`,
      idType,
      idNumber,
      name: plan.name ?? `${prng.pick(SURNAMES)}${prng.pick(GIVEN_NAMES)}`,
      gender,
      schoolCode,
      campusCode: plan.campusCode,
      educationLevel,
      lengthOfSchooling: educationLevel === 'UNDERGRADUATE' ? 4 : 3,
      enrolmentYear: yy,
      grade: `${yy}级`,
      department,
      major: prng.pick(majors),
      className: String(prng.int(1, 4)),
      studentNumber: `${enrolled}${String(sequence).padStart(4, '0')}`,
      notes: '',
      qualificationSubjectCodes: QUALIFICATIONS[plan.profile],
      restrictedFromCet6: plan.profile === 'restricted',
    };
  });

  let ticketSequence = 0;
  /** Layout of shared/rules/review-ticket.ts; subject digit 1 = English CET4 written. */
  const ticket = (campusCode: CampusCode, examYear: number, half: 1 | 2): string => {
    ticketSequence += 1;
    const room = String(Math.floor(ticketSequence / 30) + 1).padStart(3, '0');
    const seat = String((ticketSequence % 30) + 1).padStart(2, '0');
    return `${campusCode}${String(examYear % 100).padStart(2, '0')}${half}1${room}${seat}`;
  };
  const record = (person: RosterRecord, examYear: number, score: number, override: Partial<Cet4ScoreRecord> = {}): Cet4ScoreRecord => ({
    ticketNumber: ticket(person.campusCode, examYear, examYear % 2 === 0 ? 2 : 1),
    idNumber: person.idNumber,
    name: person.name,
    score,
    examYear,
    ...override,
  });

  const byKey = (key: keyof DemoFeatured): RosterRecord => {
    const person = rosterRecords[featuredKeys.indexOf(key)];
    if (person === undefined) throw new RangeError(`featured candidate ${key} missing`);
    return person;
  };
  const reviewCases = {
    reviewAutoApproved: record(byKey('reviewAutoApproved'), 2025, 512),
    // Same ticket and name, but the record carries the number the candidate used back then.
    reviewPending: record(byKey('reviewPending'), 2024, 468, {
      idNumber: uniqueId(() => residentId(prng, byKey('reviewPending').gender, 2005)),
    }),
    reviewBefore2005: record(byKey('reviewBefore2005'), 2004, 480),
    reviewBelowPass: record(byKey('reviewBelowPass'), 2025, 410),
  };
  // Candidates qualified for CET6 passed CET4 at some point: their passing records exist too.
  const passed = rosterRecords
    .filter((person) => person.qualificationSubjectCodes.includes('2'))
    .map((person) => record(person, prng.pick([2024, 2025]), prng.int(425, 620)));

  const identity = (person: RosterRecord): Identity => ({ idType: person.idType, idNumber: person.idNumber, name: person.name });
  const reviewCase = (key: keyof typeof reviewCases): DemoReviewCase => ({
    identity: identity(byKey(key)),
    ticketNumber: reviewCases[key].ticketNumber,
  });
  return {
    rosterRecords,
    cet4Scores: [...Object.values(reviewCases), ...passed],
    featured: {
      reviewAutoApproved: reviewCase('reviewAutoApproved'),
      reviewPending: reviewCase('reviewPending'),
      reviewBefore2005: reviewCase('reviewBefore2005'),
      reviewBelowPass: reviewCase('reviewBelowPass'),
      restrictedFromCet6: identity(byKey('restrictedFromCet6')),
      japanese: identity(byKey('japanese')),
      fixedOralCampus: identity(byKey('fixedOralCampus')),
      cet6Qualified: identity(byKey('cet6Qualified')),
    },
  };
}
