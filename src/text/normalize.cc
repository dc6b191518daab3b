#include "text/normalize.h"

#include <unicode/uspoof.h>
#include <unicode/utf16.h>
#include <utf8proc.h>

#include <array>
#include <deque>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace antoan::text {
namespace {

constexpr char32_t kReplacementDrop = 0xFFFFFFFF;

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i, or
// kReplacementDrop for an invalid byte (advancing by one so the scan always progresses).
char32_t decode_one(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kReplacementDrop;
  }
  if (i + static_cast<std::size_t>(len) > s.size()) {
    ++i;
    return kReplacementDrop;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacementDrop;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacementDrop;
  }
  i += static_cast<std::size_t>(len);
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_plain_ascii(std::string_view s) {
  for (char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 || (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return false;
  }
  return true;
}

// Valid UTF-8 without invalid sequences and invisible characters; other C0/C1 controls
// (except tab/newline) become spaces so they still separate words.
std::string clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp = decode_one(s, i);
    if (cp == kReplacementDrop || is_invisible(cp)) continue;
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7F && cp < 0xA0)) cp = ' ';
    append_utf8(out, cp);
  }
  return out;
}

// Look-alike letters from other scripts ("t.ly/PDAB CVѴ", Cyrillic "vаy") read as the Latin
// letter they imitate, from ICU's confusable skeletons (UTS #39) rather than a hand-kept
// table. Only characters that do not already fold to ASCII are mapped, and only when their
// skeleton is one ASCII letter or digit; Vietnamese letters fold through decomposition first.
constexpr char32_t kSkeletonTableEnd = 0x3000;

const std::array<char, kSkeletonTableEnd>& skeleton_table() {
  static const std::array<char, kSkeletonTableEnd> table = [] {
    std::array<char, kSkeletonTableEnd> t{};
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* checker = uspoof_open(&status);
    if (U_FAILURE(status)) return t;
    for (char32_t cp = 0x00C0; cp < kSkeletonTableEnd; ++cp) {
      if (cp >= 0x0300 && cp <= 0x036F) continue;  // combining marks: stripped anyway
      utf8proc_int32_t buf[8];
      utf8proc_int32_t boundclass = UTF8PROC_BOUNDCLASS_START;
      auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                                       static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                                                      UTF8PROC_STRIPMARK),
                                       &boundclass);
      if (n >= 1 && n <= 8) {
        bool ascii = true;
        for (utf8proc_ssize_t k = 0; k < n; ++k) ascii &= buf[k] < 0x80;
        if (ascii) continue;  // "ế", "ｖ": decomposition already gives ASCII
      }
      auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      if (cat < UTF8PROC_CATEGORY_LU || cat > UTF8PROC_CATEGORY_LO) continue;  // letters only
      UChar in[2];
      int32_t in_len = 0;
      U16_APPEND_UNSAFE(in, in_len, static_cast<UChar32>(cp));
      UChar out[16];
      status = U_ZERO_ERROR;
      int32_t len = uspoof_getSkeleton(checker, 0, in, in_len, out, 16, &status);
      if (U_FAILURE(status) || len != 1 || out[0] >= 0x80) continue;
      const char c = static_cast<char>(out[0]);
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (alnum) t[cp] = c;
    }
    uspoof_close(checker);
    return t;
  }();
  return table;
}

char32_t unconfuse(char32_t cp) {
  if (cp == 0x0111) return 'd';  // đ (does not decompose in Unicode)
  if (cp == 0x0110) return 'D';  // Đ
  if (cp < kSkeletonTableEnd && cp >= 0x00C0) {
    const char c = skeleton_table()[cp];
    if (c != 0) return static_cast<unsigned char>(c);
  }
  return cp;
}

utf8proc_int32_t unconfuse_cb(utf8proc_int32_t cp, void*) {
  return static_cast<utf8proc_int32_t>(unconfuse(static_cast<char32_t>(cp)));
}

