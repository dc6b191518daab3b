// The privacy walk: every route of the OpenAPI document, called as every demo role and as an
// anonymous stranger, on demo data plus fixtures that carry everything a reporter could be found
// by (raw GPS, a boarding house, a contact and its reveal with a reason, the reporter's reply and
// photo, a referral naming the victim). Each role runs on its own copy of the database, so what
// one role changes does not hide what the next may see.
//   (a) the status matches the policy table: 401 for a stranger on a protected route, 403 for a
//       role without the route's action, 404 for an object outside the role's scope, success
//       otherwise;
//   (b) for enterprise officers and team leaders, no response (every field, recursively) holds
//       coordinates, house ids, channels, contacts, reveal events or reasons, reporters' words,
//       or times finer than the day — and no response to anyone holds the raw GPS sent in.
// Exports (CSV and the Excel file's cells) and webhook payloads are checked the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';
import { PNG } from './images.mjs';
import { unzipEntry } from './xlsx.mjs';

const ROLES = ['admin', 'tongldld', 'ldld.hanoi', 'ldld.bacninh', 'congan.bacninh', 'congan.yenphong',
  'congan.noibai', 'cd.abc', 'dn.abc', 'totruong.yenphong'];
const RESTRICTED = new Set(['dn.abc', 'totruong.yenphong']);  // enterprise officer, team leader

// What the fixtures carry that must never reach an employer or a team leader.
const RAW_LAT = 21.187654, RAW_LON = 106.012345;
const MARK = {
  reveal: 'WALKREVEAL chị Lan tổ 3 gọi lại',
  reply: 'WALKREPLY em làm ca đêm ở chuyền 5',
  referral: 'WALKREFERRAL nạn nhân là chị Lan',
  contact: 'zalo 0987 111 222',
};
const BANNED_KEYS = new Set(['lat', 'lon', 'latitude', 'longitude', 'boarding_house_id', 'house_id', 'channel',
  'contact', 'contact_enc', 'has_contact', 'can_reveal_contact', 'exact_location', 'actor_kind', 'actor_name',
  'visible_to_reporter', 'last_reporter_activity_at', 'created_by_user']);
// A time finer than the day: ISO, or as the exports write it (24/11/2026 15:30, 2026-11-24 15:30).
const SUB_DAY = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}|^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$|^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
// Public reference data (areas, organisations) anyone may read; not about reporters.
const REFERENCE = /^\/(areas|orgs)(\/|$|\?)/;
// The reporter's own channel: whoever holds the receipt is the reporter (any role may also be one).
const REPORTERS_OWN = /^\/receipts\//;

let base;             // { dir } of the prepared database
let fx = {};          // fixture ids
let routes = [];      // [{method, path}] from the OpenAPI document
const grantsOf = {};  // role -> Set of action names (from /auth/me)
const results = [];   // what the walk saw, for the report at the end

function scan(where, value, { keys = true, times = true } = {}) {
  const problems = [];
  const visit = (v, path) => {
    if (Array.isArray(v)) return v.forEach((x, i) => visit(x, `${path}[${i}]`));
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (keys && BANNED_KEYS.has(k)) problems.push(`${where}: key ${path}.${k}`);
        if (k === 'kind' && (x === 'contact_revealed' || x === 'reporter_message')) problems.push(`${where}: ${path} is a ${x} event`);
        visit(x, `${path}.${k}`);
      }
      return;
    }
    if (typeof v === 'string') {
      if (times && SUB_DAY.test(v)) problems.push(`${where}: sub-day time ${path} = ${v}`);
      for (const m of Object.values(MARK)) if (v.includes(m)) problems.push(`${where}: ${path} holds "${m}"`);
    }
  };
  visit(value, '$');
  return problems;
}

// The raw GPS sent in must not be anywhere, for anyone (it is coarsened at intake).
function rawGps(text) {
  return text.includes(String(RAW_LAT)) || text.includes(String(RAW_LON)) || text.includes('21.18765') || text.includes('106.01234');
}

