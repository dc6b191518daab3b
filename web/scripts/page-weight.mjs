// Fails the build when the worker pages' initial JS is over budget: the gzip size of the entry
// chunk index.html loads and every chunk it imports statically (dynamic imports — the officer
// console, map and dashboard — are not loaded by worker pages and are reported separately).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const BUDGET_KB = Number(process.env.PAGE_WEIGHT_BUDGET_KB ?? 150);
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'))
  ?? Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) {
  console.error('page-weight: no entry in the Vite manifest');
  process.exit(1);
}
const initial = new Set();
(function walk(key) {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imp of chunk.imports ?? []) walk(imp);
})(entryKey);
// Belt and braces: whatever index.html itself loads (scripts, modulepreloads) counts too.
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)) initial.add(m[1]);

let total = 0;
for (const f of initial) {
  const size = gz(f);
  total += size;
  console.log(`page-weight: initial ${f} ${(size / 1024).toFixed(1)} KB gz`);
}
const lazy = Object.values(manifest).filter((c) => c.file.endsWith('.js') && !initial.has(c.file));
for (const c of lazy) console.log(`page-weight: on demand ${c.file} ${(gz(c.file) / 1024).toFixed(1)} KB gz`);
const kb = total / 1024;
if (kb > BUDGET_KB) {
  console.error(`page-weight: FAIL worker pages load ${kb.toFixed(1)} KB gz of JS initially (budget ${BUDGET_KB} KB)`);
  process.exit(1);
}
console.log(`page-weight: OK worker pages load ${kb.toFixed(1)} KB gz of JS initially (budget ${BUDGET_KB} KB)`);
