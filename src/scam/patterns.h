#pragma once
// The scam text patterns of data/scam/patterns.tsv, compiled once into a hyperscan database
// and matched against text::normalize_for_matching(text). Each pattern carries a weight
// (log-odds, positive = scam) and a reason in Vietnamese and English, so the checker can
// explain its verdict rule by rule (rspamd style). Immutable after load; match() is
// thread-safe (one hyperscan scratch per thread).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

struct hs_database;

namespace antoan::scam {

struct Pattern {
  std::string id;
  double weight = 0;
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
