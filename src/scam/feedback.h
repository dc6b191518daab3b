#pragma once
// Workers' "this verdict was wrong" feedback on the scam checker, and the
// officers' review of it into a retraining set that `antoan scam train --db`
// uses.
//
// Protective by design: the worker sends the text they checked and whether they
// agree to share it; the service re-runs the checker itself (the stored verdict
// cannot be forged), keeps the verdict, the score, the signal codes, a keyed
// hash of the normalised text and the day, and the text only with consent
// (digit runs of 6 or more masked: account and phone numbers, codes). No user,
// address or device is ever stored. Officers (security::Action::
// scam_feedback_review) see the items beside the registry status of the
// indicators in shared texts, and add them as "scam" or "safe" examples or
// dismiss them; each review is audited.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "scam/checker.h"
#include "scam/registry.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::scam {

struct FeedbackInput {
  std::string text;
  bool share_text = false;
};

struct FeedbackItem {
  std::int64_t id = 0;
  std::string verdict;
  int score_pct = 0;
  std::vector<std::string> signals;
  std::optional<std::string> text;  // only when shared
  std::int64_t created_day_ms = 0;
  std::string status;  // new | added | dismissed
  std::optional<std::string> reviewed_label;
  std::int64_t same_text_count = 1;  // feedback items with the same text hash
  // Indicators of a shared text with what the registry knows
  // (reported/confirmed/cleared).
  struct IndicatorView {
    Indicator indicator;
    std::optional<RegistryEntry> entry;
  };
  std::vector<IndicatorView> indicators;
};

struct FeedbackPage {
  std::vector<FeedbackItem> items;
  std::int64_t total = 0;
};

// Masks every run of 6+ digits (spaces, dots and dashes inside the run
// included) with '0's of the same shape: "STK 0123 456 789" → "STK 0000 000
// 000".
std::string mask_long_numbers(std::string_view text);

class FeedbackService {
 public:
  using Hasher = std::function<std::string(std::string_view)>;
  FeedbackService(store::Db& db, const Checker& checker, const Registry& registry, Hasher keyed_hash)
      : db_(db), checker_(checker), registry_(registry), hash_(std::move(keyed_hash)) {}

  // Public, anonymous. Returns the new item's id.
  Result<std::int64_t> record(const FeedbackInput& in);
  // Officers.
  Result<FeedbackPage> list(const security::Principal& p, const std::string& status, std::int64_t limit,
                            std::int64_t offset) const;
  // decision: "scam" or "safe" (adds a shared text to the retraining set) or
  // "dismiss".
  Result<FeedbackItem> review(const security::Principal& p, std::int64_t id, const std::string& decision);

 private:
  Result<FeedbackItem> get(store::Tx& tx, std::int64_t id) const;
  void add_indicators(FeedbackItem& item) const;

  store::Db& db_;
  const Checker& checker_;
  const Registry& registry_;
  Hasher hash_;
};

// The reviewed retraining set: texts officers added as scam (true) or safe
// (false).
Result<std::vector<std::pair<std::string, bool>>> load_reviewed_feedback(store::Db& db);

}  // namespace antoan::scam
