// Pure renderer logic: which K1 step a screen shows, and the throttle that keeps K2 activity reports to the host sparse.
import { describe, expect, it } from 'vitest';
import type { RegistrationView } from '../../shared/contracts/http/registration.js';
import { throttle } from '../../src-renderer/privacy/activity-throttle.js';
import { registrationStep, screenStep } from '../../src-renderer/kiosk/shell/screen-step.js';

function registration(written: readonly ('PAID' | 'UNPAID')[], oral: readonly ('PAID' | 'UNPAID')[]): RegistrationView {
  const group = (statuses: readonly ('PAID' | 'UNPAID')[]) => ({
    enrolments: statuses.map((paymentStatus) => ({ paymentStatus })),
    paymentSummary: 'NONE',
    unpaidFen: statuses.filter((status) => status === 'UNPAID').length * 100,
  });
  const w = group(written);
  const o = group(oral);
  return { written: w, oral: o, unpaidTotalFen: w.unpaidFen + o.unpaidFen } as unknown as RegistrationView;
}

describe('K1 progress step of a screen', () => {
  it.each([
    ['home', 'register'],
    ['registerConfirm', 'register'],
    ['login', 'login'],
    ['retrieval', 'login'],
    ['qualificationConfirm', 'qualification'],
    ['review', 'qualification'],
    ['written', 'written'],
    ['oral', 'oral'],
    ['receipt', 'done'],
  ] as const)('%s is under %s', (screen, step) => {
    expect(screenStep(screen, null)).toBe(step);
  });

  it('moves the 报名信息 page along as subjects are taken and paid', () => {
    expect(registrationStep(null)).toBe('qualification');
    expect(registrationStep(registration([], []))).toBe('written');
    expect(registrationStep(registration(['UNPAID'], []))).toBe('written');
    expect(registrationStep(registration(['PAID'], ['UNPAID']))).toBe('oral');
    expect(registrationStep(registration(['PAID'], ['PAID']))).toBe('done');
  });
});

describe('K2 activity throttle', () => {
  it('reports the first touch at once and at most one per interval after it', () => {
    let now = 0;
    const reports: number[] = [];
    const touch = throttle(() => reports.push(now), 2_000, () => now);
    for (now = 0; now <= 5_000; now += 500) touch();
    expect(reports).toEqual([0, 2_000, 4_000]);
  });
});
