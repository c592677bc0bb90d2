// Issue #7's done-when tests in Chromium against real processes: a candidate's capture at a kiosk whose server is down survives a
// reload and is replayed exactly once when the server is back (confirmed in the database and on screen); and two pages of one
// kiosk pumping the same outbox at once never apply an operation twice. The server and kiosk host are this file's own (free
// ports), since the tests stop and restart the server.
import { expect, test, type Page } from '@playwright/test';
import { newCandidate, ZHANG_SAN } from './support/candidates.js';
import { choose, DEMO_PROVINCE, logIn, openKiosk } from './support/kiosk.js';
import { smsCodeFor } from './support/outbox.js';
import { fillIdentity, recordStep } from './support/journey.js';
import { capturedState, captureOffline, enrolKiosk, expectCatalogueCached, expectConnectivity, expectPending, strip, withServerDatabase } from './support/offline-kiosk.js';
import { OwnHost, OwnServer } from './support/own-processes.js';
import { ORDINARY_993010 } from './support/roster.js';

test.describe.configure({ mode: 'serial' });
// Process starts (tsx + PGlite) and restarts on two shared cores: ceilings, not expectations.
test.setTimeout(420_000);

let server: OwnServer;
let host: OwnHost;

// A fresh database: the first ordinary 993010 students are nobody's yet.
const [first, second, third] = ORDINARY_993010.map((record) => ({ idType: record.idType, idNumber: record.idNumber, name: record.name }));

test.beforeAll(async () => {
  server = await OwnServer.create();
  host = await OwnHost.create('kiosk');
  await server.start();
  await host.start(server.url);
});

test.afterAll(async () => {
  await host?.dispose();
  await server?.dispose();
});

async function openOwnKiosk(page: Page): Promise<void> {
  await openKiosk(page, host.url);
}

test('K3 issue #7 done-when 1: server stopped → a candidate captures passport, registration, written and oral → reload → server back → replayed once, in the database and on screen', async ({ page }) => {
  if (first === undefined) throw new Error('the demo roster has no ordinary 993010 student');
  await enrolKiosk(page, host.url, server.url);
  await expectConnectivity(page, 'online');
  await expectCatalogueCached(page);
  await expectPending(page, 0);

  await server.stop();
  await expectConnectivity(page, 'offline');
  const candidate = newCandidate(first.name);
  await captureOffline(page, { candidate, roster: first, shots: 'offline' });
  await expectPending(page, 4);

  // The queue is the device's: a reload (a crash, the K2 wipe) takes the candidate's screen, never the queued work.
  await page.reload();
  await expect(page.getByRole('button', { name: '离线登记' })).toBeVisible();
  await expectPending(page, 4);
  await expect(strip(page)).toContainText('待上传 4 项');
  await recordStep(page, 'offline-09-after-reload');

  await server.start();
  await expectConnectivity(page, 'online');
  await expectPending(page, 0, 120_000);
  await expect(strip(page)).toContainText('无待上传信息');
  await recordStep(page, 'offline-10-replayed');

  // The database holds exactly what was captured, each operation once (read with the server stopped: PGlite is one process's).
  await server.stop('SIGTERM');
  const { state, ledger } = await withServerDatabase(server.dataDir, async (db) => ({
    state: await capturedState(db, candidate.email),
    ledger: await db.selectFrom('sync_operations').select(['seq', 'kind', 'status', 'error']).orderBy('seq').execute(),
  }));
  expect(ledger.map((op) => [Number(op.seq), op.kind, op.status, op.error])).toEqual([
    [1, 'passport.register', 'applied', null],
    [2, 'registration.save', 'applied', null],
    [3, 'enrolment.written', 'applied', null],
    [4, 'enrolment.oral', 'applied', null],
  ]);
  expect(state).toMatchObject({
    passport: { mobile: candidate.mobile, id_number: first.idNumber, name: first.name },
    registration: { id_number: first.idNumber, name: first.name },
    enrolments: [{ subject_code: '1' }, { subject_code: 'F' }],
    provisionalSeq: 1,
  });

  // The screen confirms it too: the candidate logs in online with the passport captured offline and finds both subjects.
  await server.start();
  await expectConnectivity(page, 'online');
  // The mobile was never proven (no SMS offline): the SMS check comes first, then the server's notices of each outcome.
  await logIn(page, candidate.email, candidate.password, '验证手机号');
  await page.getByRole('button', { name: '发送验证码' }).click();
  await page.getByLabel('短信验证码').fill(await smsCodeFor(candidate.mobile, server.url));
  await recordStep(page, 'offline-11-verify-mobile');
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await expect(page.getByRole('heading', { name: '欢迎登录CET考试报名系统' })).toBeVisible();
  await expect(page.getByText('您在考点离线登记的处理结果')).toBeVisible();
  await expect(page.getByTestId('offline-notice').first()).toContainText('已确认');
  await expect(page.locator('[data-code="OFFLINE_OPERATION_REFUSED"]')).toHaveCount(0);
  await recordStep(page, 'offline-12-notices');
  await page.getByRole('button', { name: '查看报名信息' }).click();
  await expect(page.getByRole('heading', { name: '报名信息', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '笔试报考科目信息' }).getByRole('cell', { name: '(1) 英语四级笔试' })).toBeVisible();
  await expect(page.getByRole('region', { name: '口试报考科目信息' }).getByRole('cell', { name: '(F) 英语四级口试' })).toBeVisible();
  await recordStep(page, 'offline-13-registration-confirmed');
  await page.getByRole('button', { name: '退出' }).click();
  await server.stop('SIGTERM');
});