// The route table: what each route needs (an action of the policy table), on which object.
// open: anyone; auth: any logged-in role. `obj` names the fixture whose visibility decides 404.
function spec(method, path) {
  const key = `${method} ${path}`;
  const S = {
    'GET /api/v1/health': { open: true }, 'GET /api/v1/openapi.json': { open: true },
    'GET /api/v1/categories': { open: true }, 'POST /api/v1/check': { open: true },
    'POST /api/v1/check/feedback': { open: true },
    'GET /api/v1/scam/feedback': { need: 'scam_feedback_review' },
    'POST /api/v1/scam/feedback/{id}/review': { need: 'scam_feedback_review', ok: [200, 404, 409, 422] },
    'GET /api/v1/areas': { open: true }, 'GET /api/v1/areas/{code}': { open: true }, 'GET /api/v1/orgs': { open: true },
    'GET /api/v1/warnings': { open: true }, 'GET /api/v1/indicators/lookup': { open: true },
    'GET /api/v1/posters/{token}': { open: true }, 'POST /api/v1/reports': { open: true },
    'POST /api/v1/receipts/lookup': { open: true }, 'POST /api/v1/receipts/messages': { open: true },
    'POST /api/v1/receipts/attachments': { open: true }, 'POST /api/v1/auth/login': { open: true },
    'GET /api/v1/auth/me': { need: 'auth' }, 'POST /api/v1/auth/logout': { need: 'auth', logout: true },
    'GET /api/v1/orgs/{id}': { need: 'auth' },
    'GET /api/v1/cases': { need: 'case_view' }, 'GET /api/v1/stats/summary': { need: 'case_view' },
    'GET /api/v1/overdue': { need: 'case_view' }, 'GET /api/v1/deadlines': { need: 'case_view' },
    'GET /api/v1/cases/{id}': { need: 'case_view', obj: 'case' },
    'GET /api/v1/cases/{id}/attachments': { need: 'case_view', obj: 'case' },
    'GET /api/v1/cases/{id}/links': { need: 'case_view', obj: 'case' },
    'GET /api/v1/cases/{id}/link-suggestions': { need: 'case_view', obj: 'case' },
    'GET /api/v1/cases/{id}/referrals': { need: 'case_view', obj: 'case' },
    'GET /api/v1/cases/{id}/answers': { need: 'case_view', obj: 'case' },
    'POST /api/v1/cases/{id}/answers': { need: 'case_answer', obj: 'case' },
    // The fixture's answer is on W: roles whose object is another case find no such answer there.
    'POST /api/v1/cases/{id}/answers/{answer_id}/review': { need: 'case_relay', obj: 'case', ok: [200, 404, 409] },
    'POST /api/v1/cases/{id}/messages': { need: 'case_message', obj: 'case' },
    'POST /api/v1/cases/{id}/attachments': { need: 'case_message', obj: 'case' },
    'POST /api/v1/cases/{id}/transition': { need: 'case_transition', obj: 'case', ok: [200, 409] },
    'POST /api/v1/cases/{id}/priority': { need: 'case_transition', obj: 'case' },
    'POST /api/v1/cases/{id}/reveal-contact': { need: 'case_reveal_contact', obj: 'case', reveal: true, ok: [200, 404] },
    'POST /api/v1/cases/{id}/links': { need: 'case_link', obj: 'case', ok: [201, 404, 409] },
    'DELETE /api/v1/cases/{id}/links/{other}': { need: 'case_link', obj: 'case', ok: [204, 404], after: 'POST /api/v1/cases/{id}/links' },
    'POST /api/v1/cases/{id}/referrals': { need: 'case_refer', obj: 'case', ok: [201, 409, 422] },
    'GET /api/v1/exports/cases.csv': { need: 'case_export' }, 'GET /api/v1/exports/cases.xlsx': { need: 'case_export' },
    'GET /api/v1/attachments/{id}': { need: 'case_view', obj: 'photo' },
    'GET /api/v1/referrals/incoming': { need: 'referral_decide' },
    'POST /api/v1/referrals/{id}/accept': { need: 'referral_decide', obj: 'referral', decide: true, ok: [200, 409] },
    'POST /api/v1/referrals/{id}/decline': { need: 'referral_decide', obj: 'referral', decide: true, ok: [200, 409] },
    'GET /api/v1/indicators': { need: 'indicator_view' }, 'GET /api/v1/indicators/{id}': { need: 'indicator_view', ok: [200, 404] },
    'POST /api/v1/indicators': { need: 'indicator_manage', ok: [200, 201, 409] },
    'POST /api/v1/indicators/import': { need: 'indicator_manage' },
    'POST /api/v1/indicators/{id}/confirm': { need: 'indicator_manage', ok: [200, 404, 409] },
    'POST /api/v1/indicators/{id}/clear': { need: 'indicator_manage', ok: [200, 404, 409] },
    'GET /api/v1/hotspots': { need: 'hotspot_view' }, 'GET /api/v1/map/counts': { need: 'hotspot_view' },
    'GET /api/v1/houses': { need: 'housing_view' }, 'GET /api/v1/housing/map': { need: 'housing_view' },
    'GET /api/v1/housing/kpi': { need: 'housing_view' }, 'GET /api/v1/housing/export': { need: 'housing_view' },
    'GET /api/v1/teams': { need: 'housing_view' },
    'GET /api/v1/houses/{id}': { need: 'housing_view', obj: 'house' },
    'GET /api/v1/houses/{id}/poster': { need: 'housing_view', obj: 'house' },
    'PATCH /api/v1/houses/{id}': { need: 'housing_manage', obj: 'house' },
    'POST /api/v1/houses/{id}/checks': { need: 'housing_manage', obj: 'house' },
    'POST /api/v1/houses/{id}/reveal-landlord': { need: 'housing_reveal_contact', obj: 'house', ok: [200, 404] },
    'POST /api/v1/houses': { need: 'housing_manage', ok: [201, 403] },  // 403: a place outside the scope
    'GET /api/v1/teams/{id}': { need: 'housing_view', obj: 'team' },
    'GET /api/v1/teams/{id}/meetings': { need: 'housing_view', obj: 'team' },
    'PATCH /api/v1/teams/{id}': { need: 'housing_manage', obj: 'team' },
    'POST /api/v1/teams/{id}/members': { need: 'housing_manage', obj: 'team' },
    'DELETE /api/v1/teams/{id}/members/{member_id}': { need: 'housing_manage', obj: 'team', ok: [204, 404], after: 'POST /api/v1/teams/{id}/members' },
    'POST /api/v1/teams/{id}/meetings': { need: 'housing_manage', obj: 'team' },
    'POST /api/v1/meetings/{id}/issues': { need: 'housing_manage', obj: 'team' },
    'POST /api/v1/teams': { need: 'housing_organise', ok: [201, 403] },
    'POST /api/v1/housing/import': { need: 'housing_organise', ok: [201, 403, 422] },
    'GET /api/v1/users': { need: 'org_manage' }, 'POST /api/v1/users': { need: 'org_manage' },
    'GET /api/v1/users/{id}': { need: 'self_or_org_manage' },
    'POST /api/v1/users/{id}/activate': { need: 'org_manage', ok: [200, 204] },
    // The admin acts on its own account: it may not deactivate itself (409), and a person's
    // account gets no API key (422: keys are for system accounts only).
    'POST /api/v1/users/{id}/deactivate': { need: 'org_manage', ok: [409], last: true },
    'POST /api/v1/users/{id}/api-keys': { need: 'org_manage', ok: [422] },
    'DELETE /api/v1/api-keys/{id}': { need: 'org_manage', ok: [204, 404], after: 'POST /api/v1/users/{id}/api-keys' },
    'POST /api/v1/orgs': { need: 'org_manage', ok: [201] },
    'GET /api/v1/admin/routing-rules': { need: 'org_manage' }, 'POST /api/v1/admin/routing-rules': { need: 'org_manage' },
    'PUT /api/v1/admin/routing-rules/{id}': { need: 'org_manage', ok: [200, 404] },
    'DELETE /api/v1/admin/routing-rules/{id}': { need: 'org_manage', ok: [204, 404], after: 'PUT /api/v1/admin/routing-rules/{id}' },
    'GET /api/v1/admin/routing-test': { need: 'org_manage' }, 'PUT /api/v1/admin/deadlines': { need: 'org_manage' },
    'GET /api/v1/admin/webhooks': { need: 'webhook_manage' }, 'POST /api/v1/admin/webhooks': { need: 'webhook_manage' },
    'DELETE /api/v1/admin/webhooks/{id}': { need: 'webhook_manage', ok: [204, 404], after: 'POST /api/v1/admin/webhooks' },
    'GET /api/v1/admin/webhook-deliveries': { need: 'webhook_manage' },
    'POST /api/v1/admin/jobs/overdue/run': { need: 'job_run' }, 'POST /api/v1/admin/jobs/retention/run': { need: 'job_run' },
    'GET /api/v1/admin/retention': { need: 'retention_manage' }, 'PUT /api/v1/admin/retention': { need: 'retention_manage' },
  };
  return S[key];
}

