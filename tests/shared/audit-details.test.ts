// What of an audit entry's details an admin may read back: identifiers, counts, money, times and yes/no only, each of its own kind.
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_PATTERN, AUDIT_ACTIONS, splitAuditDetails } from '../../shared/domain/audit.js';

describe('splitAuditDetails', () => {
  it.each([
    ['a school code', { schoolCode: '99301' }, { schoolCode: '99301' }, []],
    ['counts and money', { enrolments: 2, amountFen: 6000 }, { enrolments: 2, amountFen: 6000 }, []],
    ['an instant', { expiresAt: '2026-09-01T02:00:00.000Z' }, { expiresAt: '2026-09-01T02:00:00.000Z' }, []],
    ['yes/no of a profile change', { email: true, mobile: false }, { email: true, mobile: false }, []],
    ['a missing campus', { campusCode: null }, { campusCode: null }, []],
    ['a free-text reason', { reason: '张三的邮箱填错了' }, {}, ['reason']],
    ['an ID number, even masked', { idNumber: '1101**********1239' }, {}, ['idNumber']],
    ['a ticket number and a file name', { ticketNumber: '993010242100101', fileName: '英语2401班.csv' }, {}, ['ticketNumber', 'fileName']],
    ['a name under an allowed key', { schoolCode: '张三' }, {}, ['schoolCode']],
    ['text under a count', { rows: '12' }, {}, ['rows']],
    ['a negative amount', { amountFen: -1 }, {}, ['amountFen']],
    ['a date that is not an instant', { expiresAt: '明天' }, {}, ['expiresAt']],
  ])('%s', (_case, details, shown, withheld) => {
    expect(splitAuditDetails(details)).toEqual({ shown, withheld });
  });

  it('knows every action by a dotted name', () => {
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(AUDIT_ACTION_PATTERN);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });
});
