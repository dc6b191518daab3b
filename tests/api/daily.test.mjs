// Fit for daily use (issue 20) against a real server on a small demo DB: who may decide (an
// enterprise answers, the union decides and passes messages on; the reporter reads who wrote;
// a referral's sender never decides it), place from a point for reports that send only
// coordinates, triage (due times, "overdue by", server-side sort), and exports for people
// (headers and labels in the chosen language, Vietnam time, every row the filter selects).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';
import { unzipEntry } from './xlsx.mjs';

let server, dir, worker, abc;
const users = {};
const LOGINS = ['admin', 'tongldld', 'ldld.hanoi', 'ldld.bacninh', 'congan.bacninh', 'cd.abc', 'dn.abc', 'totruong.yenphong'];

before(async () => {
  dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '300']);
  assert.equal(demo.status, 0, demo.stderr);
  server = await startServer({ dir });
  worker = new Client(server);
  const orgs = await worker.get('/orgs?kind=enterprise&q=ABC');
  abc = (orgs.data.items ?? orgs.data).find((o) => o.name.includes('ABC'));
  assert.ok(abc);
  for (const u of LOGINS) {
    const c = new Client(server);
    const r = await c.login(u);
    assert.equal(r.status, 200, `${u}: ${r.text}`);
    c.user = r.data.user;
    users[u] = c;
  }
});
after(async () => { await server.stop(); server.cleanup(); });

async function report(body) {
  const r = await worker.post('/reports', body);
  assert.equal(r.status, 201, r.text);
  return r.data;
}

async function lookup(receipt, lang) {
  const r = await new Client(server, { lang }).post('/receipts/lookup', { receipt });
  assert.equal(r.status, 200, r.text);
  return r.data;
}

test('an enterprise never rejects, closes or resolves a case about itself, nor writes to the reporter directly', async () => {
  const filed = await report({ category: 'wages', description: 'Công ty ABC nợ lương tháng 10 (decide-test)',
    area_code: abc.area_code, enterprise_id: abc.id });
  const ent = users['dn.abc'], union = users['cd.abc'];
  const seen = await ent.get(`/cases/${filed.case_id}`);
  assert.equal(seen.status, 200, seen.text);
  assert.equal(seen.data.can_message, false);
  assert.equal(seen.data.can_answer, true);
  for (const to of ['rejected', 'resolved', 'closed']) assert.ok(!seen.data.allowed_transitions.includes(to), to);
  // Straight to a decision: refused by policy, whatever the state machine would allow.
  assert.equal((await ent.post(`/cases/${filed.case_id}/transition`, { to: 'rejected', note: 'Không có căn cứ' })).status, 403);
  assert.equal((await ent.post(`/cases/${filed.case_id}/messages`, { text: 'Bạn làm ở tổ nào, ca nào? Hãy lên phòng nhân sự' })).status, 403);
  // It may acknowledge and work on it...
  assert.equal((await ent.post(`/cases/${filed.case_id}/transition`, { to: 'triaged' })).status, 200);
  assert.equal((await ent.post(`/cases/${filed.case_id}/transition`, { to: 'in_progress' })).status, 200);
  // ...but not resolve it; then not close it after the union resolves it.
  assert.equal((await ent.post(`/cases/${filed.case_id}/transition`, { to: 'resolved' })).status, 403);
  assert.equal((await union.post(`/cases/${filed.case_id}/transition`, { to: 'resolved', note: 'Đã trả đủ lương' })).status, 200);
  assert.equal((await ent.post(`/cases/${filed.case_id}/transition`, { to: 'closed' })).status, 403);
  assert.equal((await union.post(`/cases/${filed.case_id}/transition`, { to: 'closed' })).status, 200);
});

