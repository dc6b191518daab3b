#pragma once
// The trained half of the scam text score: logistic regression over hashed features of the
// normalised text (word unigrams and bigrams, character 3..5-grams; digits mapped to '0' so
// amounts and phone numbers generalise). No ML library: training is a few seconds of
// AdaGrad in C++ (`antoan scam train`), prediction a few hundred hash look-ups.
//
// The model is trained with the pattern weights (patterns.tsv) as a fixed offset, so it
// learns what the hand-written rules miss and their sum is one calibrated log-odds.
// Explanations name the n-grams that pushed the score most. Immutable once built.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace antoan::scam {

struct TrainingExample {
  std::string normalized;  // text::normalize_for_matching(text)
  double offset = 0;       // sum of pattern weights for this text
  bool scam = false;
};

struct TrainOptions {
  int epochs = 25;
  double learning_rate = 0.4;
  double l2 = 1e-4;
  std::uint32_t seed = 7;
  std::size_t max_weights = 80000;  // keep the largest weights: a small model file
};

struct FeatureContribution {
  std::string feature;  // the n-gram, e.g. "viec nhe"
  double contribution;  // weight × value, in log-odds
};

class Classifier {
 public:
  static constexpr int kHashBits = 20;

  Classifier();
  static Classifier train(const std::vector<TrainingExample>& examples, const TrainOptions& options,
                          std::string pattern_version);
  static Result<Classifier> load(const std::string& path);
  static Result<Classifier> parse(std::string_view bytes);
  Status save(const std::string& path) const;
  std::string serialize() const;

  // The model's log-odds for `normalized`, without the pattern offset.
  double logit(std::string_view normalized) const;
  // Same, plus the `top_n` word n-grams that pushed most towards scam (positive) or, when
  // `towards_scam` is false, towards safe.
  double explain(std::string_view normalized, std::size_t top_n, bool towards_scam,
                 std::vector<FeatureContribution>* out) const;

  const std::string& pattern_version() const { return pattern_version_; }
  std::size_t nonzero_weights() const;

 private:
  std::vector<float> weights_;  // 2^kHashBits, dense at run time
  float bias_ = 0;
  std::string pattern_version_;
};

}  // namespace antoan::scam
