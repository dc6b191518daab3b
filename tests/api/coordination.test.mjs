// Coordination between organisations against a real server on a small demo DB: routing rules
// and the "where would it go?" view, referrals (accept / decline) and joint cases, deadlines
// with overdue escalation under a shifted clock, duplicate links and exports — bad inputs
// included in each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';

let server, dir, worker, abc, yenPhong;
const users = {};
const LOGINS = ['admin', 'tongldld', 'ldld.bacninh', 'congan.bacninh', 'congan.yenphong', 'congan.noibai', 'cd.abc', 'dn.abc'];

async function loginAll() {
  for (const u of LOGINS) {
    const c = new Client(server);
    const r = await c.login(u);
    assert.equal(r.status, 200, `${u}: ${r.text}`);
    c.user = r.data.user;
    users[u] = c;
  }
}

async function restart(extraArgs = ['--no-jobs']) {
  await server.stop();
  server = await startServer({ dir, extraArgs });
  worker = new Client(server);
  await loginAll();
}

async function report(body) {
  const r = await worker.post('/reports', body);
  assert.equal(r.status, 201, r.text);
  return r.data;
}

before(async () => {
  dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '100']);
  assert.equal(demo.status, 0, demo.stderr);
  server = await startServer({ dir });
  worker = new Client(server);
  const orgs = await worker.get('/orgs?kind=enterprise&q=ABC');
  abc = (orgs.data.items ?? orgs.data).find((o) => o.name.includes('ABC'));
  const areas = await worker.get('/areas?level=commune&q=yen phong');
  yenPhong = (areas.data.items ?? areas.data).find((a) => a.name.includes('Yên Phong'));
  assert.ok(abc && yenPhong);
  await loginAll();
});
after(async () => { await server.stop(); server.cleanup(); });

