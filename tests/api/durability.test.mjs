// "Nothing accepted is lost": kill -9 the server right after a 201, restart it on the same
// DB, and the report is there (found by its receipt).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, tempDir } from './harness.mjs';

test('a report acknowledged with 201 survives kill -9', async () => {
  const dir = tempDir();
  const first = await startServer({ dir });
  const c = new Client(first);
  const sent = await Promise.all(Array.from({ length: 20 }, (_, i) => c.post('/reports', {
    category: 'theft', description: `Mất xe máy ở bãi gửi xe khu trọ, lần ${i}`, area_code: '24',
  })));
  assert.ok(sent.every((r) => r.status === 201));
  await first.kill9();
  const second = await startServer({ dir });
  try {
    const c2 = new Client(second);
    for (const r of sent) {
      const look = await c2.post('/receipts/lookup', { receipt: r.data.receipt });
      assert.equal(look.status, 200, `receipt of report ${r.data.id} lost after kill -9`);
      assert.equal(look.data.category, 'theft');
    }
  } finally {
    await second.stop();
    second.cleanup();
  }
});
