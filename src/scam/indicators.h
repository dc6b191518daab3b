#pragma once
// Indicators of a scam found in free text or typed by a user: phone numbers, domains, links,
// bank accounts and chat handles, each in one normalised form so the registry can count
// them across reports however they were written.
//
// Normalised values:
//   phone         E.164: "+84912345678" (old 11-digit mobiles renumbered; 1800/1900 hotlines
//                 as "+8419001234"; landlines "+842412345678")
//   domain        lower case, no "www.", no trailing dot: "vay-nhanh.vn"
//   url           a link with a path: lower-case host without "www." + path as written, no
//                 scheme ("bit.ly/AbC12"); its domain is reported beside it
//   bank_account  digits only, `bank` holds the bank's usual name when one is near
//   handle        "<platform>:<name>": "telegram:vaynhanh_bot", "zalo:g/abcd", "facebook:some.page"
//
// The extractor is a hand-written scanner over the ASCII skeleton of the text (no regex;
// it runs on every checked message). It de-obfuscates links ("[.]", "(.)", " dot ", "hxxp",
// spaced dots before a TLD) and tells phones from amounts (5.000.000đ, 5tr), OTP codes, order
// numbers, dates, ID-card numbers and bank accounts by their shape and the words before them.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace antoan::scam {

enum class IndicatorKind { phone, domain, url, bank_account, handle };

std::string_view indicator_kind_name(IndicatorKind kind);
std::optional<IndicatorKind> parse_indicator_kind(std::string_view name);

struct Indicator {
  IndicatorKind kind = IndicatorKind::phone;
  std::string value;
  std::string bank;      // bank_account: e.g. "Vietcombank"; empty when unknown
  std::string platform;  // handle: "telegram", "zalo", "facebook"; phone: "zalo" when written so
  bool shortener = false;  // url/domain of a link shortener (bit.ly, tinyurl.com, …)

  bool operator==(const Indicator& o) const { return kind == o.kind && value == o.value; }
};

inline constexpr std::size_t kMaxScanBytes = 64 * 1024;
inline constexpr std::size_t kMaxIndicators = 50;

// All indicators in a message, in order of appearance, without duplicates. Reads at most
// kMaxScanBytes of input and returns at most kMaxIndicators.
std::vector<Indicator> extract_indicators(std::string_view text);

// One value typed into a lookup box ("0912 345 678", "vay-nhanh[.]vn", "t.me/abc",
// "telegram:abc", "1903 4567 8901 23"). Digits that are not a phone are a bank account.
std::optional<Indicator> parse_indicator(std::string_view value);

// Normalises `value` as the given kind (CSV imports name the kind); nullopt when it is not one.
std::optional<Indicator> parse_indicator_as(IndicatorKind kind, std::string_view value);

// True for a known link-shortener domain (normalised form).
bool is_shortener_domain(std::string_view domain);

}  // namespace antoan::scam
