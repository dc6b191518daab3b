// Boarding houses and self-management teams, black-box against a real `antoan serve` on a demo
// DB: every route, the scoping of team leaders (their own team only), landlord contact never
// shown to enterprise officers (nor to anyone without a reason), meetings whose issues become
// cases the leader follows, the CSV import's row-by-row report (nothing imported on error),
// the KPI on a constructed dataset with known answers, the poster, and bad inputs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';

let server, dir;
const c = {};
let yenPhong, emptyArea, bacNinhFedArea;
let demoTeam, otherTeam, fedHouse;

const csvPost = (client, kind, text, type = 'text/csv') =>
  client.request('POST', `/housing/import?kind=${kind}`, { body: text, headers: { 'content-type': type } });

before(async () => {
  dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '300']);
  assert.equal(demo.status, 0, demo.stderr);
  server = await startServer({ dir });
  for (const u of ['admin', 'ldld.bacninh', 'ldld.hanoi', 'congan.yenphong', 'cd.abc', 'dn.abc', 'totruong.yenphong']) {
    c[u] = new Client(server);
    const r = await c[u].login(u);
    assert.equal(r.status, 200, `login ${u}: ${r.text}`);
  }
  c.anon = new Client(server);
  const areas = await c.anon.get('/areas?level=commune&parent=24');
  yenPhong = areas.data.items.find((a) => a.name.includes('Yên Phong')).code;
  // A Bắc Ninh commune with no demo house, for the constructed KPI dataset.
  for (const a of areas.data.items) {
    const h = await c.admin.get(`/houses?area_code=${a.code}`);
    const t = await c.admin.get(`/teams?area_code=${a.code}`);
    if (h.data.total === 0 && t.data.count === 0) { emptyArea = a.code; break; }
  }
  assert.ok(yenPhong && emptyArea, 'areas found');
  bacNinhFedArea = emptyArea;
  const teams = await c['totruong.yenphong'].get('/teams');
  assert.equal(teams.status, 200);
  assert.equal(teams.data.count, 1, 'a team leader sees exactly their team');
  demoTeam = teams.data.items[0];
});
after(async () => { await server?.stop(); server?.cleanup(); });

test('housing routes need a login; enterprise officers are refused everything', async () => {
  const routes = [['GET', '/houses'], ['POST', '/houses'], ['GET', '/houses/1'], ['PATCH', '/houses/1'],
    ['POST', '/houses/1/checks'], ['POST', '/houses/1/reveal-landlord'], ['GET', '/houses/1/poster'], ['GET', '/housing/map'],
    ['GET', '/teams'], ['POST', '/teams'], ['GET', '/teams/1'], ['PATCH', '/teams/1'], ['POST', '/teams/1/members'],
    ['DELETE', '/teams/1/members/1'], ['GET', '/teams/1/meetings'], ['POST', '/teams/1/meetings'],
    ['POST', '/meetings/1/issues'], ['GET', '/housing/kpi'], ['GET', '/housing/export?kind=houses']];
  for (const [m, p] of routes) {
    const r = await c.anon.request(m, p, ['POST', 'PATCH'].includes(m) ? { json: {} } : {});
    assert.equal(r.status, 401, `${m} ${p}`);
    assert.ok(r.data.error.message_vi && r.data.error.message_en);
  }
  const ent = c['dn.abc'];
  for (const p of ['/houses', '/teams', '/housing/kpi', '/housing/map', '/housing/export?kind=houses', `/teams/${demoTeam.id}`]) {
    const r = await ent.get(p);
    assert.ok([403, 404].includes(r.status), `dn.abc GET ${p}: ${r.status}`);
    assert.ok(!r.text.includes('landlord'), 'no housing data');
  }
  const created = await ent.post('/houses', { name: 'X', address: 'Y', area_code: yenPhong });
  assert.equal(created.status, 403);
});

