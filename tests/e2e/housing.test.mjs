// Boarding houses and self-management teams in a real browser, on a demo DB: the Yên Phong team
// leader logs in, logs a monthly meeting and raises an issue that appears as a case; the house
// poster renders and its QR code (decoded with zbarimg from a screenshot) leads to the report
// form pre-filled with that house, which a worker then sends. Screenshots: test-artifacts/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEMO_PASSWORD, LAPTOP, PHONE, SCREENSHOTS, launchBrowser, shot, startServer } from './lib.mjs';

const marker = 'e2e-house-' + Date.now().toString(36);

describe('boarding houses and teams in a real browser', { timeout: 600_000 }, () => {
  let server;
  let browser;
  let ctx;
  let page;
  let houseId = 0;
  let qrUrl = '';

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ctx = await browser.newContext(LAPTOP);
    page = await ctx.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the team leader logs in and sees their team', async () => {
    await page.goto(server.base + '/officer');
    await page.locator('#username').fill('totruong.yenphong');
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.locator('form.login button[type=submit]').click();
    await page.getByRole('link', { name: 'Tổ của tôi' }).click();
    await page.locator('.team-page').waitFor();
    assert.match(await page.locator('h1').innerText(), /Tổ tự quản/);
    assert.ok((await page.locator('.house-list li').count()) > 0, 'the team covers houses');
    assert.ok((await page.locator('.roster li').count()) > 0, 'the team has members');
    assert.ok((await page.locator('.meetings li').count()) > 0, 'the team has met');
    await shot(page, 'housing-team-leader');
  });

  test('the team leader logs a meeting and raises an issue that becomes a case', async () => {
    const before = await page.locator('.meetings li').count();
    await page.locator('#attendance').fill('37');
    await page.locator('#topics').fill('Phòng cháy chữa cháy mùa hanh khô');
    await page.locator('#issue-category').selectOption('dormitory_safety');
    await page.locator('#issue-house').selectOption({ index: 1 });
    await page.locator('#issue').fill(`Dãy trọ B: dây điện chằng chịt, ổ cắm cháy xém (${marker})`);
    await page.locator('form.meeting-form button[type=submit]').click();
    await page.waitForFunction((n) => document.querySelectorAll('.meetings li').length > n, before);
    const link = page.locator('.meetings a.case-link').first();
    await link.waitFor();
    await shot(page, 'housing-meeting-logged');
    const caseId = await link.getAttribute('data-case-id');
    await link.click();
    await page.locator('.case-page').waitFor();
    assert.ok(page.url().endsWith('/officer/cases/' + caseId));
    await page.getByText(marker).waitFor();
    await shot(page, 'housing-meeting-case');
  });

  test('the poster renders and its QR code decodes to the report form of that house', async () => {
    await page.goto(server.base + '/officer/housing');
    await page.locator('.house-list a').first().click();
    await page.locator('.house-page').waitFor();
    houseId = Number(await page.locator('.house-page').getAttribute('data-house-id'));
    assert.ok(houseId > 0);
    await shot(page, 'housing-house');
    await page.goto(`${server.base}/api/v1/houses/${houseId}/poster`);
    await page.locator('svg.qr').waitFor();
    await page.setViewportSize({ width: 900, height: 1270 });
    await shot(page, 'housing-poster');
    const png = path.join(SCREENSHOTS, 'housing-poster-qr.png');
    await page.locator('svg.qr').screenshot({ path: png });
    const z = spawnSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' });
    assert.equal(z.status, 0, 'zbarimg decoded the QR code: ' + z.stderr);
    qrUrl = z.stdout.trim();
    // The house is named by an unguessable token, never by its sequential id.
    assert.match(qrUrl, new RegExp(`^${server.base}/report\\?house=[A-Za-z0-9_-]{22,}$`));
    assert.ok(!qrUrl.endsWith('=' + houseId));
  });

  test('a worker scanning the QR code gets the report form pre-filled with the house', async () => {
    const phone = await browser.newContext(PHONE);
    const w = await phone.newPage();
    await w.goto(qrUrl);
    await w.locator('.house-banner').waitFor();
    const houseName = (await (await fetch(`${server.base}/api/v1/posters/${qrUrl.split('house=')[1]}`)).json()).name;
    assert.ok((await w.locator('.house-banner').innerText()).includes(houseName), 'the banner names the house');
    assert.equal(await w.locator('#category').inputValue(), 'dormitory_safety');
    await w.waitForFunction(() => (document.querySelector('#area-province')?.value ?? '') !== '');
    assert.equal(await w.locator('#area-province').inputValue(), '24', 'Bắc Ninh pre-selected');
    await w.locator('#description').fill(`Bình chữa cháy ở cầu thang đã hết hạn (${marker})`);
    await shot(w, 'housing-report-from-qr-phone');
    await w.locator('button[type=submit]').click();
    await w.locator('#receipt-code').waitFor();
    await phone.close();
  });

  test('a house name that looks like HTML is shown as text on the officers\' map, never run', async () => {
    const officer = await browser.newContext(LAPTOP);
    const o = await officer.newPage();
    await o.goto(server.base + '/officer');
    await o.locator('#username').fill('ldld.bacninh');
    await o.locator('#password').fill(DEMO_PASSWORD);
    await o.locator('form.login button[type=submit]').click();
    await o.locator('.console-nav').waitFor();
    const planted = '<img src=/api/v1/health?planted id=injected onerror="window.injected=1">';
    const created = await o.evaluate(async (name) => {
      const csrf = document.cookie.match(/antoan_csrf=([^;]+)/)?.[1] ?? '';
      const areas = await (await fetch('/api/v1/areas?level=commune&parent=24&q=yen phong')).json();
      const r = await fetch('/api/v1/houses', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ name, address: 'Ngõ 1', area_code: areas.items[0].code, lat: 21.2, lon: 106.0, residents: 40 }) });
      return r.status;
    }, planted);
    assert.equal(created, 201);
    await o.goto(server.base + '/officer/map');
    await o.waitForFunction(() => Number(document.querySelector('#map')?.getAttribute('data-houses') ?? 0) > 0);
    await o.locator('#show-houses').check();
    // Point at the planted house as an officer would (the markers are drawn on a canvas, which
    // redraws after the view changes: keep pointing until the marker answers).
    const pointAt = () => o.evaluate(() => {
      const map = document.querySelector('#map').leafletMap;
      map.invalidateSize();
      map.setView([21.2, 106.0], 16, { animate: false });
      const p = map.latLngToContainerPoint([21.2, 106.0]);
      const box = document.querySelector('#map').getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    const tooltipShown = () => o.evaluate(() => [...document.querySelectorAll('.leaflet-tooltip')].some((t) => t.textContent.includes('<img')));
    for (let i = 0; i < 40 && !(await tooltipShown()); i++) {
      const at = await pointAt();
      await o.waitForTimeout(100);
      await o.mouse.move(at.x - 20, at.y - 20);
      await o.mouse.move(at.x, at.y + (i % 3) - 1, { steps: 4 });
      await o.waitForTimeout(100);
    }
    assert.ok(await tooltipShown(), 'the tooltip shows the name as text');
    assert.equal(await o.locator('#injected').count(), 0, 'no element was made from the name');
    assert.equal(await o.evaluate(() => window.injected), undefined);
    await shot(o, 'housing-map-name-as-text', false);
    await officer.close();
  });

  test('officers see the houses on the map and the coverage KPI', async () => {
    const officer = await browser.newContext(LAPTOP);
    const o = await officer.newPage();
    await o.goto(server.base + '/officer');
    await o.locator('#username').fill('ldld.bacninh');
    await o.locator('#password').fill(DEMO_PASSWORD);
    await o.locator('form.login button[type=submit]').click();
    await o.locator('.console-nav').waitFor();
    await o.goto(server.base + '/officer/map');
    await o.waitForFunction(() => Number(document.querySelector('#map')?.getAttribute('data-houses') ?? 0) > 0);
    await o.locator('#show-houses').waitFor();
    await shot(o, 'housing-map', false);
    await o.goto(server.base + '/officer/housing?tab=kpi&from=2025-01&to=' + new Date().toISOString().slice(0, 7));
    await o.locator('[data-kpi="coverage"]').waitFor();
    assert.ok((await o.locator('ol.gaps li').count()) > 0, 'the gap list names uncovered houses');
    await shot(o, 'housing-kpi');
    // Register a house from the console; it lands on the gap list's side (no team yet).
    await o.goto(server.base + '/officer/housing?tab=houses');
    await o.locator('details.add summary').click();
    await o.locator('#house-name').fill(`Nhà trọ ${marker}`);
    await o.locator('#house-address').fill('Ngõ 9, thôn Đông');
    await o.waitForFunction(() => document.querySelectorAll('#house-area-province option').length > 30);
    await o.locator('#house-area-province').selectOption('24');
    await o.waitForFunction(() => document.querySelectorAll('#house-area-commune option').length > 1);
    await o.locator('#house-area-commune').selectOption({ index: 1 });
    await o.locator('#house-residents').fill('45');
    await o.locator('#house-contact').fill('0987 000 111');
    await o.locator('form.house-form button[type=submit]').click();
    await o.locator('.house-page').waitFor();
    assert.match(await o.locator('h1').innerText(), new RegExp(marker));
    await o.getByText('Cần lập tổ').waitFor();
    assert.equal(await o.getByText('0987 000 111').count(), 0, 'the landlord contact is not shown without a reason');
    await officer.close();
  });
});
