// An export of the full demo inbox holds as many rows as the inbox counts, past the 20,000 rows
// exports were once silently cut at (issue 20): a demo of 21,000 reports, exported by the
// national federation (which sees every case) as CSV and as Excel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { startServer, Client, runCli, tempDir } from './harness.mjs';

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

// Counts the rows of the first worksheet of an xlsx (a zip) without unpacking it to disk.
function xlsxRows(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const nameLen = buf.readUInt16LE(p + 28), extra = buf.readUInt16LE(p + 30), comment = buf.readUInt16LE(p + 32);
    if (buf.subarray(p + 46, p + 46 + nameLen).toString() === 'xl/worksheets/sheet1.xml') {
      const local = buf.readUInt32LE(p + 42), size = buf.readUInt32LE(p + 20);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const xml = inflateRawSync(buf.subarray(start, start + size)).toString('utf8');
      return (xml.match(/<row /g) ?? []).length;
    }
    p += 46 + nameLen + extra + comment;
  }
  return -1;
}

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
  assert.equal(xlsxRows(Buffer.from(await xlsx.arrayBuffer())), total + 1, 'header + every case');
});
