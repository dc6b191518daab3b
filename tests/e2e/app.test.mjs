// Browser tests of the front end against a real server on a temp DB with demo data:
// a worker files a report and gets a receipt; an officer logs in, moves the case on and replies;
// the worker reads the reply; the scam checker gives a verdict; the map and dashboard render.
// Screenshots of each key page go to test-artifacts/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DEMO_PASSWORD, LAPTOP, PHONE, launchBrowser, shot, startServer } from './lib.mjs';

const OFFICER = process.env.ANTOAN_E2E_OFFICER ?? 'tongldld'; // whole country (docs/demo.md)
const marker = 'e2e-' + Date.now().toString(36);
const description = `Máy dập ở xưởng 3 không có che chắn, hôm qua một bạn bị kẹp tay (${marker}).`;
const reply = `Cảm ơn bạn, công đoàn đã làm việc với xưởng 3 (${marker}).`;

describe('front end in a real browser', { timeout: 600_000 }, () => {
  let server;
  let browser;
  let receipt = '';
  let caseId = 0;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('worker home shows category tiles on a phone', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(server.base + '/');
    await page.locator('a.tile[data-category="scam"]').waitFor();
    assert.ok((await page.locator('a.tile').count()) >= 10, 'one tile per category');
    await shot(page, 'worker-home-phone');
    await ctx.close();
  });

  test('a worker files a report and gets a 16-digit receipt (location refused, errors shown by the field)', async () => {
    const ctx = await browser.newContext(PHONE); // no geolocation permission: location is refused
    const page = await ctx.newPage();
    await page.goto(server.base + '/');
    await page.locator('a.tile[data-category="workplace_safety"]').click();
    await page.locator('form.report').waitFor();
    // Empty form: the errors appear next to their fields.
    await page.locator('button[type=submit]').click();
    await page.locator('#description-error').waitFor();
    await page.locator('#area-error').waitFor();
    // Location refused: the page says so and keeps the area list.
    await page.getByRole('button', { name: /vị trí/ }).click();
    await page.getByText('Không lấy được vị trí').waitFor();
    await page.locator('#description').fill(description);
    const province = page.locator('#area-province');
    await page.waitForFunction(() => document.querySelectorAll('#area-province option').length > 30);
    await province.selectOption('24'); // Bắc Ninh, a demo province with communes
    await page.waitForFunction(() => document.querySelectorAll('#area-commune option').length > 1);
    await page.locator('#area-commune').selectOption({ index: 1 });
    await page.locator('#contact').fill('0912 345 678');
    await shot(page, 'worker-report-form-phone');
    await page.locator('button[type=submit]').click();
    const code = page.locator('#receipt-code');
    await code.waitFor({ timeout: 15_000 });
    receipt = (await code.getAttribute('data-receipt')) ?? '';
    assert.match(receipt, /^\d{16}$/);
    assert.match(await page.locator('.warning').innerText(), /chỉ hiện một lần/);
    await shot(page, 'worker-receipt-phone');
    await ctx.close();
  });

  test('an officer logs in, finds the case, moves it on and replies', async () => {
    assert.ok(receipt, 'needs the receipt from the report test');
    const ctx = await browser.newContext(LAPTOP);
    const page = await ctx.newPage();
    await page.goto(server.base + '/officer');
    // A wrong password shows the API's message on the form.
    await page.locator('#username').fill(OFFICER);
    await page.locator('#password').fill('wrong-password');
    await page.locator('form.login button[type=submit]').click();
    await page.locator('.form-error, .field-error').first().waitFor();
    await shot(page, 'officer-login-error');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('form.login button[type=submit]').click();
    await page.locator('table.cases, .inbox p').first().waitFor({ timeout: 15_000 });
    await page.locator('table.cases tbody tr').first().waitFor();
    await shot(page, 'officer-inbox', false);
    // Find our case by its marker.
    await page.locator('input[name=q]').fill(marker);
    await page.locator('form.filters button[type=submit]').click();
    const row = page.locator('table.cases tbody tr').first();
    await page.waitForFunction(() => document.querySelectorAll('table.cases tbody tr').length === 1, null, { timeout: 15_000 });
    caseId = Number(await row.getAttribute('data-case-id'));
    assert.ok(caseId > 0);
    await row.locator('a').first().click();
    await page.locator('.case-page h1').waitFor();
    assert.match(await page.locator('.description').innerText(), new RegExp(marker));
    const before = await page.locator('h1 .status').getAttribute('data-status');
    const to = await page.locator('button.transition:not(.to-rejected)').first().getAttribute('data-to');
    assert.ok(to, 'a transition is allowed');
    await page.locator('#note').fill('Đã tiếp nhận, chuyển cán bộ xử lý');
    await page.locator(`button.transition[data-to="${to}"]`).click();
    await page.waitForFunction((s) => document.querySelector('h1 .status')?.getAttribute('data-status') === s, to);
    assert.notEqual(before, to);
    await page.locator('#reply-text').fill(reply);
    await page.locator('#reply-text').press('Tab');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText(reply).first().waitFor();
    await shot(page, 'officer-case');
    await ctx.close();
  });

  test('the worker follows the report with the receipt and reads the reply', async () => {
    assert.ok(caseId, 'needs the officer test');
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(server.base + '/follow');
    // A wrong receipt: the API's message is shown next to the field.
    await page.locator('#receipt').fill('0000 0000 0000 0000');
    await page.locator('form.inline-form button[type=submit]').click();
    await page.locator('#receipt-error').waitFor();
    await page.locator('#receipt').fill(receipt.replace(/(\d{4})(?=\d)/g, '$1 '));
    await page.locator('form.inline-form button[type=submit]').click();
    await page.locator('.msg-officer').first().waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.messages').innerText(), new RegExp(marker));
    await shot(page, 'worker-follow-phone');
    await ctx.close();
  });

  test('the scam checker shows a verdict with reasons', async () => {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(server.base + '/check');
    await page.locator('#text').fill('Chúc mừng bạn trúng thưởng 50 triệu! Nhắn mã OTP và chuyển phí 500k vào STK 0123456789 Vietcombank, liên hệ 0912.345.678 hoặc vay-nhanh[.]vn');
    await page.locator('form button[type=submit]').click();
    const verdict = page.locator('section.verdict');
    try {
      await verdict.waitFor({ timeout: 15_000 });
    } catch (e) {
      await shot(page, 'worker-check-phone-failed');
      throw e;
    }
    const v = await verdict.getAttribute('data-verdict');
    assert.ok(['scam', 'suspicious'].includes(v), 'an obvious scam is not called safe: ' + v);
    // Reasons in plain words: never the model's fragments, indicator kinds in words.
    const text = await verdict.innerText();
    assert.doesNotMatch(text, /từ ngữ:|words:/);
    assert.match(text, /Số điện thoại|Số tài khoản|Tên miền/);
    await shot(page, 'worker-check-phone');
    // One tap "this verdict was wrong": the text is shared only when ticked.
    await page.locator('.verdict-feedback button').click();
    await page.locator('.verdict-feedback [role=status]').waitFor();
    await ctx.close();
  });

  test('the scam checker answers in English when English is chosen, and a few words are safe', async () => {
    const ctx = await browser.newContext(PHONE);
    await ctx.addInitScript(() => localStorage.setItem('antoan.lang', 'en'));
    const page = await ctx.newPage();
    await page.goto(server.base + '/check');
    await page.locator('#text').fill('Vietcombank: tai khoan bi khoa, xac thuc ngay tai vietcombank.com.vn-xacminh.top');
    await page.locator('form button[type=submit]').click();
    const verdict = page.locator('section.verdict');
    await verdict.waitFor({ timeout: 15_000 });
    assert.equal(await verdict.getAttribute('data-verdict'), 'scam');
    const reasons = await verdict.locator('ul').first().innerText();
    assert.match(reasons, /imitates Vietcombank/);
    assert.doesNotMatch(reasons, /giả mạo/);
    await shot(page, 'worker-check-english');
    await page.locator('#text').fill('Vâng ạ');
    await page.locator('form button[type=submit]').click();
    await page.locator('section.verdict[data-verdict=safe]').waitFor({ timeout: 15_000 });
    await ctx.close();
  });

  test('an officer reviews "wrong verdict" feedback beside the registry status', async () => {
    // One shared and one unshared item, as the worker's page sends them.
    const post = (body) => fetch(server.base + '/api/v1/check/feedback', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await post({ text: 'Vietcombank: xac thuc tai vietcombank.com.vn-xacminh.top, goi 0912 345 678', share_text: true })).status, 201);
    assert.equal((await post({ text: 'Dạ vâng ạ' })).status, 201);
    const ctx = await browser.newContext(LAPTOP);
    const page = await ctx.newPage();
    await page.goto(server.base + '/officer');
    await page.locator('#username').fill(OFFICER);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('form.login button[type=submit]').click();
    await page.locator('.console-nav').waitFor();
    await page.getByRole('link', { name: 'Phản hồi kiểm tra lừa đảo' }).click();
    const shared = page.locator('.feedback-list > li', { hasText: 'vietcombank.com.vn-xacminh.top' }).first();
    await shared.waitFor({ timeout: 15_000 });
    const text = await shared.innerText();
    assert.match(text, /0000 000 000/, 'numbers are masked');
    assert.doesNotMatch(text, /0912/);
    assert.match(text, /chưa có trong danh sách|đã bị báo cáo|đã xác nhận/, 'registry status beside each indicator');
    assert.match(await page.locator('.feedback-list').innerText(), /người gửi không chia sẻ nội dung/);
    await shot(page, 'officer-scam-feedback', false);
    await shared.getByRole('button', { name: 'Thêm vào dữ liệu huấn luyện: lừa đảo' }).click();
    await page.locator('.feedback-list > li[data-status=added]').first().waitFor();
    await ctx.close();
  });

  test('warnings for my area show an area-wide alert without any case detail', async () => {
    // The daily job is off in tests: store one area-wide alert (as the job would) for a Bắc Ninh commune.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Vietnam day
    const sql = `INSERT INTO hotspot_alerts (category, as_of, method, area_code, start_date, end_date, observed, expected,
      statistic, locations, place_path, created_at) SELECT 'theft', '${today}', 'ears_c2', code, '${today}', '${today}',
      7, 1.5, 4.2, '[]', '/', 0 FROM areas WHERE parent_code = '24' ORDER BY code LIMIT 1;`;
    const r = spawnSync('sqlite3', [server.db, sql], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(server.base + '/warnings');
    await page.waitForFunction(() => document.querySelectorAll('#warn-province option').length > 30);
    await page.locator('#warn-province').selectOption('24');
    await page.locator('.warning-item').first().waitFor();
    const text = await page.locator('.warning-item').first().innerText();
    assert.match(text, /Trộm cắp/);
    assert.match(text, /7 phản ánh/);
    await shot(page, 'worker-warnings-phone');
    await ctx.close();
  });

  test('the map and the dashboard render with demo data', async () => {
    const ctx = await browser.newContext(LAPTOP);
    const page = await ctx.newPage();
    await page.goto(server.base + '/officer');
    await page.locator('#username').fill(OFFICER);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('form.login button[type=submit]').click();
    await page.locator('.console-nav').waitFor();
    await page.getByRole('link', { name: 'Bản đồ' }).click();
    await page.locator('#map[data-geo=ready]').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => Number(document.querySelector('#map')?.getAttribute('data-counts')) > 0, null, { timeout: 20_000 });
    await page.locator('#map canvas').first().waitFor();
    // The demo plants a scam wave around KCN Yên Phong and runs the first daily scan itself: the
    // officer sees it as an alert with its numbers, in the list and as circles on the map.
    await page.waitForFunction(() => Number(document.querySelector('#map')?.getAttribute('data-hotspots')) > 0, null, { timeout: 20_000 });
    const alerts = await page.locator('.hotspot-list li').allInnerTexts();
    const scam = alerts.find((a) => a.includes('Lừa đảo'));
    assert.ok(scam, 'the planted scam cluster is listed: ' + alerts.join(' | '));
    assert.match(scam, /p = 0[,.]0\d/, 'with its p-value');
    assert.doesNotMatch(await page.locator('.hotspot-list').innerText(), /Không có cảnh báo điểm nóng/);
    await page.waitForTimeout(500);
    await shot(page, 'officer-map', false);
    await page.locator('#whole-country').click();
    await page.waitForTimeout(500);
    await shot(page, 'officer-map-country', false);
    await page.getByRole('link', { name: 'Thống kê' }).click();
    await page.locator('#chart-category canvas').waitFor({ timeout: 20_000 });
    await page.locator('#chart-month canvas').waitFor();
    const total = Number(await page.locator('[data-kpi=total]').getAttribute('data-value'));
    assert.ok(total > 0, 'demo data gives a total');
    await shot(page, 'officer-dashboard');
    await ctx.close();
  });
});