test('K3 issue #7 done-when 3: two pages of one kiosk pump the same outbox at once and never apply an operation twice', async ({ browser }) => {
  if (second === undefined || third === undefined) throw new Error('the demo roster has too few ordinary 993010 students');
  // Two windows of the same kiosk origin (one browser profile, so one outbox) cache the catalogue while the server answers, then
  // capture while it is down. The previous test left it stopped.
  const context = await browser.newContext();
  const one = await context.newPage();
  const two = await context.newPage();
  await server.start();
  await openOwnKiosk(one);
  await openOwnKiosk(two);
  await expectConnectivity(one, 'online');
  await expectCatalogueCached(one);
  await server.stop();
  await expectConnectivity(one, 'offline');
  await expectConnectivity(two, 'offline');
  const candidates = [
    { page: one, candidate: newCandidate(second.name), roster: second },
    { page: two, candidate: newCandidate(third.name), roster: third },
  ];
  for (const { page, candidate, roster } of candidates) await captureOffline(page, { candidate, roster, shots: null });
  await expectPending(one, 8);
  await expectPending(two, 8);

  // Both pages pump on reconnect; the Web Lock lets one send at a time, and the server's ledger answers a re-send with its stored result.
  await server.start();
  for (const page of [one, two]) {
    await expectConnectivity(page, 'online');
    await expectPending(page, 0, 120_000);
  }
  // Both pages agree on the outcome of every step they show: confirmed, the provisional mark gone.
  for (const { page } of candidates) {
    for (const kind of ['passport.register', 'registration.save', 'enrolment.written', 'enrolment.oral']) {
      await expect(page.getByTestId(`offline-step-${kind}`)).toHaveAttribute('data-state', 'applied', { timeout: 60_000 });
    }
    await expect(page.getByText('将在网络恢复后确认')).toHaveCount(0);
  }
  await recordStep(one, 'offline-two-pages-confirmed');

  await server.stop('SIGTERM');
  const seen = await withServerDatabase(server.dataDir, async (db) => ({
    ledger: await db.selectFrom('sync_operations').select(['seq', 'status']).orderBy('seq').execute(),
    lastApplied: await db.selectFrom('sync_devices').select('last_applied_seq').execute(),
    states: await Promise.all(candidates.map(({ candidate }) => capturedState(db, candidate.email))),
    passports: await db.selectFrom('provisional_passports').select(['seq']).orderBy('seq').execute(),
  }));
  // Seqs 1–4 are the first test's; 5–12 these two candidates', each once, each applied.
  expect(seen.ledger.map((op) => [Number(op.seq), op.status])).toEqual(Array.from({ length: 12 }, (_, i) => [i + 1, 'applied']));
  expect(seen.lastApplied.map((row) => Number(row.last_applied_seq))).toEqual([12]);
  expect(seen.passports.map((row) => Number(row.seq))).toEqual([1, 5, 9]);
  for (const [index, state] of seen.states.entries()) {
    const roster = candidates[index]?.roster;
    expect(state).toMatchObject({ registration: { id_number: roster?.idNumber }, enrolments: [{ subject_code: '1' }, { subject_code: 'F' }] });
  }
  await context.close();
});