test('a federation officer registers a team and houses; landlord contact is sealed and revealed only with a reason', async () => {
  const fed = c['ldld.bacninh'];
  const team = await fed.post('/teams', { name: 'Tổ tự quản thôn Đông', area_code: yenPhong, leader_name: 'Lê Thị Hoa',
    leader_phone: '0912 000 111', founded_on: '2025-03-01' });
  assert.equal(team.status, 201, team.text);
  otherTeam = team.data;
  const house = await fed.post('/houses', { name: 'Nhà trọ cô Hạnh', address: 'Ngõ 3, thôn Đông', area_code: yenPhong,
    lat: 21.2, lon: 105.95, landlord_name: 'Bà Hạnh', landlord_contact: '0987 654 000', rooms: 18, residents: 52,
    team_id: otherTeam.id });
  assert.equal(house.status, 201, house.text);
  fedHouse = house.data;
  assert.equal(fedHouse.team_id, otherTeam.id);
  assert.equal(fedHouse.has_landlord_contact, true);
  assert.ok(!house.text.includes('0987 654 000'), 'the contact is never in a house answer');
  const list = await fed.get('/houses?q=' + encodeURIComponent('cô Hạnh'));
  assert.equal(list.data.total, 1);
  assert.ok(!list.text.includes('0987'));
  const short = await fed.post(`/houses/${fedHouse.id}/reveal-landlord`, { reason: 'xem' });
  assert.equal(short.status, 422);
  assert.equal(short.data.error.field, 'reason');
  const rev = await fed.post(`/houses/${fedHouse.id}/reveal-landlord`, { reason: 'Kiểm tra phòng cháy chữa cháy định kỳ' });
  assert.equal(rev.status, 200, rev.text);
  assert.equal(rev.data.contact, '0987 654 000');
  const admin = await c.admin.post(`/houses/${fedHouse.id}/reveal-landlord`, { reason: 'Kiểm tra phòng cháy chữa cháy' });
  assert.equal(admin.status, 403, 'admins run the system; they do not need contacts');
  const adminView = await c.admin.get(`/houses/${fedHouse.id}`);
  assert.equal(adminView.data.has_landlord_contact, false, 'who may not reveal is not told a contact exists');
  // Safety check with dates.
  const check = await fed.post(`/houses/${fedHouse.id}/checks`, { checked_on: '2026-01-15', fire_extinguisher: true,
    escape_route: true, smoke_alarm: false, electrical_safe: true, notes: 'Thiếu báo khói tầng 2' });
  assert.equal(check.status, 201, check.text);
  const again = await fed.get(`/houses/${fedHouse.id}`);
  assert.equal(again.data.latest_check.checked_on, '2026-01-15');
  assert.equal(again.data.latest_check.smoke_alarm, false);
  // Police in the area see the house but cannot edit it.
  const police = c['congan.yenphong'];
  assert.equal((await police.get(`/houses/${fedHouse.id}`)).status, 200);
  assert.equal((await police.request('PATCH', `/houses/${fedHouse.id}`, { json: { rooms: 3 } })).status, 403);
  // Another province's federation does not see it.
  assert.equal((await c['ldld.hanoi'].get(`/houses/${fedHouse.id}`)).status, 404);
  // The grassroots union's scope is its enterprise: no houses there.
  assert.equal((await c['cd.abc'].get(`/houses/${fedHouse.id}`)).status, 404);
});

