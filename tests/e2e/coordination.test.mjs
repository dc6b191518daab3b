// Coordination in the console: the admin's routing-rule editor and "where would it go?", and on
// the case page a referral to the police, a photo, and the police accepting the referral.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, LAPTOP, launchBrowser, shot, startServer } from './lib.mjs';
import { JPG } from '../api/images.mjs';

const marker = 'e2e-coord-' + Date.now().toString(36);

async function login(browser, base, username) {
  const ctx = await browser.newContext(LAPTOP);
  const page = await ctx.newPage();
  await page.goto(base + '/officer');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form.login button[type=submit]').click();
  await page.locator('.console-nav').waitFor();
  return { ctx, page };
}

describe('coordination in the console', { timeout: 600_000 }, () => {
  let server, browser, caseId;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const orgs = await (await fetch(server.base + '/api/v1/orgs?kind=enterprise&q=ABC')).json();
    const abc = (orgs.items ?? orgs).find((o) => o.name.includes('ABC'));
    const r = await fetch(server.base + '/api/v1/reports', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'wages', description: `Quản lý đe dọa công nhân đòi lương (${marker})`, area_code: abc.area_code, enterprise_id: abc.id }),
    });
    caseId = (await r.json()).case_id;
    assert.ok(caseId > 0);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('admin: routing rules and "where would this report go?"', async () => {
    const { ctx, page } = await login(browser, server.base, 'admin');
    await page.locator('a[href="/officer/routing"]').click();
    await page.locator('table.rules tbody tr').first().waitFor();
    await page.locator('#test-category').selectOption('scam');
    await page.locator('#test-area').fill('01');
    await page.locator('form.routing-test button[type=submit]').click();
    await page.locator('.routing-answer').waitFor();
    assert.ok(Number(await page.locator('.routing-answer').getAttribute('data-org')) > 0);
    // A bad area code is shown next to its field.
    await page.locator('#test-area').fill('zz');
    await page.locator('form.routing-test button[type=submit]').click();
    await page.locator('form.routing-test .field-error').waitFor();
    await shot(page, 'admin-routing');
    await ctx.close();
  });

  test('union officer refers the case to the police and adds a photo; the police accept', async () => {
    const { ctx, page } = await login(browser, server.base, 'cd.abc');
    await page.goto(server.base + '/officer/cases/' + caseId);
    await page.locator('.referrals').waitFor();
    await page.locator('#photo-add').setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: JPG });
    await page.locator('.photos img').first().waitFor();
    await page.locator('#referral-search').fill('Công an');
    await page.waitForFunction(() => document.querySelectorAll('#referral-to option').length > 1, null, { timeout: 15_000 });
    const police = await page.locator('#referral-to option', { hasText: 'Bắc Ninh' }).first().getAttribute('value');
    assert.ok(police, 'a police unit of Bắc Ninh to refer to');
    await page.locator('#referral-to').selectOption(police);
    await page.locator('#referral-reason').fill('Có dấu hiệu đe dọa, đề nghị công an vào cuộc');
    await page.locator('.referrals button[type=submit]').click();
    await page.locator('.referral-list li[data-status="pending"]').waitFor();
    await shot(page, 'case-referral');
    await ctx.close();

    const pol = await login(browser, server.base, 'congan.bacninh');
    await pol.page.goto(server.base + '/officer/cases/' + caseId);
    // The receiving police unit answers the referral.
    const accept = pol.page.locator('.referral-list li[data-status="pending"] button.primary');
    await accept.waitFor({ timeout: 15_000 });
    await accept.click();
    await pol.page.locator('.referral-list li[data-status="accepted"]').waitFor();
    await shot(pol.page, 'case-referral-accepted');
    await pol.ctx.close();
  });
});
