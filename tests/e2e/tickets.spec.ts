// R10 and K5 in Chromium against the real server: a paid subject's 准考证 is not offered before 编排; an admin runs 编排 in the staff window; the candidate then sees the ticket with its room, seat and date, prints it, and the print stylesheet shows the ticket alone.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, screenshot } from './support/artefacts.js';
import { openRegistration, recordStep } from './support/journey.js';
import { enrol, payInSandbox, readyCandidate } from './support/roster.js';
import { openStaff, staffLogIn } from './support/staff.js';

test.setTimeout(150_000);

interface Ticket {
  readonly ticketNumber: string;
  readonly room: string;
  readonly seat: number;
  readonly examDate: string;
  readonly subject: { readonly code: string; readonly name: string };
}

/** Counts the page's print dialogs instead of opening one: browser mode falls back to window.print(), which is the browser's, not our server's. */
async function countPrintDialogs(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counted = window as unknown as { printDialogs: number };
    counted.printDialogs = 0;
    window.print = () => {
      counted.printDialogs += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { printDialogs: number }).printDialogs);
}

test('R10 K5 the admission ticket: not before 编排, then shown with room, seat and time, printed, and alone on paper', async ({ page, context }) => {
  // A candidate with a paid CET4 written subject at 993010, prepared over the API as a phone would pay.
  const candidate = await readyCandidate();
  const enrolmentIds = await enrol(candidate, 'written', '993010', '1');
  await payInSandbox(candidate, enrolmentIds);

  // Paid but not arranged: 打印准考证 is disabled with its reason, and the server has no ticket either.
  await openRegistration(page, candidate);
  const printTickets = page.getByRole('button', { name: '打印准考证' });
  await expect(printTickets).toBeDisabled();
  await expect(page.getByText('准考证在编排完成且在打印时间内才能打印')).toBeVisible();
  expect((await candidate.api.ok('GET', '/api/tickets'))['tickets']).toEqual([]);
  await recordStep(page, 'tickets-01-not-arranged');

  // 编排 by an admin in the staff window, for the candidate's campus.
  const staff = await context.newPage();
  await openStaff(staff);
  await staffLogIn(staff, 'admin');
  await staff.getByRole('tab', { name: '编排' }).click();
  await staff.getByLabel('编排范围').click();
  await staff.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '(993010)测试校区机构001' }).click();
  await expect(staff.locator('.ant-select').filter({ has: staff.getByLabel('编排范围') })).toContainText('(993010)测试校区机构001');
  await staff.getByRole('button', { name: '开始编排' }).click();
  await expect(staff.getByTestId('arrangement-outcome')).toContainText(/本次新编排 [1-9]\d* 个科目/);
  await screenshot(staff, 'tickets-02-staff-arrangement');
  await expectAccessible(staff);
  await staff.close();

  // The server's ticket is the one the kiosk must show.
  const [ticket] = (await candidate.api.ok('GET', '/api/tickets'))['tickets'] as Ticket[];
  expect(ticket).toMatchObject({ subject: { code: '1' }, ticketNumber: expect.stringMatching(/^993010\d{9}$/), room: expect.stringMatching(/^\d{3}$/) });
  if (ticket === undefined) throw new Error('no ticket after 编排');

  await openRegistration(page, candidate);
  await expect(printTickets).toBeEnabled();
  await expect(page.getByText('准考证在编排完成且在打印时间内才能打印')).toHaveCount(0);
  await printTickets.click();
  await expect(page.getByRole('heading', { name: '准考证' })).toBeVisible();
  const sheet = page.locator('.print-area');
  for (const shown of [ticket.ticketNumber, ticket.room, ticket.examDate, '(1) 英语四级笔试', '(993010)测试校区机构001']) await expect(sheet).toContainText(shown);
  await expect(sheet.getByRole('row').filter({ hasText: '座位号' })).toContainText(String(ticket.seat));
  // The seeds' timetable: every 四级 written subject is sat in the morning of the exam day.
  await expect(sheet.getByRole('row').filter({ hasText: '考试时间' })).toContainText(`${ticket.examDate} 上午`);
  // C8-style privacy on a shared screen: the ID number is masked on the ticket too.
  await expect(sheet).not.toContainText(candidate.roster.idNumber);
  await recordStep(page, 'tickets-03-ticket');

  // Browser mode: the host answers 'unsupported' and the page opens the browser's print dialog, once, with no failure said.
  const printDialogs = await countPrintDialogs(page);
  await page.getByRole('button', { name: '打印准考证' }).click();
  await expect.poll(printDialogs).toBe(1);
  await expect(page.getByText('打印失败', { exact: false })).toHaveCount(0);

  // On paper: the ticket only, without the header, the progress steps, the buttons or the language switch.
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(ticket.ticketNumber);
  await expect(page.locator('.ant-layout-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印准考证' })).toBeHidden();
  await expect(page.getByRole('button', { name: '返回' })).toBeHidden();
  await expect(page.locator('.no-print').first()).toBeHidden();
  // Every piece of text still laid out on paper, outside the ticket: only the page's title may remain.
  const printedOutsideTicket = await page.evaluate(() => {
    const area = document.querySelector('.print-area');
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => element.childElementCount === 0 && (element.textContent ?? '').trim() !== '' && !(area?.contains(element) ?? false))
      .filter((element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden')
      .map((element) => (element.textContent ?? '').trim());
  });
  expect(printedOutsideTicket).toEqual(['准考证']);
  await screenshot(page, 'tickets-04-print-media');
  await page.emulateMedia({ media: 'screen' });
  await expectAccessible(page);
});
