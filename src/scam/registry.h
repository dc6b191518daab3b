#pragma once
// The shared scam-indicator registry: every phone, domain, link, bank account and chat handle
// that workers reported or officers confirmed or cleared, with report counts and first/last
// seen times. The database is the truth; an in-memory index answers the checker's lookups
// (≥1M/s, no DB access, ~60 bytes per indicator).
//
// Keeping the index in step with the DB:
//   - every change of a row bumps its `version`; the index only ever applies a row whose
//     version is newer than the one it holds, so applying rows late or twice is harmless;
//   - officer operations and imports (methods of Registry) write the DB, then apply the rows
//     they wrote once the transaction has committed;
//   - reports are recorded by the intake service inside ITS transaction with the free function
//     record_reported(); after commit it calls Registry::apply_committed() with the same
//     indicators, which re-reads them from the DB. A rolled-back transaction changes nothing
//     and re-reading shows that; a forgotten call is caught by sync(), which re-reads every row
//     changed recently (call it from a timer, e.g. every few seconds; it is cheap).
//
// Officer operations check security::allows(...) and append an audit entry in the same
// transaction as the change.
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "scam/indicators.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::scam {

enum class IndicatorStatus { reported, confirmed, cleared };
std::string_view indicator_status_name(IndicatorStatus status);
std::optional<IndicatorStatus> parse_indicator_status(std::string_view name);

// What the index knows about one indicator (the checker's and the public lookup's view).
struct RegistryEntry {
  std::int64_t id = 0;
  IndicatorKind kind = IndicatorKind::phone;
  std::string value;
  IndicatorStatus status = IndicatorStatus::reported;
  std::int64_t report_count = 0;
  std::int64_t first_seen_ms = 0, last_seen_ms = 0;
};

// The full row, for officers.
struct IndicatorRecord {
  RegistryEntry entry;
  std::string bank, platform, note, source;
  std::int64_t updated_at_ms = 0;
  std::int64_t version = 0;
  std::int64_t case_count = 0;
  std::vector<std::int64_t> case_ids;  // filled by Registry::get (at most 200, newest first)
};

struct IndicatorQuery {
  std::optional<IndicatorStatus> status;
  std::optional<IndicatorKind> kind;
  std::string q;  // part of the normalised value, or any written form of one indicator
  std::int64_t limit = 50;  // 1..500
  std::int64_t offset = 0;
};

struct IndicatorPage {
  std::vector<IndicatorRecord> items;
  std::int64_t total = 0;
};

enum class ImportFormat { plain, csv };

struct ImportOptions {
  ImportFormat format = ImportFormat::plain;
  // Status of rows that give none (every row of a plain list). A default status only raises
  // "reported" to "confirmed"; it never overrides an officer's "cleared". A status written in
  // a CSV row is applied as written.
  IndicatorStatus default_status = IndicatorStatus::confirmed;
  // false (default): one bad row and nothing is imported. true: the good rows are imported
  // (all together, in one transaction) and the bad ones reported.
  bool skip_invalid = false;
};

struct ImportRowError {
  std::int64_t line = 0;  // 1-based line of the file
  std::string value;      // the row as written (cut at 200 bytes)
  std::string message_vi, message_en;
};

struct ImportReport {
  bool committed = false;
  std::int64_t rows = 0;        // data rows read (not blank lines, comments or the header)
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t duplicates = 0;  // rows repeating an earlier row of the same file
  std::int64_t invalid = 0;
  std::vector<ImportRowError> errors;  // the first 1000 invalid rows
};

inline constexpr std::size_t kMaxImportRows = 500000;
inline constexpr std::size_t kMaxImportErrors = 1000;

// Records indicators found in a scam report as "reported" (count +1 per case, last seen now,
// linked to the case) inside the caller's write transaction. A case reporting the same
// indicator twice counts once. case_id 0 means "no case" (counted, not linked).
// After the transaction commits, call Registry::apply_committed(indicators).
Status record_reported(store::Tx& tx, const std::vector<Indicator>& indicators, std::int64_t case_id);

