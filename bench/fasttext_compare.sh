#!/usr/bin/env bash
# Compares the antoan scam classifier with fastText (Debian package `fasttext`) trained on the
# same corpus with the same normalisation (text::normalize_for_matching, via
# `antoan scam fasttext-data`): held-out precision/recall/F1 and prediction speed.
# Usage, from the repo root: bench/fasttext_compare.sh [build-dir]   (default build-bench)
set -euo pipefail
BUILD=${1:-build-bench}
ANTOAN=$BUILD/antoan
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$ANTOAN" scam fasttext-data data/scam/corpus_train.jsonl > "$WORK/train.txt"
"$ANTOAN" scam fasttext-data data/scam/corpus_test.jsonl > "$WORK/test.txt"

# Comparable features: word uni+bigrams and char 3..5-grams, 25 epochs.
t0=$(date +%s.%N)
fasttext supervised -input "$WORK/train.txt" -output "$WORK/ft" -wordNgrams 2 -minn 3 -maxn 5 \
  -epoch 25 -lr 0.5 -dim 50 -bucket 1000000 -thread 1 -verbose 0
t1=$(date +%s.%N)
echo "fastText training: $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", b - a}') s, model $(du -h "$WORK/ft.bin" | cut -f1)"

fasttext predict "$WORK/ft.bin" "$WORK/test.txt" > "$WORK/pred.txt"
paste -d' ' <(cut -d' ' -f1 "$WORK/test.txt") "$WORK/pred.txt" | awk '
  { truth = ($1 == "__label__scam"); pred = ($2 == "__label__scam");
    tp += truth && pred; fp += !truth && pred; fn += truth && !pred; tn += !truth && !pred }
  END { p = tp / (tp + fp); r = tp / (tp + fn);
        printf "fastText held-out %d: precision %.3f recall %.3f F1 %.3f accuracy %.3f\n",
               NR, p, r, 2 * p * r / (p + r), (tp + tn) / NR }'

# Speed: 100k normalised messages (the corpus repeated), one thread, model loading excluded
# by subtracting a 1-line run.
for i in $(seq 1 50); do cat "$WORK/train.txt" "$WORK/test.txt"; done > "$WORK/many.txt"
head -n 100000 "$WORK/many.txt" > "$WORK/big.txt"
head -n 1 "$WORK/test.txt" > "$WORK/one.txt"
s0=$(date +%s.%N); fasttext predict "$WORK/ft.bin" "$WORK/one.txt" > /dev/null; s1=$(date +%s.%N)
fasttext predict "$WORK/ft.bin" "$WORK/big.txt" > /dev/null; s2=$(date +%s.%N)
awk -v a="$s0" -v b="$s1" -v c="$s2" 'BEGIN{printf "fastText predict: %.0f messages/s (text already normalised; load time %.2f s excluded)\n", 100000 / ((c - b) - (b - a)), b - a}'

# antoan on the same held-out split (its own eval).
"$ANTOAN" scam train --out "$WORK/antoan_model.bin" --eval | tail -1
