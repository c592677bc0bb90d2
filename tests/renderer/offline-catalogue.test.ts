// The kiosk's offline checks (K3) on the cached reference data: the pull's values parsed at the boundary, then R5/R6 from shared/rules as online.
import { describe, expect, it } from 'vitest';
import { catalogueOf, checkWrittenChoice, oralCampuses, oralChoices, writtenCampusOf, writtenChoices, type RawReference } from '../../src-renderer/kiosk/offline/cached-catalogue.js';

const now = new Date('2026-11-22T08:00:00Z');
const open = { opensAt: '2026-11-20T00:00:00.000Z', closesAt: '2026-12-06T00:00:00.000Z' };
const closed = { opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-11-10T00:00:00.000Z' };

const session = {
  id: 's1',
  name: '2026年下半年',
  timeZone: 'Asia/Shanghai',
  agreementVersion: 'v1',
  isCurrent: true,
  qualificationQueryOpensAt: open.opensAt,
  registrationWindow: open,
  provincialRegistrationWindows: {},
  unpaidEnrolmentTtlMs: 86_400_000,
  emptyRegistrationTtlMs: 43_200_000,
  writtenExamDate: '2026-12-19T00:00:00.000Z',
  oralExamDates: ['2026-12-12T00:00:00.000Z'],
  admissionTicketPrintWindows: { written: open, oral: open },
};

function offering(id: string, subjectCode: string, campusCode: string, values: { remaining?: number; window?: typeof open; examDate?: string | null; allowsExternalOral?: boolean; examSessionId?: string } = {}) {
  return {
    id,
    examSessionId: values.examSessionId ?? 's1',
    subjectCode,
    schoolCode: '99301',
    campusCode,
    feeFen: 3000,
    capacity: 30,
    remaining: values.remaining ?? 30,
    window: values.window ?? open,
    // As the server's pull sends a date column: a full instant.
    examDate: values.examDate === undefined ? '2026-12-12T00:00:00.000Z' : values.examDate,
    allowsExternalOral: values.allowsExternalOral ?? true,
  };
}

const subjects = [
  { code: '1', name: '英语四级笔试', kind: 'written', language: 'english', level: 'CET4' },
  { code: '2', name: '英语六级笔试', kind: 'written', language: 'english', level: 'CET6' },
  { code: '3', name: '日语四级笔试', kind: 'written', language: 'japanese', level: 'CET4' },
  { code: 'F', name: '英语四级口试', kind: 'oral', language: 'english', level: 'CET4' },
];

function raw(offerings: readonly unknown[]): RawReference {
  return {
    province: [{ code: '99', name: '测试省', notice: [] }, { broken: true }],
    school: [{ code: '99301', name: '测试学校机构01', provinceCode: '99', notice: [] }],
    campus: [
      { code: '993010', name: '测试校区机构001', schoolCode: '99301', allowsExternalOral: true },
      { code: '993011', name: '测试校区机构002', schoolCode: '99301', allowsExternalOral: false },
    ],
    examSession: [session, { ...session, id: 's0', isCurrent: false }],
    subject: subjects,
    offering: offerings,
    refreshedAt: '2026-11-22T07:59:00.000Z',
  };
}

describe('K3 the offline catalogue', () => {
  it('K3 parses the pulled values, keeps the current session only and leaves out rows that do not parse', () => {
    const catalogue = catalogueOf(raw([offering('w1', '1', '993010'), offering('old', '1', '993010', { examSessionId: 's0' }), { id: 'broken' }]));
    expect(catalogue.session?.id).toBe('s1');
    expect(catalogue.provinces.map((p) => p.code)).toEqual(['99']);
    expect(catalogue.offerings.map((o) => [o.id, o.examDate])).toEqual([['w1', '2026-12-12']]);
  });

  it('R5 R6 offline: capacity colour from the cached seats, and full or closed offerings not selectable with the rule\'s reason', () => {
    const catalogue = catalogueOf(
      raw([offering('w1', '1', '993010', { remaining: 20 }), offering('w2', '2', '993010', { remaining: 0 }), offering('w3', '3', '993010', { window: closed }), offering('w9', '1', '993011', { remaining: 10 })]),
    );
    const choices = writtenChoices(catalogue, '993010', now);
    expect(choices.map((c) => [c.offering.id, c.colour, c.selectable, c.refusal?.code ?? null])).toEqual([
      ['w1', 'green', true, null],
      ['w2', 'red', false, 'OFFERING_FULL'],
      ['w3', 'green', false, 'OFFERING_CLOSED'],
    ]);
    expect(choices[1]?.refusal?.message['zh-CN']).toBeTruthy();
    expect(writtenChoices(catalogue, '993011', now).map((c) => [c.offering.id, c.colour])).toEqual([['w9', 'yellow']]);
  });

  it('R5 offline: two written subjects of one level are refused together, as online', () => {
    const catalogue = catalogueOf(raw([offering('w1', '1', '993010'), offering('w3', '3', '993010')]));
    const choices = writtenChoices(catalogue, '993010', now);
    expect(checkWrittenChoice(catalogue, choices, now)?.code).toBe('SUBJECT_LEVEL_CONFLICT');
    expect(checkWrittenChoice(catalogue, choices.slice(0, 1), now)).toBeNull();
  });

  it('R6 offline: no oral without its written subject; the written campus decides where, and fixes it when it forbids others', () => {
    const catalogue = catalogueOf(raw([offering('w1', '1', '993010'), offering('w9', '1', '993011', { allowsExternalOral: false }), offering('o1', 'F', '993010'), offering('o9', 'F', '993011')]));
    const written = writtenChoices(catalogue, '993010', now).filter((c) => c.offering.id === 'w1');
    const campus = writtenCampusOf(written);
    if (campus === null) throw new Error('no written campus');
    expect(oralCampuses(catalogue, campus, now)).toMatchObject({ fixed: false, campuses: [{ code: '993010' }, { code: '993011' }] });
    expect(oralChoices(catalogue, '993010', written, campus, now).map((c) => [c.offering.id, c.selectable])).toEqual([['o1', true]]);
    expect(oralChoices(catalogue, '993010', [], campus, now)[0]?.refusal?.code).toBe('ORAL_WRITTEN_REQUIRED');

    const elsewhere = writtenChoices(catalogue, '993011', now);
    const fixed = writtenCampusOf(elsewhere);
    if (fixed === null) throw new Error('no written campus');
    expect(oralCampuses(catalogue, fixed, now)).toMatchObject({ fixed: true, campuses: [{ code: '993011' }] });
  });
});