// Decomposes clean UTF-8 into code points with the given utf8proc options.
std::vector<utf8proc_int32_t> decompose(const std::string& clean_utf8, utf8proc_option_t options, bool map_confusables) {
  std::vector<utf8proc_int32_t> buf(clean_utf8.size() + 8);
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto n = utf8proc_decompose_custom(reinterpret_cast<const utf8proc_uint8_t*>(clean_utf8.data()),
                                       static_cast<utf8proc_ssize_t>(clean_utf8.size()), buf.data(),
                                       static_cast<utf8proc_ssize_t>(buf.size()), options,
                                       map_confusables ? unconfuse_cb : nullptr, nullptr);
    if (n < 0) return {};
    if (static_cast<std::size_t>(n) <= buf.size()) {
      buf.resize(static_cast<std::size_t>(n));
      return buf;
    }
    buf.resize(static_cast<std::size_t>(n) + 8);
  }
  return {};
}

std::string compose_to_utf8(std::vector<utf8proc_int32_t>& cps) {
  if (cps.empty()) return {};
  auto n = utf8proc_normalize_utf32(cps.data(), static_cast<utf8proc_ssize_t>(cps.size()),
                                    static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (n < 0) return {};
  std::string out;
  out.reserve(static_cast<std::size_t>(n) * 2);
  for (utf8proc_ssize_t k = 0; k < n; ++k) append_utf8(out, static_cast<char32_t>(cps[static_cast<std::size_t>(k)]));
  return out;
}

bool is_tone_mark(utf8proc_int32_t cp) {
  return cp == 0x0300 || cp == 0x0301 || cp == 0x0303 || cp == 0x0309 || cp == 0x0323;
}
bool is_combining(utf8proc_int32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }
bool is_latin_letter(utf8proc_int32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == 0x0111 || cp == 0x0110;
}
char lower_ascii(utf8proc_int32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  if (cp >= 'a' && cp <= 'z') return static_cast<char>(cp);
  return '#';
}
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// One letter of a word in NFD: its base at `pos`, its combining marks in (pos, end).
struct Letter {
  std::size_t pos;
  std::size_t end;
};

// Rewrites a final oa/oe/uy with the tone on the second vowel ("hoà") to the classic
// placement ("hòa") inside one word given as NFD letters.
void classic_tone_placement(std::vector<utf8proc_int32_t>& cps, const std::vector<Letter>& word) {
  const std::size_t n = word.size();
  if (n < 2) return;
  const Letter& first = word[n - 2];
  const Letter& second = word[n - 1];
  const char a = lower_ascii(cps[first.pos]);
  const char b = lower_ascii(cps[second.pos]);
  const bool pair = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
  if (!pair) return;
  if (n >= 3) {
    const char before = lower_ascii(cps[word[n - 3].pos]);
    if (is_vowel(before)) return;         // e.g. "uoa": not this diphthong
    if (a == 'u' && before == 'q') return;  // "quý": u belongs to the consonant qu
  }
  if (first.end != first.pos + 1) return;  // first vowel has marks (ô, ơ, ư, or a tone already)
  // The second vowel may carry only its tone (no breve/circumflex: "oă", "oâ" have codas).
  std::size_t tone_at = 0;
  for (std::size_t k = second.pos + 1; k < second.end; ++k) {
    if (is_tone_mark(cps[k])) tone_at = k;
    else return;
  }
  if (tone_at == 0) return;
  const utf8proc_int32_t tone = cps[tone_at];
  cps.erase(cps.begin() + static_cast<std::ptrdiff_t>(tone_at));
  cps.insert(cps.begin() + static_cast<std::ptrdiff_t>(first.pos + 1), tone);
}

void unify_tone_placement(std::vector<utf8proc_int32_t>& cps) {
  std::vector<Letter> word;
  std::size_t i = 0;
  auto flush = [&] {
    // Only a word that ends here matters (a final consonant makes both styles equal).
    classic_tone_placement(cps, word);
    word.clear();
  };
  while (i < cps.size()) {
    if (is_latin_letter(cps[i])) {
      std::size_t j = i + 1;
      while (j < cps.size() && is_combining(cps[j])) ++j;
      word.push_back(Letter{i, j});
      i = j;
    } else {
      flush();
      ++i;
    }
  }
  flush();
}


// --- fast path of fold() and ascii_skeleton() ---------------------------------------------------
//
// With marks stripped, canonical ordering and composition change nothing for Latin text, so
// each code point can be mapped on its own: through a table for U+0080..U+1FFF (Vietnamese
// letters live there) and utf8proc_decompose_char otherwise. Only Hangul jamo would compose
// back; fold() then takes the whole-string path.

constexpr char32_t kTableEnd = 0x2000;

// For each code point below kTableEnd: its single printable-ASCII fold (0 when it has none).
struct AsciiTables {
  std::array<char, kTableEnd> folded{};
  std::array<char, kTableEnd> cased{};
};

const AsciiTables& ascii_tables() {
  static const AsciiTables tables = [] {
    AsciiTables t;
    for (char32_t cp = 0x80; cp < kTableEnd; ++cp) {
      for (int pass = 0; pass < 2; ++pass) {
        auto opts = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | (pass == 0 ? UTF8PROC_CASEFOLD : 0);
        utf8proc_int32_t buf[8];
        utf8proc_int32_t boundclass = UTF8PROC_BOUNDCLASS_START;
        auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(unconfuse(cp)), buf, 8,
                                         static_cast<utf8proc_option_t>(opts), &boundclass);
        if (n == 1 && buf[0] >= 0x20 && buf[0] < 0x7F) {
          char c = static_cast<char>(buf[0]);
          if (pass == 0 && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          (pass == 0 ? t.folded : t.cased)[cp] = c;
        }
      }
    }
    return t;
  }();
  return tables;
}

// Appends the fold (or the case-keeping ASCII skeleton) of `s` to `out`. Returns false when
// fold needs the whole-string path (out is then cleared).
bool fast_fold(std::string_view s, bool casefold, std::string& out) {
  const AsciiTables& tables = ascii_tables();
  const auto& table = casefold ? tables.folded : tables.cased;
  out.clear();
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      char c = static_cast<char>(b);
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) c = ' ';
      else if (casefold && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out.push_back(c);
      continue;
    }
    const char32_t cp = decode_one(s, i);
    if (cp == kReplacementDrop || is_invisible(cp)) continue;
    if (cp >= 0x80 && cp < 0xA0) {
      out.push_back(' ');
      continue;
    }
    if (cp >= 0x0300 && cp <= 0x036F) continue;  // a combining mark: stripped
    if (cp < kTableEnd && table[cp] != 0) {
      out.push_back(table[cp]);
      continue;
    }
    utf8proc_int32_t buf[32];
    utf8proc_int32_t boundclass = UTF8PROC_BOUNDCLASS_START;
    auto opts = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | (casefold ? UTF8PROC_CASEFOLD : 0);
    auto n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(unconfuse(cp)), buf, 32,
                                     static_cast<utf8proc_option_t>(opts), &boundclass);
    if (n < 0 || n > 32) {
      if (casefold) return out.clear(), false;
      out.push_back(' ');
      continue;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) {
      auto d = static_cast<char32_t>(buf[k]);
      if (d == 0x0111 || d == 0x0110) d = casefold ? 'd' : (d == 0x0110 ? 'D' : 'd');
      if (d < 0x80) {
        char c = static_cast<char>(d);
        if (casefold && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out.push_back(c);
      } else if (!casefold) {
        out.push_back(' ');
      } else if (d >= 0x1100 && d <= 0x11FF) {
        return out.clear(), false;  // Hangul jamo: composition matters
      } else {
        append_utf8(out, d);
      }
    }
  }
  return true;
}

