// Photo attachments: reporters add them with their receipt, officers on the case page. The type
// is decided from the bytes; the stored image has no EXIF/GPS or text metadata left; size,
// type and access errors are clear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, Client, runCli, tempDir } from './harness.mjs';
import { JPG, PNG, WEBP, GIF } from './images.mjs';

let server, worker, abc, filed;
const SECRET = 'ANTOAN-GPS-SECRET-21.0285N';

// An EXIF APP1 segment (big-endian TIFF) with an ImageDescription holding `text` and a GPS IFD
// with latitude 21°1'42" N, as a phone camera would write.
function exifSegment(text) {
  const desc = Buffer.from(text + '\0', 'latin1');
  const ifd0 = 8, gps = ifd0 + 2 + 2 * 12 + 4, rationals = gps + 2 + 2 * 12 + 4, descAt = rationals + 24;
  const tiff = Buffer.alloc(descAt + desc.length);
  tiff.write('MM', 0, 'latin1'); tiff.writeUInt16BE(42, 2); tiff.writeUInt32BE(ifd0, 4);
  const entry = (at, tag, type, count, value) => { tiff.writeUInt16BE(tag, at); tiff.writeUInt16BE(type, at + 2); tiff.writeUInt32BE(count, at + 4); tiff.writeUInt32BE(value, at + 8); };
  tiff.writeUInt16BE(2, ifd0);
  entry(ifd0 + 2, 0x010e, 2, desc.length, descAt);   // ImageDescription
  entry(ifd0 + 14, 0x8825, 4, 1, gps);               // GPSInfo IFD pointer
  tiff.writeUInt16BE(2, gps);
  entry(gps + 2, 0x0001, 2, 2, 0x4e000000);          // GPSLatitudeRef "N"
  entry(gps + 14, 0x0002, 5, 3, rationals);          // GPSLatitude
  [21, 1, 1, 1, 42, 1].forEach((v, i) => tiff.writeUInt32BE(v, rationals + 4 * i));
  desc.copy(tiff, descAt);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}
const jpegWithGps = () => Buffer.concat([JPG.subarray(0, 2), exifSegment(SECRET), JPG.subarray(2)]);

// A PNG with a tEXt chunk carrying the secret, inserted after IHDR.
const CRC = new Int32Array(256).map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c; });
const crc32 = (buf) => { let c = -1; for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ -1) >>> 0; };
function pngWithText() {
  const data = Buffer.from('Comment\0' + SECRET, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0); chunk.write('tEXt', 4, 'latin1'); data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return Buffer.concat([PNG.subarray(0, 33), chunk, PNG.subarray(33)]);
}

const upload = (client, path, body, headers = {}) =>
  client.request('POST', path, { body, headers: { 'content-type': 'application/octet-stream', ...headers } });

