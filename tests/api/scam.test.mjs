// The scam checker from outside: evidence-first verdicts, reasons in the request's language
// without model fragments, the CLI contract, and the "this verdict was wrong" feedback: anonymous,
// text kept only with consent (numbers masked), reviewed by officers into the retraining set that
// `antoan scam train --db` reads; every role and a stranger on the officer routes; bad inputs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync, copyFileSync } from 'node:fs';
import { startServer, Client, runCli, tempDir } from './harness.mjs';

let server, dir;
const c = {};

before(async () => {
  dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '200']);
  assert.equal(demo.status, 0, demo.stderr);
  server = await startServer({ dir });
  for (const u of ['admin', 'ldld.bacninh', 'congan.yenphong', 'cd.abc', 'dn.abc', 'totruong.yenphong']) {
    c[u] = new Client(server);
    const r = await c[u].login(u);
    assert.equal(r.status, 200, `login ${u}: ${r.text}`);
  }
  c.anon = new Client(server);
  c.en = new Client(server, { lang: 'en' });
});
after(async () => {
  if (process.env.SCAM_TEST_LOG) console.error(server?.stderr());
  await server?.stop();
  server?.cleanup();
});

const PHISH = 'Vietcombank: tai khoan cua quy khach bi tam khoa, xac thuc ngay tai vietcombank.com.vn-xacminh.top de mo khoa';

test('a few ordinary words are safe; a lookalike link is a scam with the link named first', async () => {
  for (const text of ['Vâng ạ', 'Ten ngan hang', 'Use verification code 070552 for Microsoft authentication.',
    '[TB] Soạn V120Z gửi 191: 120K/30 ngày có 60GB. LH 198 (0đ).']) {
    const r = await c.anon.post('/check', { text });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.data.verdict, 'safe', `${text}: ${r.text}`);
    assert.deepEqual(r.data.signals, []);
  }
  const r = await c.anon.post('/check', { text: PHISH });
  assert.equal(r.data.verdict, 'scam', r.text);
  assert.ok(r.data.signals.includes('link:lookalike'), r.text);
  assert.match(r.data.reasons[0], /vietcombank\.com\.vn-xacminh\.top/);
  assert.deepEqual(r.data.indicators.map((i) => i.kind), ['domain']);
});

test('reasons follow Accept-Language or ?lang=en and never show model n-grams', async () => {
  const vi = await c.anon.post('/check', { text: PHISH });
  const en = await c.en.post('/check', { text: PHISH });
  const q = await c.anon.post('/check?lang=en', { text: PHISH });
  assert.equal(vi.data.lang, 'vi');
  assert.equal(en.data.lang, 'en');
  assert.deepEqual(en.data.reasons, en.data.reasons_en);
  assert.deepEqual(q.data.reasons, vi.data.reasons_en);
  assert.deepEqual(vi.data.reasons, vi.data.reasons_vi);
  assert.notDeepEqual(vi.data.reasons, en.data.reasons);
  for (const reason of [...vi.data.reasons, ...en.data.reasons]) {
    assert.doesNotMatch(reason, /từ ngữ:|words:|“|%;/, reason);
  }
  assert.match(en.data.reasons.join(' '), /imitates Vietcombank/);
});

