#pragma once
// UTF-8 validity and length checks used at every input boundary (bad UTF-8 is rejected,
// never stored). Normalisation of Vietnamese text lives in text/.
#include <cstddef>
#include <string_view>

namespace antoan {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, max U+10FFFF).
bool is_valid_utf8(std::string_view s);
// Number of code points; assumes valid UTF-8.
std::size_t utf8_length(std::string_view s);
// True when `s` contains control characters other than tab, CR and LF.
bool has_control_chars(std::string_view s);

}  // namespace antoan
