// R4 empty registrations and R8 unpaid enrolments expire after their session's time-to-live.
import { describe, expect, it } from 'vitest';
import { isEmptyRegistrationExpired, isUnpaidEnrolmentExpired, unpaidEnrolmentExpiresAt } from '../../shared/rules/time-to-live.js';
import { HOUR_MS } from '../../shared/domain/clock.js';
import { SUBJECTS, at, enrolment, session } from './fixtures.js';

const savedAt = at('2017-03-10T10:00:00');

describe('R4 empty registration time-to-live (12 h by default)', () => {
  it.each([
    [0, '2017-03-10T21:59:59', false, 'just under 12 h'],
    [0, '2017-03-10T22:00:00', true, 'exactly 12 h'],
    [0, '2017-03-12T10:00:00', true, 'days later'],
    [1, '2017-03-12T10:00:00', false, 'one subject keeps it'],
  ])('R4 with %i enrolments at %s → expired %s (%s)', (count, now, expired) => {
    expect(isEmptyRegistrationExpired({ savedAt }, count, session(), at(now))).toBe(expired);
  });

  it('R4 takes the time-to-live from the session (24 h in the short guide)', () => {
    const longer = session({ emptyRegistrationTtlMs: 24 * HOUR_MS });
    expect(isEmptyRegistrationExpired({ savedAt }, 0, longer, at('2017-03-10T22:00:00'))).toBe(false);
    expect(isEmptyRegistrationExpired({ savedAt }, 0, longer, at('2017-03-11T10:00:00'))).toBe(true);
  });
});

describe('R8 unpaid enrolment time-to-live (24 h by default)', () => {
  const added = { createdAt: at('2017-03-10T10:00:00') };

  it.each([
    ['UNPAID', false, '2017-03-11T09:59:59', false],
    ['UNPAID', false, '2017-03-11T10:00:00', true],
    ['PAID', false, '2017-03-20T10:00:00', false],
    ['UNPAID', true, '2017-03-20T10:00:00', false],
  ] as const)('R8 a %s enrolment, group-payment lock %s, at %s → expired %s', (paymentStatus, groupPaymentLock, now, expired) => {
    const held = enrolment(SUBJECTS.englishCet4Written, { ...added, paymentStatus, groupPaymentLock });
    expect(isUnpaidEnrolmentExpired(held, session(), at(now))).toBe(expired);
  });

  it('R8 tells the candidate when an unpaid enrolment goes', () => {
    expect(unpaidEnrolmentExpiresAt(enrolment(SUBJECTS.englishCet4Written, added), session())).toEqual(at('2017-03-11T10:00:00'));
    expect(unpaidEnrolmentExpiresAt(enrolment(SUBJECTS.englishCet4Written, { ...added, paymentStatus: 'PAID' }), session())).toBeNull();
  });
});
