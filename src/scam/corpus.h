#pragma once
// The labelled scam corpus: JSON lines {"text": "...", "label": "scam"|"safe"|"ham", ...} in
// data/scam/corpus_train.jsonl (trained on) and data/scam/corpus_test.jsonl (held out,
// never trained on; scored by corpus_eval_test.cc and bench/scam_bench.cc), and the second
// test set data/scam/second_set.jsonl written by someone who never saw the corpus ("ham" =
// "safe"). Never train on either test set.
#include <string>
#include <vector>

#include "core/error.h"

namespace antoan::scam {

struct LabeledMessage {
  std::string text;
  bool scam = false;
};

// Reads a corpus file; a malformed line is an Error naming the line.
Result<std::vector<LabeledMessage>> load_corpus(const std::string& path);

// Precision/recall/F1 of "scam" as the positive class.
struct BinaryScores {
  int true_positive = 0, false_positive = 0, true_negative = 0, false_negative = 0;
  void add(bool predicted, bool actual);
  double precision() const;
  double recall() const;
  double f1() const;
  double accuracy() const;
  double ham_flagged_rate() const;  // share of ordinary messages flagged (false-positive rate)
};

}  // namespace antoan::scam
