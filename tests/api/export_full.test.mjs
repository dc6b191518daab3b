// An export of the full demo inbox holds as many rows as the inbox counts, past the 20,000 rows
// exports were once silently cut at (issue 20): a demo of 21,000 reports, exported by the
// national federation (which sees every case) as CSV and as Excel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';
import { sheetRows } from './xlsx.mjs';

let server, dir, fed;

before(async () => {
  dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '21000']);
  assert.equal(demo.status, 0, demo.stderr);
  server = await startServer({ dir });
  fed = new Client(server);
  assert.equal((await fed.login('tongldld')).status, 200);
});
after(async () => { await server.stop(); server.cleanup(); });

test('the export of the full inbox has as many rows as the inbox, past the old 20,000 cap', async () => {
  const total = (await fed.get('/cases?limit=1')).data.total;
  assert.ok(total > 20_000, `the demo inbox has ${total} cases`);
  const csv = await fed.request('GET', '/exports/cases.csv', { raw: true });
  assert.equal(csv.status, 200);
  assert.equal(csv.headers.get('x-total-count'), String(total));
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length - 1, total);
  const ids = new Set(lines.slice(1).map((l) => l.split(',')[0]));
  assert.equal(ids.size, total, 'every case once');
  const xlsx = await fetch(server.url + '/api/v1/exports/cases.xlsx', { headers: { cookie: [...fed.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(xlsx.status, 200);
  assert.equal(sheetRows(Buffer.from(await xlsx.arrayBuffer())), total + 1, 'header + every case');
});