// Path parameters and bodies for one role's copy.
function request(method, path, ctx) {
  const p = path.replace('/api/v1', '')
    .replace('/cases/{id}/links/{other}', `/cases/${ctx.case}/links/${ctx.other}`)
    .replace('/cases/{id}/answers/{answer_id}', `/cases/${ctx.case}/answers/${fx.answer}`)
    .replace('/cases/{id}', `/cases/${ctx.case}`).replace('/houses/{id}', `/houses/${fx.house}`)
    .replace('/teams/{id}/members/{member_id}', `/teams/${fx.team}/members/${ctx.member ?? 999999}`)
    .replace('/teams/{id}', `/teams/${fx.team}`).replace('/meetings/{id}', `/meetings/${fx.meeting}`)
    .replace('/referrals/{id}', `/referrals/${fx.referral}`).replace('/attachments/{id}', `/attachments/${fx.photo}`)
    .replace('/indicators/{id}', `/indicators/${fx.indicator}`).replace('/scam/feedback/{id}', '/scam/feedback/1').replace('/users/{id}', `/users/${ctx.userId}`)
    .replace('/api-keys/{id}', `/api-keys/${ctx.apiKey ?? 999999}`).replace('/orgs/{id}', `/orgs/${fx.abc}`)
    .replace('/areas/{code}', `/areas/${fx.yenPhong}`).replace('/posters/{token}', `/posters/${fx.token}`)
    .replace('/admin/routing-rules/{id}', `/admin/routing-rules/${fx.rule}`)
    .replace('/admin/webhooks/{id}', `/admin/webhooks/${ctx.webhook ?? 999999}`);
  const stamp = `${ctx.role.replace(/\W/g, '')}${Date.now() % 100000}`;
  const bodies = {
    'POST /check': { text: 'Vay tiền nhanh 0912345678' },
    'POST /check/feedback': { text: 'Vay tiền nhanh 0912345678', share_text: false },
    'POST /scam/feedback/1/review': { decision: 'dismiss' },
    'POST /reports': { category: 'other', description: 'walk report', area_code: fx.yenPhong },
    'POST /receipts/lookup': { receipt: fx.receipt }, 'POST /receipts/messages': { receipt: fx.receipt, text: 'walk' },
    'POST /auth/login': { username: 'nobody', password: 'wrong password here' },
    'POST /auth/logout': {},
    [`POST /cases/${ctx.case}/messages`]: { text: 'walk message' },
    [`POST /cases/${ctx.case}/answers`]: { action_taken: 'Đã trả đủ lương tháng 10', message_to_reporter: 'Công ty đã trả' },
    [`POST /cases/${ctx.case}/answers/${fx.answer}/review`]: { decision: 'pass_on' },
    [`POST /cases/${ctx.case}/transition`]: { to: 'triaged' },
    [`POST /cases/${ctx.case}/priority`]: { priority: 'high' },
    [`POST /cases/${ctx.case}/reveal-contact`]: { reason: 'Cần gọi lại để xác minh' },
    [`POST /cases/${ctx.case}/links`]: { other_case_id: ctx.other, kind: 'related' },
    [`POST /cases/${ctx.case}/referrals`]: { to_org_id: fx.hanoiFed, reason: 'walk share', kind: 'joint' },
    [`POST /referrals/${fx.referral}/accept`]: {}, [`POST /referrals/${fx.referral}/decline`]: { note: 'walk decline' },
    'POST /indicators': { kind: 'phone', value: '0912000' + String(Date.now() % 1000).padStart(3, '0'), status: 'reported' },
    [`POST /indicators/${fx.indicator}/confirm`]: { reason: 'walk confirm reason' },
    [`POST /indicators/${fx.indicator}/clear`]: { reason: 'walk clear reason' },
    [`PATCH /houses/${fx.house}`]: { rooms: 12 },
    [`POST /houses/${fx.house}/checks`]: { checked_on: '2026-11-01', fire_extinguisher: true, escape_route: true, smoke_alarm: false, electrical_safe: true },
    [`POST /houses/${fx.house}/reveal-landlord`]: { reason: 'Cần liên hệ chủ trọ về PCCC' },
    'POST /houses': { name: 'Nhà trọ walk ' + stamp, address: 'Ngõ 1', area_code: fx.yenPhong, residents: 40 },
    [`PATCH /teams/${fx.team}`]: { name: 'Tổ walk ' + stamp },
    [`POST /teams/${fx.team}/members`]: { name: 'Tổ viên walk', role: 'member' },
    [`POST /teams/${fx.team}/meetings`]: { held_on: '2026-11-02', attendance: 12, topics: 'PCCC' },
    [`POST /meetings/${fx.meeting}/issues`]: { category: 'dormitory_safety', description: 'walk issue' },
    'POST /teams': { name: 'Tổ walk ' + stamp, area_code: fx.yenPhong, leader_name: 'Trưởng walk', founded_on: '2026-01-01' },
    'POST /users': { username: 'walk' + stamp, display_name: 'Walk', password: 'mật khẩu rất dài walk', role: 'union_officer', org_id: fx.abcUnion },
    [`POST /users/${ctx.userId}/api-keys`]: { name: 'walk key' },
    'POST /orgs': { kind: 'enterprise', name: 'Công ty walk ' + stamp, parent_id: fx.yenPhongNode, area_code: fx.yenPhong },
    'POST /admin/routing-rules': { category: 'other', area_code: fx.yenPhong, org_kind: 'federation', position: 500 },
    [`PUT /admin/routing-rules/${fx.rule}`]: { category: 'other', area_code: fx.yenPhong, org_kind: 'federation', position: 501 },
    'PUT /admin/deadlines': { category: 'other', priority: 'normal', ack_minutes: 4320, resolve_minutes: 43200 },
    'POST /admin/webhooks': { org_id: fx.abc, url: 'http://127.0.0.1:9/hook', secret: 'walk-secret-0123456789' },
    'PUT /admin/retention': { category: 'other', months: 24 },
    'POST /admin/jobs/overdue/run': {}, 'POST /admin/jobs/retention/run': {},
    [`POST /users/${ctx.userId}/activate`]: {}, [`POST /users/${ctx.userId}/deactivate`]: {},
  };
  const query = {
    '/warnings': '?area_code=' + fx.yenPhong, '/indicators/lookup': '?value=0912345678', '/map/counts': '?by=area',
    '/admin/routing-test': `?category=wages&area_code=${fx.yenPhong}`, '/housing/export': '?kind=houses',
    '/housing/import': '?kind=houses',
  }[p] ?? '';
  const k = `${method} ${p}`;
  if (p === `/cases/${ctx.case}/attachments` && method === 'POST') return { path: p, raw: PNG, type: 'image/png' };
  if (p === '/receipts/attachments') return { path: p, raw: PNG, type: 'image/png', headers: { 'x-receipt': fx.receipt } };
  if (p === '/indicators/import') return { path: p, raw: '0912000999\n', type: 'text/plain' };
  if (p === '/housing/import') return { path: p + query, raw: 'name,address,area_code,residents\nNhà walk,Ngõ 2,' + fx.yenPhong + ',35\n', type: 'text/csv' };
  return { path: p + query, json: bodies[k] };
}

