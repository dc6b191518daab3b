#pragma once
// Vietnamese report descriptions for the demo, generated from templates per category with
// slots (enterprise, park, amounts, times…), varied openings and closings, and a share
// written the way workers often type on phones: without diacritics, or in teencode.
#include <random>
#include <string>

namespace antoan::demo {

struct TextContext {
  std::string enterprise;  // short form, e.g. "công ty ABC"; "" when not about an enterprise
  std::string park;        // "KCN Yên Phong"
  std::string place;       // commune/ward name
};

// A description for `category`; `wave` selects the planted scam wave's templates.
std::string make_description(const std::string& category, const TextContext& ctx, std::mt19937_64& rng,
                             bool wave = false);

// "không được gì" -> "ko dc j": folded text with common teencode substitutions.
std::string to_teencode(const std::string& text);

}  // namespace antoan::demo
