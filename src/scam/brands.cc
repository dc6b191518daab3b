#include "scam/brands.h"

#include <hs/hs.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "scam/data_paths.h"
#include "scam/domains.h"
#include "scam/hs_scratch.h"

namespace antoan::scam {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    std::string part(s.substr(start, end - start));
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty() && part != "-") out.push_back(std::move(part));
    start = end + 1;
  }
  return out;
}

Error format_error(std::size_t line_no, const std::string& what) {
  std::string where = "brands line " + std::to_string(line_no) + ": ";
  return Error::make(ErrorCode::invalid_argument, "Tệp thương hiệu sai định dạng, " + where + what,
                     "Bad brand table, " + where + what, "brands");
}

// Regex-escapes a folded name for hyperscan (names are letters, digits, spaces,
// '&', '-').
std::string escape(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == ' ') {
      out += "\\s+";
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else {
      out.push_back('\\');
      out.push_back(c);
    }
  }
  return out;
}

bool host_under(std::string_view host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
         host[host.size() - domain.size() - 1] == '.';
}

// Leet and shape tricks undone: "vi3tc0mbank" → "vietcombank", "m-bbank" →
// "mbbank".
std::string unleet(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '0': out.push_back('o'); break;
      case '1': out.push_back('i'); break;
      case '3': out.push_back('e'); break;
      case '4': out.push_back('a'); break;
      case '5': out.push_back('s'); break;
      case '7': out.push_back('t'); break;
      case '-':
      case '_': break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Damerau-Levenshtein distance, capped: true when a and b differ by at most one
// edit.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);  // insertion
}

}  // namespace

std::string_view lookalike_kind_name(LookalikeKind kind) {
  switch (kind) {
    case LookalikeKind::subdomain_trick: return "subdomain_trick";
    case LookalikeKind::brand_plus_word: return "brand_plus_word";
    case LookalikeKind::wrong_suffix: return "wrong_suffix";
    case LookalikeKind::character_swap: return "character_swap";
    case LookalikeKind::homoglyph: return "homoglyph";
  }
  return "subdomain_trick";
}