test('a team leader sees and edits only their own team', async () => {
  const leader = c['totruong.yenphong'];
  const team = await leader.get(`/teams/${demoTeam.id}`);
  assert.equal(team.status, 200);
  assert.ok(team.data.house_list.length > 0, 'the demo team covers houses');
  assert.ok(team.data.roster.length > 0, 'the demo team has members');
  assert.ok(team.data.meetings.length > 0, 'the demo team has meetings');
  assert.equal(team.data.can_edit, true);
  assert.equal(team.data.can_organise, false);
  // Another team: invisible, and no write goes through.
  assert.equal((await leader.get(`/teams/${otherTeam.id}`)).status, 404);
  assert.equal((await leader.get(`/houses/${fedHouse.id}`)).status, 404);
  assert.equal((await leader.get(`/houses/${fedHouse.id}/poster`)).status, 404);
  assert.equal((await leader.request('PATCH', `/houses/${fedHouse.id}`, { json: { rooms: 1 } })).status, 404);
  assert.equal((await leader.post(`/teams/${otherTeam.id}/members`, { name: 'X' })).status, 404);
  assert.equal((await leader.post(`/teams/${otherTeam.id}/meetings`, { held_on: '2026-01-01', attendance: 1, topics: 'x' })).status, 404);
  assert.equal((await leader.post(`/houses/${fedHouse.id}/reveal-landlord`, { reason: 'Kiểm tra phòng cháy chữa cháy' })).status, 404);
  const list = await leader.get('/houses?limit=500');
  assert.ok(list.data.items.every((h) => h.team_id === demoTeam.id));
  // Their own house: editable, but not movable to another team; new houses join their team.
  const own = team.data.house_list[0];
  const edit = await leader.request('PATCH', `/houses/${own.id}`, { json: { rooms: 12 } });
  assert.equal(edit.status, 200, edit.text);
  assert.equal(edit.data.rooms, 12);
  assert.equal((await leader.request('PATCH', `/houses/${own.id}`, { json: { team_id: otherTeam.id } })).status, 403);
  const created = await leader.post('/houses', { name: 'Nhà trọ mới', address: 'Xóm Mới', area_code: yenPhong, residents: 12 });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.data.team_id, demoTeam.id);
  assert.equal((await leader.post('/houses', { name: 'N', address: 'A', area_code: yenPhong, team_id: otherTeam.id })).status, 403);
  // Organising is for officers.
  assert.equal((await leader.post('/teams', { name: 'T', area_code: yenPhong, leader_name: 'L' })).status, 403);
  assert.equal((await csvPost(leader, 'houses', 'name,address,area_code\nA,B,' + yenPhong + '\n')).status, 403);
  assert.equal((await leader.request('PATCH', `/teams/${demoTeam.id}`, { json: { area_code: yenPhong } })).status, 403);
  // Roster: add and remove a member.
  const m = await leader.post(`/teams/${demoTeam.id}/members`, { name: 'Phạm Thị Thu', role: 'deputy', phone: '0900 000 999', house_id: own.id });
  assert.equal(m.status, 201, m.text);
  const roster = await leader.get(`/teams/${demoTeam.id}`);
  assert.ok(roster.data.roster.some((x) => x.name === 'Phạm Thị Thu' && x.phone === '0900 000 999'));
  const policeView = await c['congan.yenphong'].get(`/teams/${demoTeam.id}`);
  assert.equal(policeView.status, 200);
  assert.ok(policeView.data.roster.every((x) => x.phone === undefined), 'phones are for the leader and supporting officers');
  assert.equal((await leader.request('DELETE', `/teams/${demoTeam.id}/members/${m.data.id}`)).status, 204);
  assert.equal((await leader.request('DELETE', `/teams/${demoTeam.id}/members/${m.data.id}`)).status, 404);
});