test('the enterprise answers; its message reaches the reporter only when the union passes it on, signed by the enterprise', async () => {
  const filed = await report({ category: 'workplace_safety', description: 'Máy dập xưởng 3 không có che chắn (answer-test)',
    area_code: abc.area_code, enterprise_id: abc.id });
  const ent = users['dn.abc'], union = users['cd.abc'], fed = users['ldld.hanoi'];  // ABC is in KCN Thăng Long
  // Bad inputs first.
  assert.equal((await ent.post(`/cases/${filed.case_id}/answers`, {})).status, 422);
  assert.equal((await ent.post(`/cases/${filed.case_id}/answers`, { action_taken: '' })).status, 422);
  assert.equal((await union.post(`/cases/${filed.case_id}/answers`, { action_taken: 'x' })).status, 403, 'only the enterprise answers');
  assert.equal((await ent.post('/cases/99999999/answers', { action_taken: 'x' })).status, 404);
  const answer = await ent.post(`/cases/${filed.case_id}/answers`, {
    action_taken: 'Đã lắp tấm che chắn cho máy dập số 3',
    evidence: 'Biên bản kiểm tra ngày 12/11',
    proposed_fix: 'Kiểm tra toàn bộ máy dập mỗi tuần',
    message_to_reporter: 'Công ty đã lắp che chắn máy dập số 3, cảm ơn bạn đã báo.',
  });
  assert.equal(answer.status, 201, answer.text);
  assert.equal(answer.data.status, 'pending');
  // Not yet visible to the reporter.
  let view = await lookup(filed.receipt);
  assert.ok(!view.messages.some((m) => m.text.includes('che chắn')), 'nothing reaches the reporter before review');
  // The union sees it and may pass it on; the enterprise may not review its own answer.
  const list = await union.get(`/cases/${filed.case_id}/answers`);
  assert.equal(list.status, 200);
  assert.equal(list.data.items[0].can_review, true);
  assert.equal((await ent.get(`/cases/${filed.case_id}/answers`)).data.items[0].can_review, false);
  assert.equal((await ent.post(`/cases/${filed.case_id}/answers/${answer.data.id}/review`, { decision: 'pass_on' })).status, 403);
  assert.equal((await union.post(`/cases/${filed.case_id}/answers/${answer.data.id}/review`, { decision: 'publish' })).status, 422);
  const passed = await union.post(`/cases/${filed.case_id}/answers/${answer.data.id}/review`, { decision: 'pass_on' });
  assert.equal(passed.status, 200, passed.text);
  assert.equal(passed.data.status, 'passed_on');
  assert.equal((await union.post(`/cases/${filed.case_id}/answers/${answer.data.id}/review`, { decision: 'pass_on' })).status, 409);
  // A second answer kept back never reaches the reporter.
  const second = await ent.post(`/cases/${filed.case_id}/answers`, { action_taken: 'Nhắc nhở tổ trưởng', message_to_reporter: 'Bạn làm ở tổ nào?' });
  assert.equal((await fed.post(`/cases/${filed.case_id}/answers/${second.data.id}/review`, { decision: 'keep_back', note: 'Hỏi danh tính người báo tin' })).status, 200);
  // The union and the federation also write directly.
  assert.equal((await union.post(`/cases/${filed.case_id}/messages`, { text: 'Công đoàn đã kiểm tra xưởng 3.' })).status, 201);
  assert.equal((await fed.post(`/cases/${filed.case_id}/messages`, { text: 'LĐLĐ thành phố đã nhận thông tin.' })).status, 201);
  view = await lookup(filed.receipt);
  const officerMessages = view.messages.filter((m) => m.from !== 'reporter');
  assert.equal(officerMessages.length, 3, JSON.stringify(view.messages));
  assert.ok(!view.messages.some((m) => m.text.includes('tổ nào')), 'a kept-back message never reaches the reporter');
  for (const m of officerMessages) assert.ok(m.org_name && m.org_name !== 'Đơn vị xử lý', 'every message names its organisation: ' + JSON.stringify(m));
  const fromEnterprise = officerMessages.find((m) => m.text.includes('che chắn'));
  assert.equal(fromEnterprise.org_name, abc.name, 'the enterprise is named as the writer');
  assert.match(fromEnterprise.relayed_by, /Công đoàn/, 'and the union that passed it on');
  assert.match(officerMessages.find((m) => m.text.includes('Công đoàn đã')).org_name, /Công đoàn/);
  assert.match(officerMessages.find((m) => m.text.includes('LĐLĐ thành phố')).org_name, /LĐLĐ thành phố Hà Nội/);
  // The officers' history says who wrote each event.
  const history = (await fed.get(`/cases/${filed.case_id}`)).data.history;
  assert.ok(history.some((e) => e.kind === 'enterprise_answer' && e.actor_org_name === abc.name));
});

test('a rejection needs a reason, and the reporter reads it with the organisation that decided', async () => {
  const filed = await report({ category: 'other', description: 'Quảng cáo bán hàng, không phải sự việc (reject-test)', area_code: '24' });
  const fed = users['ldld.bacninh'];
  assert.equal((await fed.post(`/cases/${filed.case_id}/transition`, { to: 'rejected' })).status, 422);
  const r = await fed.post(`/cases/${filed.case_id}/transition`, { to: 'rejected', note: 'Nội dung là quảng cáo, không phải sự việc cần xử lý' });
  assert.equal(r.status, 200, r.text);
  const view = await lookup(filed.receipt);
  const rejected = view.history.find((h) => h.status === 'rejected');
  assert.match(rejected.reason, /quảng cáo/);
  assert.match(rejected.org_name, /LĐLĐ/);
  const en = await lookup(filed.receipt, 'en');
  assert.equal(en.history.find((h) => h.status === 'rejected').label, 'Not accepted');
});