async function download(client, path) {
  const res = await fetch(server.url + '/api/v1' + path, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

before(async () => {
  const dir = tempDir();
  const demo = runCli(['demo', '--db', join(dir, 'antoan.db'), '--reports', '100']);
  assert.equal(demo.status, 0, demo.stderr);
  server = await startServer({ dir });
  worker = new Client(server);
  const orgs = await worker.get('/orgs?kind=enterprise&q=ABC');
  abc = (orgs.data.items ?? orgs.data).find((o) => o.name.includes('ABC'));
  const r = await worker.post('/reports', { category: 'workplace_safety', description: 'Sàn xưởng trơn trượt, đã có người ngã (photo-test)',
    area_code: abc.area_code, enterprise_id: abc.id });
  assert.equal(r.status, 201, r.text);
  filed = r.data;
});
after(async () => { await server.stop(); server.cleanup(); });

test('a reporter adds a phone photo with the receipt; GPS and EXIF are gone from what is stored', async () => {
  const original = jpegWithGps();
  assert.ok(original.includes('Exif') && original.includes(SECRET), 'the test photo carries EXIF and GPS');
  // The declared type is ignored: the bytes say JPEG.
  const r = await upload(worker, '/receipts/attachments', original, { 'x-receipt': filed.receipt, 'content-type': 'image/png' });
  assert.equal(r.status, 201, r.text);
  assert.equal(r.data.mime, 'image/jpeg');
  assert.equal(r.data.uploaded_by, 'reporter');
  assert.ok(!JSON.stringify(r.data).includes(SECRET));

  const officer = new Client(server);
  assert.equal((await officer.login('cd.abc')).status, 200);
  const list = await officer.get(`/cases/${filed.case_id}/attachments`);
  assert.equal(list.status, 200);
  assert.equal(list.data.items.length, 1);
  for (const path of [`/attachments/${r.data.id}`, `/attachments/${r.data.id}?thumb=1`]) {
    const img = await download(officer, path);
    assert.equal(img.status, 200);
    assert.equal(img.type, 'image/jpeg');
    assert.equal(img.bytes[0], 0xff); assert.equal(img.bytes[1], 0xd8);
    assert.ok(!img.bytes.includes('Exif'), 'no EXIF block');
    assert.ok(!img.bytes.includes(SECRET), 'no description / GPS text');
  }
  // The enterprise officer sees its own safety case, but not the reporter's photo: a picture can
  // show where the worker stood or who they are. Not in the list, not by id.
  const ent = new Client(server);
  await ent.login('dn.abc');
  const entList = await ent.get(`/cases/${filed.case_id}/attachments`);
  assert.equal(entList.status, 200);
  assert.equal(entList.data.items.length, 0);
  assert.equal((await ent.get(`/attachments/${r.data.id}`)).status, 404);
  // Someone who cannot see the case cannot fetch the photo; nobody anonymous can.
  const police = new Client(server);
  await police.login('congan.noibai');
  assert.equal((await download(police, `/attachments/${r.data.id}`)).status, 404);
  assert.equal((await download(new Client(server), `/attachments/${r.data.id}`)).status, 401);
  assert.equal((await download(officer, '/attachments/999999')).status, 404);
});

test('officers attach PNG and WebP; text chunks are stripped', async () => {
  const officer = new Client(server);
  await officer.login('cd.abc');
  const png = await upload(officer, `/cases/${filed.case_id}/attachments`, pngWithText());
  assert.equal(png.status, 201, png.text);
  assert.equal(png.data.mime, 'image/png');
  const stored = await download(officer, `/attachments/${png.data.id}`);
  assert.ok(stored.bytes.subarray(0, 8).equals(PNG.subarray(0, 8)));
  assert.ok(!stored.bytes.includes(SECRET) && !stored.bytes.includes('tEXt'));
  const webp = await upload(officer, `/cases/${filed.case_id}/attachments`, WEBP);
  assert.equal(webp.status, 201, webp.text);
  assert.equal(webp.data.mime, 'image/webp');
  const history = (await officer.get(`/cases/${filed.case_id}`)).data.history;
  assert.ok(history.filter((e) => e.kind === 'attachment').length >= 3);
  // An officer who cannot see the case cannot attach to it.
  const police = new Client(server);
  await police.login('congan.noibai');
  assert.equal((await upload(police, `/cases/${filed.case_id}/attachments`, PNG)).status, 404);
  assert.equal((await upload(new Client(server), `/cases/${filed.case_id}/attachments`, PNG)).status, 401);
});

test('bad uploads: wrong type, broken image, too large, empty, missing or wrong receipt', async () => {
  const send = (body, receipt = filed.receipt) => upload(worker, '/receipts/attachments', body, receipt ? { 'x-receipt': receipt } : {});
  const expect = async (r, status, field) => {
    assert.equal(r.status, status, r.text);
    assert.ok(r.data.error.message_vi && r.data.error.message_en);
    if (field) assert.equal(r.data.error.field, field);
  };
  await expect(await send(GIF), 415, 'file');
  await expect(await send(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), 415, 'file');
  await expect(await send(Buffer.from('%PDF-1.4 not a photo')), 415, 'file');
  await expect(await send(Buffer.concat([JPG.subarray(0, 40), Buffer.alloc(200, 7)])), 422, 'file');
  await expect(await send(Buffer.alloc(0)), 400, 'file');
  await expect(await send(Buffer.concat([JPG, Buffer.alloc(10 * 1024 * 1024)])), 413);
  await expect(await send(JPG, null), 400, 'X-Receipt');
  await expect(await send(JPG, '0000 0000 0000 0000'), 404);
  await expect(await send(JPG, 'not-a-receipt'), 422, 'receipt');
});
