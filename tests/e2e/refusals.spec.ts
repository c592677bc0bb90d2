// R5–R8 and C3–C6 at the kiosk: each refusal the server serves, shown next to what it concerns; other candidates and the teacher act through the API.
import { expect, test, type Page } from '@playwright/test';
import { oralRemaining, teacherSession } from './support/api.js';
import { choose } from './support/kiosk.js';
import { choiceRow, fillIdentity, openRegistration, recordStep } from './support/journey.js';
import { enrol, FEATURED, importPendingReviewStudent, payInSandbox, readyCandidate, takeOralSeat, type ReadyCandidate } from './support/roster.js';

const CAMPUS_993010 = '(99301)测试学校机构01 — (993010)测试校区机构001';

async function openWritten(page: Page, candidate: ReadyCandidate): Promise<void> {
  await openRegistration(page, candidate);
  await page.getByRole('button', { name: '笔试报考' }).click();
  await expect(page.getByRole('heading', { name: '笔试科目报考' })).toBeVisible();
}

async function openOral(page: Page, candidate: ReadyCandidate, chooseCampus993010 = false): Promise<void> {
  await openRegistration(page, candidate);
  await page.getByRole('button', { name: '口试报考' }).click();
  await expect(page.getByRole('heading', { name: '口试科目报考' })).toBeVisible();
  if (chooseCampus993010) await choose(page, '报名学校校区', CAMPUS_993010, '993010');
}

/** Other students take seats of 993010's 英语四级口试 until `left` remain; `release` gives them back, so later tests find the seats. */
async function fillOral993010(left: number): Promise<{ release: () => Promise<void> }> {
  const taken: Awaited<ReturnType<typeof takeOralSeat>>[] = [];
  const probe = await readyCandidate();
  await enrol(probe, 'written', '993010', '1');
  while ((await oralRemaining(probe.api, '993010', 'F')) > left) taken.push(await takeOralSeat('993010', 'F'));
  return {
    release: async () => {
      for (const seat of taken) await seat.candidate.api.ok('DELETE', `/api/enrolment/${seat.oralEnrolmentId}`);
    },
  };
}

async function openReview(page: Page, candidate: ReadyCandidate): Promise<void> {
  await openRegistration(page, candidate);
  await page.getByRole('button', { name: 'CET6资格复核' }).click();
}

async function submitReview(page: Page, candidate: ReadyCandidate, ticketNumber: string): Promise<void> {
  await fillIdentity(page, candidate);
  await page.getByRole('textbox', { name: '准考证号' }).fill(ticketNumber);
  await page.getByRole('checkbox', { name: /我确认提交复核的信息所有者为本人/ }).check();
  await page.getByRole('button', { name: '保存并提交复核' }).click();
}

/** A candidate whose review is pending (C4): a student imported for this test, whose CET4 record carries the same name and another ID number. */
async function pendingReview(page: Page): Promise<ReadyCandidate & { ticketNumber: string }> {
  const student = await importPendingReviewStudent();
  const candidate = await readyCandidate({ roster: student.identity, passport: student.identity });
  await openReview(page, candidate);
  await submitReview(page, candidate, student.ticketNumber);
  await expect(page.getByTestId('review-status')).toHaveText('未复核');
  return { ...candidate, ticketNumber: student.ticketNumber };
}

async function decide(candidate: ReadyCandidate, decision: 'APPROVED' | 'REJECTED'): Promise<void> {
  const mine = await candidate.api.ok('GET', '/api/review');
  const applicationId = (mine['application'] as { id: string }).id;
  const teacher = await teacherSession();
  await teacher.ok('POST', `/api/staff/reviews/${applicationId}/decision`, decision === 'APPROVED' ? { decision } : { decision, reason: '证件号码与成绩记录不一致，请携带证明' });
}

test('R5 English and Japanese CET4 written cannot both be taken: the seed’s error text is shown and 提交 is disabled', async ({ page }) => {
  const candidate = await readyCandidate({ roster: FEATURED.japanese });
  await openWritten(page, candidate);
  await page.getByRole('checkbox', { name: '(1) 英语四级笔试' }).check();
  await page.getByRole('checkbox', { name: '(3) 日语四级笔试' }).check();
  await expect(page.getByRole('alert').filter({ hasText: '英语和小语种笔试同级别科目只能报考1科，四级笔试存在多科报考，请检查数据！' })).toBeVisible();
  await expect(page.getByRole('button', { name: '提交' })).toBeDisabled();
  await recordStep(page, 'refusal-r5-level-conflict');
  // One of them alone goes through.
  await page.getByRole('checkbox', { name: '(3) 日语四级笔试' }).uncheck();
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('region', { name: '笔试报考科目信息' }).getByRole('cell', { name: '(1) 英语四级笔试' })).toBeVisible();
});

