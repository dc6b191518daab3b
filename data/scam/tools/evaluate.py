#!/usr/bin/env python3
"""Scores a labelled JSON-lines set with the scam checker, as the issue's targets read.

Usage: data/scam/tools/evaluate.py SET.jsonl [--cmd "build/antoan check"] [--reliability]
SET lines: {"id", "text", "label": "scam"|"ham"|"safe"|1|0}. Flagged = verdict scam or
suspicious. Prints precision, recall, F1 and the share of ordinary messages flagged for the
text as written, with diacritics stripped and in NFD; --reliability adds the calibration table
(predicted score bucket vs observed scam share). Public collections must stay outside the repo.
"""
import argparse, json, shlex, subprocess, sys, unicodedata


def strip(s):
    d = unicodedata.normalize('NFD', s)
    d = ''.join(c for c in d if unicodedata.category(c) != 'Mn')
    return unicodedata.normalize('NFC', d).replace('đ', 'd').replace('Đ', 'D')


def nfd(s):
    return unicodedata.normalize('NFD', s)


def run(cmd, rows, transform):
    inp = ''.join(json.dumps({'id': i, 'text': transform(r['text'])}, ensure_ascii=False) + '\n'
                  for i, r in enumerate(rows))
    out = subprocess.run(shlex.split(cmd), input=inp.encode(), capture_output=True, check=True).stdout
    res = {}
    for line in out.decode().splitlines():
        j = json.loads(line)
        res[j['id']] = j
    return [res.get(i, {'verdict': 'error', 'score': 0}) for i in range(len(rows))]


def label(r):
    v = r['label']
    return v in ('scam', 'spam', 1, '1', 1.0, '1.0', True)


def scores(rows, res):
    tp = fp = tn = fn = 0
    for r, o in zip(rows, res):
        f = o['verdict'] in ('scam', 'suspicious')
        if label(r):
            tp += f; fn += not f
        else:
            fp += f; tn += not f
    p = tp / (tp + fp) if tp + fp else 0
    rc = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0
    return dict(n=len(rows), scams=tp + fn, precision=p, recall=rc, f1=f1,
                ham_flagged=fp / (fp + tn) if fp + tn else 0, fp=fp, ham=fp + tn, fn=fn)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('set')
    ap.add_argument('--cmd', default='build/antoan check')
    ap.add_argument('--reliability', action='store_true')
    ap.add_argument('--errors', type=int, default=0, help='print N misclassified messages of each kind')
    a = ap.parse_args()
    rows = [json.loads(l) for l in open(a.set, encoding='utf-8') if l.strip()]
    for name, t in (('original', lambda s: s), ('stripped', strip), ('nfd', nfd)):
        res = run(a.cmd, rows, t)
        s = scores(rows, res)
        print(f"{name:9s} n={s['n']} scams={s['scams']} P={s['precision']:.3f} R={s['recall']:.3f} "
              f"F1={s['f1']:.3f} ham-flagged={s['ham_flagged']:.4f} ({s['fp']}/{s['ham']})")
        if name == 'original':
            base = res
    if a.reliability:
        print('score bucket | messages | observed scam share')
        for lo in range(10):
            b = [(r, o) for r, o in zip(rows, base) if lo / 10 <= o['score'] < (lo + 1) / 10 or (lo == 9 and o['score'] == 1)]
            if b:
                share = sum(label(r) for r, _ in b) / len(b)
                print(f"{lo/10:.1f}-{(lo+1)/10:.1f} | {len(b)} | {share:.3f}")
    if a.errors:
        fps = [(r, o) for r, o in zip(rows, base) if not label(r) and o['verdict'] in ('scam', 'suspicious')]
        fns = [(r, o) for r, o in zip(rows, base) if label(r) and o['verdict'] not in ('scam', 'suspicious')]
        for title, lst in (('FALSE POSITIVES', fps), ('MISSED', fns)):
            print('==', title, len(lst))
            for r, o in lst[:a.errors]:
                print(f"  {o['score']:.2f} {o.get('signals')} {r['text'][:160]!r}")


if __name__ == '__main__':
    main()