test("a referral's sender never decides it: can_decide false and 403 on accept or decline", async () => {
  // The provincial federation refers a commute case to the province's police: its scope covers
  // the police, yet it is the sender and never answers; the police do.
  const filed = await report({ category: 'commute', description: 'Xe đưa đón công nhân chở quá tải, tài xế đe doạ (sender-test)', area_code: '24' });
  const tong = users.tongldld, fed = users['ldld.bacninh'], police = users['congan.bacninh'];
  const sent = await fed.post(`/cases/${filed.case_id}/referrals`, { to_org_id: police.user.org_id, reason: 'Đề nghị công an xử lý' });
  assert.equal(sent.status, 201, sent.text);
  for (const side of [fed, tong]) {
    const items = (await side.get(`/cases/${filed.case_id}/referrals`)).data.items;
    assert.equal(items.find((r) => r.id === sent.data.id).can_decide, false, 'the sending side cannot decide');
    assert.equal((await side.post(`/referrals/${sent.data.id}/accept`, {})).status, 403);
    assert.equal((await side.post(`/referrals/${sent.data.id}/decline`, { note: 'tự từ chối' })).status, 403);
    assert.ok(!(await side.get('/referrals/incoming')).data.items.some((r) => r.id === sent.data.id), 'not "incoming" for its sender');
  }
  const mine = (await police.get(`/cases/${filed.case_id}/referrals`)).data.items.find((r) => r.id === sent.data.id);
  assert.equal(mine.can_decide, true, 'the receiving police decide');
  assert.ok((await police.get('/referrals/incoming')).data.items.some((r) => r.id === sent.data.id));
  assert.equal((await police.post(`/referrals/${sent.data.id}/accept`, { note: 'Công an tiếp nhận' })).status, 200);
});

test('reports that send only coordinates land in the province whose boundary contains them', async () => {
  const cases = [
    { name: 'Yên Phong (KCN Yên Phong I)', lat: 21.205, lon: 105.975, province: '24' },
    { name: 'Từ Sơn', lat: 21.117, lon: 105.957, province: '24' },
    { name: 'Phố Nối (Hưng Yên)', lat: 20.935, lon: 106.06, province: '33' },
    { name: 'KCN Thăng Long (Đông Anh)', lat: 21.13, lon: 105.78, province: '01' },
  ];
  for (const c of cases) {
    const filed = await report({ category: 'other', description: `Chỉ có toạ độ: ${c.name} (coords-test)`, lat: c.lat, lon: c.lon, channel: 'chat' });
    const kase = await users.tongldld.get(`/cases/${filed.case_id}`);
    assert.equal(kase.status, 200);
    const area = await worker.get(`/areas?q=${kase.data.area_code}`);
    const a = (area.data.items ?? area.data).find((x) => x.code === kase.data.area_code);
    assert.equal(a.level === 'province' ? a.code : a.parent_code, c.province, `${c.name} → ${kase.data.area_code}`);
  }
  // The nearest commune of that province, never a Hà Nội commune for a Bắc Ninh point.
  const yp = await report({ category: 'scam', description: 'Tin nhắn lừa đảo (coords-test)', lat: 21.205, lon: 105.96 });
  assert.equal((await users.tongldld.get(`/cases/${yp.case_id}`)).data.area_code, '09193');
  // Bad inputs: abroad, half a point, nothing at all.
  const abroad = await worker.post('/reports', { category: 'other', description: 'x', lat: 13.75, lon: 100.5 });
  assert.equal(abroad.status, 422, abroad.text);
  assert.equal(abroad.data.error.field, 'lat');
  assert.equal((await worker.post('/reports', { category: 'other', description: 'x', lat: 21.1 })).status, 422);
  const none = await worker.post('/reports', { category: 'other', description: 'x' });
  assert.equal(none.status, 422);
  assert.equal(none.data.error.field, 'area_code');
});