test('routing rules: admin edits them and the test view says where a report would go', async () => {
  const admin = users.admin;
  const police = users['congan.yenphong'].user.org_id;
  const list = await admin.get('/admin/routing-rules');
  assert.equal(list.status, 200);
  assert.ok(list.data.items.length > 0, 'seeded default rules');
  assert.equal((await users['ldld.bacninh'].get('/admin/routing-rules')).status, 403);
  assert.equal((await new Client(server).get('/admin/routing-rules')).status, 401);

  // Bad inputs.
  const bad = async (body, status, field) => {
    const r = await admin.post('/admin/routing-rules', body);
    assert.equal(r.status, status, JSON.stringify(body) + ' ' + r.text);
    if (field) assert.equal(r.data.error.field, field);
    assert.ok(r.data.error.message_vi && r.data.error.message_en);
  };
  await bad({ category: 'lottery', area_code: '*', org_kind: 'police' }, 422, 'category');
  await bad({ category: 'commute', area_code: '99999', org_kind: 'police' }, 422, 'area_code');
  await bad({ category: 'commute', area_code: '*', org_kind: 'police', org_id: police }, 422, 'org_kind');
  await bad({ category: 'commute', area_code: '*' }, 422, 'org_kind');
  await bad({ category: 'commute', area_code: '*', org_kind: 'church' }, 422, 'org_kind');
  await bad({ category: 'commute', area_code: '*', org_id: 999999 }, 422, 'org_id');
  await bad({ category: 'commute', area_code: '*', org_kind: 'police', position: -3 }, 422, 'position');
  await bad({ area_code: '*', org_kind: 'police' }, 422, 'category');
  await bad({ category: 7, area_code: '*', org_kind: 'police' }, 400, 'category');
  const notJson = await admin.request('POST', '/admin/routing-rules', { body: 'category=commute', headers: { 'content-type': 'text/plain' } });
  assert.equal(notJson.status, 415);
  const broken = await admin.request('POST', '/admin/routing-rules', { body: '{"category":', headers: { 'content-type': 'application/json' } });
  assert.equal(broken.status, 400);

  const created = await admin.post('/admin/routing-rules', { category: 'commute', area_code: yenPhong.code, org_id: police, position: 0 });
  assert.equal(created.status, 201, created.text);
  const rule = created.data;
  const where = await admin.get(`/admin/routing-test?category=commute&area_code=${yenPhong.code}`);
  assert.equal(where.status, 200, where.text);
  assert.equal(where.data.org.id, police);
  assert.equal(where.data.rule.id, rule.id);
  assert.equal(where.data.fallback, false);
  assert.equal((await admin.get('/admin/routing-test?area_code=' + yenPhong.code)).status, 400);
  assert.equal((await admin.get('/admin/routing-test?category=nope&area_code=' + yenPhong.code)).status, 422);
  assert.equal((await admin.get('/admin/routing-test?category=commute&area_code=zz')).status, 422);
  assert.equal((await admin.get('/admin/routing-test?category=commute&area_code=01&enterprise_id=abc')).status, 400);
  assert.equal((await users['cd.abc'].get(`/admin/routing-test?category=commute&area_code=${yenPhong.code}`)).status, 403);

  // A real report follows the rule.
  const filed = await report({ category: 'commute', description: 'Xe đưa đón công nhân chở quá số người quy định (routing-test)', area_code: yenPhong.code });
  const kase = await admin.get(`/cases/${filed.case_id}`);
  assert.equal(kase.data.org_id, police);
  assert.ok(kase.data.ack_due_at && kase.data.resolve_due_at, 'due times stamped');

  // Edit and delete.
  const moved = await admin.request('PUT', `/admin/routing-rules/${rule.id}`, { json: { category: 'commute', area_code: yenPhong.code, org_kind: 'federation', position: 5 } });
  assert.equal(moved.status, 200, moved.text);
  assert.equal(moved.data.org_kind, 'federation');
  assert.equal(moved.data.position, 5);
  assert.equal((await admin.request('PUT', '/admin/routing-rules/999999', { json: { category: 'commute', area_code: '*', org_kind: 'police' } })).status, 404);
  assert.equal((await admin.request('DELETE', `/admin/routing-rules/${rule.id}`)).status, 204);
  assert.equal((await admin.request('DELETE', `/admin/routing-rules/${rule.id}`)).status, 404);
  assert.equal((await admin.request('DELETE', '/admin/routing-rules/abc')).status, 404);
});

