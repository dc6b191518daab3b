#pragma once
// The impersonation table of data/scam/brands.tsv: banks, e-wallets, carriers,
// EVN, police and VNeID, social insurance, tax, delivery and e-commerce brands
// with the names a message uses for them, their official registered domains and
// short codes. It answers three questions:
//   - which brands does a (normalised) message speak for? (one hyperscan scan
//   of the names)
//   - is a domain official, and for whom? (registered domain under the Public
//   Suffix List)
//   - does a domain imitate one? ("vietcombank.com.vn-xacminh.top",
//   "m-bbank.vn-capnhat.com",
//     "vi3tc0mbank.com", "vietcornbank.com.vn", an IDN with a Cyrillic letter)
// Immutable after load and thread-safe.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

struct hs_database;

namespace antoan::scam {

struct Brand {
  std::string id;
  std::string kind;                  // bank, ewallet, carrier, utility, police, social_insurance, tax, …
  std::string display;               // "Vietcombank", "Bảo hiểm xã hội (BHXH)"
  std::vector<std::string> names;    // folded phrases
  std::vector<std::string> domains;  // registered domains; "*.gov.vn" = any under gov.vn
  std::vector<std::string> short_codes;
  // Brands whose name in a message carries authority over money or identity
  // (everything but platforms and airlines): a link beside their name must be
  // theirs.
  bool sensitive() const { return kind != "platform" && kind != "airline"; }
};

// Why a domain looks like a brand's without being it.
enum class LookalikeKind {
  subdomain_trick,  // the brand sits left of someone else's registered domain
  brand_plus_word,  // "vietcombank-xacminh.com", "bidv-online.vip"
  wrong_suffix,     // "vietcombank.com" for vietcombank.com.vn
  character_swap,   // leet or confusables: "vi3tc0mbank", "vietcornbank", one
                    // letter off
  homoglyph,        // letters of another alphabet (IDN)
};

struct Lookalike {
  int brand = -1;
  LookalikeKind kind = LookalikeKind::subdomain_trick;
};

class BrandTable {
 public:
  static Result<std::shared_ptr<const BrandTable>> parse(std::string_view tsv);
  static Result<std::shared_ptr<const BrandTable>> load_file(const std::string& path);
  ~BrandTable();
  BrandTable(const BrandTable&) = delete;
  BrandTable& operator=(const BrandTable&) = delete;

  // Indexes of the brands named in `normalized` (text::normalize_for_matching),
  // ascending.
  std::vector<int> mentions(std::string_view normalized) const;
  // The brand whose official domain `host` is (or a subdomain of), or -1.
  int official_for(std::string_view host) const;
  // True when `host` is official for this brand.
  bool is_official(int brand, std::string_view host) const;
  // A lower-case ASCII host imitating a brand (and official for none).
  std::optional<Lookalike> lookalike(std::string_view host) const;
  // A host written with non-ASCII letters that imitates a brand: `ascii` is the
  // host read as Latin letters, `skeleton` its confusable skeleton.
  std::optional<Lookalike> homoglyph(std::string_view ascii, std::string_view skeleton) const;
  // True when `digits` is a short code or hotline of the brand.
  bool is_short_code(int brand, std::string_view digits) const;

  const Brand& brand(int index) const { return brands_[static_cast<std::size_t>(index)]; }
  std::size_t size() const { return brands_.size(); }

 private:
  BrandTable() = default;
  struct Token {
    std::string text;  // "vietcombank", "bidv": what a lookalike host spells
    int brand;
  };
  std::vector<Brand> brands_;
  std::vector<Token> tokens_;
  std::vector<std::pair<std::string, int>> token_skeletons_;
  hs_database* db_ = nullptr;
  std::uint64_t serial_ = 0;
};

std::string_view lookalike_kind_name(LookalikeKind kind);

}  // namespace antoan::scam
