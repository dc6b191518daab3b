// The core loop end to end against a real server on a small demo DB: a worker files a report
// and gets a receipt; the right officer sees it in a scoped inbox, moves it through its states
// and replies; the worker reads the reply with the receipt and answers; contact is revealed
// only with a reason, audited, and the audit chain verifies — and detects tampering.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';

let server, dir, abc, worker;

before(async () => {
  dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '1500']);
  assert.equal(demo.status, 0, demo.stderr);
  server = await startServer({ dir });
  worker = new Client(server);
  const orgs = await worker.get('/orgs?kind=enterprise&q=ABC');
  abc = (orgs.data.items ?? orgs.data).find((o) => o.name.includes('ABC'));
  assert.ok(abc, 'demo enterprise ABC');
});
after(async () => { await server.stop(); server.cleanup(); });

test('report → inbox → transitions → reply → the worker reads it and answers', async () => {
  const filed = await worker.post('/reports', {
    category: 'wages', description: 'Công ty ABC chậm trả lương tháng 10 cho cả chuyền 3, loop-test',
    area_code: abc.area_code, enterprise_id: abc.id, contact: '0912 345 678', channel: 'web',
  });
  assert.equal(filed.status, 201, filed.text);
  const { receipt, case_id: caseId } = filed.data;

  const officer = new Client(server);
  assert.equal((await officer.login('tongldld')).status, 200);
  const inbox = await officer.get('/cases?q=loop-test&status=new');
  assert.equal(inbox.status, 200);
  assert.ok(inbox.data.items.some((c) => c.id === caseId), 'case in the federation inbox');

  const detail = await officer.get(`/cases/${caseId}`);
  assert.deepEqual(detail.data.allowed_transitions.sort(), ['assigned', 'rejected', 'triaged']);
  assert.equal(detail.data.can_reveal_contact, true);
  assert.ok(!JSON.stringify(detail.data).includes('0912'), 'no contact in the case JSON');

  for (const to of ['triaged', 'assigned', 'in_progress']) {
    const r = await officer.post(`/cases/${caseId}/transition`, { to, note: `ghi chú nội bộ ${to}` });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.data.status, to);
  }
  const skip = await officer.post(`/cases/${caseId}/transition`, { to: 'closed' });
  assert.equal(skip.status, 409);
  const bogus = await officer.post(`/cases/${caseId}/transition`, { to: 'vanished' });
  assert.equal(bogus.status, 422);
  const msg = await officer.post(`/cases/${caseId}/messages`, { text: 'Chúng tôi đã làm việc với công ty, lương sẽ được trả trước 15/11.' });
  assert.equal(msg.status, 201, msg.text);

  const seen = await worker.post('/receipts/lookup', { receipt });
  assert.equal(seen.data.status, 'in_progress');
  assert.deepEqual(seen.data.history.map((h) => h.status), ['new', 'triaged', 'assigned', 'in_progress']);
  assert.ok(seen.data.messages.some((m) => m.from === 'officer' && m.text.includes('15/11')));
  assert.ok(!JSON.stringify(seen.data).includes('ghi chú nội bộ'), 'internal notes stay internal');

  const answer = await worker.post('/receipts/messages', { receipt, text: 'Cảm ơn, tôi sẽ báo lại nếu chưa nhận được.' });
  assert.equal(answer.status, 201);
  const history = (await officer.get(`/cases/${caseId}`)).data.history;
  assert.ok(history.some((e) => e.kind === 'reporter_message'));

  const noReason = await officer.post(`/cases/${caseId}/reveal-contact`, { reason: 'cần' });
  assert.equal(noReason.status, 422);
  const reveal = await officer.post(`/cases/${caseId}/reveal-contact`, { reason: 'Cần gọi lại để xác minh số tiền bị nợ' });
  assert.equal(reveal.status, 200, reveal.text);
  assert.equal(reveal.data.contact, '0912 345 678');
  const told = await worker.post('/receipts/lookup', { receipt });
  assert.ok(told.data.messages.some((m) => m.from === 'system'), 'the reporter is told their contact was viewed');

  for (const to of ['resolved', 'closed']) assert.equal((await officer.post(`/cases/${caseId}/transition`, { to })).status, 200);
  assert.equal((await worker.post('/receipts/lookup', { receipt })).data.status, 'closed');
});

test('CSRF: a cookie session without the token cannot change anything', async () => {
  const officer = new Client(server);
  await officer.login('tongldld');
  const inbox = await officer.get('/cases?status=new&limit=1');
  const id = inbox.data.items[0].id;
  const r = await officer.request('POST', `/cases/${id}/transition`, { json: { to: 'triaged' }, headers: { 'x-csrf-token': 'forged' } });
  assert.equal(r.status, 403);
});

test('the audit chain verifies, and an edited or deleted row is detected', async () => {
  await server.stop();
  const db = join(server.dir, 'antoan.db');
  const ok = runCli(['audit', 'verify', '--db', db]);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const copy = join(tempDir(), 'edited.db');
  execFileSync('sqlite3', [db, `.backup '${copy}'`]);
  execFileSync('sqlite3', [copy, "UPDATE audit_log SET details = '{}' WHERE id = (SELECT min(id) + 1 FROM audit_log)"]);
  assert.equal(runCli(['audit', 'verify', '--db', copy]).status, 1, 'edited row');
  const copy2 = join(tempDir(), 'deleted.db');
  execFileSync('sqlite3', [db, `.backup '${copy2}'`]);
  execFileSync('sqlite3', [copy2, 'DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)']);
  assert.equal(runCli(['audit', 'verify', '--db', copy2]).status, 1, 'deleted last row');
  server = await startServer({ dir: server.dir });
});