test('referral: union refers a wages case to the police, who accept; both keep the history', async () => {
  const filed = await report({ category: 'wages', description: 'Công ty ABC ép công nhân ký giấy nhận đủ lương (referral-test)',
    area_code: abc.area_code, enterprise_id: abc.id, contact: 'zalo 0987 111 222' });
  const union = users['cd.abc'], police = users['congan.bacninh'], other = users['congan.noibai'];
  const policeOrg = police.user.org_id;
  // Before: the police do not handle wages, so they do not see it.
  assert.equal((await police.get(`/cases/${filed.case_id}`)).status, 404);

  const refer = (body) => union.post(`/cases/${filed.case_id}/referrals`, body);
  assert.equal((await refer({ reason: 'x' })).status, 422);
  assert.equal((await refer({ to_org_id: 'police', reason: 'x' })).status, 400);
  assert.equal((await refer({ to_org_id: 999999, reason: 'Có dấu hiệu cưỡng ép' })).status, 422);
  assert.equal((await refer({ to_org_id: policeOrg, reason: 'Có dấu hiệu cưỡng ép', kind: 'forward' })).status, 422);
  assert.equal((await refer({ to_org_id: policeOrg })).status, 422);
  const handler = (await union.get(`/cases/${filed.case_id}`)).data.org_id;
  assert.equal((await refer({ to_org_id: handler, reason: 'đơn vị đang phụ trách' })).status, 409);
  assert.equal((await users['congan.yenphong'].post(`/cases/${filed.case_id}/referrals`, { to_org_id: policeOrg, reason: 'không thấy hồ sơ' })).status, 404);

  const sent = await refer({ to_org_id: policeOrg, reason: 'Có dấu hiệu cưỡng ép, đe dọa công nhân' });
  assert.equal(sent.status, 201, sent.text);
  assert.equal(sent.data.status, 'pending');
  assert.equal((await refer({ to_org_id: policeOrg, reason: 'lần hai' })).status, 409, 'no second pending referral');

  // The receiving side sees the case and the referral in its incoming list, never the contact.
  const seen = await police.get(`/cases/${filed.case_id}`);
  assert.equal(seen.status, 200, seen.text);
  assert.ok(!JSON.stringify(seen.data).includes('0987'));
  const incoming = await police.get('/referrals/incoming');
  assert.ok(incoming.data.items.some((r) => r.id === sent.data.id));
  assert.ok(!(await union.get('/referrals/incoming')).data.items.some((r) => r.id === sent.data.id));
  assert.ok((await police.get(`/cases?q=referral-test`)).data.items.some((c) => c.id === filed.case_id), 'in the police inbox');

  // Only the receiving organisation answers.
  assert.equal((await union.post(`/referrals/${sent.data.id}/accept`, {})).status, 403);
  assert.equal((await other.post(`/referrals/${sent.data.id}/accept`, {})).status, 404);
  assert.equal((await police.post('/referrals/999999/accept', {})).status, 404);
  const accepted = await police.post(`/referrals/${sent.data.id}/accept`, { note: 'Tiếp nhận, sẽ làm việc với công ty' });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.data.status, 'accepted');
  assert.equal((await police.post(`/referrals/${sent.data.id}/decline`, { note: 'muộn' })).status, 409);

  const after = await police.get(`/cases/${filed.case_id}`);
  assert.equal(after.data.org_id, policeOrg);
  assert.ok(after.data.allowed_transitions.length > 0);
  for (const side of [union, police]) {
    const h = await side.get(`/cases/${filed.case_id}/referrals`);
    assert.equal(h.status, 200);
    assert.equal(h.data.items[0].status, 'accepted');
    const kinds = (await side.get(`/cases/${filed.case_id}`)).data.history.map((e) => e.kind);
    assert.ok(kinds.includes('referral') && kinds.includes('referral_accepted'), kinds.join());
  }
  // The enterprise sees its wages case but never who reported it.
  const ent = await users['dn.abc'].get(`/cases/${filed.case_id}`);
  assert.equal(ent.status, 200);
  assert.ok(!('has_contact' in ent.data), 'the employer is not even told whether a contact exists');
  assert.equal((await users['dn.abc'].post(`/cases/${filed.case_id}/reveal-contact`, { reason: 'muốn biết ai báo cáo vụ này' })).status, 403);
});

test('referral declined with a reason: the receiving side loses access; joint cases share at once', async () => {
  const filed = await report({ category: 'workplace_safety', description: 'Máy dập không có che chắn (decline-test)',
    area_code: abc.area_code, enterprise_id: abc.id });
  const union = users['cd.abc'], police = users['congan.bacninh'];
  const sent = await union.post(`/cases/${filed.case_id}/referrals`, { to_org_id: police.user.org_id, reason: 'Nhờ công an hỗ trợ kiểm tra' });
  assert.equal(sent.status, 201, sent.text);
  assert.equal((await police.post(`/referrals/${sent.data.id}/decline`, {})).status, 422, 'a decline needs a note');
  assert.equal((await police.post(`/referrals/${sent.data.id}/decline`, { note: 'Không thuộc thẩm quyền của công an' })).status, 200);
  assert.equal((await police.get(`/cases/${filed.case_id}`)).status, 404);
  const history = (await union.get(`/cases/${filed.case_id}/referrals`)).data.items;
  assert.equal(history[0].status, 'declined');
  assert.equal(history[0].decision_note, 'Không thuộc thẩm quyền của công an');

  const joint = await union.post(`/cases/${filed.case_id}/referrals`, { to_org_id: police.user.org_id, reason: 'Phối hợp kiểm tra', kind: 'joint' });
  assert.equal(joint.status, 201, joint.text);
  assert.equal(joint.data.status, 'accepted');
  assert.equal((await police.get(`/cases/${filed.case_id}`)).status, 200);
  assert.equal((await police.get(`/cases/${filed.case_id}`)).data.org_id, (await union.get(`/cases/${filed.case_id}`)).data.org_id);
  assert.notEqual((await union.get(`/cases/${filed.case_id}`)).data.org_id, police.user.org_id, 'a joint case keeps its handler');
  assert.equal((await union.post(`/cases/${filed.case_id}/referrals`, { to_org_id: police.user.org_id, reason: 'lại', kind: 'joint' })).status, 409);
});

