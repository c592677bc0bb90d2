// R1–R3 the agreement, the qualification query and saving a registration; A6/R3 the roster snapshot.
import { describe, expect, it } from 'vitest';
import { snapshotRosterRecord } from '../../shared/domain/registration.js';
import { isCampusCode, isSchoolCode, provinceOfSchool, schoolOfCampus } from '../../shared/domain/school.js';
import type { RosterRecord } from '../../shared/domain/roster-record.js';
import {
  canQueryQualification,
  canSaveRegistration,
  checkQualificationQueryWindow,
  checkRegistrationAgreement,
  checkSaveRegistration,
  rosterRecordMatches,
} from '../../shared/rules/registration-window.js';
import { at, rosterRecord, session, timeWindow } from './fixtures.js';

describe('R1 registration agreement', () => {
  it.each([
    [true, null],
    [false, 'REGISTRATION_AGREEMENT_NOT_ACCEPTED'],
  ])('R1 with the agreement accepted = %s → %s', (accepted, code) => {
    expect(checkRegistrationAgreement(accepted)?.code ?? null).toBe(code);
  });
});

describe('R2 qualification query window', () => {
  it.each<[string, string | null, string]>([
    ['2017-03-01T07:59:59', 'QUALIFICATION_QUERY_NOT_OPEN', 'before the query opens'],
    ['2017-03-01T08:00:00', null, 'the moment it opens'],
    ['2017-03-05T12:00:00', null, 'before registration opens: query, but no save'],
    ['2017-03-10T10:00:00', null, 'during registration'],
    ['2017-03-20T16:59:59', null, 'the last second of registration'],
    ['2017-03-20T17:00:00', 'REGISTRATION_CLOSED', 'when registration closes'],
  ])('R2 at %s → %s (%s)', (now, code) => {
    expect(checkQualificationQueryWindow(session(), at(now))?.code ?? null).toBe(code);
    expect(canQueryQualification(session(), at(now))).toBe(code === null);
  });

  it('R2 follows a province whose registration window closes later', () => {
    const late = session({ provincialRegistrationWindows: { '33': timeWindow('2017-03-15T08:00:00', '2017-03-25T17:00:00') } });
    expect(canQueryQualification(late, at('2017-03-22T10:00:00'), '33')).toBe(true);
    expect(canQueryQualification(late, at('2017-03-22T10:00:00'), '99')).toBe(false);
  });

  it.each<[string, Partial<RosterRecord>, boolean]>([
    ['the same identity', {}, true],
    ['a lower-case x typed in the query', { idNumber: '11010519491231002x' }, true],
    ['spaces around the name', { name: ' 廖晓儿 ' }, true],
    ['another name', { name: '廖晓' }, false],
    ['another ID number', { idNumber: '330101199001010024' }, false],
    ['another ID type', { idType: 'PASSPORT' }, false],
  ])('R2 finds the roster record by %s → %s', (_, query, matches) => {
    const record = rosterRecord();
    expect(rosterRecordMatches(record, { idType: record.idType, idNumber: record.idNumber, name: record.name, ...query })).toBe(matches);
  });
});

describe('R3 saving a registration', () => {
  it.each<[string, string | null, string]>([
    ['2017-03-05T12:00:00', 'REGISTRATION_NOT_OPEN', 'a passport can only query before the window'],
    ['2017-03-08T08:00:00', null, 'the moment the window opens'],
    ['2017-03-20T17:00:00', 'REGISTRATION_CLOSED', 'the moment it closes'],
  ])('R3 at %s → %s (%s)', (now, code) => {
    expect(checkSaveRegistration({ session: session(), now: at(now), rosterConfirmed: true })?.code ?? null).toBe(code);
    expect(canSaveRegistration(session(), at(now))).toBe(code === null);
  });

  it('R3 needs the tick confirming roster and qualification data', () => {
    expect(checkSaveRegistration({ session: session(), now: at('2017-03-10T10:00:00'), rosterConfirmed: false })).toEqual({
      code: 'REGISTRATION_CONFIRMATION_REQUIRED',
      field: 'rosterConfirmed',
    });
  });

  it('R3 uses the province’s own window when it has one', () => {
    const provincial = session({ provincialRegistrationWindows: { '33': timeWindow('2017-03-15T08:00:00', '2017-03-25T17:00:00') } });
    const now = at('2017-03-10T10:00:00');
    expect(canSaveRegistration(provincial, now)).toBe(true);
    expect(canSaveRegistration(provincial, now, '33')).toBe(false);
    expect(canSaveRegistration(provincial, now, '99')).toBe(true);
  });

  it.each([
    ['993010', '99301', '99'],
    ['991010', '99101', '99'],
    ['330011', '33001', '33'],
  ])('R3 finds the province of campus %s through school %s: %s, for the provincial window', (campus, school, province) => {
    expect(isCampusCode(campus) && isSchoolCode(school)).toBe(true);
    expect(schoolOfCampus(campus)).toBe(school);
    expect(provinceOfSchool(schoolOfCampus(campus))).toBe(province);
  });

  it.each(['99301', '9930100', '99301a'])('R3 does not take %s for a campus code', (code) => {
    expect(isCampusCode(code)).toBe(false);
  });

  it('R3 keeps the snapshot when the roster record is edited later', () => {
    const live = { ...rosterRecord(), qualificationSubjectCodes: ['1', 'F'] };
    const snapshot = snapshotRosterRecord(live);
    live.qualificationSubjectCodes.push('2');
    Object.assign(live, { major: '物理', name: '廖小儿' });
    expect(snapshot.qualificationSubjectCodes).toEqual(['1', 'F']);
    expect(snapshot.major).toBe('高分子化学与物理');
    expect(snapshot.name).toBe('廖晓儿');
  });
});

describe('A6 profile changes and saved registrations', () => {
  it('A6 a saved registration cannot be changed through its snapshot', () => {
    const snapshot = snapshotRosterRecord(rosterRecord());
    expect(Object.isFrozen(snapshot)).toBe(true);
    expect(Object.isFrozen(snapshot.qualificationSubjectCodes)).toBe(true);
    expect(() => Object.assign(snapshot, { idNumber: '330101199001010024' })).toThrow(TypeError);
  });
});
