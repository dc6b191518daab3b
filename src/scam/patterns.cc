#include "scam/patterns.h"

#include <hs/hs.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "scam/data_paths.h"
#include "scam/hs_scratch.h"

namespace antoan::scam {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

Error format_error(std::size_t line_no, const std::string& what) {
  std::string where = "patterns line " + std::to_string(line_no) + ": ";
  return Error::make(ErrorCode::invalid_argument, "Tệp mẫu lừa đảo sai định dạng, " + where + what,
                     "Bad scam pattern file, " + where + what, "patterns");
}

constexpr std::pair<SignalKind, std::string_view> kKindNames[] = {
    {SignalKind::money, "money"},         {SignalKind::credential, "credential"},
    {SignalKind::link, "link"},           {SignalKind::impersonation, "impersonation"},
    {SignalKind::threat, "threat"},       {SignalKind::script, "script"},
    {SignalKind::registry, "registry"},   {SignalKind::style, "style"},
    {SignalKind::genuine, "genuine"},
};

}  // namespace

std::string_view signal_kind_name(SignalKind kind) {
  for (const auto& [k, name] : kKindNames)
    if (k == kind) return name;
  return "style";
}

std::optional<SignalKind> parse_signal_kind(std::string_view name) {
  for (const auto& [k, n] : kKindNames)
    if (n == name) return k;
  return std::nullopt;
}

Result<std::shared_ptr<const PatternSet>> PatternSet::parse(std::string_view tsv) {
  std::shared_ptr<PatternSet> set(new PatternSet());  // private constructor: no make_shared
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= tsv.size()) {
    std::size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto cols = split_tabs(line);
    if (cols[0] == "version") {
      if (cols.size() != 2 || cols[1].empty()) return format_error(line_no, "version needs one value");
      set->version_ = std::string(cols[1]);
      continue;
    }
    if (cols.size() != 6) return format_error(line_no, "expected 6 tab-separated columns");
    Pattern p;
    p.id = std::string(cols[0]);
    auto kind = parse_signal_kind(cols[2]);
    if (!kind) return format_error(line_no, "unknown kind " + std::string(cols[2]));
    p.kind = *kind;
    std::string weight(cols[1]);
    char* end = nullptr;
    p.weight = std::strtod(weight.c_str(), &end);
    if (weight.empty() || end != weight.c_str() + weight.size() || p.weight < -10 || p.weight > 10) {
      return format_error(line_no, "weight must be a number in [-10, 10]");
    }
    if (is_concrete(p.kind) && p.weight <= 0) return format_error(line_no, "a signal needs a positive weight");
    if (p.kind == SignalKind::genuine && p.weight >= 0) return format_error(line_no, "genuine needs a negative weight");
    p.regex = std::string(cols[3]);
    p.reason_vi = std::string(cols[4]);
    p.reason_en = std::string(cols[5]);
    if (p.id.empty() || p.regex.empty() || p.reason_vi.empty() || p.reason_en.empty()) {
      return format_error(line_no, "empty column");
    }
    set->patterns_.push_back(std::move(p));
  }
  if (set->version_.empty()) return format_error(line_no, "missing version line");
  if (set->patterns_.empty()) return format_error(line_no, "no patterns");

  std::vector<const char*> exprs;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < set->patterns_.size(); ++i) {
    exprs.push_back(set->patterns_[i].regex.c_str());
    flags.push_back(HS_FLAG_CASELESS | HS_FLAG_DOTALL | HS_FLAG_SINGLEMATCH);
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()),
                       HS_MODE_BLOCK, nullptr, &set->db_, &err) != HS_SUCCESS) {
    std::string what = err && err->message ? err->message : "compile failed";
    std::string which = err && err->expression >= 0
                            ? set->patterns_[static_cast<std::size_t>(err->expression)].id
                            : std::string("?");
    hs_free_compile_error(err);
    return format_error(0, "pattern " + which + ": " + what);
  }
  set->serial_ = next_database_serial();
  return std::shared_ptr<const PatternSet>(std::move(set));
}

Result<std::shared_ptr<const PatternSet>> PatternSet::load_file(const std::string& path) {
  ANTOAN_ASSIGN(std::string bytes, read_data_file(path, "tệp mẫu lừa đảo", "scam pattern file", "patterns"));
  return parse(bytes);
}

PatternSet::~PatternSet() {
  if (db_) hs_free_database(db_);
}

std::vector<int> PatternSet::match(std::string_view normalized) const { return scan_ids(db_, serial_, normalized); }

double PatternSet::weight_of(const std::vector<int>& hits) const {
  double sum = 0;
  for (int i : hits) sum += pattern(i).weight;
  return sum;
}

}  // namespace antoan::scam
