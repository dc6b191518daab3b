// Notifications through the outbox to a real local HTTP receiver: signed with HMAC-SHA256,
// retried with back-off while the receiver is down, still delivered after antoan restarts in
// between, and never carrying the reporter's words or contact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';

const SECRET = 'webhook-secret-0123456789';
const JOBS = ['--no-jobs', '--jobs', 'outbox', '--webhook-backoff-ms', '200'];
let server, dir, port, receiver;
const received = [];
let failNext = 0;  // the receiver answers 500 to this many requests first

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, fn, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) assert.fail('timed out waiting for ' + what);
    await sleep(100);
  }
}

function startReceiver() {
  return new Promise((resolve) => {
    const srv = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        if (failNext > 0) { failNext--; res.writeHead(500).end('busy'); return; }
        received.push({ headers: req.headers, body, path: req.url });
        res.writeHead(204).end();
      });
    });
    srv.listen(port ?? 0, '127.0.0.1', () => { port = srv.address().port; resolve(srv); });
  });
}
const stopReceiver = (srv) => new Promise((r) => srv.close(r));

async function admin() {
  const c = new Client(server);
  assert.equal((await c.login('admin')).status, 200);
  return c;
}

before(async () => {
  dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '100']);
  assert.equal(demo.status, 0, demo.stderr);
  // Find a free port for the receiver, then keep it closed: the receiver is "down" at first.
  receiver = await startReceiver();
  await stopReceiver(receiver);
  receiver = null;
  server = await startServer({ dir, extraArgs: JOBS });
});
after(async () => {
  await server.stop();
  if (receiver) await stopReceiver(receiver);
  server.cleanup();
});

// Webhooks belong to an organisation: these belong to the national federation, which sees every case.
async function nationalOrg() {
  const fed = new Client(server);
  await fed.login('tongldld');
  return (await fed.get('/auth/me')).data.user.org_id;
}

test('webhook registration: admin only, with clear errors', async () => {
  const a = await admin();
  const org_id = await nationalOrg();
  const bad = async (body, status, field) => {
    const r = await a.post('/admin/webhooks', body);
    assert.equal(r.status, status, r.text);
    if (field) assert.equal(r.data.error.field, field);
  };
  await bad({ org_id, url: 'ftp://127.0.0.1/x', secret: SECRET }, 422, 'url');
  await bad({ org_id, url: 'http://user:pw@127.0.0.1/x', secret: SECRET }, 422, 'url');
  await bad({ org_id, url: 'http://127.0.0.1/x', secret: 'short' }, 422, 'secret');
  await bad({ org_id, url: 'http://127.0.0.1/x', secret: SECRET, events: ['case.exploded'] }, 422, 'events');
  await bad({ org_id, url: 'http://127.0.0.1/x', secret: SECRET, events: 'case.created' }, 400, 'events');
  await bad({ org_id, secret: SECRET }, 422, 'url');
  await bad({ url: 'http://127.0.0.1/x', secret: SECRET }, 422, 'org_id');
  await bad({ org_id: 999999, url: 'http://127.0.0.1/x', secret: SECRET }, 422, 'org_id');
  const officer = new Client(server);
  await officer.login('tongldld');
  assert.equal((await officer.post('/admin/webhooks', { org_id, url: 'http://127.0.0.1/x', secret: SECRET })).status, 403);
  assert.equal((await officer.get('/admin/webhooks')).status, 403);
  assert.equal((await new Client(server).get('/admin/webhook-deliveries')).status, 401);
  assert.equal((await a.request('DELETE', '/admin/webhooks/999999')).status, 404);
});