async function call(client, method, r) {
  if (r.raw !== undefined) {
    const headers = { 'content-type': r.type, ...(r.headers ?? {}) };
    return client.request(method, r.path, { body: r.raw, headers });
  }
  return client.request(method, r.path, r.json !== undefined ? { json: r.json } : {});
}

// A role's client on its own copy of the prepared database.
async function roleServer(role) {
  const dir = tempDir('antoan-walk-');
  cpSync(base.dir, dir, { recursive: true });
  const server = await startServer({ dir, db: join(dir, 'antoan.db') });
  const client = new Client(server);
  if (role !== 'anonymous') assert.equal((await client.login(role)).status, 200, role);
  return { server, client };
}

before(async () => {
  const dir = tempDir('antoan-walk-base-');
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '300']);
  assert.equal(demo.status, 0, demo.stderr);
  const server = await startServer({ dir });
  try {
    await prepare(server);
  } finally {
    await server.stop();
  }
  base = { dir };
});

async function prepare(server) {
  const anon = new Client(server);
  const admin = new Client(server); await admin.login('admin');
  const fed = new Client(server); await fed.login('tongldld');
  const lead = new Client(server); await lead.login('totruong.yenphong');
  const orgs = (await anon.get('/orgs?kind=enterprise&q=ABC')).data;
  const abc = (orgs.items ?? orgs).find((o) => o.name.includes('ABC'));
  const areas = (await anon.get('/areas?level=commune&q=yen phong')).data;
  fx.yenPhong = (areas.items ?? areas).find((a) => a.name.includes('Yên Phong')).code;
  fx.abc = abc.id;
  fx.abcArea = abc.area_code;
  const unions = (await admin.get('/orgs?kind=union&q=ABC')).data;
  fx.abcUnion = (unions.items ?? unions).find((o) => o.name.includes('ABC')).id;
  const feds = (await admin.get('/orgs?kind=federation&q=Hà Nội')).data;
  fx.hanoiFed = (feds.items ?? feds).find((o) => o.name.includes('Hà Nội')).id;
  const nodes = (await admin.get(`/orgs?kind=commune&area=${fx.yenPhong}`)).data;
  fx.yenPhongNode = ((nodes.items ?? nodes)[0] ?? {}).id;
  // The team leader's team and one of its houses, and the house's poster token (from the poster).
  const team = (await lead.get('/teams')).data.items[0];
  fx.team = team.id;
  const teamDetail = (await lead.get(`/teams/${fx.team}`)).data;
  fx.house = teamDetail.house_list[0].id;
  fx.meeting = teamDetail.meetings[0]?.id;
  const poster = await admin.request('GET', `/houses/${fx.house}/poster`, { raw: true });
  fx.token = poster.text.match(/report\?house=([A-Za-z0-9_-]+)/)[1];
  // W: a wages report at ABC from the boarding house's poster, with raw GPS and a contact.
  const w = await anon.post('/reports', { category: 'wages', description: 'Nợ lương tháng 10 (walk)', area_code: abc.area_code,
    enterprise_id: abc.id, house_token: fx.token, lat: RAW_LAT, lon: RAW_LON, contact: MARK.contact });
  assert.equal(w.status, 201, w.text);
  fx.case = w.data.case_id; fx.receipt = w.data.receipt;
  // The reporter writes back and adds a photo; an officer reveals the contact with a reason and
  // writes to the reporter; the federation shares the case with ABC's union, naming the victim.
  assert.equal((await anon.post('/receipts/messages', { receipt: fx.receipt, text: MARK.reply })).status, 201);
  const photo = await anon.request('POST', '/receipts/attachments', { body: PNG, headers: { 'content-type': 'image/png', 'x-receipt': fx.receipt } });
  assert.equal(photo.status, 201, photo.text);
  fx.photo = photo.data.id;
  assert.equal((await fed.post(`/cases/${fx.case}/reveal-contact`, { reason: MARK.reveal })).status, 200);
  assert.equal((await fed.post(`/cases/${fx.case}/messages`, { text: 'Chúng tôi đã nhận, đang làm việc với công ty' })).status, 201);
  // W is the union's (routing): the federation refers it on to the Hà Nội federation, naming the
  // victim; and refers a violence case at ABC to ABC's union (the employer must see neither).
  const ref = await fed.post(`/cases/${fx.case}/referrals`, { to_org_id: fx.hanoiFed, reason: MARK.referral });
  assert.equal(ref.status, 201, ref.text);
  fx.referral = ref.data.id;
  const v = await anon.post('/reports', { category: 'violence', description: 'Tổ trưởng đánh công nhân (walk)',
    area_code: abc.area_code, enterprise_id: abc.id });
  fx.violence = v.data.case_id;
  const vref = await fed.post(`/cases/${fx.violence}/referrals`, { to_org_id: fx.abcUnion, reason: MARK.referral });
  assert.equal(vref.status, 201, vref.text);
  // The employer answers W (what it did); the union reviews such answers.
  const ent = new Client(server); await ent.login('dn.abc');
  const answer = await ent.post(`/cases/${fx.case}/answers`, { action_taken: 'Đã rà soát bảng lương', message_to_reporter: 'Công ty sẽ trả trong tuần' });
  assert.equal(answer.status, 201, answer.text);
  fx.answer = answer.data.id;
  // A second case at ABC (for links) and the team leader's own case from a meeting.
  const w2 = await anon.post('/reports', { category: 'workplace_safety', description: 'Máy dập không có che chắn (walk)',
    area_code: abc.area_code, enterprise_id: abc.id, lat: RAW_LAT, lon: RAW_LON });
  fx.other = w2.data.case_id;
  const meeting = await lead.post(`/teams/${fx.team}/meetings`, { held_on: '2026-11-10', attendance: 20, topics: 'PCCC',
    issues: [{ category: 'dormitory_safety', description: 'Bình chữa cháy hết hạn (walk)', boarding_house_id: fx.house },
      { category: 'theft', description: 'Mất xe đạp ở nhà xe (walk)' }] });
  assert.equal(meeting.status, 201, meeting.text);
  fx.meeting = meeting.data.id;
  fx.teamCase = meeting.data.cases[0].case_id; fx.teamOther = meeting.data.cases[1].case_id;
  // An emergency report keeps the exact spot — for staff only.
  const e = await anon.post('/reports', { category: 'violence', description: 'Bị đánh trước cổng (walk)', area_code: fx.yenPhong,
    lat: 21.1999, lon: 106.0111, exact_location: true });
  fx.emergency = e.data.case_id;
  fx.indicator = (await admin.get('/indicators?limit=1')).data.items?.[0]?.id ?? 1;
  fx.rule = (await admin.get('/admin/routing-rules')).data.items?.[0]?.id ?? 1;
  routes = [];
  const doc = (await anon.get('/openapi.json')).data;
  for (const [path, methods] of Object.entries(doc.paths))
    for (const method of Object.keys(methods)) routes.push({ method: method.toUpperCase(), path });
  for (const role of ROLES) {
    const c = new Client(server);
    await c.login(role);
    const me = (await c.get('/auth/me')).data;
    grantsOf[role] = new Set(me.permissions);
    grantsOf[role].userId = me.user.id;
  }
}