// --- matching form -------------------------------------------------------------------

bool is_ascii_alpha(char c) { return c >= 'a' && c <= 'z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return is_ascii_alpha(c) || is_ascii_digit(c) || c == '@' || c == '$'; }
bool is_spacing_sep(char c) { return c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == ',' || c == '/' || c == '|' || c == '\t'; }

char leet_letter(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '@': return 'a';
    case '$': return 's';
    default: return 0;
  }
}

// Leet inside words that start with a letter ("l0an", "v4y", "h0tr0"); words that start
// with a digit are amounts or codes ("5tr", "500k", "24h") and stay as they are.
void undo_leet(std::string& w) {
  if (w.empty() || !is_ascii_alpha(w[0])) return;
  int digits = 0;
  for (char c : w)
    if (!is_ascii_alpha(c)) ++digits;
  if (digits > 2 && digits * 2 > static_cast<int>(w.size())) return;  // "abc12345": an id
  for (std::size_t k = 1; k < w.size(); ++k) {
    char c = w[k];
    if (is_ascii_alpha(c)) continue;
    char l = leet_letter(c);
    if (l && is_ascii_alpha(w[k - 1])) w[k] = l;
  }
}

const std::unordered_map<std::string_view, std::string_view>& teencode() {
  static const std::unordered_map<std::string_view, std::string_view> map = {
      {"k", "khong"},        {"ko", "khong"},        {"kh", "khong"},      {"kg", "khong"},
      {"khg", "khong"},      {"hok", "khong"},       {"hem", "khong"},     {"hk", "khong"},
      {"dc", "duoc"},        {"dk", "duoc"},         {"j", "gi"},
      {"z", "vay"},          {"zay", "vay"},         {"dzay", "vay"},      {"r", "roi"},
      {"ns", "noi"},         {"vs", "voi"},          {"ms", "moi"},        {"bik", "biet"},
      {"ntn", "nhu the nao"}, {"lm", "lam"},        {"mk", "minh"},
      {"mn", "moi nguoi"},   {"mng", "moi nguoi"},   {"stk", "so tai khoan"},
      {"tk", "tai khoan"},   {"sdt", "so dien thoai"}, {"dt", "dien thoai"}, {"ck", "chuyen khoan"},
      {"lh", "lien he"},     {"ib", "inbox"},        {"cty", "cong ty"},   {"tr", "trieu"},
      {"hnay", "hom nay"},   {"wa", "qua"},          {"thik", "thich"},    {"nhiu", "nhieu"},
      {"ad", "admin"},       {"nt", "nhan tin"},     {"kb", "ket ban"},    {"tt", "thanh toan"},
      {"nv", "nhan vien"},   {"cmnd", "chung minh nhan dan"}, {"gd", "giao dich"},
  };
  return map;
}

}  // namespace