test('K3 an existing passport named offline by a wrong password: the summary still on screen turns every step into the refusal, with the reason and its cascade', async ({ page }) => {
  if (third === undefined) throw new Error('the demo roster has too few ordinary 993010 students');
  // The previous test left the server stopped; this page's profile caches the catalogue first.
  await server.start();
  await openOwnKiosk(page);
  await expectConnectivity(page, 'online');
  await expectCatalogueCached(page);
  await server.stop();
  await expectConnectivity(page, 'offline');

  await page.getByRole('button', { name: '离线登记' }).click();
  await page.getByRole('button', { name: '已有通行证，直接报名' }).click();
  await expect(page.getByRole('heading', { name: '使用已有通行证（离线）' })).toBeVisible();
  await choose(page, '考点省份', DEMO_PROVINCE.option, DEMO_PROVINCE.typed);
  await page.getByLabel('账号').fill(ZHANG_SAN.idNumber);
  await page.getByLabel('密码').fill('Wrong#2026pass');
  await recordStep(page, 'offline-credentials-01-login');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { name: '报名信息确认（离线）' })).toBeVisible();
  await fillIdentity(page, third);
  await page.getByRole('checkbox', { name: '我已阅读并接受遵守本网站报名协议' }).check();
  await page.getByRole('checkbox', { name: '我确认以上证件信息与学籍信息一致' }).check();
  await page.getByRole('button', { name: '保存并继续' }).click();
  await page.getByRole('checkbox', { name: '(1) 英语四级笔试' }).check();
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: '口试科目报考（离线）' })).toBeVisible();
  await page.getByRole('button', { name: '不报口试，完成登记' }).click();
  await expect(page.getByTestId('offline-step-registration.save')).toHaveAttribute('data-state', 'pending');

  await server.start();
  const saved = page.getByTestId('offline-step-registration.save');
  const written = page.getByTestId('offline-step-enrolment.written');
  await expect(saved).toHaveAttribute('data-state', 'refused', { timeout: 120_000 });
  await expect(saved).toContainText('账号或密码错误');
  await expect(written).toHaveAttribute('data-state', 'refused');
  await expect(written).toContainText('该操作所依赖的前一操作已被拒绝');
  await expect(strip(page)).toContainText('2 项未被服务器接受');
  await recordStep(page, 'offline-credentials-02-refused');
  await page.getByRole('button', { name: '完成并退出' }).click();
  await expect(page.getByRole('button', { name: '进入报名' })).toBeEnabled();
  await expect(page.getByText('账号或密码错误')).toHaveCount(0);
});