test('R5 a written subject the candidate is not qualified for cannot be ticked and says why', async ({ page }) => {
  const candidate = await readyCandidate();
  await openWritten(page, candidate);
  const cet6 = choiceRow(page, '(2) 英语六级笔试');
  await expect(cet6.getByRole('checkbox')).toBeDisabled();
  await expect(cet6.getByText('不具有该科目的报考资格！')).toBeVisible();
  await recordStep(page, 'refusal-r5-not-qualified');
});

test('R6 no oral alone: 口试报考 is disabled with its reason until a written subject is taken', async ({ page }) => {
  const candidate = await readyCandidate();
  await openRegistration(page, candidate);
  await expect(page.getByRole('button', { name: '口试报考' })).toBeDisabled();
  await expect(page.getByText('请先完成笔试报考')).toBeVisible();
  await recordStep(page, 'refusal-r6-oral-without-written');
});

test('R6 a full oral offering shows a red 无 and cannot be ticked', async ({ page }) => {
  const seats = await fillOral993010(0);
  try {
    const candidate = await readyCandidate();
    await enrol(candidate, 'written', '993010', '1');
    await openOral(page, candidate, true);
    const row = choiceRow(page, '(F) 英语四级口试');
    await expect(row.locator('[data-capacity="red"]')).toContainText('无');
    await expect(row.getByRole('checkbox')).toBeDisabled();
    await expect(row.getByText('该科目已报满，请选择其他校区')).toBeVisible();
    await recordStep(page, 'refusal-r6-oral-full');
  } finally {
    await seats.release();
  }
});

test('R6 the oral campus is fixed to the written campus when it forbids other campuses', async ({ page }) => {
  const candidate = await readyCandidate({ roster: FEATURED.fixedOralCampus });
  await enrol(candidate, 'written', '993011', '1');
  await openOral(page, candidate);
  await expect(page.getByText('您的笔试报名校区不允许报考外校口语，已自动选定笔试报名校区。')).toBeVisible();
  await expect(page.getByLabel('报名学校校区')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '(99301)测试学校机构01 — (993011)测试校区机构002' })).toBeVisible();
  await expect(choiceRow(page, '(F) 英语四级口试').getByRole('checkbox')).toBeEnabled();
  await recordStep(page, 'refusal-r6-campus-fixed');
});

test('R7 the last seat taken by someone else between display and submit is refused as full', async ({ page }) => {
  const seats = await fillOral993010(1);
  try {
    const candidate = await readyCandidate();
    await enrol(candidate, 'written', '993010', '1');
    await openOral(page, candidate, true);
    const row = choiceRow(page, '(F) 英语四级口试');
    await expect(row.locator('[data-capacity="yellow"]')).toContainText('1');
    await row.getByRole('checkbox').check();
    // Another student takes that last seat while the page still shows it.
    const rival = await takeOralSeat('993010', 'F');
    await page.getByRole('button', { name: '提交' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '该科目已报满，请选择其他校区' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '口试科目报考' })).toBeVisible();
    await recordStep(page, 'refusal-r7-last-seat-gone');
    expect((await candidate.api.ok('GET', '/api/registration'))['registration']).toMatchObject({ oral: { enrolments: [] } });
    await rival.candidate.api.ok('DELETE', `/api/enrolment/${rival.oralEnrolmentId}`);
  } finally {
    await seats.release();
  }
});

test('R8 cancelling an unpaid oral enrolment gives its seat back', async ({ page }) => {
  const candidate = await readyCandidate();
  await enrol(candidate, 'written', '993010', '1');
  await enrol(candidate, 'oral', '993010', 'F');
  const before = await oralRemaining(candidate.api, '993010', 'F');
  await openRegistration(page, candidate);
  const oral = page.getByRole('region', { name: '口试报考科目信息' });
  await expect(oral.getByRole('cell', { name: '(F) 英语四级口试' })).toBeVisible();
  await recordStep(page, 'refusal-r8-unpaid-cancellable');
  await oral.getByRole('button', { name: '取消报考' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /确\s?定/ }).click();
  await expect(oral.getByText('当前没有报考口试科目，可通过“口试报考”进行科目报考！')).toBeVisible();
  expect(await oralRemaining(candidate.api, '993010', 'F')).toBe(before + 1);
  await recordStep(page, 'refusal-r8-cancelled');
});

test('R8 a paid enrolment has no cancel, and says why', async ({ page }) => {
  const candidate = await readyCandidate();
  const written = await enrol(candidate, 'written', '993010', '1');
  await payInSandbox(candidate, written);
  await openRegistration(page, candidate);
  const table = page.getByRole('region', { name: '笔试报考科目信息' });
  await expect(table.getByRole('cell', { name: '已支付', exact: true })).toBeVisible();
  await expect(table.getByRole('button', { name: '取消报考' })).toHaveCount(0);
  await expect(table.getByText('已支付科目不可取消')).toBeVisible();
  await recordStep(page, 'refusal-r8-paid-not-cancellable');
});