Result<std::shared_ptr<const BrandTable>> BrandTable::parse(std::string_view tsv) {
  std::shared_ptr<BrandTable> table(new BrandTable());  // private constructor: no make_shared
  std::size_t line_no = 0, pos = 0;
  while (pos <= tsv.size()) {
    std::size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> cols;
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (cols.size() != 6) return format_error(line_no, "expected 6 tab-separated columns");
    Brand b;
    b.id = std::string(cols[0]);
    b.kind = std::string(cols[1]);
    b.display = std::string(cols[2]);
    b.names = split(cols[3], '|');
    b.domains = split(cols[4], '|');
    for (std::string_view code : split(cols[5], '|')) {
      std::string digits;
      for (char c : code)
        if (c >= '0' && c <= '9') digits.push_back(c);
      if (!digits.empty()) b.short_codes.push_back(std::move(digits));
    }
    if (b.id.empty() || b.display.empty() || b.names.empty() || b.domains.empty())
      return format_error(line_no, "empty column");
    for (const std::string& name : b.names)
      for (char c : name)
        if ((c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80)
          return format_error(line_no, "names must be folded (lower case, no diacritics): " + name);
    table->brands_.push_back(std::move(b));
  }
  if (table->brands_.empty()) return format_error(line_no, "no brands");

  // What a lookalike host spells: the first label of each official domain and
  // each name written as one word.
  for (std::size_t i = 0; i < table->brands_.size(); ++i) {
    const Brand& b = table->brands_[i];
    auto add = [&](std::string token) {
      if (token.size() < 3) return;
      for (const Token& t : table->tokens_)
        if (t.text == token && t.brand == static_cast<int>(i)) return;
      table->tokens_.push_back(Token{std::move(token), static_cast<int>(i)});
    };
    for (const std::string& d : b.domains) {
      if (d.rfind("*.", 0) == 0) continue;
      add(d.substr(0, d.find('.')));
    }
    for (const std::string& n : b.names)
      if (n.find(' ') == std::string::npos && n.find('&') == std::string::npos) add(n);
  }
  for (const Token& t : table->tokens_)
    if (t.text.size() >= 6) table->token_skeletons_.emplace_back(confusable_skeleton(t.text), t.brand);

  std::vector<std::string> exprs;
  std::vector<unsigned> ids, flags;
  for (std::size_t i = 0; i < table->brands_.size(); ++i) {
    for (const std::string& name : table->brands_[i].names) {
      exprs.push_back("\\b" + escape(name) + "\\b");
      ids.push_back(static_cast<unsigned>(i));
      flags.push_back(HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH);
    }
  }
  std::vector<const char*> ptrs;
  for (const auto& e : exprs) ptrs.push_back(e.c_str());
  hs_compile_error_t* err = nullptr;
  if (hs_compile_multi(ptrs.data(), flags.data(), ids.data(), static_cast<unsigned>(ptrs.size()), HS_MODE_BLOCK,
                       nullptr, &table->db_, &err) != HS_SUCCESS) {
    std::string what = err && err->message ? err->message : "compile failed";
    hs_free_compile_error(err);
    return format_error(0, what);
  }
  table->serial_ = next_database_serial();
  return std::shared_ptr<const BrandTable>(std::move(table));
}

Result<std::shared_ptr<const BrandTable>> BrandTable::load_file(const std::string& path) {
  ANTOAN_ASSIGN(std::string bytes, read_data_file(path, "tệp thương hiệu", "brand table", "brands"));
  return parse(bytes);
}

BrandTable::~BrandTable() {
  if (db_) hs_free_database(db_);
}

std::vector<int> BrandTable::mentions(std::string_view normalized) const { return scan_ids(db_, serial_, normalized); }

bool BrandTable::is_official(int brand, std::string_view host) const {
  if (brand < 0 || static_cast<std::size_t>(brand) >= brands_.size()) return false;
  for (const std::string& d : brands_[static_cast<std::size_t>(brand)].domains) {
    if (d.rfind("*.", 0) == 0) {
      if (host_under(host, std::string_view(d).substr(2))) return true;
    } else if (host_under(host, d)) {
      return true;
    }
  }
  return false;
}

int BrandTable::official_for(std::string_view host) const {
  for (std::size_t i = 0; i < brands_.size(); ++i)
    if (is_official(static_cast<int>(i), host)) return static_cast<int>(i);
  return -1;
}

bool BrandTable::is_short_code(int brand, std::string_view digits) const {
  if (brand < 0 || static_cast<std::size_t>(brand) >= brands_.size()) return false;
  const auto& codes = brands_[static_cast<std::size_t>(brand)].short_codes;
  return std::find(codes.begin(), codes.end(), digits) != codes.end();
}

std::optional<Lookalike> BrandTable::lookalike(std::string_view host) const {
  if (host.empty() || official_for(host) >= 0) return std::nullopt;
  const std::string registered = registrable_domain(host);
  const std::string_view reg_label = std::string_view(registered).substr(0, registered.find('.'));
  const std::string_view subdomains =
      host.size() > registered.size() ? host.substr(0, host.size() - registered.size() - 1) : std::string_view{};
  const std::string reg_plain = unleet(reg_label);
  const std::string sub_plain = unleet(subdomains);
  // Parts of the host between dots and dashes, for short tokens
  // ("bidv-online.vip").
  std::vector<std::string> parts;
  {
    std::string cur;
    for (char c : host) {
      if (c == '.' || c == '-') {
        if (!cur.empty()) parts.push_back(unleet(cur));
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) parts.push_back(unleet(cur));
  }
  const bool leet_used =
      reg_plain.size() != reg_label.size() || std::string(reg_label).find_first_of("013457") != std::string::npos;
  // The subdomain's parts between dots and dashes, read without leet, for short tokens.
  std::vector<std::string> sub_parts;
  {
    std::string cur;
    for (char c : subdomains) {
      if (c == '.' || c == '-') {
        if (!cur.empty()) sub_parts.push_back(unleet(cur));
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    if (!cur.empty()) sub_parts.push_back(unleet(cur));
  }
  for (const Token& t : tokens_) {
    const bool long_token = t.text.size() >= 5;
    // The brand left of someone else's registered domain:
    // "vietcombank.com.vn-xacminh.top".
    if (!subdomains.empty()) {
      const bool in_sub = long_token ? sub_plain.find(t.text) != std::string::npos
                                     : std::find(sub_parts.begin(), sub_parts.end(), t.text) != sub_parts.end();
      if (in_sub) return Lookalike{t.brand, LookalikeKind::subdomain_trick};
    }
    if (reg_plain == t.text) {
      // The brand's own name under another suffix, or spelled with
      // digits/dashes.
      if (leet_used || reg_label.find('-') != std::string_view::npos)
        return Lookalike{t.brand, LookalikeKind::character_swap};
      return Lookalike{t.brand, LookalikeKind::wrong_suffix};
    }
    // Brand joined to a word: "vietcombank-xacminh", "bidv-online",
    // "xacthuc-mbbank".
    if (reg_label.find('-') != std::string_view::npos) {
      for (const std::string& part : parts)
        if (part == t.text) return Lookalike{t.brand, LookalikeKind::brand_plus_word};
    }
    if (long_token && (leet_used || is_risky_tld(host)) && reg_plain.find(t.text) != std::string::npos)
      return Lookalike{t.brand, leet_used ? LookalikeKind::character_swap : LookalikeKind::brand_plus_word};
    // One letter off a long brand name: "vietcombnk", "techcombamk".
    if (t.text.size() >= 7 && within_one_edit(reg_plain, t.text))
      return Lookalike{t.brand, LookalikeKind::character_swap};
  }
  // Confusable letters inside ASCII: "vietcornbank" (rn for m), "paypa1".
  if (reg_label.size() >= 6) {
    const std::string skel = confusable_skeleton(reg_plain);
    for (const auto& [token_skel, brand] : token_skeletons_)
      if (skel == token_skel) return Lookalike{brand, LookalikeKind::character_swap};
  }
  return std::nullopt;
}

std::optional<Lookalike> BrandTable::homoglyph(std::string_view ascii, std::string_view skeleton) const {
  if (ascii.empty()) return std::nullopt;
  if (int official = official_for(ascii); official >= 0) return Lookalike{official, LookalikeKind::homoglyph};
  if (auto look = lookalike(ascii)) return Lookalike{look->brand, LookalikeKind::homoglyph};
  const std::string registered = registrable_domain(ascii);
  const std::string label = unleet(std::string_view(registered).substr(0, registered.find('.')));
  for (const Token& t : tokens_)
    if (label == t.text) return Lookalike{t.brand, LookalikeKind::homoglyph};
  const std::string sk_label(skeleton.substr(0, skeleton.find('.')));
  for (const auto& [token_skel, brand] : token_skeletons_)
    if (sk_label == token_skel || confusable_skeleton(label) == token_skel)
      return Lookalike{brand, LookalikeKind::homoglyph};
  return std::nullopt;
}

}  // namespace antoan::scam
