// Fit for daily use (issue 20), in Debian's Chromium against a real server on demo data:
// - "Dùng vị trí của tôi" with the browser's geolocation set to points in the industrial parks
//   of Bắc Ninh, Hưng Yên and Hà Nội: the area is found by the province boundary, shown large,
//   confirmed, and the case lands in that province's inbox;
// - every worker and officer page, in Vietnamese and in English, shows no raw code (snake_case
//   tokens, role/status/kind keys) and has no serious or critical axe-core finding;
// - the worker pages keep every tab on screen at 320 px and at 200% text, with tel: links;
// - the inbox shows due times and "quá hạn X giờ", the case page says which deadline is missed,
//   the enterprise answers and the union passes its message on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, LAPTOP, PHONE, launchBrowser, repo, shot, startServer } from './lib.mjs';
import { setCookies } from '../cookies.mjs';

const AXE = fs.readFileSync(path.join(repo, 'web/node_modules/axe-core/axe.min.js'), 'utf8');
const marker = 'place-' + Date.now().toString(36);

// Points in the parks of the demo (approximate centres read off OpenStreetMap; see
// src/orgs/province_shapes_test.cc and docs/frontend.md), and the province they belong to.
const POINTS = [
  { name: 'Yên Phong', lat: 21.205, lon: 105.975, province: '24', provinceName: 'Bắc Ninh' },
  { name: 'Từ Sơn', lat: 21.117, lon: 105.957, province: '24', provinceName: 'Bắc Ninh' },
  { name: 'Tiên Du', lat: 21.144, lon: 106.021, province: '24', provinceName: 'Bắc Ninh' },
  { name: 'Quế Võ', lat: 21.165, lon: 106.12, province: '24', provinceName: 'Bắc Ninh' },
  { name: 'VSIP Bắc Ninh', lat: 21.093, lon: 106.0, province: '24', provinceName: 'Bắc Ninh' },
  { name: 'Phố Nối', lat: 20.935, lon: 106.06, province: '33', provinceName: 'Hưng Yên' },
  { name: 'KCN Thăng Long', lat: 21.13, lon: 105.78, province: '01', provinceName: 'Hà Nội' },
];

// Codes that must never reach the screen as they are.
const CODES = [
  'new', 'triaged', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'reopened',
  'admin', 'federation_officer', 'union_officer', 'police_officer', 'enterprise_officer', 'team_leader',
  'police', 'union', 'federation', 'enterprise', 'authority', 'national', 'province', 'commune',
  'pending', 'accepted', 'declined', 'passed_on', 'kept_back', 'referral', 'joint',
  'web', 'api', 'hotline', 'chat', 'camera', 'import', 'meeting', 'sms',
  'low', 'normal', 'high', 'urgent', 'acknowledge', 'resolve', 'phone', 'domain', 'url', 'bank_account', 'handle',
  'duplicate', 'related', 'user', 'reporter', 'system',
];

