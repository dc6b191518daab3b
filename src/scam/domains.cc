#include "scam/domains.h"

#include <libpsl.h>
#include <unicode/uchar.h>
#include <unicode/uidna.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

#include "text/normalize.h"

namespace antoan::scam {
namespace {

const psl_ctx_t* psl() {
  // psl_latest() reads Debian's /usr/share/publicsuffix data and falls back to
  // the list built into libpsl; both are loaded once and are read-only
  // afterwards (thread-safe).
  static const psl_ctx_t* ctx = [] {
    psl_ctx_t* latest = psl_latest(nullptr);
    return latest ? static_cast<const psl_ctx_t*>(latest) : psl_builtin();
  }();
  return ctx;
}

const USpoofChecker* spoof_checker() {
  static const USpoofChecker* checker = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* c = uspoof_open(&status);
    return U_FAILURE(status) ? nullptr : c;
  }();
  return checker;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

constexpr std::array<std::string_view, 40> kRiskyTlds = {
    "top", "xyz",  "icu",   "vip",   "cc",      "site",    "online", "click", "live", "shop",
    "fun", "club", "buzz",  "cyou",  "sbs",     "monster", "tk",     "ml",    "ga",   "cf",
    "gq",  "bid",  "loan",  "win",   "work",    "rest",    "cfd",    "lol",   "bond", "pw",
    "ws",  "info", "store", "space", "website", "tech",    "asia",   "today", "life", "homes"};

bool is_host_byte(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.';
}

// Decodes xn-- labels to Unicode (UTS #46); returns the input when it cannot.
std::string idna_to_unicode(const std::string& host) {
  UErrorCode status = U_ZERO_ERROR;
  static const UIDNA* idna = [] {
    UErrorCode s = U_ZERO_ERROR;
    UIDNA* u = uidna_openUTS46(UIDNA_DEFAULT, &s);
    return U_FAILURE(s) ? nullptr : u;
  }();
  if (!idna) return host;
  std::string out(host.size() * 4 + 16, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  int32_t n = uidna_nameToUnicodeUTF8(idna, host.data(), static_cast<int32_t>(host.size()), out.data(),
                                      static_cast<int32_t>(out.size()), &info, &status);
  if (U_FAILURE(status) || n <= 0 || n > static_cast<int32_t>(out.size())) return host;
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// Distinct scripts of the letters of a UTF-8 string (Common and Inherited
// ignored).
int script_count(std::string_view s) {
  std::array<UScriptCode, 4> seen{};
  int count = 0;
  int32_t i = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &status);
    if (U_FAILURE(status) || sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED) continue;
    if (std::find(seen.begin(), seen.begin() + count, sc) != seen.begin() + count) continue;
    if (count < 4) seen[static_cast<std::size_t>(count)] = sc;
    ++count;
  }
  return count;
}

}  // namespace

std::string registrable_domain(std::string_view host) {
  std::string h = lower_ascii(host);
  const char* r = psl_registrable_domain(psl(), h.c_str());
  return r ? std::string(r) : h;
}

bool is_public_suffix_label(std::string_view label) {
  if (label.empty() || label.size() > 24) return false;
  std::string l = lower_ascii(label);
  return psl_is_public_suffix2(psl(), l.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0;
}

bool is_risky_tld(std::string_view host) {
  std::size_t dot = host.rfind('.');
  std::string_view tld = dot == std::string_view::npos ? host : host.substr(dot + 1);
  return std::find(kRiskyTlds.begin(), kRiskyTlds.end(), tld) != kRiskyTlds.end();
}

bool is_ip_host(std::string_view host) {
  int dots = 0, digits = 0;
  for (char c : host) {
    if (c == '.') {
      if (digits == 0) return false;
      ++dots, digits = 0;
    } else if (c >= '0' && c <= '9') {
      if (++digits > 3) return false;
    } else {
      return false;
    }
  }
  return dots == 3 && digits > 0;
}

std::string confusable_skeleton(std::string_view utf8) {
  const USpoofChecker* checker = spoof_checker();
  if (!checker || utf8.empty()) return lower_ascii(utf8);
  std::string out(utf8.size() * 3 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = uspoof_getSkeletonUTF8(checker, 0, utf8.data(), static_cast<int32_t>(utf8.size()), out.data(),
                                     static_cast<int32_t>(out.size()), &status);
  if (U_FAILURE(status) || n < 0 || n > static_cast<int32_t>(out.size())) return lower_ascii(utf8);
  out.resize(static_cast<std::size_t>(n));
  return lower_ascii(out);
}

std::vector<UnicodeHost> find_unicode_hosts(std::string_view text) {
  std::vector<UnicodeHost> out;
  // Most messages are plain ASCII or have no IDN: answer those without scanning host by host.
  const bool any_non_ascii =
      std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (!any_non_ascii && text.find("xn--") == std::string_view::npos && text.find("XN--") == std::string_view::npos)
    return out;
  std::size_t i = 0;
  const std::size_t n = std::min<std::size_t>(text.size(), 64 * 1024);
  while (i < n && out.size() < 10) {
    if (!is_host_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    bool non_ascii = false, dot = false;
    while (j < n && is_host_byte(static_cast<unsigned char>(text[j]))) {
      non_ascii |= static_cast<unsigned char>(text[j]) >= 0x80;
      dot |= text[j] == '.';
      ++j;
    }
    const std::size_t begin = i;
    i = j;
    if (!dot) continue;  // a word, not a host: nothing to build
    std::string token(text.substr(begin, j - begin));
    while (!token.empty() && (token.back() == '.' || token.back() == '-')) token.pop_back();
    const std::size_t last_dot = token.rfind('.');
    if (last_dot == std::string::npos || last_dot == 0) continue;
    const std::string lower = lower_ascii(token);
    const bool puny = lower.find("xn--") != std::string::npos;
    if (!non_ascii && !puny) continue;
    if (!is_public_suffix_label(std::string_view(lower).substr(last_dot + 1))) continue;
    UnicodeHost h;
    h.host = puny ? idna_to_unicode(lower) : lower;
    // Plain Vietnamese with a missing space ("ở.Vietcombank") is not a host:
    // one script only and no xn-- means the writer typed Latin letters with
    // diacritics.
    h.mixed_script = script_count(h.host) > 1;
    if (!puny && !h.mixed_script) continue;
    h.skeleton = confusable_skeleton(h.host);
    h.ascii = lower_ascii(text::ascii_skeleton(h.host));
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace antoan::scam
