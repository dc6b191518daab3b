#!/usr/bin/env python3
"""Writes data/scam/corpus_train.jsonl and data/scam/corpus_test.jsonl.

Train and test come from two different writers (train_messages.py, test_messages.py): their
templates and hand-written messages share no sentences, so the test split measures
generalisation. Slot values and register transforms (no diacritics, teencode, caps, emoji,
spaced letters) are shared. Deterministic: fixed seeds. Run: python3 data/scam/tools/gen_corpus.py
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
import inbox  # noqa: E402
import slots  # noqa: E402
import test_messages  # noqa: E402
import train_messages  # noqa: E402


def build(module, rng, per_scam, per_safe, hand_copies):
  out = []
  for kind, templates in module.SCAM_TEMPLATES.items():
    out += slots.expand(rng, templates, "scam", per_scam, kind)
  for kind, templates in module.SAFE_TEMPLATES.items():
    out += slots.expand(rng, templates, "safe", per_safe, kind)
  for label, items in (("scam", module.SCAM_HANDWRITTEN), ("safe", module.SAFE_HANDWRITTEN)):
    for text in items:
      out.append({"text": text, "label": label, "type": "handwritten"})
      for _ in range(hand_copies - 1):  # the same message typed in another register
        out.append({"text": slots.register(rng, text, label), "label": label, "type": "handwritten"})
  # Drop exact duplicates, keep order deterministic.
  seen, unique = set(), []
  for m in out:
    if m["text"] not in seen:
      seen.add(m["text"])
      unique.append(m)
  rng.shuffle(unique)
  return unique


def dedupe(messages):
  seen, out = set(), []
  for m in messages:
    if m["text"] not in seen:
      seen.add(m["text"])
      out.append(m)
  return out


def write(path, messages):
  with open(path, "w", encoding="utf-8") as f:
    for i, m in enumerate(messages):
      f.write(json.dumps({"id": i + 1, **m}, ensure_ascii=False) + "\n")


def main():
  here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
  train = build(train_messages, random.Random(20240601), 9, 15, 3)
  test = build(test_messages, random.Random(20240917), 6, 9, 2)
  # The phone's inbox (inbox.py): mostly ordinary messages, many very short; its even
  # templates go to training, its odd ones to the test split.
  train += dedupe(inbox.generate(random.Random(20251129), 0, 4))
  test += dedupe(inbox.generate(random.Random(20251130), 1, 1))
  random.Random(1).shuffle(train)
  random.Random(2).shuffle(test)
  # The second test set (second_set.jsonl, written by someone else) is never trained on: a
  # generic message that both writers happened to write ("ok e") is dropped from the corpus.
  second_path = os.path.join(here, "second_set.jsonl")
  second = set()
  if os.path.exists(second_path):
    with open(second_path, encoding="utf-8") as f:
      second = {json.loads(line)["text"] for line in f if line.strip()}
  train = [m for m in dedupe(train) if m["text"] not in second]
  train_texts = {m["text"] for m in train}
  test = [m for m in dedupe(test) if m["text"] not in train_texts and m["text"] not in second]
  write(os.path.join(here, "corpus_train.jsonl"), train)
  write(os.path.join(here, "corpus_test.jsonl"), test)
  for name, ms in (("train", train), ("test", test)):
    scam = sum(m["label"] == "scam" for m in ms)
    print(f"{name}: {len(ms)} messages, {scam} scam, {len(ms) - scam} safe")


if __name__ == "__main__":
  main()
