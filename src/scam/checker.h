#pragma once
// The scam checker: one pasted message in, a verdict (scam / suspicious /
// safe), a score in 0..1 and reasons a worker understands out. Evidence first
// (as rspamd explains a verdict symbol by symbol): a verdict other than "safe"
// needs at least one CONCRETE signal that the reasons name and the worker can
// see in the message:
//   - a request for money, a fee, a deposit or a top-up card,
//   - a request for an OTP, a password, an ID photo or a face video,
//   - a link to a lookalike or non-official domain, a shortened or bare-IP
//   link, an app to install,
//   - an impersonated brand or authority (data/scam/brands.tsv) asking for an
//   action,
//   - a threat, a known scam script (data/scam/patterns.tsv, kind column),
//   - a registry hit (the indicator was reported or confirmed).
// Style (urgency, wording that resembles scams) and the trained classifier only
// move the score once a signal exists: a few words with no signal are always
// "safe". The score is one log-odds sum of the pattern weights, the link and
// brand evidence, the classifier (data/scam/model.bin, trained with the pattern
// weights as an offset and clipped so it can never outvote the evidence) and
// registry hits. Immutable after construction and thread-safe; used by `antoan
// check` and POST /check.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "scam/brands.h"
#include "scam/classifier.h"
#include "scam/indicators.h"
#include "scam/patterns.h"

namespace antoan::scam {

enum class Verdict { safe, suspicious, scam };
std::string_view verdict_name(Verdict verdict);

// One reason of a verdict, in both languages; `weight` is its log-odds
// contribution.
struct Reason {
  std::string code;  // "pattern:<id>", "link:lookalike", "registry:confirmed",
                     // "model", "advice", …
  std::string vi;
  std::string en;
  double weight = 0;
  std::string kind;       // signal_kind_name() for evidence and genuine formats; else empty
  bool evidence = false;  // a concrete signal
};

struct CheckResult {
  Verdict verdict = Verdict::safe;
  double score = 0;  // probability-like, 0..1
  std::vector<Reason> reasons;
  std::vector<std::string> signals;  // codes of the concrete signals found (empty: never flagged)
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
  // The classifier's log-odds are clipped to this range: it refines evidence,
  // never replaces it.
  double model_min_logit = -4.0;
  double model_max_logit = 1.0;
  // Without a concrete signal the score shown never exceeds this (below
  // "suspicious").
  double no_signal_score_cap = 0.3;
  // Without a concrete signal the classifier is not run and the score starts from this prior
  // log-odds (about 5%).
  double no_signal_prior_logit = -3.0;
};

// The text-only part of a check (no registry, no reason strings): what the
// corpus evaluation, the benchmark and training measure.
struct TextAssessment {
  double logit = 0;         // after the evidence gate
  bool has_signal = false;  // at least one concrete signal
};

class Checker {
 public:
  Checker(std::shared_ptr<const PatternSet> patterns, std::shared_ptr<const Classifier> model,
          std::shared_ptr<const BrandTable> brands, RegistryLookup registry = {}, CheckerOptions options = {});
  // Loads data/scam/patterns.tsv and data/scam/model.bin (or the given paths),
  // and brands.tsv from the directory of the pattern file.
  static Result<std::unique_ptr<Checker>> load(const std::string& patterns_path, const std::string& model_path,
                                               RegistryLookup registry = {}, CheckerOptions options = {});

  // Invalid UTF-8 or a text with nothing but spaces is an Error naming field
  // "text".
  Result<CheckResult> check(std::string_view text) const;
  // The text alone: patterns, links and brands, classifier, evidence gate; no
  // registry.
  TextAssessment assess(std::string_view text) const;
  double text_logit(std::string_view text) const { return assess(text).logit; }
  bool flags(std::string_view text) const;  // verdict would be scam or suspicious (no registry)

  // A checker sharing this one's patterns, model and brands, with another
  // registry.
  std::unique_ptr<Checker> with_registry(RegistryLookup registry) const {
    return std::make_unique<Checker>(patterns_, model_, brands_, std::move(registry), options_);
  }

  const PatternSet& patterns() const { return *patterns_; }
  const Classifier& model() const { return *model_; }
  const BrandTable& brands() const { return *brands_; }
  const CheckerOptions& options() const { return options_; }

 private:
  struct Analysis;
  Analysis analyse(std::string_view analysed, bool explain) const;
  void add_model(Analysis& a) const;

  std::shared_ptr<const PatternSet> patterns_;
  std::shared_ptr<const Classifier> model_;
  std::shared_ptr<const BrandTable> brands_;
  RegistryLookup registry_;
  CheckerOptions options_;
};

// The JSON object of the CLI line and of POST /check (without "id"): verdict,
// score, reasons (plain sentences in `lang`, "vi" or "en"), reasons_vi,
// reasons_en, signals [codes], reasons_detail
// [{code,kind,evidence,vi,en,weight}], indicators
// [{kind,value[,bank][,platform]}], lang, truncated.
Json check_result_json(const CheckResult& result, std::string_view lang = "vi");

// The training examples of a labelled corpus as the checker sees them
// (normalised text and pattern offset).
std::vector<TrainingExample> to_training_examples(const PatternSet& patterns,
                                                  const std::vector<std::pair<std::string, bool>>& texts);

}  // namespace antoan::scam