test('C3 a ticket matching ID number and a passing score is approved at once and CET6 written becomes selectable', async ({ page }) => {
  const { identity, ticketNumber } = FEATURED.reviewAutoApproved;
  const candidate = await readyCandidate({ roster: identity, passport: identity });
  await openWritten(page, candidate);
  await expect(page.getByRole('checkbox', { name: '(2) 英语六级笔试' })).toBeDisabled();
  await page.getByRole('button', { name: '返回' }).click();
  await page.getByRole('button', { name: 'CET6资格复核' }).click();
  await submitReview(page, candidate, ticketNumber);
  await expect(page.getByTestId('review-status')).toHaveText('通过');
  await expect(page.getByText('复核已通过，已获得英语六级报考资格，无法更改和取消。')).toBeVisible();
  await recordStep(page, 'refusal-c3-auto-approved');
  await page.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: '笔试报考' }).click();
  await expect(page.getByRole('checkbox', { name: '(2) 英语六级笔试' })).toBeEnabled();
  await recordStep(page, 'refusal-c3-cet6-selectable');
});

test('C4 a pending review is shown back masked as 未复核 with no edit or cancel', async ({ page }) => {
  const candidate = await pendingReview(page);
  const shown = await page.getByRole('main').innerText();
  for (const secret of [candidate.idNumber, candidate.name]) expect(shown).not.toContain(secret);
  await expect(page.getByText(/^\d{3}\*+\d{3}$/)).toBeVisible();
  await expect(page.getByText('“未复核”状态的申请无法修改和取消')).toBeVisible();
  await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
  await recordStep(page, 'refusal-c4-pending');
  // The server holds the same line.
  expect((await candidate.api.call('DELETE', '/api/review')).body.error?.code).toBe('REVIEW_PENDING_LOCKED');
});

test('C5 a wrong ticket is refused next to the form and nothing is stored', async ({ page }) => {
  const candidate = await readyCandidate();
  await openReview(page, candidate);
  await submitReview(page, candidate, FEATURED.reviewPending.ticketNumber);
  await expect(page.getByText('准考证号错误，或证件号码和姓名都与该准考证号的成绩记录不一致，无法提交')).toBeVisible();
  await expect(page.getByRole('heading', { name: '新增CET6资格复核申请' })).toBeVisible();
  await recordStep(page, 'refusal-c5-wrong-ticket');
  expect((await candidate.api.ok('GET', '/api/review'))['application']).toBeNull();
});

test('C6 after a teacher’s rejection the candidate edits and resubmits the application', async ({ page }) => {
  const candidate = await pendingReview(page);
  await decide(candidate, 'REJECTED');
  await page.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: 'CET6资格复核' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('复核失败');
  await expect(page.getByText('证件号码与成绩记录不一致，请携带证明')).toBeVisible();
  await recordStep(page, 'refusal-c6-rejected');
  await page.getByRole('button', { name: '修改' }).click();
  await expect(page.getByRole('heading', { name: '修改CET6资格复核申请' })).toBeVisible();
  await submitReview(page, candidate, candidate.ticketNumber);
  await expect(page.getByTestId('review-status')).toHaveText('未复核');
  await expect(page.getByRole('row', { name: /提交次数\s*2/ })).toBeVisible();
  await recordStep(page, 'refusal-c6-resubmitted');
});

test('C6 after a teacher’s rejection the candidate deletes the application', async ({ page }) => {
  const candidate = await pendingReview(page);
  await decide(candidate, 'REJECTED');
  await page.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: 'CET6资格复核' }).click();
  await page.getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /确\s?定/ }).click();
  await expect(page.getByRole('heading', { name: '新增CET6资格复核申请' })).toBeVisible();
  await recordStep(page, 'refusal-c6-deleted');
  expect((await candidate.api.ok('GET', '/api/review'))['application']).toBeNull();
});

test('C6 an application a teacher approved is final: no edit, no delete', async ({ page }) => {
  const candidate = await pendingReview(page);
  await decide(candidate, 'APPROVED');
  await page.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: 'CET6资格复核' }).click();
  await expect(page.getByTestId('review-status')).toHaveText('复核通过');
  await expect(page.getByText('复核已通过，已获得英语六级报考资格，无法更改和取消。')).toBeVisible();
  await expect(page.getByRole('button', { name: '修改' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
  await recordStep(page, 'refusal-c6-approved-final');
  expect((await candidate.api.call('DELETE', '/api/review')).body.error?.code).toBe('REVIEW_APPROVED_FINAL');
});
