#pragma once
// Vietnamese phone numbers in any written form → E.164 ("+84912345678").
//
// Handles +84 / 84 / 0084 / 0 prefixes, the old 11-digit mobile prefixes renumbered in 2018
// (0168→038, 0120→070, …), landlines (024 xxxx xxxx, 0236 xxx xxxx), and 1800/1900
// hotlines. Mobile prefixes are checked against a hand-written table (fast, no regex: the
// scam checker calls this on every message); landlines and foreign numbers go through
// libphonenumber, which is slower but rare here.
#include <optional>
#include <string>
#include <string_view>

namespace antoan::scam {

// `digits` holds only '0'-'9'; `had_plus` says whether a '+' was written before them.
// Returns the E.164 form or nullopt when these digits are not a valid phone number.
std::optional<std::string> normalize_phone_digits(std::string_view digits, bool had_plus);

// One value as typed by a person ("0912 345 678", "(+84) 912.345.678", "0168-123-4567"):
// the whole value must be one phone number (digits, spaces, dots, dashes, brackets, '+').
std::optional<std::string> parse_phone(std::string_view text);

// The current 3-digit mobile prefix ("038") for an old 4-digit one ("0168"), or empty.
std::string renumbered_mobile_prefix(std::string_view old_prefix);

}  // namespace antoan::scam