after(() => {
  const failures = results.filter((r) => !r.ok);
  if (failures.length) console.log(failures.slice(0, 50).map((f) => f.line).join('\n'));
});

test('every route has a row in the walk\'s table', () => {
  const missing = routes.filter((r) => !spec(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
  assert.deepEqual(missing, []);
});

// Orders a role's calls: reads first, then creations, then what depends on them, then what ends
// the session or the account.
function ordered() {
  const rank = (r) => {
    const s = spec(r.method, r.path) ?? {};
    if (s.logout) return 5;
    if (s.last) return 4;
    if (s.after) return 3;
    return r.method === 'GET' ? 1 : 2;
  };
  return [...routes].sort((a, b) => rank(a) - rank(b));
}

for (const role of [...ROLES, 'anonymous']) {
  test(`privacy walk as ${role}`, async () => {
    const { server, client } = await roleServer(role);
    try {
      const grants = grantsOf[role] ?? new Set();
      const ctx = { role, userId: grants.userId ?? 1 };
      // The role's object for case routes: the richest fixture it may see.
      const visible = async (path) => role !== 'anonymous' && (await client.get(path)).status === 200;
      ctx.case = fx.case; ctx.other = fx.other;
      if (!(await visible(`/cases/${fx.case}`))) {
        for (const [c, o] of [[fx.emergency, fx.case], [fx.teamCase, fx.teamOther]])
          if (await visible(`/cases/${c}`)) { ctx.case = c; ctx.other = o; break; }
      }
      const sees = {
        case: await visible(`/cases/${ctx.case}`),
        photo: await visible(`/cases/${ctx.case}`) && ctx.case === fx.case && !RESTRICTED.has(role),
        house: await visible(`/houses/${fx.house}`),
        team: await visible(`/teams/${fx.team}`),
        referral: await visible(`/cases/${fx.case}`),
      };
      const problems = [];
      for (const r of ordered()) {
        const s = spec(r.method, r.path);
        if (!s) continue;
        const req = request(r.method, r.path, ctx);
        const res = await call(client, r.method, req);
        // Remember what later calls need.
        if (r.path.endsWith('/members') && res.status === 201) ctx.member = res.data.id;
        if (r.path.endsWith('/api-keys') && res.status === 201) ctx.apiKey = res.data.id;
        if (r.path === '/api/v1/admin/webhooks' && r.method === 'POST' && res.status === 201) ctx.webhook = res.data.id;
        // (a) status by the policy table.
        let expected;
        if (s.open) expected = null;  // any non-5xx, checked below
        else if (role === 'anonymous') expected = [401];
        else if (s.need === 'auth') expected = [200, 204];
        else if (s.need === 'self_or_org_manage') expected = [200];
        else if (!grants.has(s.need)) expected = s.obj && !sees[s.obj] ? [403, 404] : [403];
        else if (s.obj && !sees[s.obj]) expected = [404];
        // Only the receiving Hà Nội federation decides; the sender (tongldld) and everyone else may not.
        else if (s.decide) expected = role === 'ldld.hanoi' ? s.ok : [403];
        else expected = s.ok ?? [200, 201, 204];
        if (s.reveal && grants.has(s.need) && sees.case && role.startsWith('congan') && ctx.case === fx.case) expected = [403];
        const line = `${role} ${r.method} ${req.path} -> ${res.status}` + (expected ? ` (expected ${expected.join('|')})` : '');
        const ok = res.status < 500 && (!expected || expected.includes(res.status));
        results.push({ ok, line });
        if (!ok) problems.push(line + ' ' + res.text.slice(0, 200));
        // Bad input stays bad input: always the JSON error shape.
        if (res.status >= 400 && res.headers.get('content-type')?.includes('json'))
          if (!res.data?.error?.code) problems.push(`${line}: error without the JSON error shape`);
        // (b) what the response holds.
        const body = res.text ?? '';
        if (rawGps(body)) problems.push(`${line}: the raw GPS is in the response`);
        if (RESTRICTED.has(role) && res.status < 300 && body && !REPORTERS_OWN.test(req.path)) {
          const isReference = REFERENCE.test(req.path);
          const isAuth = req.path.startsWith('/auth/');
          let parsed = res.data;
          if (req.path.startsWith('/exports/cases.xlsx')) parsed = xlsxCells(Buffer.from(await (await fetch(server.url + '/api/v1' + req.path, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })).arrayBuffer()));
          else if (req.path.startsWith('/exports/cases.csv')) parsed = csvRows(body);
          problems.push(...scan(line, parsed, { keys: !isReference, times: !isAuth }));
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
}

test('the employer never sees a house, the reporter\'s words or the reveal, even by id', async () => {
  const { server, client } = await roleServer('dn.abc');
  try {
    const kase = await client.get(`/cases/${fx.case}`);
    assert.equal(kase.status, 200);
    assert.equal(kase.data.description, 'Nợ lương tháng 10 (walk)');
    assert.ok(!('boarding_house_id' in kase.data) && !('lat' in kase.data) && !('channel' in kase.data));
    assert.match(kase.data.created_at, /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(kase.data.history.map((h) => h.kind).filter((k) => !['created', 'transition', 'message'].includes(k)), []);
    assert.ok(kase.data.history.some((h) => h.kind === 'message' && h.actor_org_name));
    assert.equal((await client.get(`/attachments/${fx.photo}`)).status, 404, 'a reporter\'s photo is not the employer\'s');
    assert.equal((await client.get('/referrals/incoming')).data.items.length, 0, 'the union\'s referrals are not the employer\'s');
    assert.equal((await client.post(`/referrals/${fx.referral}/decline`, { note: 'không' })).status, 403);
    // The union's violence referral and case stay invisible.
    assert.equal((await client.get(`/cases/${fx.violence}`)).status, 404);
    assert.equal((await client.get(`/cases/${fx.emergency}`)).status, 404);
  } finally {
    await server.stop();
    server.cleanup();
  }
});

test('staff see the place kept to ~100 m, and the exact spot only for an emergency', async () => {
  const { server, client } = await roleServer('tongldld');
  try {
    const w = (await client.get(`/cases/${fx.case}`)).data;
    assert.equal(w.lat, 21.188);
    assert.equal(w.lon, 106.012);
    assert.ok(w.boarding_house_id, 'handlers see the house');
    const e = (await client.get(`/cases/${fx.emergency}`)).data;
    assert.equal(e.lat, 21.1999);
    assert.equal(e.priority, 'urgent');
  } finally {
    await server.stop();
    server.cleanup();
  }
});

test('webhooks belong to an organisation and get only what it may see, projected', async () => {
  const got = [];
  const receiver = createServer((req, res) => {
    let b = '';
    req.on('data', (d) => (b += d));
    req.on('end', () => { got.push({ path: req.url, body: JSON.parse(b) }); res.end('ok'); });
  });
  await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
  const port = receiver.address().port;
  const dir = tempDir('antoan-walk-hooks-');
  cpSync(base.dir, dir, { recursive: true });
  const server = await startServer({ dir, db: join(dir, 'antoan.db'), extraArgs: ['--no-jobs', '--jobs', 'outbox', '--webhook-backoff-ms', '50'] });
  try {
    const admin = new Client(server); await admin.login('admin');
    for (const [org, name] of [[fx.abc, 'enterprise'], [fx.abcUnion, 'union']]) {
      const r = await admin.post('/admin/webhooks', { org_id: org, url: `http://127.0.0.1:${port}/${name}`, secret: 'walk-secret-0123456789' });
      assert.equal(r.status, 201, r.text);
    }
    const orphan = await admin.post('/admin/webhooks', { url: `http://127.0.0.1:${port}/x`, secret: 'walk-secret-0123456789' });
    assert.equal(orphan.status, 422, 'a webhook belongs to an organisation');
    assert.equal(orphan.data.error.field, 'org_id');
    const anon = new Client(server);
    const wages = await anon.post('/reports', { category: 'wages', description: 'Hook wages', area_code: fx.abcArea, enterprise_id: fx.abc });
    const violence = await anon.post('/reports', { category: 'violence', description: 'Hook violence', area_code: fx.abcArea, enterprise_id: fx.abc });
    assert.equal(wages.status, 201, wages.text);
    await anon.post('/receipts/messages', { receipt: wages.data.receipt, text: 'Hook reply' });
    for (let i = 0; i < 100 && got.filter((g) => g.path === '/union').length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    const ent = got.filter((g) => g.path === '/enterprise'), uni = got.filter((g) => g.path === '/union');
    const caseOf = (g) => g.body.data.case_id;
    assert.ok(ent.some((g) => caseOf(g) === wages.data.case_id && g.body.event === 'case.created'), JSON.stringify(ent));
    assert.ok(!ent.some((g) => caseOf(g) === violence.data.case_id), 'the employer hears nothing of a violence report');
    assert.ok(!ent.some((g) => g.body.event === 'case.reporter_reply'), 'nor when a reporter writes back');
    assert.ok(uni.some((g) => caseOf(g) === violence.data.case_id), 'the union hears of it');
    assert.ok(uni.some((g) => g.body.event === 'case.reporter_reply'));
    for (const g of ent) assert.deepEqual(scan('webhook', g.body), []);
    assert.match(ent[0].body.at, /^\d{4}-\d{2}-\d{2}$/);
  } finally {
    await server.stop();
    server.cleanup();
    receiver.close();
  }
});

// ---- exports: the CSV's rows and the Excel file's cells, as JSON the scan can read ----

function csvRows(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const header = lines[0].split(',');
  return lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [header[i], v])));
}

// The strings of an .xlsx (a zip): shared strings and inline cells, plus the header row's names
// as keys, so the same scan applies; and the date cells that carry a time.
function xlsxCells(buf) {
  const shared = unzipEntry(buf, 'xl/sharedStrings.xml') ?? '';
  const sheet = unzipEntry(buf, 'xl/worksheets/sheet1.xml') ?? '';
  const strings = [...shared.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]);
  const inline = [...sheet.matchAll(/<is><t[^>]*>([^<]*)<\/t><\/is>/g)].map((m) => m[1]);
  // Date cells are numbers: days since 1900 and, when there is a time, a fraction of a day.
  const numbers = [...sheet.matchAll(/<c r="([A-Z]+)\d+"[^>]*><v>([0-9.]+)<\/v><\/c>/g)];
  const dateColumns = new Set(['I', 'J', 'K']);  // received, last updated, due (cases/export.cc)
  const timed = numbers.filter(([, col, v]) => dateColumns.has(col) && Number(v) % 1 !== 0)
    .map(([, col, v]) => `2000-01-01T00:00 (cell ${col}: ${v})`);
  return { header: Object.fromEntries(strings.slice(0, 40).map((s) => [s, true])), strings, inline, timed };
}
