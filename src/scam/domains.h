#pragma once
// Domain names as a scam checker needs them: the registered domain under the
// Public Suffix List (libpsl, Debian's publicsuffix data;
// "vietcombank.com.vn-xacminh.top" is registered as "vn-xacminh.top"), whether
// a label is a public suffix (TLD test for links written without a scheme), the
// shape of a link that hides where it goes (shortener, bare IP, TLD favoured by
// throw-away sites) and hosts written in lookalike characters (IDN/mixed
// scripts), read with ICU's spoof checker (UTS #39 confusable skeletons).
// Thread-safe; no allocation beyond results.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace antoan::scam {

// The registered ("registrable") domain of a lower-case host:
// "a.b.example.com.vn" → "example.com.vn". The host itself when it is a public
// suffix or has no known suffix.
std::string registrable_domain(std::string_view host);

// True when `label` (one label, any case) is a top-level public suffix ("vn",
// "com", "top").
bool is_public_suffix_label(std::string_view label);

// TLDs (the last label) that throw-away scam sites favour: cheap, unmoderated
// registries.
bool is_risky_tld(std::string_view host);

// True for a dotted-quad host ("1.2.3.4").
bool is_ip_host(std::string_view host);

// ICU confusable skeleton of a host or word (UTS #39): "vietcornbank" and
// "vietcombank", "vіetcombank" (Cyrillic і) and "vietcombank" have equal
// skeletons. Lower-cased UTF-8.
std::string confusable_skeleton(std::string_view utf8);

// A host in the original text written with characters outside ASCII (an IDN),
// e.g. "vіetcombank.com.vn" with a Cyrillic "і", or a punycode "xn--" label.
struct UnicodeHost {
  std::string host;           // as written, lower case (punycode decoded when it was xn--)
  std::string skeleton;       // its confusable skeleton, ASCII when the lookalike is Latin
  std::string ascii;          // read as Latin letters (text::ascii_skeleton):
                              // "vietcombank.com.vn"
  bool mixed_script = false;  // ICU: letters of more than one script (Latin + Cyrillic…)
};

// Scans raw text for dotted hosts that contain non-ASCII letters or xn--
// labels.
std::vector<UnicodeHost> find_unicode_hosts(std::string_view text);

}  // namespace antoan::scam