test('an enterprise is never referred cases outside workplace safety and wages', async () => {
  const filed = await report({ category: 'violence', description: 'Tổ trưởng đánh công nhân trong xưởng (enterprise-referral-test)',
    area_code: abc.area_code, enterprise_id: abc.id, contact: '0911 000 999' });
  const fed = users.tongldld;
  const toEnterprise = await fed.post(`/cases/${filed.case_id}/referrals`, { to_org_id: abc.id, reason: 'Đề nghị doanh nghiệp xử lý', kind: 'joint' });
  assert.equal(toEnterprise.status, 422, toEnterprise.text);
  assert.equal(toEnterprise.data.error.field, 'to_org_id');
  assert.equal((await users['dn.abc'].get(`/cases/${filed.case_id}`)).status, 404);
  // A wages case may be shared with the enterprise, which then sees it without the contact.
  const wages = await report({ category: 'wages', description: 'Chậm lương tháng 10 (enterprise-referral-test)',
    area_code: yenPhong.code, contact: '0911 000 888' });
  const shared = await users['congan.yenphong'].post(`/cases/${wages.case_id}/referrals`, { to_org_id: abc.id, reason: 'x' });
  assert.equal(shared.status, 404, 'the commune police do not see a wages case');
  const ok = await fed.post(`/cases/${wages.case_id}/referrals`, { to_org_id: abc.id, reason: 'Doanh nghiệp ABC liên quan', kind: 'joint' });
  assert.equal(ok.status, 201, ok.text);
  const seen = await users['dn.abc'].get(`/cases/${wages.case_id}`);
  assert.equal(seen.status, 200);
  assert.ok(!JSON.stringify(seen.data).includes('0911'));
  assert.ok(!seen.data.can_reveal_contact);
});

