// Black-box tests of intake against a real `antoan serve` on a fresh DB: filing a report,
// every validation error, idempotent retries, receipts and their throttling, and bad bodies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';

let server, worker;
const good = () => ({ category: 'wages', description: 'Công ty nợ lương 2 tháng, chưa trả lương tháng 10.', area_code: '01' });

before(async () => {
  server = await startServer();
  worker = new Client(server);
});
after(async () => { await server.stop(); server.cleanup(); });

test('a report gets 201 with an id, a 16-digit receipt and status new', async () => {
  const r = await worker.post('/reports', good());
  assert.equal(r.status, 201, r.text);
  assert.match(r.data.receipt, /^\d{16}$/);
  assert.equal(r.data.status, 'new');
  assert.ok(r.data.id > 0);
  const look = await worker.post('/receipts/lookup', { receipt: r.data.receipt.replace(/(\d{4})/g, '$1 ').trim() });
  assert.equal(look.status, 200, look.text);
  assert.equal(look.data.status, 'new');
  assert.equal(look.data.category, 'wages');
  assert.equal(look.data.history.length, 1);
});

test('the receipt is not stored in clear and two reports get different receipts', async () => {
  const a = await worker.post('/reports', good());
  const b = await worker.post('/reports', good());
  assert.notEqual(a.data.receipt, b.data.receipt);
});

const invalid = [
  ['missing category', { ...good(), category: undefined }, 422, 'category'],
  ['unknown category', { ...good(), category: 'ufo' }, 422, 'category'],
  ['category not a string', { ...good(), category: 7 }, 400, 'category'],
  ['missing description', { ...good(), description: undefined }, 422, 'description'],
  ['blank description', { ...good(), description: '   ' }, 422, 'description'],
  ['description too long', { ...good(), description: 'a'.repeat(5001) }, 422, 'description'],
  ['missing area', { ...good(), area_code: undefined }, 422, 'area_code'],
  ['unknown area', { ...good(), area_code: '99999' }, 422, 'area_code'],
  ['lat without lon', { ...good(), lat: 21.0 }, 422, 'lon'],
  ['lat out of Vietnam', { ...good(), lat: 48.8, lon: 2.3 }, 422, 'lat'],
  ['lat not a number', { ...good(), lat: 'north', lon: 105 }, 400, 'lat'],
  ['enterprise not an integer', { ...good(), enterprise_id: 1.5 }, 400, 'enterprise_id'],
  ['enterprise unknown', { ...good(), enterprise_id: 999999 }, 422, 'enterprise_id'],
  ['incident in the future', { ...good(), incident_at: '2099-01-01T00:00:00Z' }, 422, 'incident_at'],
  ['incident not a date', { ...good(), incident_at: 'hôm qua' }, 422, 'incident_at'],
  ['unknown channel', { ...good(), channel: 'pigeon' }, 422, 'channel'],
  ['contact too long', { ...good(), contact: '0'.repeat(201) }, 422, 'contact'],
  ['control characters', { ...good(), contact: 'a\u0001b' }, 400, 'contact'],
];
for (const [name, body, status, field] of invalid) {
  test(`invalid report: ${name} → ${status} on ${field}`, async () => {
    const r = await worker.post('/reports', body);
    assert.equal(r.status, status, r.text);
    assert.equal(r.data.error.field, field);
    assert.ok(r.data.error.message_vi.length > 0 && r.data.error.message_en.length > 0);
  });
}

test('malformed bodies get 400, 413 or 415, never 500', async () => {
  let r = await worker.request('POST', '/reports', { body: '{"category":', headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 400);
  r = await worker.request('POST', '/reports', { body: '[1,2]', headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 400);
  r = await worker.request('POST', '/reports', { body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), headers: { 'content-type': 'application/json' } });
  assert.equal(r.status, 400, 'invalid UTF-8');
  r = await worker.request('POST', '/reports', { body: 'category=wages', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(r.status, 415);
  r = await worker.post('/reports', { ...good(), description: 'x'.repeat(20000) });
  assert.equal(r.status, 413);
  r = await worker.request('DELETE', '/reports');
  assert.equal(r.status, 405);
  r = await worker.get('/no/such/route');
  assert.equal(r.status, 404);
  assert.equal(r.data.error.code, 'not_found');
});

test('errors follow Accept-Language', async () => {
  const en = new Client(server, { lang: 'en' });
  const r = await en.post('/reports', { ...good(), category: 'ufo' });
  assert.equal(r.data.error.message, r.data.error.message_en);
  const vi = await worker.post('/reports', { ...good(), category: 'ufo' });
  assert.equal(vi.data.error.message, vi.data.error.message_vi);
});

test('a retry with the same Idempotency-Key returns the same report and receipt', async () => {
  const headers = { 'idempotency-key': 'retry-' + Date.now() };
  const a = await worker.post('/reports', good(), { headers });
  const b = await worker.post('/reports', good(), { headers });
  assert.equal(a.status, 201);
  assert.equal(b.status, 201);
  assert.equal(b.data.id, a.data.id);
  assert.equal(b.data.receipt, a.data.receipt);
  assert.equal(b.headers.get('idempotent-replayed'), 'true');
  const other = await worker.post('/reports', { ...good(), description: 'Một báo cáo khác hẳn' }, { headers });
  assert.equal(other.status, 409);
  const bad = await worker.post('/reports', good(), { headers: { 'idempotency-key': 'bad key with spaces' } });
  assert.equal(bad.status, 400);
});

test('concurrent retries with one key create one report', async () => {
  const headers = { 'idempotency-key': 'burst-' + Date.now() };
  const all = await Promise.all(Array.from({ length: 8 }, () => worker.post('/reports', good(), { headers })));
  assert.ok(all.every((r) => r.status === 201));
  assert.equal(new Set(all.map((r) => r.data.id)).size, 1);
});

test('receipt lookups reject malformed and unknown codes', async () => {
  const fresh = new Client(server);
  let r = await fresh.post('/receipts/lookup', { receipt: '1234' });
  assert.equal(r.status, 422);
  assert.equal(r.data.error.field, 'receipt');
  r = await fresh.post('/receipts/lookup', { receipt: '0000000000000000' });
  assert.equal(r.status, 404);
  r = await fresh.post('/receipts/lookup', {});
  assert.equal(r.status, 422);
  r = await fresh.post('/receipts/messages', { receipt: '0000000000000000', text: 'xin chào' });
  assert.equal(r.status, 404);
});

test('categories are listed with both languages', async () => {
  const r = await worker.get('/categories');
  assert.equal(r.status, 200);
  assert.equal(r.data.length, 10);
  const scam = r.data.find((c) => c.code === 'scam');
  assert.ok(scam.crime && scam.label_vi && scam.label_en);
});

test('the OpenAPI document lists the intake routes', async () => {
  const r = await worker.get('/openapi.json');
  assert.equal(r.status, 200);
  assert.ok(r.data.paths['/api/v1/reports'].post);
  assert.ok(r.data.paths['/api/v1/receipts/lookup'].post);
  assert.ok(r.data.paths['/api/v1/cases/{id}/transition'].post);
});