test('K3 no dead buttons: the server goes while a logged-in candidate is on 报名信息 → its online-only buttons are disabled with the reason beside them → the server is back → they are enabled and work again', async ({ page }) => {
  // The previous test left the server running (and so does beforeAll when this test runs alone); no device enrolment is needed online.
  await openOwnKiosk(page);
  await expectConnectivity(page, 'online');
  await logIn(page, ZHANG_SAN.idNumber, ZHANG_SAN.password);
  await page.getByRole('button', { name: '查看报名信息' }).click();
  await expect(page.getByRole('heading', { name: '报名信息', exact: true })).toBeVisible();
  // An unpaid written subject, so that 支付, 取消报考 and 口试报考 are offered at all.
  await page.getByRole('button', { name: '笔试报考', exact: true }).click();
  await page.getByRole('checkbox', { name: '(1) 英语四级笔试' }).check();
  await page.getByRole('button', { name: '提交' }).click();
  const written = page.getByRole('region', { name: '笔试报考科目信息' });
  await expect(written.getByRole('cell', { name: '(1) 英语四级笔试' })).toBeVisible();

  const reason = '需要连接服务器，网络恢复后可用';
  const onlineOnly = ['笔试报考', '口试报考', '支付', '更新', '取消报考'].map((name) => page.getByRole('button', { name, exact: true }));
  for (const button of onlineOnly) await expect(button).toBeEnabled();
  await expect(page.getByText(reason)).toHaveCount(0);

  // The campus link drops. SIGTERM rather than SIGKILL: the kiosk sees the same refused connections, and PGlite keeps the session and
  // the enrolment just written, which the end of the test reads back.
  await server.stop('SIGTERM');
  await expectConnectivity(page, 'offline');
  for (const button of onlineOnly) await expect(button).toBeDisabled();
  await expect(page.getByRole('button', { name: '打印准考证' })).toBeDisabled();
  // Said beside each group that waits: the subject buttons, the unpaid subject's row, and 支付/更新/打印准考证.
  await expect(page.getByTestId('needs-server')).toHaveCount(3);
  for (const note of await page.getByTestId('needs-server').all()) await expect(note).toHaveText(reason);
  await expect(written.getByTestId('needs-server')).toBeVisible();
  // What needs no server stays usable: 退出 (the privacy wipe) and the way to 离线登记.
  await expect(page.getByRole('button', { name: '退出' })).toBeEnabled();
  await expect(page.getByRole('button', { name: '离线登记' })).toBeEnabled();
  await recordStep(page, 'offline-buttons-01-registration-offline');

  await server.start();
  await expectConnectivity(page, 'online');
  for (const button of onlineOnly) await expect(button).toBeEnabled();
  await expect(page.getByText(reason)).toHaveCount(0);
  // Enabled and working: 更新 reads the registration from the server again, the session and the enrolment intact.
  await page.getByRole('button', { name: '更新', exact: true }).click();
  await expect(page.getByRole('heading', { name: '报名信息', exact: true })).toBeVisible();
  await expect(written.getByRole('cell', { name: '(1) 英语四级笔试' })).toBeVisible();
  await recordStep(page, 'offline-buttons-02-registration-online-again');
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('button', { name: '进入报名' })).toBeEnabled();
});

test('K3 no dead buttons on the account screens: the server goes mid-form → 登录, 换一张, 注册 and 发送验证码 wait with the reason → back → enabled again', async ({ page }) => {
  // The previous test left the server running.
  await openOwnKiosk(page);
  await expectConnectivity(page, 'online');
  const reason = '需要连接服务器，网络恢复后可用';
  await page.getByRole('button', { name: '进入报名' }).click();
  const login = [page.getByRole('button', { name: '登录', exact: true }), page.getByRole('button', { name: '换一张' })];
  for (const button of login) await expect(button).toBeEnabled();

  await server.stop('SIGTERM');
  await expectConnectivity(page, 'offline');
  for (const button of login) await expect(button).toBeDisabled();
  await expect(page.getByTestId('needs-server')).toHaveText(reason);
  await recordStep(page, 'offline-buttons-03-login-offline');
  // 返回首页 needs no server, and from there 注册新用户 is disabled too (saying why), so the register form is reached only online:
  // this reaches it the way a candidate already on it when the link dropped would see it.
  await page.getByRole('button', { name: '返回首页' }).click();
  await expect(page.getByRole('button', { name: '注册新用户' })).toBeDisabled();

  await server.start();
  await expectConnectivity(page, 'online');
  await page.getByRole('button', { name: '注册新用户' }).click();
  const register = [page.getByRole('button', { name: '注册', exact: true }), page.getByRole('button', { name: '发送验证码' })];
  for (const button of register) await expect(button).toBeEnabled();
  await server.stop('SIGTERM');
  await expectConnectivity(page, 'offline');
  for (const button of register) await expect(button).toBeDisabled();
  // One reason beside 发送验证码 (in its status line) and one beside 注册.
  await expect(page.getByText(reason)).toHaveCount(2);
  await recordStep(page, 'offline-buttons-04-register-offline');

  await server.start();
  await expectConnectivity(page, 'online');
  for (const button of register) await expect(button).toBeEnabled();
  await expect(page.getByText(reason)).toHaveCount(0);
});