test('a meeting issue opens a case the team leader follows', async () => {
  const leader = c['totruong.yenphong'];
  const team = await leader.get(`/teams/${demoTeam.id}`);
  const house = team.data.house_list[0];
  const r = await leader.post(`/teams/${demoTeam.id}/meetings`, { held_on: '2026-01-20', attendance: 41,
    topics: 'Phòng cháy chữa cháy; tín dụng đen', notes: 'Họp tại nhà văn hóa thôn',
    issues: [{ category: 'dormitory_safety', description: 'Dây điện chằng chịt ở dãy B, nguy cơ chập cháy (api-test)', boarding_house_id: house.id }] });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.cases.length, 1);
  const caseId = r.data.cases[0].case_id;
  const kase = await leader.get(`/cases/${caseId}`);
  assert.equal(kase.status, 200, kase.text);
  // The team leader follows the case through the same projection as an employer: no house id,
  // no channel, day-level dates; the supporting officers see it all.
  assert.ok(!('channel' in kase.data) && !('boarding_house_id' in kase.data), JSON.stringify(kase.data));
  assert.match(kase.data.created_at, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(kase.data.allowed_transitions, [], 'team leaders follow cases; officers handle them');
  const officer = await c['ldld.bacninh'].get(`/cases/${caseId}`);
  assert.equal(officer.status, 200);
  assert.equal(officer.data.channel, 'meeting');
  assert.equal(officer.data.boarding_house_id, house.id);
  // A retry with the same Idempotency-Key logs nothing twice.
  const body = { held_on: '2026-01-22', attendance: 12, topics: 'Họp bất thường (retry)',
    issues: [{ category: 'theft', description: 'Mất xe máy ở nhà xe dãy A (api-test retry)' }] };
  const first = await leader.post(`/teams/${demoTeam.id}/meetings`, body, { headers: { 'idempotency-key': 'retry-meeting-1' } });
  assert.equal(first.status, 201, first.text);
  const again = await leader.post(`/teams/${demoTeam.id}/meetings`, body, { headers: { 'idempotency-key': 'retry-meeting-1' } });
  assert.equal(again.status, 201);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal(again.data.id, first.data.id);
  assert.equal(again.data.cases[0].case_id, first.data.cases[0].case_id);
  const reused = await c['ldld.bacninh'].post(`/teams/${otherTeam.id}/meetings`, body, { headers: { 'idempotency-key': 'retry-meeting-1' } });
  assert.equal(reused.status, 409);
  const bad = await leader.post(`/teams/${demoTeam.id}/meetings`, body, { headers: { 'idempotency-key': 'bad key with spaces' } });
  assert.equal(bad.status, 400);
  // One more issue later, from the same meeting.
  const more = await leader.post(`/meetings/${r.data.id}/issues`, { category: 'illegal_lending', description: 'Tờ rơi cho vay nóng dán ở cổng (api-test)' });
  assert.equal(more.status, 201, more.text);
  const meetings = await leader.get(`/teams/${demoTeam.id}/meetings`);
  const logged = meetings.data.items.find((m) => m.id === r.data.id);
  assert.equal(logged.cases.length, 2);
  // Other team's meeting: invisible. An issue about a house the team does not cover: refused.
  const fedMeeting = await c['ldld.bacninh'].post(`/teams/${otherTeam.id}/meetings`, { held_on: '2026-01-05', attendance: 12, topics: 'Ra mắt tổ' });
  assert.equal(fedMeeting.status, 201);
  assert.equal((await leader.post(`/meetings/${fedMeeting.data.id}/issues`, { category: 'other', description: 'x' })).status, 404);
  const wrongHouse = await leader.post(`/teams/${demoTeam.id}/meetings`, { held_on: '2026-01-21', attendance: 3, topics: 'x',
    issues: [{ category: 'other', description: 'x', boarding_house_id: fedHouse.id }] });
  assert.equal(wrongHouse.status, 422);
  assert.equal(wrongHouse.data.error.field, 'issues[0].boarding_house_id');
});