test('triage: due time, what is overdue and by how much, sorted by what needs the officer first', async () => {
  const fed = users.tongldld;
  const list = await fed.get('/cases?limit=50');
  assert.equal(list.status, 200);
  assert.equal(list.data.sort, 'urgency');
  const open = list.data.items.filter((c) => !['resolved', 'closed', 'rejected'].includes(c.status));
  assert.ok(open.length > 0);
  for (const c of list.data.items) {
    assert.ok('due_at' in c && 'overdue_hours' in c && 'priority' in c && 'due_kind' in c, JSON.stringify(c));
    if (c.overdue) assert.ok(c.overdue_hours >= 1, 'an overdue case says by how many hours');
  }
  // Urgency: open cases by due time, the most overdue first.
  const dues = open.map((c) => Date.parse(c.due_at));
  for (let i = 1; i < dues.length; i++) assert.ok(dues[i - 1] <= dues[i], 'sorted by due time');
  const firstDone = list.data.items.findIndex((c) => !open.includes(c));
  assert.ok(firstDone === -1 || list.data.items.slice(firstDone).every((c) => !open.includes(c)), 'open cases before finished ones');
  // The other orders.
  const newest = (await fed.get('/cases?sort=-created&limit=20')).data.items.map((c) => Date.parse(c.created_at));
  for (let i = 1; i < newest.length; i++) assert.ok(newest[i - 1] >= newest[i]);
  const prio = (await fed.get('/cases?sort=priority&limit=20&status=new')).data.items.map((c) => c.priority);
  const rank = { urgent: 0, high: 1, normal: 2, low: 3 };
  for (let i = 1; i < prio.length; i++) assert.ok(rank[prio[i - 1]] <= rank[prio[i]]);
  assert.equal((await fed.get('/cases?sort=bogus')).status, 422);
  // A new case past its acknowledgement deadline says that deadline is the missed one.
  const overdueNew = (await fed.get('/cases?status=new&overdue=1&limit=5')).data.items;
  if (overdueNew.length) {
    const d = (await fed.get(`/cases/${overdueNew[0].id}`)).data;
    const ack = d.deadlines.find((x) => x.kind === 'acknowledge');
    assert.equal(ack.missed, true, JSON.stringify(d.deadlines));
    assert.ok(ack.overdue_hours >= 1);
  }
});

test('exports: every row of the inbox, headers and labels for people, Vietnam time, real date cells', async () => {
  const fed = users.tongldld;
  const total = (await fed.get('/cases?limit=1')).data.total;
  const csv = await fed.request('GET', '/exports/cases.csv', { raw: true });
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get('x-total-count'), String(total));
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length, total + 1, 'one row per case of the inbox');
  assert.ok(lines[0].startsWith('Số hồ sơ,Loại sự việc,Trạng thái,Mức ưu tiên'), lines[0]);
  for (const code of ['workplace_safety', 'in_progress', 'org_id', ',category,', 'illegal_lending']) assert.ok(!csv.text.includes(code), code);
  assert.match(csv.text, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, 'dd/mm/yyyy hh:mm times');
  assert.ok(!/\dT\d{2}:\d{2}/.test(csv.text), 'no ISO/UTC text');
  // A case created at a known time shows in Vietnam's time (UTC+7).
  const one = (await fed.get('/cases?limit=1&sort=-created')).data.items[0];
  const utc = new Date(one.created_at);
  const local = new Date(utc.getTime() + 7 * 3600_000);
  const shown = `${String(local.getUTCDate()).padStart(2, '0')}/${String(local.getUTCMonth() + 1).padStart(2, '0')}/${local.getUTCFullYear()} ${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  assert.ok(lines.find((l) => l.startsWith(one.id + ',')).includes(shown), shown);
  // English on request.
  const en = await new Client(server, { lang: 'en' });
  await en.login('tongldld');
  const csvEn = await en.request('GET', '/exports/cases.csv?category=workplace_safety', { raw: true });
  assert.ok(csvEn.text.replace(/^\uFEFF/, '').startsWith('Case no.,Category,Status,Priority'));
  assert.ok(csvEn.text.includes('Workplace safety'));
  // Excel: the same rows, with date cells (numbers with a date style), not text.
  const xlsx = await fetch(server.url + '/api/v1/exports/cases.xlsx', { headers: { cookie: [...fed.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(xlsx.status, 200);
  const sheet = unzipEntry(Buffer.from(await xlsx.arrayBuffer()), 'xl/worksheets/sheet1.xml');
  assert.ok(sheet, 'a worksheet');
  assert.equal((sheet.match(/<row /g) ?? []).length, total + 1);
  assert.match(sheet, /<c r="I2" s="\d+"><v>4\d{4}\.\d+<\/v><\/c>/, 'created_at is a date serial with a style');
  // Filtered exports hold exactly the filtered rows.
  const wagesTotal = (await fed.get('/cases?category=wages&limit=1')).data.total;
  const wages = await fed.request('GET', '/exports/cases.csv?category=wages', { raw: true });
  assert.equal(wages.text.replace(/^\uFEFF/, '').trim().split('\r\n').length, wagesTotal + 1);
  assert.equal((await fed.get('/exports/cases.csv?sort=bogus')).status, 422);
});

test('the console offers only what the role may use', async () => {
  const me = async (u) => (await users[u].get('/auth/me')).data.can;
  assert.deepEqual(await me('dn.abc'), { map: false, housing: false, routing: false, export: true, scam_feedback: false });
  assert.deepEqual(await me('totruong.yenphong'), { map: false, housing: true, routing: false, export: false, scam_feedback: false });
  assert.deepEqual(await me('ldld.bacninh'), { map: true, housing: true, routing: false, export: true, scam_feedback: true });
  assert.equal((await me('admin')).routing, true);
});
