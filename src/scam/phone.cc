#include "scam/phone.h"

#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <utility>

namespace antoan::scam {
namespace {

// Old 11-digit mobile prefixes (without the leading 0) and their 2018 replacements.
constexpr std::array<std::pair<std::string_view, std::string_view>, 21> kRenumbered = {{
    {"120", "70"}, {"121", "79"}, {"122", "77"}, {"126", "76"}, {"128", "78"}, {"123", "83"},
    {"124", "84"}, {"125", "85"}, {"127", "81"}, {"129", "82"}, {"162", "32"}, {"163", "33"},
    {"164", "34"}, {"165", "35"}, {"166", "36"}, {"167", "37"}, {"168", "38"}, {"169", "39"},
    {"186", "56"}, {"188", "58"}, {"199", "59"},
}};

// Two-digit mobile prefixes in use (after the leading 0).
bool is_mobile_prefix(char a, char b) {
  const int p = (a - '0') * 10 + (b - '0');
  switch (p) {
    case 32: case 33: case 34: case 35: case 36: case 37: case 38: case 39:
    case 52: case 55: case 56: case 58: case 59:
    case 70: case 76: case 77: case 78: case 79:
    case 81: case 82: case 83: case 84: case 85: case 86: case 87: case 88: case 89:
    case 90: case 91: case 92: case 93: case 94: case 96: case 97: case 98: case 99:
      return true;
    default:
      return false;
  }
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Concatenation without `"literal" + std::string` (g++ 12 -O3 warns falsely on it: -Wrestrict).
std::string cat(std::string_view a, std::string_view b, std::string_view c = {}) {
  std::string out;
  out.reserve(a.size() + b.size() + c.size());
  out.append(a).append(b).append(c);
  return out;
}

std::optional<std::string> via_libphonenumber(const std::string& number, const char* region) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber parsed;
  if (util->Parse(number, region, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
  if (!util->IsValidNumber(parsed)) return std::nullopt;
  std::string out;
  util->Format(parsed, PhoneNumberUtil::E164, &out);
  return out;
}

// A national significant number (no leading 0, no country code).
std::optional<std::string> normalize_national(std::string_view n) {
  if (n.size() == 9 && is_mobile_prefix(n[0], n[1])) return cat("+84", n);
  if (n.size() == 10 && n[0] == '1') {
    auto fresh = renumbered_mobile_prefix(cat("0", n.substr(0, 3)));
    if (!fresh.empty()) return cat("+84", std::string_view(fresh).substr(1), n.substr(3));
    return std::nullopt;
  }
  if (n.size() == 10 && n[0] == '2') return via_libphonenumber(cat("0", n), "VN");
  return std::nullopt;
}


}  // namespace

std::string renumbered_mobile_prefix(std::string_view old_prefix) {
  if (old_prefix.size() != 4 || old_prefix[0] != '0') return {};
  for (const auto& [from, to] : kRenumbered)
    if (old_prefix.substr(1) == from) return cat("0", to);
  return {};
}

std::optional<std::string> normalize_phone_digits(std::string_view d, bool had_plus) {
  if (d.size() < 8 || d.size() > 15) return std::nullopt;
  if (had_plus || starts_with(d, "00")) {
    std::string_view intl = had_plus ? d : d.substr(2);
    if (starts_with(intl, "84")) {
      std::string_view n = intl.substr(2);
      if (!n.empty() && n[0] == '0') n.remove_prefix(1);  // "+84 (0) 912…"
      if (starts_with(n, "1800") || starts_with(n, "1900")) {
        if (n.size() == 8 || n.size() == 10) return cat("+84", n);
        return std::nullopt;
      }
      return normalize_national(n);
    }
    if (!had_plus) return std::nullopt;  // "00…" without 84: an id or a code, not a phone
    return via_libphonenumber(cat("+", intl), "ZZ");
  }
  if (d[0] == '0') return normalize_national(d.substr(1));
  if (starts_with(d, "1800") || starts_with(d, "1900")) {
    if (d.size() == 8 || d.size() == 10) return cat("+84", d);
    return std::nullopt;
  }
  if (starts_with(d, "84") && (d.size() == 11 || d.size() == 12)) return normalize_national(d.substr(2));
  return std::nullopt;
}

std::optional<std::string> parse_phone(std::string_view text) {
  std::string digits;
  bool plus = false;
  bool seen_digit = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      seen_digit = true;
    } else if (c == '+' && !seen_digit && !plus) {
      plus = true;
    } else if (c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '\t') {
      continue;
    } else {
      return std::nullopt;
    }
    if (digits.size() > 16) return std::nullopt;
  }
  return normalize_phone_digits(digits, plus);
}

}  // namespace antoan::scam