test('feedback is anonymous, keeps the text only with consent, and masks numbers', async () => {
  const hidden = await c.anon.post('/check/feedback', { text: 'Tiền phòng tháng này em chuyển vào STK 0123 456 789 nhé' });
  assert.equal(hidden.status, 201, hidden.text);
  assert.equal(hidden.data.text_kept, false);
  const shared = await c.anon.post('/check/feedback', { text: PHISH + ' goi 0912 345 678', share_text: true });
  assert.equal(shared.status, 201, shared.text);
  const list = await c['ldld.bacninh'].get('/scam/feedback');
  assert.equal(list.status, 200, list.text);
  const h = list.data.items.find((x) => x.id === hidden.data.id);
  const s = list.data.items.find((x) => x.id === shared.data.id);
  assert.equal(h.text, null);
  assert.equal(h.text_shared, false);
  assert.match(s.text, /0000 000 000/);
  assert.doesNotMatch(s.text, /0912/);
  assert.equal(s.verdict, 'scam');
  assert.ok(s.signals.includes('link:lookalike'));
  assert.match(s.day, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(!('ip' in s) && !('user_id' in s) && !('created_at' in s));
  assert.ok(s.indicators.some((i) => i.value === 'vietcombank.com.vn-xacminh.top' && 'registry_status' in i));

  // A text that was not shared can only be dismissed.
  const refuse = await c['ldld.bacninh'].post(`/scam/feedback/${hidden.data.id}/review`, { decision: 'safe' });
  assert.equal(refuse.status, 422, refuse.text);
  const added = await c['congan.yenphong'].post(`/scam/feedback/${shared.data.id}/review`, { decision: 'scam' });
  assert.equal(added.status, 200, added.text);
  assert.equal(added.data.status, 'added');
  assert.equal(added.data.reviewed_label, 'scam');
  const dismissed = await c.admin.post(`/scam/feedback/${hidden.data.id}/review`, { decision: 'dismiss' });
  assert.equal(dismissed.data.status, 'dismissed');
  const onlyAdded = await c.admin.get('/scam/feedback?status=added');
  assert.ok(onlyAdded.data.items.every((x) => x.status === 'added'));
});

test('only admin, federation and police officers see or review feedback', async () => {
  const one = await c.anon.post('/check/feedback', { text: 'Dạ vâng' });
  for (const u of ['cd.abc', 'dn.abc', 'totruong.yenphong']) {
    assert.equal((await c[u].get('/scam/feedback')).status, 403, u);
    assert.equal((await c[u].post(`/scam/feedback/${one.data.id}/review`, { decision: 'dismiss' })).status, 403, u);
  }
  assert.equal((await c.anon.get('/scam/feedback')).status, 401);
  assert.equal((await c.anon.post(`/scam/feedback/${one.data.id}/review`, { decision: 'dismiss' })).status, 401);
  for (const u of ['admin', 'ldld.bacninh', 'congan.yenphong']) assert.equal((await c[u].get('/scam/feedback')).status, 200, u);
});

test('bad feedback inputs get the JSON error shape', async () => {
  // 400 for a malformed value, 422 for a missing one (the project's JsonFields convention).
  const cases = [
    [await c.anon.post('/check/feedback', {}), [422], 'text'],
    [await c.anon.post('/check/feedback', { text: '   ' }), [400, 422], 'text'],
    [await c.anon.post('/check/feedback', { text: 5 }), [400, 422], 'text'],
    [await c.anon.post('/check/feedback', { text: 'x', share_text: 'yes' }), [400], 'share_text'],
    [await c.anon.post('/check/feedback', { text: 'a'.repeat(5000) }), [400, 422], 'text'],
    [await c.admin.post('/scam/feedback/1/review', { decision: 'maybe' }), [400], 'decision'],
    [await c.admin.post('/scam/feedback/1/review', {}), [422], 'decision'],
    [await c.admin.post('/scam/feedback/999999/review', { decision: 'dismiss' }), [404], 'id'],
    [await c.admin.get('/scam/feedback?status=weird'), [400], 'status'],
    [await c.admin.get('/scam/feedback?limit=0'), [400, 422], 'limit'],
  ];
  for (const [r, statuses, field] of cases) {
    assert.ok(statuses.includes(r.status), `${r.status}: ${r.text}`);
    assert.equal(r.data.error.field, field, r.text);
    assert.ok(r.data.error.code && r.data.error.message, r.text);
  }
  const raw = await c.anon.request('POST', '/check/feedback', { body: 'not json', headers: { 'content-type': 'application/json' } });
  assert.equal(raw.status, 400);
});

test('antoan scam train --db trains on the reviewed feedback', () => {
  const data = join(dir, 'scamdata');
  mkdirSync(data);
  for (const f of ['patterns.tsv', 'brands.tsv', 'corpus_train.jsonl', 'corpus_test.jsonl'])
    copyFileSync(join('data/scam', f), join(data, f));
  const out = runCli(['scam', 'train', '--corpus', data, '--db', join(dir, 'antoan.db'), '--epochs', '2']);
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /[1-9]\d* reviewed feedback/);
});

test('antoan check keeps its contract and takes --lang', () => {
  const out = runCli(['check', '--lang', 'en'], JSON.stringify({ id: 7, text: PHISH }) + '\n{"text":"Dạ vâng"}\n');
  assert.equal(out.status, 0, out.stderr);
  const [a, b] = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(a.id, 7);
  assert.equal(a.verdict, 'scam');
  assert.ok(a.score >= 0 && a.score <= 1);
  assert.match(a.reasons[0], /imitates/);
  assert.equal(b.verdict, 'safe');
  const land = runCli(['check'], JSON.stringify({ text: 'Gọi (024) 3825 1234 hoặc 0939.12.34.56' }) + '\n');
  const values = JSON.parse(land.stdout).indicators.map((i) => i.value);
  assert.deepEqual(values, ['+842438251234', '+84939123456']);
});