test('links: duplicates and related cases, with suggestions', async () => {
  const a = await report({ category: 'wages', description: 'Nợ lương tháng 11 chuyền 2 (link-test A)', area_code: abc.area_code, enterprise_id: abc.id });
  const b = await report({ category: 'wages', description: 'Nợ lương tháng 11 chuyền 2 (link-test B)', area_code: abc.area_code, enterprise_id: abc.id });
  const far = await report({ category: 'scam', description: 'Tin nhắn giả ngân hàng (link-test C)', area_code: yenPhong.code });
  const union = users['cd.abc'];
  const sugg = await union.get(`/cases/${a.case_id}/link-suggestions`);
  assert.equal(sugg.status, 200);
  assert.ok(sugg.data.items.some((s) => s.case_id === b.case_id && s.reason === 'same_enterprise'));

  const link = (id, body) => union.post(`/cases/${id}/links`, body);
  assert.equal((await link(a.case_id, { other_case_id: a.case_id, kind: 'duplicate' })).status, 422);
  assert.equal((await link(a.case_id, { other_case_id: b.case_id, kind: 'twin' })).status, 422);
  assert.equal((await link(a.case_id, { other_case_id: b.case_id, kind: 'related', reason: 'astrology' })).status, 422);
  assert.equal((await link(a.case_id, { kind: 'duplicate' })).status, 422);
  assert.equal((await link(a.case_id, { other_case_id: '2', kind: 'duplicate' })).status, 400);
  const hidden = await link(a.case_id, { other_case_id: far.case_id, kind: 'related' });
  assert.equal(hidden.status, 404, 'a case the officer cannot see cannot be linked');
  assert.equal(hidden.data.error.field, 'other_case_id');
  const ok = await link(a.case_id, { other_case_id: b.case_id, kind: 'duplicate', reason: 'same_enterprise' });
  assert.equal(ok.status, 201, ok.text);
  assert.equal((await link(b.case_id, { other_case_id: a.case_id, kind: 'related' })).status, 409);
  const links = await union.get(`/cases/${b.case_id}/links`);
  assert.deepEqual(links.data.items.map((l) => [l.case_id, l.kind]), [[a.case_id, 'duplicate']]);
  assert.equal((await users['congan.yenphong'].get(`/cases/${a.case_id}/links`)).status, 404);
  assert.equal((await union.request('DELETE', `/cases/${a.case_id}/links/${b.case_id}`)).status, 204);
  assert.equal((await union.request('DELETE', `/cases/${a.case_id}/links/${b.case_id}`)).status, 404);

  // Priority drives the deadlines.
  const before = (await union.get(`/cases/${a.case_id}`)).data;
  const urgent = await union.post(`/cases/${a.case_id}/priority`, { priority: 'urgent' });
  assert.equal(urgent.status, 200, urgent.text);
  assert.equal(urgent.data.priority, 'urgent');
  assert.ok(Date.parse(urgent.data.resolve_due_at) < Date.parse(before.resolve_due_at));
  assert.equal((await union.post(`/cases/${a.case_id}/priority`, { priority: 'asap' })).status, 422);
  assert.equal((await union.post(`/cases/${a.case_id}/priority`, {})).status, 422);
  assert.equal((await users['congan.yenphong'].post(`/cases/${a.case_id}/priority`, { priority: 'low' })).status, 404);
  assert.ok((await union.get(`/cases/${a.case_id}`)).data.history.some((e) => e.kind === 'priority'));
});

