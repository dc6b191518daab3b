// Receipt lookups are throttled per client address: guessing receipts must not be practical.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client } from './harness.mjs';

test('many receipt lookups from one address get 429 with Retry-After', async () => {
  const server = await startServer();
  try {
    const c = new Client(server);
    let limited = null;
    for (let i = 0; i < 60 && !limited; i++) {
      const r = await c.post('/receipts/lookup', { receipt: String(1000000000000000 + i) });
      if (r.status === 429) limited = r;
      else assert.equal(r.status, 404);
    }
    assert.ok(limited, 'expected a 429 within 60 lookups');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal(limited.data.error.code, 'rate_limited');
  } finally {
    await server.stop();
    server.cleanup();
  }
});
