// The access matrix: each demo role × each case route, on two fresh cases — a wages case at
// enterprise ABC and a scam case in Yên Phong — including that an enterprise officer never
// sees or reveals a reporter's contact, and that every officer route needs a login.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';

let server, wagesCase, scamCase;
const clients = {};
const ROLES = ['admin', 'tongldld', 'ldld.hanoi', 'ldld.bacninh', 'congan.bacninh', 'congan.yenphong',
  'congan.noibai', 'cd.abc', 'dn.abc', 'totruong.yenphong'];

// Expected visibility and contact reveal per login: [sees wages@ABC, sees scam@YenPhong, reveal wages, reveal scam]
// (ABC's province federation is filled in once we know where the demo put ABC.)
let EXPECT;
const expectations = (abcInHanoi) => ({
  'admin': [true, true, false, false],
  'tongldld': [true, true, true, true],
  'ldld.hanoi': [abcInHanoi, false, abcInHanoi, false],
  'ldld.bacninh': [!abcInHanoi, true, !abcInHanoi, true],
  'congan.bacninh': [false, true, false, true],
  'congan.yenphong': [false, true, false, true],
  'congan.noibai': [false, false, false, false],
  'cd.abc': [true, false, false, false],
  'dn.abc': [true, false, false, false],
  'totruong.yenphong': [false, false, false, false],
});

before(async () => {
  const dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '300']);
  assert.equal(demo.status, 0, demo.stderr);
  server = await startServer({ dir });
  const worker = new Client(server);
  const orgs = await worker.get('/orgs?kind=enterprise&q=ABC');
  const abc = (orgs.data.items ?? orgs.data).find((o) => o.name.includes('ABC'));
  const areas = await worker.get('/areas?level=commune&q=yen phong');
  const yenPhong = (areas.data.items ?? areas.data).find((a) => a.name.includes('Yên Phong'));
  assert.ok(abc && yenPhong);
  const abcArea = await worker.get(`/areas/${abc.area_code}`);
  EXPECT = expectations((abcArea.data.parent_code ?? abcArea.data.code) === '01');
  wagesCase = (await worker.post('/reports', { category: 'wages', description: 'Nợ lương tháng 9 (access-test)',
    area_code: abc.area_code, enterprise_id: abc.id, contact: 'zalo 0987 654 321' })).data.case_id;
  scamCase = (await worker.post('/reports', { category: 'scam', description: 'Tin nhắn tuyển việc nhẹ lương cao, chuyển khoản 500k (access-test)',
    area_code: yenPhong.code, contact: 'chị Lan 0911 222 333' })).data.case_id;
  assert.ok(wagesCase && scamCase);
  for (const u of ROLES) {
    clients[u] = new Client(server);
    const r = await clients[u].login(u);
    assert.equal(r.status, 200, `login ${u}: ${r.text}`);
  }
});
after(async () => { await server.stop(); server.cleanup(); });

test('officer routes need a login', async () => {
  const anon = new Client(server);
  for (const [m, p] of [['GET', '/cases'], ['GET', `/cases/${wagesCase}`], ['POST', `/cases/${wagesCase}/transition`],
    ['POST', `/cases/${wagesCase}/messages`], ['POST', `/cases/${wagesCase}/reveal-contact`], ['GET', '/stats/summary'],
    ['GET', '/hotspots'], ['GET', '/map/counts?by=area']]) {
    const r = await anon.request(m, p, m === 'POST' ? { json: {} } : {});
    assert.equal(r.status, 401, `${m} ${p}`);
  }
});

for (const user of ROLES) {
  test(`access matrix: ${user}`, async () => {
    const c = clients[user];
    const [seesWages, seesScam, revealWages, revealScam] = EXPECT[user];
    for (const [id, sees, reveal] of [[wagesCase, seesWages, revealWages], [scamCase, seesScam, revealScam]]) {
      const one = await c.get(`/cases/${id}`);
      assert.equal(one.status, sees ? 200 : 404, `${user} GET case ${id}`);
      const list = await c.get('/cases?q=access-test');
      assert.equal(list.status, 200);
      assert.equal(list.data.items.some((x) => x.id === id), sees, `${user} inbox contains ${id}`);
      const rev = await c.post(`/cases/${id}/reveal-contact`, { reason: 'Cần liên hệ người báo tin để xác minh' });
      assert.equal(rev.status, reveal ? 200 : sees ? 403 : 404, `${user} reveal ${id}: ${rev.text}`);
      if (sees) {
        assert.equal(Boolean(one.data.can_reveal_contact), reveal);
        if (!reveal) assert.ok(!one.data.has_contact, 'who may not reveal is not told a contact exists');
        assert.ok(!JSON.stringify(one.data).match(/0987|0911/), 'no contact in case JSON');
      }
      const msg = await c.post(`/cases/${id}/messages`, { text: 'Đã nhận thông tin.' });
      assert.ok(sees ? [201, 403].includes(msg.status) : msg.status === 404, `${user} message ${id}: ${msg.status}`);
    }
    assert.equal((await c.get('/stats/summary')).status, 200);
    assert.equal((await c.get('/cases?status=bogus')).status, 422);
    assert.equal((await c.get('/cases?limit=100000')).status, 422);
    assert.equal((await c.get('/cases/abc')).status, 404);
  });
}

test('an enterprise officer never reveals a contact, even for its own case', async () => {
  const r = await clients['dn.abc'].post(`/cases/${wagesCase}/reveal-contact`, { reason: 'Muốn biết ai đã báo cáo vụ này' });
  assert.equal(r.status, 403);
  const scoped = await clients['dn.abc'].get('/cases?limit=200');
  assert.ok(scoped.data.items.every((c) => ['workplace_safety', 'wages'].includes(c.category)));
});
