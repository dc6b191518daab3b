#include "scam/patterns.h"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <sstream>

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

// One scratch per thread, grown to fit every database this thread has matched with
// (hs_alloc_scratch on an existing scratch makes it valid for one more database).
struct ThreadScratch {
  hs_scratch_t* scratch = nullptr;
  std::vector<std::uint64_t> fitted;
  ~ThreadScratch() {
    if (scratch) hs_free_scratch(scratch);
  }
  hs_scratch_t* for_db(const hs_database_t* db, std::uint64_t serial) {
    if (std::find(fitted.begin(), fitted.end(), serial) == fitted.end()) {
      if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) return nullptr;
      fitted.push_back(serial);
    }
    return scratch;
  }
};

std::atomic<std::uint64_t> next_serial{1};

int on_match(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
  return 0;
}

}  // namespace

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
    if (cols.size() != 5) return format_error(line_no, "expected 5 tab-separated columns");
    Pattern p;
    p.id = std::string(cols[0]);
    std::string weight(cols[1]);
    char* end = nullptr;
    p.weight = std::strtod(weight.c_str(), &end);
    if (weight.empty() || end != weight.c_str() + weight.size() || p.weight < -10 || p.weight > 10) {
      return format_error(line_no, "weight must be a number in [-10, 10]");
    }
    p.regex = std::string(cols[2]);
    p.reason_vi = std::string(cols[3]);
    p.reason_en = std::string(cols[4]);
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
  set->serial_ = next_serial.fetch_add(1);
  return std::shared_ptr<const PatternSet>(std::move(set));
}

Result<std::shared_ptr<const PatternSet>> PatternSet::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::make(ErrorCode::internal, "Không đọc được tệp mẫu lừa đảo " + path,
                       "Cannot read scam pattern file " + path, "patterns");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str());
}

PatternSet::~PatternSet() {
  if (db_) hs_free_database(db_);
}

std::vector<int> PatternSet::match(std::string_view normalized) const {
  thread_local ThreadScratch cache;
  std::vector<int> hits;
  hs_scratch_t* scratch = cache.for_db(db_, serial_);
  if (!scratch || normalized.empty()) return hits;
  hs_scan(db_, normalized.data(), static_cast<unsigned>(normalized.size()), 0, scratch, on_match, &hits);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  return hits;
}

double PatternSet::weight_of(const std::vector<int>& hits) const {
  double sum = 0;
  for (int i : hits) sum += pattern(i).weight;
  return sum;
}

}  // namespace antoan::scam