test('a new case is delivered, signed, after the receiver was down and antoan restarted', async () => {
  const a = await admin();
  const hook = await a.post('/admin/webhooks', { org_id: await nationalOrg(), url: `http://127.0.0.1:${port}/antoan-hook`, secret: SECRET });
  assert.equal(hook.status, 201, hook.text);
  assert.ok(!JSON.stringify((await a.get('/admin/webhooks')).data).includes(SECRET), 'secrets are never listed');

  const worker = new Client(server);
  const filed = await worker.post('/reports', { category: 'theft', description: 'Mất xe máy ở bãi xe khu trọ, số điện thoại tôi 0977 000 111 (outbox-test)',
    area_code: '01', contact: 'anh Minh 0977 000 111' });
  assert.equal(filed.status, 201, filed.text);

  // The receiver is down: attempts fail and are rescheduled.
  const failing = await until('a failed attempt', async () => {
    const d = (await a.get('/admin/webhook-deliveries')).data.items.find((i) => i.event === 'case.created');
    return d && d.attempts >= 2 ? d : null;
  });
  assert.equal(failing.status, 'pending');
  assert.match(failing.last_error, /connection/i);

  // antoan stops with the delivery pending; the receiver comes up; antoan starts again.
  await server.stop();
  receiver = await startReceiver();
  server = await startServer({ dir, extraArgs: JOBS });
  const got = await until('the delivery', () => received.find((r) => JSON.parse(r.body).event === 'case.created'));
  assert.equal(got.path, '/antoan-hook');
  const body = JSON.parse(got.body);
  assert.equal(body.data.case_id, filed.data.case_id);
  assert.equal(body.data.category, 'theft');
  assert.ok(!got.body.includes('0977') && !got.body.includes('xe máy'), 'no reporter text or contact in payloads');
  // The signature covers "<timestamp>.<body>".
  const ts = got.headers['x-antoan-timestamp'];
  assert.ok(Math.abs(Date.now() / 1000 - Number(ts)) < 120);
  const expected = 'sha256=' + createHmac('sha256', SECRET).update(`${ts}.${got.body}`).digest('hex');
  assert.equal(got.headers['x-antoan-signature'], expected);
  assert.equal(got.headers['x-antoan-event'], 'case.created');

  const a2 = await admin();
  const delivered = (await a2.get('/admin/webhook-deliveries')).data.items.find((i) => i.event === 'case.created');
  assert.equal(delivered.status, 'delivered');
  assert.ok(delivered.attempts >= 3);
  await sleep(800);
  assert.equal(received.filter((r) => JSON.parse(r.body).event === 'case.created').length, 1, 'delivered exactly once');
});

test('a reporter reply is retried after a 500 and then delivered; a deactivated webhook gets nothing more', async () => {
  const worker = new Client(server);
  const filed = await worker.post('/reports', { category: 'scam', description: 'Tin nhắn giả danh ngân hàng (outbox-reply-test)', area_code: '01' });
  assert.equal(filed.status, 201);
  await until('case.created', () => received.find((r) => JSON.parse(r.body).data.case_id === filed.data.case_id));
  failNext = 1;
  const reply = await worker.post('/receipts/messages', { receipt: filed.data.receipt, text: 'Tôi có thêm ảnh chụp màn hình, số tài khoản 0123456789' });
  assert.equal(reply.status, 201, reply.text);
  const got = await until('case.reporter_reply', () => received.find((r) => JSON.parse(r.body).event === 'case.reporter_reply'));
  assert.equal(JSON.parse(got.body).data.case_id, filed.data.case_id);
  assert.ok(!got.body.includes('0123456789'), 'the reply text stays in antoan');
  const a = await admin();
  const d = (await a.get('/admin/webhook-deliveries')).data.items.find((i) => i.event === 'case.reporter_reply');
  assert.equal(d.status, 'delivered');
  assert.equal(d.attempts, 2);

  const hooks = (await a.get('/admin/webhooks')).data.items;
  assert.equal((await a.request('DELETE', `/admin/webhooks/${hooks[0].id}`)).status, 204);
  const before = received.length;
  await worker.post('/reports', { category: 'drugs', description: 'Có người bán ma túy gần khu trọ (outbox-after-delete)', area_code: '01' });
  await sleep(1000);
  assert.equal(received.length, before);
});