// A small API client (fetch with a cookie jar) for setting up data.
async function apiLogin(base, username) {
  const res = await fetch(base + '/api/v1/auth/login', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(res.status, 200, username);
  const body = await res.json();
  const cookie = setCookies(res.headers).map((c) => c.split(';')[0]).join('; ');
  const call = async (method, p, json) => {
    const r = await fetch(base + '/api/v1' + p, {
      method, headers: { cookie, 'x-csrf-token': body.csrf_token, 'content-type': 'application/json' },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    return { status: r.status, data: await r.json().catch(() => null) };
  };
  return { user: body.user, get: (p) => call('GET', p), post: (p, j) => call('POST', p, j) };
}

async function login(ctx, base, username) {
  const r = await ctx.request.post(base + '/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(r.status(), 200, username);
}

// Raw codes on the screen: snake_case tokens anywhere in the visible text (and in options), and
// text nodes (or parenthesised words) that are exactly a code.
async function rawCodes(page) {
  return page.evaluate((codes) => {
    const found = new Set();
    const texts = [document.body.innerText, ...[...document.querySelectorAll('option')].map((o) => o.textContent ?? '')];
    for (const text of texts) for (const m of text.matchAll(/\b[a-z0-9]+(?:_[a-z0-9]+)+\b/g)) found.add(m[0]);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script,style') || (!el.offsetParent && el.tagName !== 'OPTION')) continue;
      const s = (n.textContent ?? '').trim();
      if (codes.includes(s)) found.add(s);
      for (const m of s.matchAll(/\(([a-z_]+)\)/g)) if (codes.includes(m[1])) found.add(m[0]);
    }
    return [...found];
  }, CODES);
}

async function axeFindings(page) {
  await page.addScriptTag({ content: AXE });
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return res.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('fit for daily use', { timeout: 900_000 }, () => {
  let server, browser;
  let caseWithHistory = 0, enterpriseCase = 0, escalatedCase = 0, followReceipt = '';

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Data for the pages below: a wages case about ABC with an officer message, an enterprise
    // answer waiting for review and a referral.
    const anon = { post: (p, j) => fetch(server.base + '/api/v1' + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(j) }).then(async (r) => ({ status: r.status, data: await r.json() })) };
    const tong = await apiLogin(server.base, 'tongldld');
    const abc = (await tong.get('/orgs?kind=enterprise&q=ABC')).data.items.find((o) => o.name.includes('ABC'));
    const filed = await anon.post('/reports', { category: 'wages', description: 'Công ty nợ lương tháng 10, tổ 3 (daily-ui)', area_code: abc.area_code, enterprise_id: abc.id });
    assert.equal(filed.status, 201);
    enterpriseCase = filed.data.case_id;
    followReceipt = filed.data.receipt;
    const union = await apiLogin(server.base, 'cd.abc');
    assert.equal((await union.post(`/cases/${enterpriseCase}/messages`, { text: 'Công đoàn đã nhận, sẽ làm việc với phòng nhân sự.' })).status, 201);
    const ent = await apiLogin(server.base, 'dn.abc');
    assert.equal((await ent.post(`/cases/${enterpriseCase}/answers`, { action_taken: 'Đã trả đủ lương tháng 10 cho tổ 3', message_to_reporter: 'Công ty đã trả đủ lương tháng 10.' })).status, 201);
    const fed = await apiLogin(server.base, 'ldld.bacninh');
    const police = await apiLogin(server.base, 'congan.bacninh');
    const commute = await anon.post('/reports', { category: 'commute', description: 'Xe đưa đón công nhân chở quá tải (daily-ui)', area_code: '24' });
    caseWithHistory = commute.data.case_id;
    assert.equal((await fed.post(`/cases/${caseWithHistory}/transition`, { to: 'triaged', note: 'Đã phân loại' })).status, 200);
    assert.equal((await fed.post(`/cases/${caseWithHistory}/referrals`, { to_org_id: police.user.org_id, reason: 'Đề nghị công an kiểm tra xe' })).status, 201);
    assert.equal((await fed.post(`/cases/${caseWithHistory}/priority`, { priority: 'urgent' })).status, 200);
    const other = (await fed.get('/cases?limit=2&status=new')).data.items.find((c) => c.id !== caseWithHistory);
    assert.equal((await fed.post(`/cases/${caseWithHistory}/links`, { other_case_id: other.id, kind: 'related' })).status, 201);
    // A case the overdue job escalated (the server runs it on start).
    for (let i = 0; i < 40 && !escalatedCase; i++) {
      escalatedCase = (await tong.get('/cases?limit=50')).data.items.find((c) => c.escalation_level > 0)?.id ?? 0;
      if (!escalatedCase) await new Promise((r) => setTimeout(r, 500));
    }
    assert.ok(escalatedCase, 'the overdue job escalated a demo case');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('"Dùng vị trí của tôi" finds the province by its boundary and the case lands in that province\'s inbox', async () => {
    for (const p of POINTS) {
      const ctx = await browser.newContext({ ...PHONE, geolocation: { latitude: p.lat, longitude: p.lon, accuracy: 30 }, permissions: ['geolocation'] });
      const page = await ctx.newPage();
      await page.goto(server.base + '/report/other');
      await page.waitForFunction(() => document.querySelectorAll('#area-province option').length > 30);
      await page.getByRole('button', { name: /Dùng vị trí của tôi/ }).click();
      const placed = page.locator('.placed');
      await placed.waitFor({ timeout: 15_000 });
      const name = await page.locator('.placed-name').innerText();
      assert.ok(name.includes(p.provinceName), `${p.name}: shown as ${name}`);
      assert.equal(await page.locator('#area-province').inputValue(), p.province, p.name);
      if (p.name === 'Yên Phong') await shot(page, 'worker-report-located-phone');
      await page.getByRole('button', { name: /Đúng, dùng khu vực này/ }).click();
      await page.locator('.placed .ok').waitFor();
      await page.locator('#description').fill(`Sự việc tại ${p.name} (${marker})`);
      const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/reports') && r.request().method() === 'POST');
      await page.locator('button[type=submit]').click();
      const res = await created;
      assert.equal(res.status(), 201, `${p.name}: ${await res.text()}`);
      await page.locator('#receipt-code').waitFor({ timeout: 15_000 });
      await ctx.close();
    }
    // Each province's federation finds exactly its own reports in its inbox.
    const tong = await apiLogin(server.base, 'tongldld');
    const hy = (await tong.get('/orgs?kind=federation&area=33')).data.items[0];
    const admin = await apiLogin(server.base, 'admin');
    const created = await admin.post('/users', { username: 'ldld.hungyen', display_name: 'Cán bộ LĐLĐ Hưng Yên', password: DEMO_PASSWORD, role: 'federation_officer', org_id: hy.id });
    assert.equal(created.status, 201, JSON.stringify(created.data));
    const expect = { 'ldld.bacninh': ['Yên Phong', 'Từ Sơn', 'Tiên Du', 'Quế Võ', 'VSIP Bắc Ninh'], 'ldld.hungyen': ['Phố Nối'], 'ldld.hanoi': ['KCN Thăng Long'] };
    for (const [username, names] of Object.entries(expect)) {
      const ctx = await browser.newContext(LAPTOP);
      await login(ctx, server.base, username);
      const page = await ctx.newPage();
      await page.goto(server.base + '/officer?q=' + marker);
      await page.locator('[data-total]').waitFor({ timeout: 15_000 });
      const rows = await page.locator('table.cases tbody tr .summary-cell').allInnerTexts();
      assert.equal(rows.length, names.length, `${username} sees ${rows.join(' | ')}`);
      for (const n of names) assert.ok(rows.some((r) => r.includes(`tại ${n} (`)), `${username} has ${n}`);
      if (username === 'ldld.bacninh') await shot(page, 'officer-inbox-located', false);
      await ctx.close();
    }
  });

  test('worker pages keep every tab on screen at 320 px and at 200% text, with tel: links for 113/114/115', async () => {
    for (const zoom of ['100%', '200%']) {
      const ctx = await browser.newContext({ ...PHONE, viewport: { width: 320, height: 640 } });
      const page = await ctx.newPage();
      await page.goto(server.base + '/');
      await page.locator('a.tile').first().waitFor();
      await page.addStyleTag({ content: `html { font-size: ${zoom}; }` });
      for (const href of ['/', '/check', '/follow', '/warnings']) {
        const tab = page.locator(`nav.worker-nav a[href="${href}"]`);
        const box = await tab.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 320.5 && box.width > 10, `${href} tab visible at ${zoom}: ${JSON.stringify(box)}`);
      }
      assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= 321), `no sideways scrolling at ${zoom}`);
      for (const n of ['113', '114', '115']) assert.equal(await page.locator(`a[href="tel:${n}"]`).count(), 1, n);
      await shot(page, `worker-home-320-${zoom === '100%' ? 'text100' : 'text200'}`);
      await ctx.close();
    }
  });

  test('triage: due times and "quá hạn X giờ" in the inbox, the missed deadline on the case page', async () => {
    const ctx = await browser.newContext(LAPTOP);
    await login(ctx, server.base, 'tongldld');
    const page = await ctx.newPage();
    await page.goto(server.base + '/officer');
    await page.locator('table.cases tbody tr').first().waitFor({ timeout: 15_000 });
    // The default order is what needs the officer first: the top row is overdue.
    const first = page.locator('table.cases tbody tr').first();
    const hours = Number(await first.locator('[data-overdue-hours]').getAttribute('data-overdue-hours'));
    assert.ok(hours >= 1, 'the first row is overdue');
    assert.match(await first.locator('.overdue-text').innerText(), /Quá hạn \d[\d.]* (giờ|ngày)/);
    const total = Number(await page.locator('[data-total]').getAttribute('data-total'));
    assert.match(await page.locator('[data-total]').innerText(), total >= 1000 ? /^\d{1,3}(\.\d{3})+$/ : /^\d+$/, 'vi-VN thousands');
    await shot(page, 'officer-inbox-triage', false);
    // The export link of the full inbox gives as many rows as the inbox counts.
    const href = await page.locator('a[data-export=csv]').getAttribute('href');
    assert.match(await page.locator('a[data-export=csv]').innerText(), /Xuất CSV \([\d.]+ dòng\)/);
    const csv = await ctx.request.get(server.base + href);
    assert.equal(csv.status(), 200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines.length - 1, total, 'an export of the full inbox has as many rows as the inbox');
    assert.ok(lines[0].startsWith('Số hồ sơ,Loại sự việc'), lines[0]);
    // Sorting by the due column asks the server.
    const sorted = page.waitForResponse((r) => r.url().includes('/api/v1/cases?') && r.url().includes('sort=due'));
    await page.locator('th button.sort').first().click();
    await sorted;
    // The case page of an overdue case names the missed deadline and by how much.
    await page.goto(server.base + '/officer?overdue=1&status=new');
    await page.locator('table.cases tbody tr').first().waitFor({ timeout: 15_000 });
    await page.locator('table.cases tbody tr a').first().click();
    await page.locator('.case-page h1').waitFor();
    const missed = page.locator('dd[data-deadline][data-missed]').first();
    await missed.waitFor();
    assert.match(await missed.innerText(), /Quá hạn \d/);
    assert.ok(['acknowledge', 'resolve'].includes(await missed.getAttribute('data-deadline')));
    await shot(page, 'officer-case-deadlines', false);
    await ctx.close();
  });

  test('the enterprise answers and the union passes its message on; the worker reads who wrote', async () => {
    const ctx = await browser.newContext(LAPTOP);
    await login(ctx, server.base, 'dn.abc');
    const page = await ctx.newPage();
    await page.goto(server.base + '/officer/cases/' + enterpriseCase);
    await page.locator('.answers').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('#reply-text').count(), 0, 'no direct message to the reporter');
    assert.equal(await page.locator('button.transition.to-rejected, button.transition.to-resolved, button.transition.to-closed').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Bản đồ' }).count(), 0, 'no Map tab for an enterprise');
    await shot(page, 'enterprise-case-answer', false);
    await ctx.close();
    const uctx = await browser.newContext(LAPTOP);
    await login(uctx, server.base, 'cd.abc');
    const upage = await uctx.newPage();
    await upage.goto(server.base + '/officer/cases/' + enterpriseCase);
    await upage.locator('button[data-review=pass_on]').first().click();
    await upage.locator('.answers [data-status=passed_on]').waitFor();
    await uctx.close();
    const wctx = await browser.newContext(PHONE);
    const w = await wctx.newPage();
    await w.goto(server.base + '/follow');
    await w.locator('#receipt').fill(followReceipt);
    await w.locator('form.inline-form button[type=submit]').click();
    await w.locator('.msg-officer').first().waitFor({ timeout: 15_000 });
    const metas = await w.locator('.msg-officer .msg-meta').allInnerTexts();
    assert.ok(metas.some((m) => /Công ty TNHH Điện tử ABC/.test(m) && /chuyển qua Công đoàn/.test(m)), metas.join(' | '));
    assert.ok(metas.every((m) => !/^Cán bộ ·/.test(m)), 'every message names its organisation');
    await shot(w, 'worker-follow-orgs-phone');
    await wctx.close();
  });

  test('each chart has a text label and a data table; the map has a legend', async () => {
    const ctx = await browser.newContext(LAPTOP);
    await login(ctx, server.base, 'tongldld');
    const page = await ctx.newPage();
    await page.goto(server.base + '/officer/dashboard');
    await page.locator('#chart-category canvas').waitFor({ timeout: 20_000 });
    assert.equal(await page.locator('.chart[role=img]').count(), 4);
    for (const id of ['chart-category', 'chart-month', 'chart-area', 'chart-overdue']) {
      assert.match((await page.locator('#' + id).getAttribute('aria-label')) ?? '', /\d/, id + ' says what it shows');
      assert.ok((await page.locator(`table[data-chart=${id}] tbody tr`).count()) > 0, id + ' has a data table');
    }
    const months = await page.locator('table[data-chart=chart-month] tbody th').allTextContents();
    assert.ok(months.length && months.every((m) => /^tháng \d{1,2}\/\d{4}$/.test(m)), 'months as "tháng 11/2025": ' + months.join(', '));
    await page.goto(server.base + '/officer/map');
    await page.locator('#map[data-geo=ready]').waitFor({ timeout: 20_000 });
    await page.locator('.map-legend .legend-scale li').nth(1).waitFor({ timeout: 20_000 });
    assert.match(await page.locator('.map-legend').innerText(), /Chú giải[\s\S]*Hoàng Sa, Trường Sa/);
    await ctx.close();
  });

  // Every page, both languages: no raw codes, no serious or critical axe-core finding.
  const PAGES = [
    { who: null, path: '/', ready: 'a.tile' },
    { who: null, path: '/report/workplace_safety', ready: 'form.report' },
    { who: null, path: '/follow', ready: '.msg', setup: async (page) => { await page.locator('#receipt').fill(followReceipt); await page.locator('form.inline-form button[type=submit]').click(); } },
    { who: null, path: '/check', ready: 'section.verdict', setup: async (page) => { await page.locator('#text').fill('Trúng thưởng 50 triệu, chuyển phí 500k vào STK 0123456789 Vietcombank, gọi 0912.345.678'); await page.locator('form button[type=submit]').click(); } },
    { who: null, path: '/warnings', ready: '#warn-province', setup: async (page) => { await page.waitForFunction(() => document.querySelectorAll('#warn-province option').length > 30); await page.locator('#warn-province').selectOption('24'); await page.waitForTimeout(300); } },
    { who: null, path: '/officer', ready: 'form.login' },
    { who: 'tongldld', path: '/officer', ready: 'table.cases tbody tr' },
    { who: 'tongldld', path: () => '/officer/cases/' + caseWithHistory, ready: '.referrals li' },
    { who: 'tongldld', path: () => '/officer/cases/' + escalatedCase, ready: '.event-escalated' },
    { who: 'tongldld', path: '/officer/map', ready: '#map[data-geo=ready]', settle: 800 },
    { who: 'tongldld', path: '/officer/dashboard', ready: '#chart-month canvas', setup: async (page) => { await page.locator('#chart-month canvas').waitFor(); if (await page.locator('.chart-data summary').count()) await page.locator('.chart-data summary').first().click(); } },
    { who: 'tongldld', path: '/officer/housing', ready: 'main h1' , settle: 800 },
    { who: 'admin', path: '/officer/routing', ready: 'main h1', settle: 800 },
    { who: 'dn.abc', path: '/officer', ready: 'table.cases tbody tr' },
    { who: 'dn.abc', path: () => '/officer/cases/' + enterpriseCase, ready: '.answers' },
    { who: 'cd.abc', path: () => '/officer/cases/' + enterpriseCase, ready: '.answers li' },
    { who: 'totruong.yenphong', path: '/officer/housing', ready: 'main h1', settle: 800 },
  ];
  for (const lang of ['vi', 'en']) {
    test(`no raw code and no serious axe-core finding on any page (${lang})`, async () => {
      const problems = [];
      const contexts = new Map();
      for (const p of PAGES) {
        const key = p.who ?? 'worker';
        if (!contexts.has(key)) {
          const ctx = await browser.newContext({ ...(p.who ? LAPTOP : PHONE), bypassCSP: true });
          await ctx.addInitScript((l) => localStorage.setItem('antoan.lang', l), lang);
          if (p.who) await login(ctx, server.base, p.who);
          contexts.set(key, ctx);
        }
        const page = await contexts.get(key).newPage();
        const url = typeof p.path === 'function' ? p.path() : p.path;
        await page.goto(server.base + url);
        if (p.setup) {
          await page.locator('main').waitFor();
          await p.setup(page);
        }
        await page.locator(p.ready).first().waitFor({ timeout: 20_000 });
        await page.waitForTimeout(p.settle ?? 250);
        const codes = await rawCodes(page);
        if (codes.length) problems.push(`${key} ${url}: raw codes ${codes.join(', ')}`);
        const findings = await axeFindings(page);
        if (findings.length) problems.push(`${key} ${url}: ${findings.join('; ')}`);
        if (lang === 'en' && url === '/officer/dashboard') await shot(page, 'officer-dashboard-en-table');
        if (lang === 'vi' && url === '/officer/map') await shot(page, 'officer-map-legend', false);
        await page.close();
      }
      for (const ctx of contexts.values()) await ctx.close();
      assert.deepEqual(problems, [], problems.join('\n'));
    });
  }
});