bool is_invisible(char32_t cp) {
  return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 ||
         cp == 0x17B5 || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
         cp == 0xFFA0 || (cp >= 0xE0000 && cp <= 0xE0FFF) || cp == 0xFFFC;
}

std::string to_nfc(std::string_view utf8) {
  std::string c = clean(utf8);
  if (is_plain_ascii(c)) return c;
  auto cps = decompose(c, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STABLE), false);
  unify_tone_placement(cps);
  return compose_to_utf8(cps);
}

std::string fold(std::string_view utf8) {
  std::string out;
  if (fast_fold(utf8, /*casefold=*/true, out)) return out;
  std::string c = clean(utf8);
  auto cps = decompose(
      c,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                     UTF8PROC_STABLE),
      true);
  for (auto& cp : cps) {
    if (cp == 0x0111 || cp == 0x0110) cp = 'd';
    else if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';  // confusables map to upper case too
  }
  return compose_to_utf8(cps);
}

std::string ascii_skeleton(std::string_view utf8) {
  std::string out;
  fast_fold(utf8, /*casefold=*/false, out);  // never needs the slow path: non-ASCII becomes a space
  return out;
}

std::string normalize_for_matching(std::string_view utf8) {
  const std::string f = fold(utf8);
  // Split into words and separators (views into f; joined words live in `joined_words`).
  struct Item {
    std::string_view text;
    bool word;
  };
  std::vector<Item> items;
  items.reserve(f.size() / 3 + 4);
  std::size_t i = 0;
  while (i < f.size()) {
    std::size_t j = i;
    const bool word = is_word_char(f[i]);
    while (j < f.size() && is_word_char(f[j]) == word) ++j;
    items.push_back(Item{std::string_view(f).substr(i, j - i), word});
    i = j;
  }
  // Join spaced or dotted single letters: "v a y", "l.u.a", "v-4-y" → one word.
  std::deque<std::string> joined_words;  // stable addresses for the views below
  std::vector<Item> joined;
  joined.reserve(items.size());
  for (std::size_t k = 0; k < items.size();) {
    auto single = [&](std::size_t x) { return x < items.size() && items[x].word && items[x].text.size() == 1; };
    auto thin_sep = [&](std::size_t x) {
      if (x >= items.size() || items[x].word || items[x].text.size() > 2) return false;
      for (char c : items[x].text)
        if (!is_spacing_sep(c)) return false;
      return true;
    };
    if (single(k)) {
      std::size_t end = k;
      int letters = is_ascii_alpha(items[k].text[0]) ? 1 : 0;
      int count = 1;
      // One separator style per run: "l.u.a d.a.o" is two words, not one.
      while (thin_sep(end + 1) && single(end + 2) && (end == k || items[end + 1].text == items[k + 1].text)) {
        end += 2;
        ++count;
        if (is_ascii_alpha(items[end].text[0])) ++letters;
      }
      if (count >= 3 && letters >= 2) {
        std::string& w = joined_words.emplace_back();
        for (std::size_t x = k; x <= end; x += 2) w += items[x].text;
        joined.push_back(Item{w, true});
        k = end + 1;
        continue;
      }
      // Not joined: no later start inside this run can be (it has no more letters and the
      // same separators), so emit it whole; restarting at k+1 would be quadratic.
      for (; k <= end; ++k) joined.push_back(items[k]);
      continue;
    }
    joined.push_back(items[k]);
    ++k;
  }
  // Leet, teencode, whitespace collapsing.
  std::string out;
  out.reserve(f.size() + 16);
  const auto& dict = teencode();
  bool after_number = false;  // "500 k", "5 tr" are amounts, not teencode
  std::string word;
  for (const Item& it : joined) {
    if (it.word) {
      word.assign(it.text);
      undo_leet(word);
      const bool unit = word == "k" || word == "tr" || word == "d";
      auto hit = (after_number && unit) ? dict.end() : dict.find(word);
      out += hit != dict.end() ? hit->second : std::string_view(word);
      after_number = is_ascii_digit(word[0]);
      continue;
    }
    if (it.text.find_first_not_of(" \t") != std::string_view::npos) after_number = false;
    for (char c : it.text) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
      } else {
        out.push_back(c);
      }
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> tokenize(std::string_view folded) {
  std::vector<std::string> tokens;
  std::string cur;
  std::size_t i = 0;
  while (i < folded.size()) {
    char32_t cp = decode_one(folded, i);
    bool token_char;
    if (cp == kReplacementDrop) token_char = false;
    else if (cp < 0x80) token_char = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    else {
      auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
      token_char = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                   (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
                   (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    }
    if (token_char) {
      append_utf8(cur, cp);
    } else if (!cur.empty()) {
      tokens.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) tokens.push_back(std::move(cur));
  return tokens;
}

}  // namespace antoan::text
