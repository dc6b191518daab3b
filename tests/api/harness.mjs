// Test harness for black-box API tests: starts a real `antoan serve` process on a temp DB
// (binary from $ANTOAN_BIN), and gives a small client with a cookie jar and CSRF handling.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setCookies } from '../cookies.mjs';

export const BIN = process.env.ANTOAN_BIN || 'build-test/antoan';
export const DEMO_PASSWORD = 'antoan-demo-2026';

export function tempDir(prefix = 'antoan-api-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

// Runs `antoan <args>` to completion; returns {status, stdout, stderr}.
export function runCli(args, input) {
  const r = spawnSync(BIN, args, { input, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Starts a server; resolves when it prints its listening line.
export async function startServer({ dir = tempDir(), db, extraArgs = ['--no-jobs'] } = {}) {
  const dbPath = db || join(dir, 'antoan.db');
  const proc = spawn(BIN, ['serve', '--db', dbPath, '--port', '0', '--static', join(dir, 'no-web'), ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + stderr)), 60_000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[0-9.]+:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${stderr}`)); });
  });
  proc.stdout.resume();
  const server = {
    url, dir, db: dbPath, proc,
    stderr: () => stderr,
    async stop() {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    },
    async kill9() {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGKILL');
      await exited;
    },
    cleanup() { rmSync(dir, { recursive: true, force: true }); },
  };
  return server;
}

// A client with its own cookie jar; sends X-CSRF-Token on unsafe requests once logged in.
export class Client {
  constructor(server, { lang } = {}) {
    this.server = server;
    this.cookies = new Map();
    this.csrf = null;
    this.lang = lang;
  }
  async request(method, path, { json, body, headers = {}, raw = false } = {}) {
    const h = { ...headers };
    if (json !== undefined) { h['content-type'] ??= 'application/json'; body = JSON.stringify(json); }
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && !['GET', 'HEAD'].includes(method) && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    if (this.lang) h['accept-language'] = this.lang;
    const res = await fetch(this.server.url + '/api/v1' + path, { method, headers: h, body });
    for (const c of setCookies(res.headers)) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i), value = pair.slice(i + 1);
      if (/max-age=0/i.test(c) || value === '') this.cookies.delete(name); else this.cookies.set(name, value);
    }
    const text = await res.text();
    let data = null;
    if (!raw && text) { try { data = JSON.parse(text); } catch { data = text; } }
    return { status: res.status, headers: res.headers, data, text };
  }
  get(path, opts) { return this.request('GET', path, opts); }
  post(path, json, opts = {}) { return this.request('POST', path, { ...opts, json }); }
  async login(username, password = DEMO_PASSWORD) {
    const r = await this.post('/auth/login', { username, password });
    if (r.status === 200) this.csrf = r.data.csrf_token;
    return r;
  }
}
