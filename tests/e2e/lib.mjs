// Shared helpers for the browser tests: a real antoan server on a temp DB filled with demo
// data, and Debian's Chromium driven by playwright-core (never a downloaded browser).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromWeb = createRequire(path.join(repo, 'web/package.json'));
export const { chromium } = requireFromWeb('playwright-core');

export const DEMO_PASSWORD = process.env.ANTOAN_DEMO_PASSWORD ?? 'antoan-demo-2026';
export const SCREENSHOTS = path.join(repo, 'test-artifacts/screenshots');

function findBinary() {
  const candidates = [process.env.ANTOAN_BIN, 'build/antoan', 'build-web/antoan'].filter(Boolean);
  for (const c of candidates) {
    const p = path.resolve(repo, c);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`e2e: no antoan binary (tried ${candidates.join(', ')}); set ANTOAN_BIN`);
}

// Fills a temp DB with demo data and starts `antoan serve --port 0`, reading the port from
// the "antoan: listening on http://127.0.0.1:PORT" line.
export async function startServer() {
  const bin = findBinary();
  const dist = path.join(repo, 'web/dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('e2e: web/dist is missing; run `npm --prefix web run build`');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'antoan-e2e-'));
  const db = path.join(dir, 'antoan.db');
  const help = spawnSync(bin, ['demo', '--help'], { encoding: 'utf8' });
  const demoArgs = ['demo', '--db', db];
  if (/--reports\b/.test(help.stdout ?? '')) demoArgs.push('--reports', process.env.ANTOAN_E2E_REPORTS ?? '3000');
  const demo = spawnSync(bin, demoArgs, { encoding: 'utf8', timeout: 300_000 });
  if (demo.status !== 0) throw new Error(`e2e: ${bin} ${demoArgs.join(' ')} failed (${demo.status}): ${demo.stderr || demo.stdout}`);
  const proc = spawn(bin, ['serve', '--db', db, '--port', '0', '--static', dist], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('e2e: server did not start in 60 s: ' + out + stderr)), 60_000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[\d.]+:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`e2e: server exited (${code}): ${out}${stderr}`));
    });
  });
  return {
    base,
    db,
    demoOutput: demo.stdout,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'],
  });
}

export const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'vi-VN' };
export const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1, locale: 'vi-VN' };

export async function shot(page, name, fullPage = true) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name + '.png'), fullPage });
}
