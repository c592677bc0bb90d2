// The seeds' progress steps (SPEC K1), always visible on the kiosk: 注册 → 登录 → 资格验证 → 笔试报名缴费 → 口试报名缴费 → 报名成功.
export const PROGRESS_STEPS = ['register', 'login', 'qualification', 'written', 'oral', 'done'] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export function stepIndex(step: ProgressStep): number {
  return PROGRESS_STEPS.indexOf(step);
}
