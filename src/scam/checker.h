#pragma once
// The scam checker: one pasted message in, a verdict (scam / suspicious / safe), a score in
// 0..1 and reasons a worker understands out. It combines, as one log-odds sum:
//   - the hand-written patterns of data/scam/patterns.tsv (hyperscan),
//   - the trained classifier (data/scam/model.bin), which was trained with those pattern
//     weights as an offset,
//   - registry hits of the indicators found in the text (a confirmed indicator makes it a
//     scam; reports raise the score with their count; a cleared indicator lowers it).
// Immutable after construction and thread-safe; used by `antoan check` and POST /check.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "scam/classifier.h"
#include "scam/indicators.h"
#include "scam/patterns.h"

namespace antoan::scam {

enum class Verdict { safe, suspicious, scam };
std::string_view verdict_name(Verdict verdict);

// One reason of a verdict, in both languages; `weight` is its log-odds contribution.
struct Reason {
  std::string code;  // "pattern:<id>", "model", "registry:confirmed", …
  std::string vi;
  std::string en;
  double weight = 0;
};

struct CheckResult {
  Verdict verdict = Verdict::safe;
  double score = 0;  // probability-like, 0..1
  std::vector<Reason> reasons;
  std::vector<Indicator> indicators;
  bool truncated = false;  // only the first CheckerOptions::max_text_bytes were analysed
};

// What the shared registry knows about one indicator (see scam/registry.h).
enum class RegistryStatus { reported, confirmed, cleared };
struct RegistryHit {
  RegistryStatus status = RegistryStatus::reported;
  std::int64_t report_count = 0;
};
using RegistryLookup = std::function<std::optional<RegistryHit>(const Indicator&)>;

struct CheckerOptions {
  std::size_t max_text_bytes = 16 * 1024;  // longer input is cut (at a character boundary)
  double scam_threshold = 0.85;
  double suspicious_threshold = 0.5;
};

class Checker {
 public:
  Checker(std::shared_ptr<const PatternSet> patterns, std::shared_ptr<const Classifier> model,
          RegistryLookup registry = {}, CheckerOptions options = {});
  // Loads data/scam/patterns.tsv and data/scam/model.bin (or the given paths).
  static Result<std::unique_ptr<Checker>> load(const std::string& patterns_path, const std::string& model_path,
                                               RegistryLookup registry = {}, CheckerOptions options = {});

  // Invalid UTF-8 or a text with nothing but spaces is an Error naming field "text".
  Result<CheckResult> check(std::string_view text) const;
  // Log-odds of the text alone (patterns + classifier), no registry and no explanation:
  // what the corpus evaluation and the benchmark measure.
  double text_logit(std::string_view text) const;

  // A checker sharing this one's patterns and model, with another registry.
  std::unique_ptr<Checker> with_registry(RegistryLookup registry) const {
    return std::make_unique<Checker>(patterns_, model_, std::move(registry), options_);
  }

  const PatternSet& patterns() const { return *patterns_; }
  const Classifier& model() const { return *model_; }
  const CheckerOptions& options() const { return options_; }

 private:
  std::shared_ptr<const PatternSet> patterns_;
  std::shared_ptr<const Classifier> model_;
  RegistryLookup registry_;
  CheckerOptions options_;
};

// The JSON object of the CLI line and of POST /check (without "id"): verdict, score,
// reasons (Vietnamese strings), reasons_en, reasons_detail [{code,vi,en,weight}],
// indicators [{kind,value[,bank][,platform]}], truncated.
Json check_result_json(const CheckResult& result);

// The training examples of a labelled corpus as the checker sees them (normalised text and
// pattern offset).
std::vector<TrainingExample> to_training_examples(const PatternSet& patterns,
                                                  const std::vector<std::pair<std::string, bool>>& texts);

}  // namespace antoan::scam