test('deadlines, overdue escalation to the parent organisation under a shifted clock', async () => {
  const admin = users.admin;
  const deadlines = await users['cd.abc'].get('/deadlines');
  assert.equal(deadlines.status, 200);
  assert.equal(deadlines.data.items.length, 40, '10 categories × 4 priorities');
  const set = (body, who = admin) => who.request('PUT', '/admin/deadlines', { json: body });
  assert.equal((await set({ category: 'commute', priority: 'normal', ack_minutes: 30, resolve_minutes: 600 }, users['ldld.bacninh'])).status, 403);
  assert.equal((await set({ category: 'nope', priority: 'normal', ack_minutes: 30, resolve_minutes: 600 })).status, 422);
  assert.equal((await set({ category: 'commute', priority: 'asap', ack_minutes: 30, resolve_minutes: 600 })).status, 422);
  assert.equal((await set({ category: 'commute', priority: 'normal', ack_minutes: 0, resolve_minutes: 600 })).status, 422);
  assert.equal((await set({ category: 'commute', priority: 'normal', ack_minutes: 60, resolve_minutes: 30 })).status, 422);
  assert.equal((await set({ category: 'commute', priority: 'normal', ack_minutes: 'soon', resolve_minutes: 30 })).status, 400);
  assert.equal((await set({ category: 'commute', priority: 'normal', ack_minutes: 30, resolve_minutes: 600 })).status, 200);

  // Commute reports in Yên Phong go to the commune police.
  const communePolice = users['congan.yenphong'].user.org_id;
  const rule = await admin.post('/admin/routing-rules', { category: 'commute', area_code: yenPhong.code, org_id: communePolice, position: 0 });
  assert.equal(rule.status, 201, rule.text);
  const filed = await report({ category: 'commute', description: 'Đèn tín hiệu trước cổng KCN hỏng nhiều ngày (escalation-test)', area_code: yenPhong.code });
  const before = await admin.get(`/cases/${filed.case_id}`);
  assert.equal(before.data.org_id, communePolice);
  assert.equal(before.data.overdue, false);
  assert.equal((await users['cd.abc'].post('/admin/jobs/overdue/run', {})).status, 403);
  assert.equal((await admin.post('/admin/jobs/overdue/run', {})).status, 200);
  assert.equal((await admin.get(`/cases/${filed.case_id}`)).data.escalation_level, 0, 'not yet overdue');

  // 45 minutes later the case is still "new": past its 30-minute acknowledge deadline.
  await restart(['--no-jobs', '--clock-offset-ms', String(45 * 60_000)]);
  const overdueNow = await users.admin.get(`/cases/${filed.case_id}`);
  assert.equal(overdueNow.data.overdue, true);
  const run = await users.admin.post('/admin/jobs/overdue/run', {});
  assert.equal(run.status, 200, run.text);
  assert.ok(run.data.escalated >= 1);
  const escalated = await users.admin.get(`/cases/${filed.case_id}`);
  assert.equal(escalated.data.escalation_level, 1);
  assert.equal(escalated.data.org_id, users['congan.bacninh'].user.org_id, 'commune police → province police');
  assert.ok(escalated.data.history.some((e) => e.kind === 'escalated'));
  // Both police units still see it; the province police counts it as overdue.
  assert.equal((await users['congan.yenphong'].get(`/cases/${filed.case_id}`)).status, 200);
  const counts = await users['congan.bacninh'].get('/overdue');
  assert.equal(counts.status, 200);
  assert.ok(counts.data.items.some((i) => i.org_id === users['congan.bacninh'].user.org_id && i.count >= 1 && i.escalated >= 1));
  assert.ok((await users['congan.bacninh'].get('/cases?overdue=1&q=escalation-test')).data.items.some((c) => c.id === filed.case_id));
  // Running again at once does not escalate it twice.
  await users.admin.post('/admin/jobs/overdue/run', {});
  assert.equal((await users.admin.get(`/cases/${filed.case_id}`)).data.escalation_level, 1);
  await restart();
});

test('exports: CSV and Excel of exactly the cases one sees, never a contact', async () => {
  const filed = await report({ category: 'wages', description: '=HYPERLINK("http://evil") nợ lương (export-test)',
    area_code: abc.area_code, enterprise_id: abc.id, contact: 'chị Hoa 0933 444 555' });
  const ent = users['dn.abc'];
  const csv = await ent.request('GET', '/exports/cases.csv?q=export-test', { raw: true });
  assert.equal(csv.status, 200, csv.text);
  assert.match(csv.headers.get('content-type'), /text\/csv/);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.ok(lines[0].startsWith('Số hồ sơ,Loại sự việc,Trạng thái'), lines[0]);
  assert.equal(lines.length, 2, csv.text);
  assert.ok(lines[1].startsWith(String(filed.case_id)));
  assert.ok(lines[1].includes("'=HYPERLINK"), 'formula neutralised');
  assert.ok(!csv.text.includes('0933'), 'no contact in exports');
  const other = await users['congan.noibai'].request('GET', '/exports/cases.csv?q=export-test', { raw: true });
  assert.equal(other.text.replace(/^\uFEFF/, '').trim().split('\r\n').length, 1, 'only the header for someone who cannot see it');
  const xlsx = await fetch(server.url + '/api/v1/exports/cases.xlsx?q=export-test', { headers: { cookie: [...ent.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(xlsx.status, 200);
  const bytes = Buffer.from(await xlsx.arrayBuffer());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an xlsx is a zip');
  assert.equal((await ent.get('/exports/cases.csv?status=bogus')).status, 422);
  assert.equal((await new Client(server).get('/exports/cases.csv')).status, 401);
});
