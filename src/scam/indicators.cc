#include "scam/indicators.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "scam/domains.h"
#include "scam/phone.h"
#include "text/normalize.h"

namespace antoan::scam {
namespace {

// --- character helpers (the scanner reads an ASCII skeleton) ------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_host_char(char c) { return is_alnum(c) || c == '-' || c == '.'; }
bool is_handle_char(char c) { return is_alnum(c) || c == '_' || c == '.'; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}
bool istarts_with(std::string_view s, std::size_t at, std::string_view prefix) {
  return at + prefix.size() <= s.size() && iequals(s.substr(at, prefix.size()), prefix);
}
std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// --- tables ---------------------------------------------------------------------------------

// Two-letter country TLDs that are also everyday Vietnamese words ("bố.ba", "anh.em"): not
// read as a TLD. Everything else under the Public Suffix List is (scam/domains.h), which
// replaces the hand-kept TLD list.
constexpr std::string_view kWordLikeTlds[] = {"ba", "em", "ma", "so", "an", "do", "bo", "mo", "no"};

constexpr std::string_view kShorteners[] = {
    "bit.ly",   "bitly.com", "tinyurl.com", "t.ly",     "s.id",      "shorturl.at", "shorturl.asia", "cutt.ly", "rb.gy",
    "is.gd",    "v.gd",      "goo.gl",      "ow.ly",    "tiny.cc",   "rebrand.ly",  "t.co",          "bit.do",  "short.link",
    "shorte.st", "adf.ly",   "bom.so",      "bom.to",   "link1s.com", "lnkd.in",    "buff.ly",       "tiny.one", "u.to"};

bool is_tld(std::string_view label) {
  if (label.size() < 2 || label.size() > 18) return false;
  // Mixed case ("Co", "vN") reads as a sentence, not a TLD.
  bool all_lower = true, all_upper = true;
  for (char c : label) {
    if (!is_alpha(c)) return false;
    if (c >= 'a' && c <= 'z') all_upper = false;
    else all_lower = false;
  }
  if (!all_lower && !all_upper) return false;
  const std::string l = to_lower(label);
  if (std::find(std::begin(kWordLikeTlds), std::end(kWordLikeTlds), l) != std::end(kWordLikeTlds)) return false;
  return is_public_suffix_label(l);
}

enum class Context { none, account, phone, not_phone };

struct Keyword {
  std::string_view text;  // lower case, as it appears in the ASCII skeleton
  Context context;
  std::string_view bank;  // canonical bank name for bank keywords
};

// Words that decide what a number after them is. Matched case-insensitively on whole words.
constexpr Keyword kKeywords[] = {
    // account context
    {"stk", Context::account, ""}, {"so tk", Context::account, ""}, {"tk", Context::account, ""},
    {"so tai khoan", Context::account, ""}, {"tai khoan", Context::account, ""}, {"account", Context::account, ""},
    {"acc", Context::account, ""}, {"acct", Context::account, ""}, {"a/c", Context::account, ""},
    {"ctk", Context::account, ""}, {"ck", Context::account, ""}, {"chuyen khoan", Context::account, ""},
    {"ngan hang", Context::account, ""}, {"nh", Context::account, ""}, {"bank", Context::account, ""},
    // banks and wallets
    {"vietcombank", Context::account, "Vietcombank"}, {"vcb", Context::account, "Vietcombank"},
    {"techcombank", Context::account, "Techcombank"}, {"tcb", Context::account, "Techcombank"},
    {"techcom", Context::account, "Techcombank"}, {"mbbank", Context::account, "MB"},
    {"mb bank", Context::account, "MB"}, {"mb", Context::account, "MB"}, {"bidv", Context::account, "BIDV"},
    {"agribank", Context::account, "Agribank"}, {"vpbank", Context::account, "VPBank"},
    {"vp bank", Context::account, "VPBank"}, {"acb", Context::account, "ACB"},
    {"sacombank", Context::account, "Sacombank"}, {"tpbank", Context::account, "TPBank"},
    {"tp bank", Context::account, "TPBank"}, {"vietinbank", Context::account, "VietinBank"},
    {"viettinbank", Context::account, "VietinBank"}, {"momo", Context::account, "MoMo"},
    {"vi momo", Context::account, "MoMo"}, {"zalopay", Context::account, "ZaloPay"},
    {"zalo pay", Context::account, "ZaloPay"}, {"viettelpay", Context::account, "Viettel Money"},
    {"viettel money", Context::account, "Viettel Money"}, {"vib", Context::account, "VIB"},
    {"shb", Context::account, "SHB"}, {"hdbank", Context::account, "HDBank"}, {"ocb", Context::account, "OCB"},
    {"msb", Context::account, "MSB"}, {"seabank", Context::account, "SeABank"},
    {"eximbank", Context::account, "Eximbank"}, {"lpbank", Context::account, "LPBank"},
    {"lienvietpostbank", Context::account, "LPBank"}, {"scb", Context::account, "SCB"},
    {"vietbank", Context::account, "Vietbank"}, {"abbank", Context::account, "ABBank"},
    {"nam a bank", Context::account, "Nam A Bank"}, {"namabank", Context::account, "Nam A Bank"},
    {"bac a bank", Context::account, "Bac A Bank"}, {"pvcombank", Context::account, "PVcomBank"},
    {"ncb", Context::account, "NCB"}, {"oceanbank", Context::account, "OceanBank"},
    {"kienlongbank", Context::account, "KienlongBank"}, {"baovietbank", Context::account, "BaoViet Bank"},
    {"shinhan", Context::account, "Shinhan Bank"}, {"hsbc", Context::account, "HSBC"},
    {"timo", Context::account, "Timo"}, {"cake", Context::account, "Cake"}, {"vnpay", Context::account, "VNPAY"},
    // phone context
    {"sdt", Context::phone, ""}, {"so dt", Context::phone, ""}, {"dt", Context::phone, ""},
    {"so dien thoai", Context::phone, ""}, {"dien thoai", Context::phone, ""}, {"lh", Context::phone, ""},
    {"lien he", Context::phone, ""}, {"goi", Context::phone, ""}, {"call", Context::phone, ""},
    {"tel", Context::phone, ""}, {"hotline", Context::phone, ""}, {"zalo", Context::phone, ""},
    {"phone", Context::phone, ""}, {"mobile", Context::phone, ""}, {"sms", Context::phone, ""},
    {"nhan tin", Context::phone, ""}, {"alo", Context::phone, ""}, {"di dong", Context::phone, ""},
    {"whatsapp", Context::phone, ""}, {"viber", Context::phone, ""},
    // numbers that are never phones
    {"otp", Context::not_phone, ""}, {"ma", Context::not_phone, ""}, {"code", Context::not_phone, ""},
    {"ma xac thuc", Context::not_phone, ""}, {"ma xac nhan", Context::not_phone, ""},
    {"ma don", Context::not_phone, ""}, {"don hang", Context::not_phone, ""}, {"van don", Context::not_phone, ""},
    {"order", Context::not_phone, ""}, {"cccd", Context::not_phone, ""}, {"cmnd", Context::not_phone, ""},
    {"can cuoc", Context::not_phone, ""}, {"cmt", Context::not_phone, ""}, {"so the", Context::not_phone, ""},
    {"hop dong", Context::not_phone, ""}, {"hd", Context::not_phone, ""}, {"mst", Context::not_phone, ""},
    {"ma so thue", Context::not_phone, ""}, {"imei", Context::not_phone, ""}, {"serial", Context::not_phone, ""},
    {"seri", Context::not_phone, ""}, {"bien so", Context::not_phone, ""}, {"id", Context::not_phone, ""},
    {"pin", Context::not_phone, ""}, {"dinh danh", Context::not_phone, ""}, {"ma so", Context::not_phone, ""},
    {"gd", Context::not_phone, ""}, {"giao dich", Context::not_phone, ""}, {"ref", Context::not_phone, ""},
    {"so hieu", Context::not_phone, ""}, {"ma gd", Context::not_phone, ""}, {"so bhxh", Context::not_phone, ""},
    {"bhxh", Context::not_phone, ""}, {"passport", Context::not_phone, ""}, {"ho chieu", Context::not_phone, ""},
};

// Unit words after a number that make it an amount or a quantity ("500 k", "5 tr", "2 trieu").
constexpr std::string_view kUnits[] = {"d",   "vnd", "dong", "k",   "tr",  "trieu", "nghin", "ngan", "ty",
                                       "ti",  "usd", "cu",   "m",   "xu",  "lit",   "kg",    "nguoi", "lan",
                                       "ngay", "thang", "nam", "gio", "phut", "h",   "%"};

// --- de-obfuscation --------------------------------------------------------------------------

void trim_trailing_spaces(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
}

bool ends_with_alnum_ignoring_spaces(const std::string& out) {
  std::size_t k = out.size();
  while (k > 0 && out[k - 1] == ' ') --k;
  return k > 0 && is_alnum(out[k - 1]);
}

// Rewrites "[.]", "(.)", "{.}", "[dot]", " dot ", "hxxp", "[:]" and spaced dots before a TLD
// ("vay-nhanh . vn") back to a plain link. Output is never longer than the input.
std::string deobfuscate(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '[' || c == '(' || c == '{') {
      const char close = c == '[' ? ']' : c == '(' ? ')' : '}';
      std::size_t j = i + 1;
      while (j < s.size() && s[j] == ' ') ++j;
      std::string_view inner;
      if (j < s.size() && (s[j] == '.' || s[j] == ':')) {
        inner = s[j] == '.' ? "." : ":";
        ++j;
      } else if (istarts_with(s, j, "dot")) {
        inner = ".";
        j += 3;
      }
      while (j < s.size() && s[j] == ' ') ++j;
      if (!inner.empty() && j < s.size() && s[j] == close && ends_with_alnum_ignoring_spaces(out)) {
        trim_trailing_spaces(out);
        out += inner;
        i = j + 1;
        while (i < s.size() && s[i] == ' ') ++i;
        continue;
      }
    }
    const bool word_start = i == 0 || !is_alnum(s[i - 1]);
    if (word_start && istarts_with(s, i, "dot") && i + 4 < s.size() && s[i + 3] == ' ' && is_alnum(s[i + 4]) &&
        !out.empty() && out.back() == ' ' && ends_with_alnum_ignoring_spaces(out)) {
      trim_trailing_spaces(out);
      out += '.';
      i += 4;
      continue;
    }
    if (word_start && (istarts_with(s, i, "hxxp") || istarts_with(s, i, "h**p"))) {
      out += "http";
      i += 4;
      continue;
    }
    if (c == '.' && ends_with_alnum_ignoring_spaces(out) &&
        ((!out.empty() && out.back() == ' ') || (i + 1 < s.size() && s[i + 1] == ' '))) {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] == ' ') ++j;
      std::size_t k = j;
      while (k < s.size() && is_alpha(s[k])) ++k;
      if (k > j && (k == s.size() || !is_alnum(s[k])) && is_tld(s.substr(j, k - j))) {
        trim_trailing_spaces(out);
        out += '.';
        i = j;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

// --- the scanner ------------------------------------------------------------------------------

struct Group {
  std::size_t begin, end;  // digit run [begin, end)
};

class Extractor {
 public:
  explicit Extractor(std::string text) : s_(std::move(text)) {}

  std::vector<Indicator> run() {
    std::size_t i = 0;
    const std::size_t n = s_.size();
    while (i < n && out_.size() < kMaxIndicators) {
      const char c = s_[i];
      const bool boundary = i == 0 || (!is_alnum(s_[i - 1]) && s_[i - 1] != '@' && s_[i - 1] != '_');
      if (is_alnum(c) && boundary) {
        std::size_t end = scan_link(i);
        if (end > i) {
          i = end;
          continue;
        }
        if (is_digit(c)) {
          i = std::max(scan_number(i), i + 1);
          continue;
        }
        while (i < n && is_alnum(s_[i])) ++i;
        continue;
      }
      if ((c == '+' || c == '(') && boundary && i + 1 < n) {
        std::size_t end = scan_number(i);
        if (end > i) {
          i = end;
          continue;
        }
      }
      if (c == '@' && boundary) {
        i = std::max(scan_at_handle(i), i + 1);
        continue;
      }
      ++i;
    }
    return std::move(out_);
  }

 private:
  void add(Indicator ind) {
    if (out_.size() >= kMaxIndicators) return;
    for (const Indicator& have : out_)
      if (have == ind) return;
    out_.push_back(std::move(ind));
  }

  // --- links -----------------------------------------------------------------------------

  std::size_t scan_link(std::size_t i) {
    const std::size_t n = s_.size();
    std::size_t host_begin = i;
    bool scheme = false;
    if (istarts_with(s_, i, "https://")) host_begin = i + 8, scheme = true;
    else if (istarts_with(s_, i, "http://")) host_begin = i + 7, scheme = true;
    if (!scheme && i < no_link_until_) return i;  // inside a run already known to hold no TLD
    // The run is capped so that a long run restarted at each label stays cheap (no host name
    // is longer than 253 bytes anyway).
    std::size_t host_end = host_begin;
    while (host_end < n && host_end - host_begin < 2048 && is_host_char(s_[host_end])) ++host_end;
    while (host_end > host_begin && (s_[host_end - 1] == '.' || s_[host_end - 1] == '-')) --host_end;
    // Trim trailing labels that are no TLD: "vay-nhanh.vn.Lien he" (no space after the link).
    std::size_t trimmed_end = host_end;
    std::string_view host;
    std::size_t last_dot;
    while (true) {
      host = std::string_view(s_.data() + host_begin, trimmed_end - host_begin);
      last_dot = host.rfind('.');
      if (last_dot == std::string_view::npos || is_tld(host.substr(last_dot + 1))) break;
      trimmed_end = host_begin + last_dot;
    }
    if (last_dot == std::string_view::npos) {
      // No start inside this run can reach a TLD either: remember it, so that "a1.a1.a1…" stays
      // linear, while digits inside it are still scanned as numbers.
      if (!scheme) no_link_until_ = host_end;
      return i;
    }
    if (trimmed_end != host_end) host_end = trimmed_end;
    if (host.size() > 253) {  // keep the longest tail that can be a host name
      std::size_t cut = host.find('.', host.size() - 253);
      if (cut == std::string_view::npos) return i;
      host_begin += cut + 1;
      host = host.substr(cut + 1);
    }
    if (!valid_host(host, scheme)) return i;

    std::size_t end = host_end;
    if (end < n && s_[end] == ':') {  // port
      std::size_t p = end + 1;
      while (p < n && is_digit(s_[p])) ++p;
      if (p > end + 1) end = p;
    }
    std::size_t path_begin = end;
    if (end < n && (s_[end] == '/' || s_[end] == '?' || s_[end] == '#')) {
      while (end < n && end - path_begin < 2048 && is_path_char(s_[end])) ++end;
      while (end > path_begin && std::strchr(".,;:!?)]}'\"", s_[end - 1]) != nullptr) --end;
    }
    std::string path(s_.data() + path_begin, end - path_begin);
    std::string domain = to_lower(host);
    if (domain.rfind("www.", 0) == 0 && domain.find('.', 4) != std::string::npos) domain.erase(0, 4);

    if (platform_link(domain, path)) return end;
    const bool shortener = is_shortener_domain(domain);
    if (!path.empty() && path != "/") {
      if (path.back() == '/' && path.find('?') == std::string::npos) path.pop_back();
      add(Indicator{IndicatorKind::url, domain + path, "", "", shortener});
    }
    add(Indicator{IndicatorKind::domain, domain, "", "", shortener});
    return end;
  }

  static bool is_path_char(char c) {
    return c > ' ' && c < 0x7F && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`' && c != '\\' &&
           c != '{' && c != '}' && c != '|' && c != '^';
  }

  static bool valid_host(std::string_view host, bool scheme) {
    if (host.size() < 4) return false;
    std::size_t labels = 0, numeric = 0, start = 0;
    std::string_view last;
    while (start <= host.size()) {
      std::size_t dot = host.find('.', start);
      if (dot == std::string_view::npos) dot = host.size();
      std::string_view label = host.substr(start, dot - start);
      if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
      bool all_digits = std::all_of(label.begin(), label.end(), is_digit);
      if (all_digits) ++numeric;
      ++labels;
      last = label;
      start = dot + 1;
      if (dot == host.size()) break;
    }
    if (labels < 2) return false;
    if (scheme && labels == 4 && numeric == 4) return true;  // http://1.2.3.4/
    // "290082.GD/2021" (a file number) is no host: the label left of the TLD needs a letter.
    if (!scheme && numeric == labels - 1) return false;
    return is_tld(last);
  }

  // t.me / zalo.me / facebook links become handles (or phones), never domains: reporting
  // "facebook.com" as a scam domain would be wrong.
  bool platform_link(const std::string& domain, const std::string& path) {
    std::string_view platform;
    if (domain == "t.me" || domain == "telegram.me" || domain == "telegram.dog") platform = "telegram";
    else if (domain == "zalo.me" || domain == "chat.zalo.me") platform = "zalo";
    else if (domain == "facebook.com" || domain == "fb.com" || domain == "m.facebook.com" ||
             domain == "web.facebook.com" || domain == "mbasic.facebook.com" || domain == "fb.me" ||
             domain == "m.me" || domain == "business.facebook.com")
      platform = "facebook";
    else if (domain == "tiktok.com" || domain == "vt.tiktok.com") platform = "tiktok";
    else return false;
    std::string_view p(path);
    while (!p.empty() && p.front() == '/') p.remove_prefix(1);
    std::string_view query;
    if (auto q = p.find('?'); q != std::string_view::npos) query = p.substr(q + 1), p = p.substr(0, q);
    std::string_view first = p.substr(0, p.find('/'));
    std::string_view rest = first.size() < p.size() ? p.substr(first.size() + 1) : std::string_view{};
    std::string_view second = rest.substr(0, rest.find('/'));
    if (first.empty()) return true;
    std::string name;
    if (platform == "telegram") {
      if (first == "s" && !second.empty()) first = second;
      if (first == "joinchat" && !second.empty()) name = "joinchat/" + std::string(second);  // invite: case matters
      else if (first.front() == '+') name = std::string(first);
      else name = to_lower(first);
    } else if (platform == "zalo") {
      if (auto phone = parse_phone(first)) {
        add(Indicator{IndicatorKind::phone, *phone, "", "zalo", false});
        return true;
      }
      name = first == "g" && !second.empty() ? "g/" + std::string(second) : to_lower(first);
    } else if (platform == "facebook") {
      if (first == "profile.php") {
        auto id = query.find("id=");
        if (id == std::string_view::npos) return true;
        std::size_t e = id + 3;
        while (e < query.size() && is_digit(query[e])) ++e;
        name = std::string(query.substr(id + 3, e - id - 3));
      } else if ((first == "groups" || first == "pages") && !second.empty()) {
        name = std::string(first) + "/" + to_lower(second);
      } else {
        name = to_lower(first);
      }
    } else {  // tiktok.com/@name
      if (first.front() != '@') return true;
      name = to_lower(first.substr(1));
    }
    if (name.empty() || name.size() > 100) return true;
    add(Indicator{IndicatorKind::handle, std::string(platform) + ":" + name, "", std::string(platform), false});
    return true;
  }

  // --- @handles near "telegram" ------------------------------------------------------------

  std::size_t scan_at_handle(std::size_t i) {
    std::size_t end = i + 1;
    while (end < s_.size() && end - i <= 33 && is_handle_char(s_[end])) ++end;
    while (end > i + 1 && s_[end - 1] == '.') --end;
    const std::size_t len = end - i - 1;
    if (len < 3 || len > 32 || (end < s_.size() && s_[end] == '@')) return end;
    std::string_view platform = handle_platform(i, end);
    if (platform.empty()) return end;
    std::string name = to_lower(std::string_view(s_).substr(i + 1, len));
    add(Indicator{IndicatorKind::handle, std::string(platform) + ":" + name, "", std::string(platform), false});
    return end;
  }

  std::string_view handle_platform(std::size_t at, std::size_t end) const {
    static constexpr std::pair<std::string_view, std::string_view> kPlatformWords[] = {
        {"telegram", "telegram"}, {"tele", "telegram"}, {"tg", "telegram"},      {"tlg", "telegram"},
        {"facebook", "facebook"}, {"fb", "facebook"},   {"tiktok", "tiktok"},    {"instagram", "instagram"},
        {"ig", "instagram"},      {"zalo", "zalo"},
    };
    const std::size_t lo = at > 40 ? at - 40 : 0;
    const std::size_t hi = std::min(s_.size(), end + 30);
    std::string_view best;
    std::size_t best_distance = SIZE_MAX;
    for (std::size_t w = lo; w < hi; ++w) {
      if (!is_alpha(s_[w]) || (w > 0 && is_alnum(s_[w - 1]))) continue;
      if (w > at && w < end) continue;
      for (const auto& [word, platform] : kPlatformWords) {
        if (!istarts_with(s_, w, word)) continue;
        const std::size_t after = w + word.size();
        if (after < s_.size() && is_alnum(s_[after])) continue;
        const std::size_t distance = w < at ? at - w : w - end;
        if (distance < best_distance) best_distance = distance, best = platform;
      }
    }
    return best;
  }

  // --- numbers ---------------------------------------------------------------------------

  // The nearest keyword ending within `window` characters before `pos` (no digit between).
  const Keyword* keyword_before(std::size_t pos, std::size_t window) const {
    const std::size_t lo = pos > window ? pos - window : 0;
    for (std::size_t j = pos; j > lo; --j) {
      const char c = s_[j - 1];
      if (is_digit(c)) return nullptr;  // another number stands between
      if (!is_alpha(c)) continue;
      if (j < s_.size() && is_alnum(s_[j])) continue;  // not a word end
      const Keyword* best = nullptr;
      for (const Keyword& kw : kKeywords) {
        if (kw.text.size() > j) continue;
        const std::size_t start = j - kw.text.size();
        if (start > 0 && is_alnum(s_[start - 1])) continue;
        if (!iequals(std::string_view(s_).substr(start, kw.text.size()), kw.text)) continue;
        if (!best || kw.text.size() > best->text.size()) best = &kw;
      }
      if (best) return best;
    }
    return nullptr;
  }

  // A bank name starting within `window` characters after `pos` (no digit or letter word
  // other than the bank between: "0123456789 - Vietcombank", "0123456789 (VCB)").
  const Keyword* bank_after(std::size_t pos, std::size_t window) const {
    std::size_t j = pos;
    const std::size_t hi = std::min(s_.size(), pos + window);
    while (j < hi && !is_alnum(s_[j])) ++j;
    // Filler before the name: "0123… ngan hang TMCP ACB", "… tai Vietcombank".
    for (std::string_view filler : {"ngan hang ", "nh ", "tai ", "tmcp ", "bank "}) {
      if (istarts_with(s_, j, filler)) j += filler.size();
      while (j < hi && !is_alnum(s_[j])) ++j;
    }
    if (j >= hi) return nullptr;
    const Keyword* best = nullptr;
    for (const Keyword& kw : kKeywords) {
      if (kw.bank.empty() || !istarts_with(s_, j, kw.text)) continue;
      const std::size_t after = j + kw.text.size();
      if (after < s_.size() && is_alnum(s_[after])) continue;
      if (!best || kw.text.size() > best->text.size()) best = &kw;
    }
    return best;
  }

  std::string_view bank_near(std::size_t begin, std::size_t end, const Keyword* ctx) const {
    if (ctx && !ctx->bank.empty()) return ctx->bank;
    if (const Keyword* after = bank_after(end, 30)) return after->bank;
    // A bank named a little earlier: "Vietcombank, STK 0123…"
    const std::size_t lo = begin > 80 ? begin - 80 : 0;
    std::string_view found;
    for (std::size_t w = lo; w < begin; ++w) {
      if (!is_alpha(s_[w]) || (w > 0 && is_alnum(s_[w - 1]))) continue;
      for (const Keyword& kw : kKeywords) {
        if (kw.bank.empty() || !istarts_with(s_, w, kw.text)) continue;
        const std::size_t after = w + kw.text.size();
        if (after < s_.size() && is_alnum(s_[after])) continue;
        found = kw.bank;
      }
    }
    return found;
  }

  bool unit_after(std::size_t end) const {
    const std::size_t n = s_.size();
    if (end < n && (s_[end] == '%' || s_[end] == '$')) return true;
    std::size_t j = end;
    if (j < n && s_[j] == ' ') ++j;
    std::size_t k = j;
    while (k < n && is_alpha(s_[k]) && k - j < 8) ++k;
    if (k == j || (k < n && is_alnum(s_[k]))) return false;
    const std::string word = to_lower(std::string_view(s_).substr(j, k - j));
    if (word == "ngan" && istarts_with(s_, k, " hang")) return false;  // "ngân hàng" (bank), not "ngàn"
    for (std::string_view u : kUnits)
      if (word == u) return true;
    return false;
  }

  std::string digits_of(const std::vector<Group>& g, std::size_t from, std::size_t to) const {
    std::string d;
    for (std::size_t k = from; k <= to; ++k) d.append(s_, g[k].begin, g[k].end - g[k].begin);
    return d;
  }

  // dd.mm.yyyy or yyyy-mm-dd with a plausible day, month and year ("0939.12.34.56" is a
  // phone written in pairs, not the 34th of December 939).
  bool is_date(const std::vector<Group>& g, const std::vector<char>& sep, std::size_t k) const {
    if (k + 2 >= g.size() || sep[k] != sep[k + 1] || (sep[k] != '.' && sep[k] != '-')) return false;
    auto len = [&](std::size_t x) { return g[x].end - g[x].begin; };
    auto value = [&](std::size_t x) { return len(x) > 4 ? 0 : std::stoi(s_.substr(g[x].begin, len(x))); };
    auto year_ok = [&](std::size_t x) { return len(x) == 4 && value(x) >= 1900 && value(x) <= 2099; };
    auto day_month_ok = [&](std::size_t d, std::size_t m) {
      return len(d) <= 2 && len(m) <= 2 && value(d) >= 1 && value(d) <= 31 && value(m) >= 1 && value(m) <= 12;
    };
    return (year_ok(k + 2) && day_month_ok(k, k + 1)) || (year_ok(k) && day_month_ok(k + 2, k + 1));
  }

  static bool is_thousands(const std::vector<Group>& g, const std::vector<char>& sep, std::size_t from,
                           std::size_t to, const std::string& s) {
    if (to <= from) return false;
    const std::size_t first = g[from].end - g[from].begin;
    if (first > 3 || s[g[from].begin] == '0') return false;
    for (std::size_t k = from; k < to; ++k)
      if (sep[k] != '.' || g[k + 1].end - g[k + 1].begin != 3) return false;
    return true;
  }

  std::size_t scan_number(std::size_t i) {
    const std::size_t n = s_.size();
    std::size_t p = i;
    bool plus = false;
    if (s_[p] == '(') {
      ++p;
      while (p < n && s_[p] == ' ') ++p;
    }
    if (p < n && s_[p] == '+') plus = true, ++p;
    if (p >= n || !is_digit(s_[p])) return i;
    const bool after_hash = i > 0 && (s_[i - 1] == '#' || s_[i - 1] == '$' || s_[i - 1] == '/');

    std::vector<Group> groups;
    std::vector<char> sep;  // sep[k] sits between groups k and k+1: ' ', '.', '-' or 'x' (mixed/brackets)
    std::size_t digits = 0;
    while (true) {
      std::size_t q = p;
      while (q < n && is_digit(s_[q])) ++q;
      groups.push_back(Group{p, q});
      digits += q - p;
      if (digits > 24 || groups.size() > 14) break;
      std::size_t r = q;
      char kind = 0;
      while (r < n && r - q < 3 && std::strchr(" .-()\t", s_[r]) != nullptr && s_[r] != '\0') {
        const char k = s_[r] == '\t' ? ' ' : s_[r];
        kind = kind == 0 ? k : (kind == k ? k : 'x');
        ++r;
      }
      if (kind == 0 || r >= n || !is_digit(s_[r])) break;
      sep.push_back(kind);
      p = r;
    }
    std::size_t end = groups.back().end;
    if (end < n && is_alpha(s_[end])) {
      // "5tr", "10k", "0912345678abc": a quantity or a code; the earlier groups may still hold a phone.
      groups.pop_back();
      while (end < n && is_alnum(s_[end])) ++end;
      if (!sep.empty()) sep.pop_back();
    } else if (unit_after(end)) {
      groups.pop_back();
      if (!sep.empty()) sep.pop_back();
    }
    if (groups.empty() || after_hash) return end;

    // Split off dates (12.05.2024, 2024-05-12) and classify the remaining runs.
    std::size_t from = 0;
    for (std::size_t k = 0; k < groups.size();) {
      if (is_date(groups, sep, k)) {
        if (k > from) classify(groups, sep, from, k - 1, plus && from == 0);
        k += 3;
        from = k;
      } else {
        ++k;
      }
    }
    if (from < groups.size()) classify(groups, sep, from, groups.size() - 1, plus && from == 0);
    return end;
  }

  void classify(const std::vector<Group>& g, const std::vector<char>& sep, std::size_t from, std::size_t to,
                bool plus) {
    const std::size_t begin = g[from].begin - (plus ? 1 : 0);
    const Keyword* ctx = keyword_before(begin, 32);
    if (ctx && ctx->context == Context::not_phone) return;
    if (!plus && is_thousands(g, sep, from, to, s_)) return;  // 5.000.000
    const bool account = (ctx && ctx->context == Context::account) || (!ctx && bank_after(g[to].end, 24));
    if (account && !plus) {
      std::string d = digits_of(g, from, to);
      if (d.size() >= 6 && d.size() <= 19)
        add(Indicator{IndicatorKind::bank_account, std::move(d), std::string(bank_near(begin, g[to].end, ctx)), "",
                      false});
      return;
    }
    const std::string platform = ctx && ctx->text == "zalo" ? "zalo" : "";
    // Find phones on group boundaries, longest first ("0 9 1 2 …", "0912 345 678 2 nguoi").
    std::size_t s0 = from;
    while (s0 <= to) {
      bool found = false;
      for (std::size_t e = to + 1; e-- > s0;) {
        std::string d = digits_of(g, s0, e);
        if (d.size() > 15) continue;
        if (d.size() < 8) break;
        if (auto phone = normalize_phone_digits(d, plus && s0 == from)) {
          add(Indicator{IndicatorKind::phone, std::move(*phone), "", platform, false});
          s0 = e + 1;
          found = true;
          break;
        }
      }
      if (!found) ++s0;
    }
  }

  std::string s_;
  std::vector<Indicator> out_;
  std::size_t no_link_until_ = 0;
};

std::string_view trim(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\n' || v.front() == '\r'))
    v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\n' || v.back() == '\r'))
    v.remove_suffix(1);
  return v;
}

std::string skeleton_of(std::string_view text) {
  if (text.size() > kMaxScanBytes) text = text.substr(0, kMaxScanBytes);
  return deobfuscate(text::ascii_skeleton(text));
}

std::optional<Indicator> handle_with_prefix(std::string_view v) {
  static constexpr std::string_view kPlatforms[] = {"telegram", "zalo", "facebook", "tiktok", "instagram"};
  for (std::string_view platform : kPlatforms) {
    if (v.size() <= platform.size() + 1 || !istarts_with(v, 0, platform) || v[platform.size()] != ':') continue;
    std::string_view name = v.substr(platform.size() + 1);
    if (!name.empty() && name.front() == '@') name.remove_prefix(1);
    if (name.empty() || name.size() > 100) return std::nullopt;
    for (char c : name)
      if (!is_handle_char(c) && c != '/' && c != '+' && c != '-') return std::nullopt;
    const bool keep_case = name.front() == '+' || name.rfind("joinchat/", 0) == 0 || name.rfind("g/", 0) == 0;
    return Indicator{IndicatorKind::handle, std::string(platform) + ":" + (keep_case ? std::string(name) : to_lower(name)),
                     "", std::string(platform), false};
  }
  return std::nullopt;
}

}  // namespace

std::string_view indicator_kind_name(IndicatorKind kind) {
  switch (kind) {
    case IndicatorKind::phone: return "phone";
    case IndicatorKind::domain: return "domain";
    case IndicatorKind::url: return "url";
    case IndicatorKind::bank_account: return "bank_account";
    case IndicatorKind::handle: return "handle";
  }
  return "phone";
}

std::optional<IndicatorKind> parse_indicator_kind(std::string_view name) {
  for (IndicatorKind k : {IndicatorKind::phone, IndicatorKind::domain, IndicatorKind::url, IndicatorKind::bank_account,
                          IndicatorKind::handle})
    if (indicator_kind_name(k) == name) return k;
  return std::nullopt;
}

bool is_shortener_domain(std::string_view domain) {
  return std::find(std::begin(kShorteners), std::end(kShorteners), domain) != std::end(kShorteners);
}

std::vector<Indicator> extract_indicators(std::string_view text) {
  if (text.empty()) return {};
  std::vector<Indicator> found = Extractor(skeleton_of(text)).run();
  // The scanner reads a host written in lookalike letters as ASCII ("vіetcombank.com.vn" with
  // a Cyrillic і → "vietcombank.com.vn"): keep such hosts as written, so that a report or a
  // check never counts the real domain in the registry.
  for (const UnicodeHost& h : find_unicode_hosts(text))
    for (Indicator& ind : found)
      if ((ind.kind == IndicatorKind::domain || ind.kind == IndicatorKind::url) && ind.value.rfind(h.ascii, 0) == 0)
        ind.value = h.host + ind.value.substr(h.ascii.size());
  return found;
}

std::optional<Indicator> parse_indicator(std::string_view value) {
  value = trim(value);
  if (value.empty() || value.size() > 2048) return std::nullopt;
  if (auto h = handle_with_prefix(value)) return h;
  const std::string skel(trim(skeleton_of(value)));
  if (skel.empty()) return std::nullopt;
  if (skel.find_first_not_of("+0123456789 .-()") == std::string::npos) {
    if (auto phone = parse_phone(skel)) return Indicator{IndicatorKind::phone, *phone, "", "", false};
    std::string digits;
    for (char c : skel)
      if (is_digit(c)) digits.push_back(c);
    if (skel.find('+') == std::string::npos && digits.size() >= 6 && digits.size() <= 19)
      return Indicator{IndicatorKind::bank_account, digits, "", "", false};
    return std::nullopt;
  }
  if (skel.front() == '@' && skel.size() >= 4 && skel.size() <= 33 &&
      std::all_of(skel.begin() + 1, skel.end(), is_handle_char))
    return Indicator{IndicatorKind::handle, "telegram:" + to_lower(std::string_view(skel).substr(1)), "", "telegram",
                     false};
  auto found = Extractor(skel).run();
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Indicator> parse_indicator_as(IndicatorKind kind, std::string_view value) {
  value = trim(value);
  if (kind == IndicatorKind::bank_account) {
    std::string digits;
    for (char c : value) {
      if (is_digit(c)) digits.push_back(c);
      else if (c != ' ' && c != '.' && c != '-') return std::nullopt;
    }
    if (digits.size() < 6 || digits.size() > 19) return std::nullopt;
    return Indicator{IndicatorKind::bank_account, digits, "", "", false};
  }
  if (kind == IndicatorKind::phone) {
    if (auto phone = parse_phone(trim(skeleton_of(value)))) return Indicator{IndicatorKind::phone, *phone, "", "", false};
    return std::nullopt;
  }
  if (kind == IndicatorKind::handle) {
    auto h = parse_indicator(value);
    if (h && h->kind == IndicatorKind::handle) return h;
    return std::nullopt;
  }
  if (value.empty() || value.size() > 2048) return std::nullopt;
  for (Indicator& ind : Extractor(std::string(trim(skeleton_of(value)))).run())
    if (ind.kind == kind) return std::move(ind);
  return std::nullopt;
}

}  // namespace antoan::scam
