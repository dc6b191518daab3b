#pragma once
// Vietnamese text normalisation shared by the scam checker, the assistant and search.
//
// Four forms, each built on the previous one:
//   to_nfc                 NFC, one tone-placement style, invisible characters removed. For
//                          display and storage-adjacent comparisons; keeps case and diacritics.
//   fold                   + compatibility forms (fullwidth, math letters), case folding,
//                          diacritics stripped, đ→d. "Hòa Bình" and "HOÀ BINH" fold equal.
//   normalize_for_matching + teencode and leet expanded, spaced or dotted letters joined,
//                          whitespace collapsed. What scam patterns and the classifier see.
//   ascii_skeleton         NFKC, diacritics stripped, đ→d, CASE KEPT, other non-ASCII → space.
//                          What the indicator scanners read (URL paths are case-sensitive).
//
// Tone placement: we write the CLASSIC style ("hòa", "khỏe", "thủy": the tone on the first
// vowel of a final oa/oe/uy), the default of Unikey and of most Vietnamese typing. The "new"
// style ("hoà", "khoẻ", "thuỷ") is rewritten to it. Syllables with a final consonant
// ("hoàng", "thuyền") are the same in both styles and left alone.
//
// Every function accepts any bytes: invalid UTF-8 sequences are dropped, never passed on,
// and the functions never throw.
#include <string>
#include <string_view>
#include <vector>

namespace antoan::text {

std::string to_nfc(std::string_view utf8);
std::string fold(std::string_view utf8);
std::string normalize_for_matching(std::string_view utf8);
std::string ascii_skeleton(std::string_view utf8);

// Word tokens (runs of letters and digits) of a folded string; punctuation and spaces split.
std::vector<std::string> tokenize(std::string_view folded);

// True for zero-width and other invisible format characters (ZWSP, ZWJ, BOM, soft hyphen,
// bidi controls, variation selectors…) that scammers insert to dodge filters.
bool is_invisible(char32_t cp);

}  // namespace antoan::text
