// Regression tests for what a review of 113d6ec found besides the walk (privacy_walk.test.mjs):
// internal idempotency keys a stranger could take, files readable by other local users, the CSP
// that let a stored name call out, the audit row that read as an officer's when a key acted,
// the retention job, and the house page that needed no login.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';

let server, dir;
const c = {};
let yenPhong, team;

// (Re)starts the server on the same database and logs every client in again.
async function restart(extraArgs) {
  if (server) await server.stop();
  server = await startServer({ dir, db: join(dir, 'antoan.db'), ...(extraArgs ? { extraArgs } : {}) });
  for (const u of ['admin', 'ldld.bacninh', 'totruong.yenphong', 'dn.abc']) {
    c[u] = new Client(server);
    assert.equal((await c[u].login(u)).status, 200, u);
  }
  c.anon = new Client(server);
}

before(async () => {
  dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '200']);
  assert.equal(demo.status, 0, demo.stderr);
  await restart();
  const areas = await c.anon.get('/areas?level=commune&parent=24');
  yenPhong = areas.data.items.find((a) => a.name.includes('Yên Phong')).code;
  team = (await c['totruong.yenphong'].get('/teams')).data.items[0];
});
after(async () => { await server?.stop(); server?.cleanup(); });

test('a stranger cannot take the idempotency key a meeting issue will use', async () => {
  const leader = c['totruong.yenphong'];
  // Meeting ids are global: the next one follows the largest of every team's.
  let max = 0;
  for (const t of (await c.admin.get('/teams')).data.items)
    for (const m of (await c.admin.get(`/teams/${t.id}/meetings`)).data.items) max = Math.max(max, m.id);
  const next = max + 1;
  // What 113d6ec stored as the meeting's own key (the meeting's issue then "replayed" this report),
  // and look-alikes of the namespaced key and of the seed of its receipt.
  for (const key of [`meeting-${next}-0`, `internal:meeting-${next}-0`, `client:meeting-${next}-0`]) {
    const planted = await c.anon.post('/reports', { category: 'other', description: 'planted', area_code: yenPhong },
      { headers: { 'Idempotency-Key': key } });
    assert.equal(planted.status, 201, planted.text);
  }
  const r = await leader.post(`/teams/${team.id}/meetings`, { held_on: '2026-11-03', attendance: 9, topics: 'PCCC',
    issues: [{ category: 'dormitory_safety', description: 'Lối thoát hiểm bị khóa (privacy-test)' }] });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.id, next);
  const kase = await leader.get(`/cases/${r.data.cases[0].case_id}`);
  assert.equal(kase.status, 200);
  assert.equal(kase.data.category, 'dormitory_safety', 'the issue opened its own case');
  assert.match(kase.data.description, /Lối thoát hiểm/);
});

test('a meeting and the cases its issues open are written together or not at all', async () => {
  const leader = c['totruong.yenphong'];
  const before = (await leader.get(`/teams/${team.id}/meetings`)).data.items.length;
  const bad = await leader.post(`/teams/${team.id}/meetings`, { held_on: '2026-11-04', attendance: 9, topics: 'PCCC',
    issues: [{ category: 'theft', description: 'Mất trộm (privacy-test)' },
      { category: 'dormitory_safety', description: 'Nhà không thuộc tổ', boarding_house_id: 999999 }] });
  assert.equal(bad.status, 422, bad.text);
  assert.equal(bad.data.error.field, 'issues[1].boarding_house_id');
  assert.equal((await leader.get(`/teams/${team.id}/meetings`)).data.items.length, before, 'no meeting without its cases');
  const inbox = await c['ldld.bacninh'].get('/cases?q=' + encodeURIComponent('Mất trộm (privacy-test)'));
  assert.equal(inbox.data.total, 0, 'no case without its meeting');
});

test('the database, its WAL and the key are readable by their owner only', async () => {
  await c.anon.post('/reports', { category: 'other', description: 'wal', area_code: yenPhong });
  for (const f of ['antoan.db', 'antoan.db-wal', 'antoan.key']) {
    const p = join(dir, f);
    if (!existsSync(p)) continue;
    assert.equal(statSync(p).mode & 0o077, 0, `${f} is ${(statSync(p).mode & 0o777).toString(8)}`);
  }
});

test('the CSP keeps stored text from running or calling out', async () => {
  const r = await fetch(server.url + '/api/v1/health');
  const csp = r.headers.get('content-security-policy');
  for (const d of ["default-src 'self'", "base-uri 'none'", "form-action 'self'", "object-src 'none'", "frame-ancestors 'none'"])
    assert.ok(csp.includes(d), `${d} in ${csp}`);
  const img = csp.match(/img-src ([^;]*)/)[1].trim();
  assert.equal(img, "'self' data:", 'no https: wildcard: an <img> in a name cannot reach another server');
  assert.ok(!/script-src[^;]*unsafe-inline/.test(csp));
});