// Open-addressing hash index: 64-bit hash of (kind, normalised value) → compact record. The
// values themselves are not kept (the DB has them): a lookup compares hashes only, so two
// different values would have to collide on 64 bits to be confused (about 1 in 3·10^7 for a
// registry of 1M at any lookup, and the DB stays right).
class RegistryIndex {
 public:
  struct Record {
    std::uint64_t key = 0;
    std::int64_t id = 0;
    std::int64_t first_seen_ms = 0, last_seen_ms = 0;
    std::uint32_t report_count = 0;
    std::uint32_t version = 0;
    std::uint8_t kind = 0;
    std::uint8_t status = 0;
  };

  static std::uint64_t key_of(IndicatorKind kind, std::string_view value);
  // Inserts or replaces (only with a newer version). Returns false when an older version.
  bool apply(const Record& record);
  const Record* find(std::uint64_t key) const;
  void reserve(std::size_t n);
  std::size_t size() const { return records_.size(); }
  std::size_t memory_bytes() const {
    return records_.capacity() * sizeof(Record) + slots_.capacity() * sizeof(std::uint32_t);
  }

 private:
  void rehash(std::size_t slot_count);

  std::vector<Record> records_;
  std::vector<std::uint32_t> slots_;  // 0 = empty, else index into records_ + 1
  std::size_t mask_ = 0;
};

// The principal of operator commands run on the server itself (`antoan indicators import`):
// an administrator without a user id, audited as actor "system".
security::Principal registry_system_principal();

class Registry {
 public:
  // Loads every indicator of the DB into the index (paged, so memory stays flat).
  static Result<std::unique_ptr<Registry>> load(store::Db& db);

  // Hot path: index only, no DB, no allocation beyond the result.
  std::optional<RegistryEntry> find(IndicatorKind kind, const std::string& normalised_value) const;
  std::optional<RegistryEntry> find(const Indicator& ind) const { return find(ind.kind, ind.value); }

  // Public lookup of one value in any written form. `parsed` is empty when the value is no
  // indicator at all. Digits that are no phone, or a phone number unknown as a phone, are
  // also looked up as a bank account.
  struct Lookup {
    std::optional<Indicator> parsed;
    std::optional<RegistryEntry> entry;
  };
  Lookup lookup(std::string_view raw_value) const;

  // After a transaction that called record_reported() has committed.
  Status apply_committed(const std::vector<Indicator>& indicators);
  // Re-reads every row changed since shortly before the previous sync.
  Status sync();

  // Officer operations (security::Action::indicator_manage), audited.
  struct AddResult {
    IndicatorRecord record;
    bool created = false;
  };
  Result<AddResult> add(const security::Principal& p, IndicatorKind kind, std::string_view value,
                        std::string_view note, IndicatorStatus status);
  Result<IndicatorRecord> confirm(const security::Principal& p, std::int64_t id, std::string_view note);
  Result<IndicatorRecord> clear(const security::Principal& p, std::int64_t id, std::string_view reason);
  Result<ImportReport> import(const security::Principal& p, std::string_view body, const ImportOptions& options);

  // Officer views (security::Action::indicator_view), from the DB.
  Result<IndicatorPage> list(const security::Principal& p, const IndicatorQuery& query) const;
  Result<IndicatorRecord> get(const security::Principal& p, std::int64_t id) const;

  std::size_t size() const;
  std::size_t index_bytes() const;

  explicit Registry(store::Db& db) : db_(db) {}

 private:
  Result<IndicatorRecord> change_status(const security::Principal& p, std::int64_t id, IndicatorStatus to,
                                        std::string_view note, const char* action);
  void apply_records(const std::vector<IndicatorRecord>& records);
  Status load_all();

  store::Db& db_;
  mutable std::shared_mutex mu_;
  RegistryIndex index_;
  std::int64_t last_sync_ms_ = 0;
};

}  // namespace antoan::scam
