#pragma once
// The scam text patterns of data/scam/patterns.tsv, compiled once into a hyperscan database
// and matched against text::normalize_for_matching(text). Each pattern carries a weight
// (log-odds, positive = scam) and a reason in Vietnamese and English, so the checker can
// explain its verdict rule by rule (rspamd style). Immutable after load; match() is
// thread-safe (one hyperscan scratch per thread).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

struct hs_database;

namespace antoan::scam {

// What a hit is evidence of. The first seven are concrete signals a worker can see in the
// message; style and genuine hits only move the score (see checker.h: evidence first).
enum class SignalKind { money, credential, link, impersonation, threat, script, registry, style, genuine };
std::string_view signal_kind_name(SignalKind kind);
std::optional<SignalKind> parse_signal_kind(std::string_view name);
inline bool is_concrete(SignalKind kind) { return kind != SignalKind::style && kind != SignalKind::genuine; }

struct Pattern {
  std::string id;
  double weight = 0;
  SignalKind kind = SignalKind::style;
  std::string regex;
  std::string reason_vi;
  std::string reason_en;
};

class PatternSet {
 public:
  // Parses the TSV format described at the top of data/scam/patterns.tsv and compiles it.
  static Result<std::shared_ptr<const PatternSet>> parse(std::string_view tsv);
  static Result<std::shared_ptr<const PatternSet>> load_file(const std::string& path);
  ~PatternSet();
  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;

  // Indexes of the patterns found in `normalized` (each at most once, ascending).
  std::vector<int> match(std::string_view normalized) const;
  // Sum of the weights of `hits`.
  double weight_of(const std::vector<int>& hits) const;

  const Pattern& pattern(int index) const { return patterns_[static_cast<std::size_t>(index)]; }
  std::size_t size() const { return patterns_.size(); }
  const std::string& version() const { return version_; }

 private:
  PatternSet() = default;
  std::vector<Pattern> patterns_;
  std::string version_;
  hs_database* db_ = nullptr;
  std::uint64_t serial_ = 0;  // identifies this database to the per-thread scratch cache
};

}  // namespace antoan::scam