test('bad inputs get JSON errors with Vietnamese and English messages', async () => {
  const fed = c['ldld.bacninh'];
  const cases = [
    [await fed.request('POST', '/houses', { body: '{"name":', headers: { 'content-type': 'application/json' } }), 400],
    [await fed.request('POST', '/houses', { body: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415],
    [await fed.post('/houses', { name: 'A', area_code: yenPhong }), 422, 'address'],
    [await fed.post('/houses', { name: 'A', address: 'B', area_code: '99999' }), 422, 'area_code'],
    [await fed.post('/houses', { name: 'A', address: 'B', area_code: yenPhong, residents: 'many' }), 400, 'residents'],
    [await fed.post('/houses', { name: 'A', address: 'B', area_code: yenPhong, lat: 48.85, lon: 2.35 }), 422, 'lat'],
    [await fed.post('/houses', { name: 'A', address: 'B', area_code: yenPhong, team_id: 999999 }), 422, 'team_id'],
    [await fed.post('/houses', { name: 'x'.repeat(70000), address: 'B', area_code: yenPhong }), 413],
    [await fed.get('/houses/abc'), 404],
    [await fed.get('/houses/999999'), 404],
    [await fed.get('/houses?limit=100000'), 422, 'limit'],
    [await fed.get('/houses?team_id=x'), 400, 'team_id'],
    [await fed.post(`/houses/${fedHouse.id}/checks`, { checked_on: '2026-02-30' }), 422, 'checked_on'],
    [await fed.post(`/houses/${fedHouse.id}/checks`, { checked_on: '2999-01-01' }), 422, 'checked_on'],
    [await fed.post(`/houses/${fedHouse.id}/checks`, { checked_on: '2026-01-01', smoke_alarm: 'yes' }), 400, 'smoke_alarm'],
    [await fed.post('/teams', { name: 'T', area_code: yenPhong }), 422, 'leader_name'],
    [await fed.post('/teams', { name: 'T', area_code: yenPhong, leader_name: 'L', leader_phone: 'gọi tôi' }), 422, 'leader_phone'],
    [await fed.post('/teams', { name: 'T', area_code: yenPhong, leader_name: 'L', leader_user_id: 1 }), 422, 'leader_user_id'],
    [await fed.post(`/teams/${otherTeam.id}/members`, { name: 'A', role: 'chief' }), 422, 'role'],
    [await fed.post(`/teams/${otherTeam.id}/members`, { name: 'A', house_id: 999999 }), 422, 'house_id'],
    [await fed.post(`/teams/${otherTeam.id}/meetings`, { held_on: '2026-01-01', attendance: -1, topics: 'x' }), 422, 'attendance'],
    [await fed.post(`/teams/${otherTeam.id}/meetings`, { held_on: '2026-01-01', attendance: 1 }), 422, 'topics'],
    [await fed.post(`/teams/${otherTeam.id}/meetings`, { held_on: '2026-01-01', attendance: 1, topics: 'x', issues: 'none' }), 400, 'issues'],
    [await fed.post(`/teams/${otherTeam.id}/meetings`, { held_on: '2026-01-01', attendance: 1, topics: 'x', issues: [{ category: 'ufo', description: 'x' }] }), 422, 'issues[0].category'],
    [await fed.post('/meetings/999999/issues', { category: 'other', description: 'x' }), 404],
    [await fed.get('/housing/kpi?from=2026-13'), 422, 'from'],
    [await fed.get('/housing/kpi?from=2026-05&to=2026-01'), 422, 'from'],
    [await fed.get('/housing/kpi?org_id=999999'), 422, 'org_id'],
    [await fed.get('/housing/export?kind=secrets'), 422, 'kind'],
    [await csvPost(fed, 'houses', '{"name":"x"}', 'application/json'), 415],
    [await csvPost(fed, 'ufos', 'a\n1\n'), 422, 'kind'],
    [await csvPost(fed, 'houses', 'name,address,area_code\n"A,B\n'), 400, 'csv'],
    [await fed.request('POST', '/housing/import?kind=houses', { body: Buffer.concat([Buffer.from('name,address,area_code\n'), Buffer.from([0xff, 0x0a])]), headers: { 'content-type': 'text/csv' } }), 400, 'csv'],
    [await c.anon.post('/reports', { category: 'dormitory_safety', description: 'Cháy', area_code: yenPhong, boarding_house_id: 999999 }), 422, 'boarding_house_id'],
    [await c.anon.get('/posters/not-a-real-poster-token'), 404],
    [await c.anon.post('/reports', { category: 'dormitory_safety', description: 'Cháy', area_code: yenPhong, house_token: 'AAAAAAAAAAAAAAAAAAAAAA' }), 422, 'house_token'],
  ];
  for (const [r, status, field] of cases) {
    assert.equal(r.status, status, `${status} expected: ${r.text.slice(0, 300)}`);
    assert.ok(r.data?.error?.message_vi && r.data.error.message_en, r.text.slice(0, 200));
    if (field) assert.equal(r.data.error.field, field, r.text.slice(0, 300));
  }
  const csrf = await fed.request('POST', '/houses', { json: { name: 'A', address: 'B', area_code: yenPhong }, headers: { 'x-csrf-token': 'wrong' } });
  assert.equal(csrf.status, 403);
});

test('CSV import reports every bad row by number and imports nothing; then all rows at once; export has no contacts', async () => {
  const fed = c['ldld.bacninh'];
  const before = (await fed.get(`/houses?area_code=${yenPhong}&limit=1`)).data.total;
  const bad = [
    'name,address,area_code,residents,landlord_contact,team',
    `Nhà trọ A,Ngõ 1,${yenPhong},40,0911 000 001,`,
    `Nhà trọ B,Ngõ 2,99999,35,,`,
    `Nhà trọ C,,${yenPhong},ba mươi,,`,
    `"Nhà trọ ""D""","Ngõ 4, xóm Chợ",${yenPhong},31,,Tổ không có`,
    `Nhà trọ E,Ngõ 5,01,31,,`,
  ].join('\r\n');
  const r = await csvPost(fed, 'houses', bad);
  assert.equal(r.status, 422, r.text);
  assert.equal(r.data.error.field, 'csv');
  const rows = r.data.rows.map((x) => [x.row, x.field]);
  assert.deepEqual(rows.map((x) => x[0]), [3, 4, 5, 6], JSON.stringify(r.data.rows));
  assert.equal(rows[0][1], 'area_code');
  assert.equal(rows[2][1], 'team');
  assert.ok(r.data.rows.every((x) => x.message_vi && x.message_en));
  assert.equal((await fed.get(`/houses?area_code=${yenPhong}&limit=1`)).data.total, before, 'nothing imported');
  const header = await csvPost(fed, 'houses', 'name,adress,area_code\nA,B,' + yenPhong + '\n');
  assert.equal(header.status, 422);
  assert.deepEqual(header.data.rows.map((x) => x.row), [1, 1]);
  const good = [
    'name,address,area_code,residents,rooms,landlord_contact,team',
    `Nhà trọ A,Ngõ 1,${yenPhong},40,10,0911 000 001,${otherTeam.name}`,
    `"Nhà trọ ""D""","Ngõ 4, xóm Chợ",${yenPhong},31,8,,${otherTeam.id}`,
    `Nhà trọ F,Ngõ 6,${yenPhong},12,4,,`,
  ].join('\n');
  const ok = await csvPost(fed, 'houses', good);
  assert.equal(ok.status, 201, ok.text);
  assert.equal(ok.data.imported, 3);
  assert.equal((await fed.get(`/houses?area_code=${yenPhong}&limit=1`)).data.total, before + 3);
  const members = await csvPost(fed, 'members', `team,name,role,phone,house\n${otherTeam.id},Trần Văn Tư,deputy,0900 111 222,Nhà trọ A\n${otherTeam.id},Lý Thị Năm,,,\n`);
  assert.equal(members.status, 201, members.text);
  const teams = await csvPost(fed, 'teams', `name,area_code,leader_name,founded_on\nTổ thôn Tây,${yenPhong},Đỗ Văn Sáu,2025-06-01\nTổ Hà Nội,01,X,2025-06-01\n`);
  assert.equal(teams.status, 422, 'a Hà Nội area is outside the Bắc Ninh federation');
  assert.deepEqual(teams.data.rows.map((x) => x.row), [3]);
  const exp = await fed.request('GET', '/housing/export?kind=houses', { raw: true });
  assert.equal(exp.status, 200);
  assert.match(exp.headers.get('content-type'), /text\/csv/);
  assert.ok(exp.text.includes('"Nhà trọ ""D"""'));
  assert.ok(!exp.text.includes('0911 000 001') && !exp.text.includes('0987 654 000'), 'no landlord contact in exports');
  const expMembers = await fed.request('GET', '/housing/export?kind=members', { raw: true });
  assert.ok(expMembers.text.includes('Trần Văn Tư') && !expMembers.text.includes('0900 111 222'), 'no phones in exports');
  assert.equal((await c['congan.yenphong'].get('/housing/export?kind=members')).status, 403);
});

test('KPI on a constructed dataset: coverage of houses with >= 30 workers, gap list, meetings held vs expected', async () => {
  const fed = c['ldld.bacninh'];
  const t1 = (await fed.post('/teams', { name: 'Tổ KPI 1', area_code: emptyArea, leader_name: 'A', founded_on: '2025-01-01' })).data;
  const t2 = (await fed.post('/teams', { name: 'Tổ KPI 2', area_code: emptyArea, leader_name: 'B', founded_on: '2025-05-15' })).data;
  const mk = async (residents, team_id) => {
    const r = await fed.post('/houses', { name: `KPI ${residents}`, address: 'KPI', area_code: emptyArea, residents, team_id });
    assert.equal(r.status, 201, r.text);
    return r.data.id;
  };
  await mk(30, t1.id);
  await mk(29);
  const gap = await mk(120);
  await mk(45, t2.id);
  for (const d of ['2025-03-10', '2025-03-20', '2025-05-05']) {
    const m = await fed.post(`/teams/${t1.id}/meetings`, { held_on: d, attendance: 20, topics: 'Sinh hoạt tổ' });
    assert.equal(m.status, 201, m.text);
  }
  await fed.post(`/teams/${t1.id}/meetings`, { held_on: '2025-08-01', attendance: 20, topics: 'outside the period' });
  const k = await fed.get(`/housing/kpi?area_code=${emptyArea}&from=2025-03&to=2025-06`);
  assert.equal(k.status, 200, k.text);
  assert.equal(k.data.threshold, 30);
  assert.deepEqual(
    { ...k.data.total },
    { houses: 4, houses_30plus: 3, covered_30plus: 2, uncovered_30plus: 1, workers_30plus: 195, covered_workers_30plus: 75, coverage_rate: 2 / 3 });
  assert.equal(k.data.by_area.length, 1);
  assert.equal(k.data.by_area[0].area_code, emptyArea);
  assert.equal(k.data.by_province[0].province_code, '24');
  assert.deepEqual(k.data.gaps.map((g) => [g.id, g.residents]), [[gap, 120]]);
  assert.equal(k.data.teams, 2);
  // T1: Mar..Jun expected 4, held in Mar and May = 2; T2 founded 15 May: May, Jun expected, none held.
  assert.equal(k.data.meetings.expected, 6);
  assert.equal(k.data.meetings.held, 2);
  const byTeam = Object.fromEntries(k.data.meetings.by_team.map((t) => [t.team_id, [t.held, t.expected]]));
  assert.deepEqual(byTeam[t1.id], [2, 4]);
  assert.deepEqual(byTeam[t2.id], [0, 2]);
  // By organisation: the Bắc Ninh federation's whole scope includes the constructed area, Hà Nội's does not.
  const orgs = await c.anon.get('/orgs?q=' + encodeURIComponent('LĐLĐ tỉnh Bắc Ninh'));
  const fedOrg = (orgs.data.items ?? []).find((o) => o.kind === 'federation');
  if (fedOrg) {
    const byOrg = await c.admin.get(`/housing/kpi?org_id=${fedOrg.id}&area_code=${emptyArea}&from=2025-03&to=2025-06`);
    assert.equal(byOrg.data.total.houses, 4);
  }
  const hanoi = await c['ldld.hanoi'].get(`/housing/kpi?area_code=${emptyArea}&from=2025-03&to=2025-06`);
  assert.equal(hanoi.data.total.houses, 0, 'outside its scope');
  const leader = await c['totruong.yenphong'].get('/housing/kpi');
  assert.equal(leader.status, 200);
  assert.equal(leader.data.teams, 1, 'a team leader sees their own team only');
});

test('poster: A4 HTML with a QR code to the report form for the house; the public house answer is minimal', async () => {
  const fed = c['ldld.bacninh'];
  const r = await fed.request('GET', `/houses/${fedHouse.id}/poster`, { raw: true });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/html/);
  assert.ok(r.text.includes('<svg') && r.text.includes('size:A4'));
  // The QR code names the house by an unguessable token, never by its sequential id.
  const token = r.text.match(/\/report\?house=([A-Za-z0-9_-]{22,})/)?.[1];
  assert.ok(token, 'the QR URL is printed under the code');
  assert.ok(!r.text.includes(`/report?house=${fedHouse.id}"`) && !r.text.includes(`/report?house=${fedHouse.id}<`));
  assert.ok(r.text.includes('Lê Thị Hoa') && r.text.includes('0912 000 111'), "the team leader's contact");
  assert.ok(r.text.includes('113') && r.text.includes('114'));
  assert.ok(!r.text.includes('0987 654 000'), 'never the landlord contact');
  assert.equal((await c.anon.get(`/houses/${fedHouse.id}/public`)).status, 404, 'no public page by id');
  const pub = await c.anon.get(`/posters/${token}`);
  assert.equal(pub.status, 200);
  assert.deepEqual(Object.keys(pub.data).sort(), ['area_code', 'area_name', 'name', 'province_code', 'token']);
  assert.equal(pub.data.province_code, '24');
  const rep = await c.anon.post('/reports', { category: 'dormitory_safety', description: 'Bình cứu hỏa hết hạn (api-test)',
    area_code: pub.data.area_code, house_token: token, channel: 'web' });
  assert.equal(rep.status, 201, rep.text);
  const filed = await fed.get(`/cases/${rep.data.case_id}`);
  assert.equal(filed.data.boarding_house_id, fedHouse.id, 'the token became the house for the officers');
  const map = await fed.get('/housing/map');
  assert.ok(map.data.items.some((p) => p.id === fedHouse.id && p.lat === 21.2));
});

test('every change is in the audit log and the chain verifies', async () => {
  await server.stop();
  const v = runCli(['audit', 'verify', '--db', server.db]);
  assert.equal(v.status, 0, v.stdout + v.stderr);
  assert.match(v.stdout, /audit ok/);
});