test('a system account\'s key acts as the key in the audit log, and only system accounts get keys', async () => {
  const admin = c.admin;
  // The admin cannot mint a key for an officer and act as them.
  const users = (await admin.get('/users')).data.items;
  const officer = users.find((u) => u.username === 'ldld.bacninh');
  const refused = await admin.post(`/users/${officer.id}/api-keys`, { name: 'act as officer' });
  assert.equal(refused.status, 422);
  assert.equal(refused.data.error.field, 'user_id');
  // A system account (no password, made with the CLI) gets one; what it does is recorded as the key's.
  await server.stop();
  const sys = runCli(['users', 'add', '--db', server.db, '--username', 'hotline.bot', '--display-name', 'Tổng đài',
    '--role', 'federation_officer', '--org', String(officer.org_id), '--system']);
  assert.equal(sys.status, 0, sys.stderr + sys.stdout);
  await restart();
  const sysUser = (await c.admin.get('/users')).data.items.find((u) => u.username === 'hotline.bot');
  const key = await c.admin.post(`/users/${sysUser.id}/api-keys`, { name: 'hotline' });
  assert.equal(key.status, 201, key.text);
  const filed = await c.anon.post('/reports', { category: 'scam', description: 'Lừa đảo (privacy-test)', area_code: yenPhong,
    contact: '0988 000 111' });
  const bot = new Client(server);
  const reveal = await bot.post(`/cases/${filed.data.case_id}/reveal-contact`, { reason: 'Tổng đài gọi lại cho người báo' },
    { headers: { authorization: 'Bearer ' + key.data.key } });
  assert.equal(reveal.status, 200, reveal.text);
  await server.stop();
  const log = runCli(['audit', 'log', '--db', server.db, '--action', 'contact.reveal', '--limit', '1']);
  assert.equal(log.status, 0, log.stderr);
  assert.match(log.stdout, new RegExp(`api_key:${key.data.id} of user ${sysUser.id} \\(hotline\\.bot\\)`));
  const verify = runCli(['audit', 'verify', '--db', server.db]);
  assert.equal(verify.status, 0, verify.stdout);
  await restart();
});

test('retention: a finished case\'s words, place, contact and photos go; the case row and the audit chain stay', async () => {
  const fed = c['ldld.bacninh'];
  const filed = await c.anon.post('/reports', { category: 'other', description: 'Nội dung cần xoá (retention-test)',
    area_code: yenPhong, lat: 21.2, lon: 106.0, contact: '0977 000 222' });
  const id = filed.data.case_id;
  await c.anon.post('/receipts/messages', { receipt: filed.data.receipt, text: 'Tin nhắn cần xoá (retention-test)' });
  for (const to of ['triaged', 'in_progress', 'resolved', 'closed'])
    assert.equal((await fed.post(`/cases/${id}/transition`, { to })).status, 200, to);
  // Retention is set by the admin only, within bounds.
  assert.equal((await fed.request('PUT', '/admin/retention', { json: { category: 'other', months: 1 } })).status, 403);
  assert.equal((await c.admin.request('PUT', '/admin/retention', { json: { category: 'other', months: 0 } })).status, 422);
  assert.equal((await c.admin.request('PUT', '/admin/retention', { json: { category: 'nope', months: 3 } })).status, 422);
  const set = await c.admin.request('PUT', '/admin/retention', { json: { category: 'other', months: 1 } });
  assert.equal(set.status, 200, set.text);
  // Today only the demo's older finished cases are due, not this one; 40 days later it is.
  const first = await c.admin.post('/admin/jobs/retention/run', {});
  assert.equal(first.status, 200, first.text);
  assert.match((await fed.get(`/cases/${id}`)).data.description, /cần xoá/);
  await restart(['--no-jobs', '--clock-offset-ms', String(40 * 86400000)]);
  const admin = c.admin, officer = c['ldld.bacninh'];
  const run = await admin.post('/admin/jobs/retention/run', {});
  assert.equal(run.status, 200, run.text);
  assert.ok(run.data.erased >= 1);
  const kase = (await officer.get(`/cases/${id}`)).data;
  assert.equal(kase.status, 'closed');
  assert.equal(kase.category, 'other');
  assert.equal(kase.description, '');
  assert.equal(kase.lat, null);
  assert.ok(!JSON.stringify(kase.history).includes('cần xoá'));
  assert.equal((await officer.post(`/cases/${id}/reveal-contact`, { reason: 'Thử xem còn liên hệ không' })).status, 404);
  await server.stop();
  const verify = runCli(['audit', 'verify', '--db', server.db]);
  assert.equal(verify.status, 0, verify.stdout);
  await restart();
});
