#include "scam/registry.h"

#include <algorithm>
#include <mutex>
#include <unordered_set>

#include "core/clock.h"
#include "core/utf8.h"
#include "security/audit.h"
#include "security/policy.h"

namespace antoan::scam {
namespace {

// Columns of a full record, in the order row_to_record() reads them.
constexpr const char* kRecordColumns =
    "i.id, i.kind, i.value, i.status, i.report_count, i.first_seen, i.last_seen, i.bank, i.platform, i.note, "
    "i.source, i.updated_at, i.version";

constexpr std::int64_t kLoadPage = 5000;
constexpr std::int64_t kSyncOverlapMs = 10000;  // re-read a little before the last sync: commits race the clock

IndicatorRecord row_to_record(const store::Row& r) {
  IndicatorRecord rec;
  rec.entry.id = r.i64(0);
  rec.entry.kind = parse_indicator_kind(r.str(1)).value_or(IndicatorKind::phone);
  rec.entry.value = r.str(2);
  rec.entry.status = parse_indicator_status(r.str(3)).value_or(IndicatorStatus::reported);
  rec.entry.report_count = r.i64(4);
  rec.entry.first_seen_ms = r.i64(5);
  rec.entry.last_seen_ms = r.i64(6);
  rec.bank = r.str(7);
  rec.platform = r.str(8);
  rec.note = r.str(9);
  rec.source = r.str(10);
  rec.updated_at_ms = r.i64(11);
  rec.version = r.i64(12);
  if (r.size() > 13) rec.case_count = r.i64(13);
  return rec;
}

RegistryIndex::Record to_index_record(const IndicatorRecord& rec) {
  RegistryIndex::Record r;
  r.key = RegistryIndex::key_of(rec.entry.kind, rec.entry.value);
  r.id = rec.entry.id;
  r.first_seen_ms = rec.entry.first_seen_ms;
  r.last_seen_ms = rec.entry.last_seen_ms;
  r.report_count = static_cast<std::uint32_t>(std::clamp<std::int64_t>(rec.entry.report_count, 0, UINT32_MAX));
  r.version = static_cast<std::uint32_t>(std::clamp<std::int64_t>(rec.version, 0, UINT32_MAX));
  r.kind = static_cast<std::uint8_t>(rec.entry.kind);
  r.status = static_cast<std::uint8_t>(rec.entry.status);
  return r;
}

store::Value text_or_null(std::string_view s) {
  if (s.empty()) return nullptr;
  return std::string(s);
}

Result<std::vector<IndicatorRecord>> select_records(store::Tx& tx, const std::string& where, const store::Params& params) {
  ANTOAN_ASSIGN(store::Rows rows,
                tx.query(std::string("SELECT ") + kRecordColumns + " FROM indicators i WHERE " + where, params));
  std::vector<IndicatorRecord> out;
  out.reserve(rows.size());
  for (const store::Row& r : rows) out.push_back(row_to_record(r));
  return out;
}

Result<std::optional<IndicatorRecord>> select_by_id(store::Tx& tx, std::int64_t id) {
  ANTOAN_ASSIGN(auto recs, select_records(tx, "i.id = $1", {id}));
  if (recs.empty()) return std::optional<IndicatorRecord>{};
  return std::optional<IndicatorRecord>(std::move(recs.front()));
}

// The command line (no user) acts as the system; otherwise the principal, key included.
security::AuditEntry indicator_audit(const security::Principal& p, std::string action, std::string id, Json details) {
  if (p.user_id == 0) return {std::nullopt, "system", std::move(action), "indicator", std::move(id), std::move(details)};
  return security::AuditEntry::by(p, std::move(action), "indicator", std::move(id), std::move(details));
}
store::Value user_or_null(const security::Principal& p) {
  if (p.user_id == 0) return nullptr;
  return p.user_id;
}

// "$n" built with append: g++ 12 -O3 warns falsely (-Wrestrict) on `"$" + std::to_string(n)`.
std::string placeholder(std::size_t n) {
  std::string out(1, '$');
  out.append(std::to_string(n));
  return out;
}

Error not_found_indicator() { return Error::not_found("dấu hiệu lừa đảo", "Indicator"); }

// --- CSV --------------------------------------------------------------------------------------

// Splits one CSV line (RFC 4180 quoting, no line breaks inside quotes). False on a bad quote.
bool split_csv_line(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string cur;
  std::size_t i = 0;
  bool quoted = false;
  bool field_started_quoted = false;
  while (i < line.size()) {
    char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cur.push_back('"');
          i += 2;
          continue;
        }
        quoted = false;
        ++i;
        if (i < line.size() && line[i] != ',') return false;  // text after a closing quote
        continue;
      }
      cur.push_back(c);
      ++i;
      continue;
    }
    if (c == ',') {
      fields.push_back(std::move(cur));
      cur.clear();
      field_started_quoted = false;
      ++i;
      continue;
    }
    if (c == '"' && cur.empty() && !field_started_quoted) {
      quoted = true;
      field_started_quoted = true;
      ++i;
      continue;
    }
    cur.push_back(c);
    ++i;
  }
  if (quoted) return false;
  fields.push_back(std::move(cur));
  return true;
}

std::string trim_copy(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.remove_suffix(1);
  return std::string(v);
}

struct ImportRow {
  std::int64_t line;
  Indicator indicator;
  std::optional<IndicatorStatus> status;
  std::string note;
};

}  // namespace

security::Principal registry_system_principal() {
  security::Principal p;
  p.user_id = 0;
  p.username = "system";
  p.display_name = "antoan CLI";
  p.role = security::Role::admin;
  p.org_path = "/";
  return p;
}

// --- names -----------------------------------------------------------------------------------

std::string_view indicator_status_name(IndicatorStatus status) {
  switch (status) {
    case IndicatorStatus::reported: return "reported";
    case IndicatorStatus::confirmed: return "confirmed";
    case IndicatorStatus::cleared: return "cleared";
  }
  return "reported";
}

std::optional<IndicatorStatus> parse_indicator_status(std::string_view name) {
  for (auto s : {IndicatorStatus::reported, IndicatorStatus::confirmed, IndicatorStatus::cleared})
    if (indicator_status_name(s) == name) return s;
  return std::nullopt;
}

// --- record_reported ---------------------------------------------------------------------------

Status record_reported(store::Tx& tx, const std::vector<Indicator>& indicators, std::int64_t case_id) {
  const std::int64_t now = now_ms();
  std::unordered_set<std::string> seen;
  std::size_t done = 0;
  for (const Indicator& ind : indicators) {
    if (ind.value.empty() || ind.value.size() > 2048 || done >= kMaxIndicators) continue;
    const std::string kind(indicator_kind_name(ind.kind));
    if (!seen.insert(kind + '\n' + ind.value).second) continue;
    ++done;
    ANTOAN_ASSIGN(store::Rows found, tx.query("SELECT id FROM indicators WHERE kind = $1 AND value = $2", {kind, ind.value}));
    if (found.empty()) {
      ANTOAN_ASSIGN(store::Rows ins,
                    tx.query("INSERT INTO indicators (kind, value, status, report_count, first_seen, last_seen, bank, "
                             "platform, source, version, updated_at) VALUES ($1, $2, 'reported', 1, $3, $3, $4, $5, "
                             "'report', 1, $3) RETURNING id",
                             {kind, ind.value, now, text_or_null(ind.bank), text_or_null(ind.platform)}));
      if (case_id > 0 && !ins.empty())
        ANTOAN_TRY(tx.exec("INSERT INTO indicator_cases (indicator_id, case_id, created_at) VALUES ($1, $2, $3)",
                           {ins[0].i64(0), case_id, now}));
      continue;
    }
    const std::int64_t id = found[0].i64(0);
    if (case_id > 0) {
      ANTOAN_ASSIGN(std::int64_t linked,
                    tx.exec("INSERT INTO indicator_cases (indicator_id, case_id, created_at) VALUES ($1, $2, $3) "
                            "ON CONFLICT DO NOTHING",
                            {id, case_id, now}));
      if (linked == 0) continue;  // this case already counted it
    }
    ANTOAN_TRY(tx.exec(
        "UPDATE indicators SET report_count = report_count + 1, last_seen = $2, version = version + 1, "
        "updated_at = $2, bank = COALESCE(bank, $3), platform = COALESCE(platform, $4) WHERE id = $1",
        {id, now, text_or_null(ind.bank), text_or_null(ind.platform)}));
  }
  return {};
}

// --- RegistryIndex -------------------------------------------------------------------------------

std::uint64_t RegistryIndex::key_of(IndicatorKind kind, std::string_view value) {
  // FNV-1a seeded with the kind, then a splitmix64 finaliser for well-spread low bits.
  std::uint64_t h = 0xcbf29ce484222325ULL ^ (static_cast<std::uint64_t>(kind) + 1) * 0x100000001b3ULL;
  for (char c : value) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

void RegistryIndex::reserve(std::size_t n) {
  records_.reserve(n);
  std::size_t want = 16;
  while (want < n * 2) want <<= 1;
  if (want > slots_.size()) rehash(want);
}

void RegistryIndex::rehash(std::size_t slot_count) {
  std::vector<std::uint32_t>(slot_count, 0).swap(slots_);
  mask_ = slot_count - 1;
  for (std::size_t i = 0; i < records_.size(); ++i) {
    std::size_t s = records_[i].key & mask_;
    while (slots_[s] != 0) s = (s + 1) & mask_;
    slots_[s] = static_cast<std::uint32_t>(i + 1);
  }
}

const RegistryIndex::Record* RegistryIndex::find(std::uint64_t key) const {
  if (slots_.empty()) return nullptr;
  std::size_t s = key & mask_;
  while (true) {
    const std::uint32_t at = slots_[s];
    if (at == 0) return nullptr;
    const Record& r = records_[at - 1];
    if (r.key == key) return &r;
    s = (s + 1) & mask_;
  }
}

bool RegistryIndex::apply(const Record& record) {
  if (slots_.empty()) rehash(1024);
  std::size_t s = record.key & mask_;
  while (slots_[s] != 0) {
    Record& have = records_[slots_[s] - 1];
    if (have.key == record.key) {
      if (record.version < have.version) return false;
      have = record;
      return true;
    }
    s = (s + 1) & mask_;
  }
  records_.push_back(record);
  slots_[s] = static_cast<std::uint32_t>(records_.size());
  if (records_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
  return true;
}

// --- Registry: loading and the index ----------------------------------------------------------------

Result<std::unique_ptr<Registry>> Registry::load(store::Db& db) {
  auto registry = std::make_unique<Registry>(db);
  ANTOAN_TRY(registry->load_all());
  return registry;
}

Status Registry::load_all() {
  const std::int64_t started = now_ms();
  ANTOAN_ASSIGN(store::Rows count, db_.query("SELECT COUNT(*) FROM indicators"));
  RegistryIndex fresh;
  fresh.reserve(static_cast<std::size_t>(count.empty() ? 0 : count[0].i64(0)) * 9 / 8 + 1024);
  std::int64_t after = 0;
  while (true) {
    ANTOAN_ASSIGN(store::Rows rows,
                  db_.query("SELECT id, kind, value, status, report_count, first_seen, last_seen, version "
                            "FROM indicators WHERE id > $1 ORDER BY id LIMIT $2",
                            {after, kLoadPage}));
    for (const store::Row& r : rows) {
      auto kind = parse_indicator_kind(r.str(1));
      auto status = parse_indicator_status(r.str(3));
      after = r.i64(0);
      if (!kind || !status) continue;
      RegistryIndex::Record rec;
      rec.key = RegistryIndex::key_of(*kind, r.str(2));
      rec.id = r.i64(0);
      rec.report_count = static_cast<std::uint32_t>(std::clamp<std::int64_t>(r.i64(4), 0, UINT32_MAX));
      rec.first_seen_ms = r.i64(5);
      rec.last_seen_ms = r.i64(6);
      rec.version = static_cast<std::uint32_t>(std::clamp<std::int64_t>(r.i64(7), 0, UINT32_MAX));
      rec.kind = static_cast<std::uint8_t>(*kind);
      rec.status = static_cast<std::uint8_t>(*status);
      fresh.apply(rec);
    }
    if (rows.size() < static_cast<std::size_t>(kLoadPage)) break;
  }
  std::unique_lock lock(mu_);
  index_ = std::move(fresh);
  last_sync_ms_ = started;
  return {};
}

std::optional<RegistryEntry> Registry::find(IndicatorKind kind, const std::string& normalised_value) const {
  const std::uint64_t key = RegistryIndex::key_of(kind, normalised_value);
  RegistryIndex::Record rec;
  {
    std::shared_lock lock(mu_);
    const RegistryIndex::Record* r = index_.find(key);
    if (!r || r->kind != static_cast<std::uint8_t>(kind)) return std::nullopt;
    rec = *r;
  }
  return RegistryEntry{rec.id,           kind,           normalised_value, static_cast<IndicatorStatus>(rec.status),
                       rec.report_count, rec.first_seen_ms, rec.last_seen_ms};
}

Registry::Lookup Registry::lookup(std::string_view raw_value) const {
  Lookup out;
  out.parsed = parse_indicator(raw_value);
  if (!out.parsed) return out;
  out.entry = find(*out.parsed);
  if (!out.entry && out.parsed->kind == IndicatorKind::phone) {
    // The same digits may be registered as an account (MoMo, MB use phone numbers).
    std::string digits;
    for (char c : raw_value)
      if (c >= '0' && c <= '9') digits.push_back(c);
    if (auto acc = find(IndicatorKind::bank_account, digits)) {
      out.parsed = Indicator{IndicatorKind::bank_account, digits, "", "", false};
      out.entry = std::move(acc);
    }
  }
  return out;
}

void Registry::apply_records(const std::vector<IndicatorRecord>& records) {
  std::unique_lock lock(mu_);
  for (const IndicatorRecord& rec : records) index_.apply(to_index_record(rec));
}

Status Registry::apply_committed(const std::vector<Indicator>& indicators) {
  std::vector<IndicatorRecord> fresh;
  std::size_t n = 0;
  for (const Indicator& ind : indicators) {
    if (++n > kMaxIndicators) break;
    ANTOAN_ASSIGN(store::Rows rows,
                  db_.query(std::string("SELECT ") + kRecordColumns + " FROM indicators i WHERE i.kind = $1 AND i.value = $2",
                            {std::string(indicator_kind_name(ind.kind)), ind.value}));
    for (const store::Row& r : rows) fresh.push_back(row_to_record(r));
  }
  apply_records(fresh);
  return {};
}

Status Registry::sync() {
  const std::int64_t started = now_ms();
  std::int64_t since;
  {
    std::shared_lock lock(mu_);
    since = last_sync_ms_ - kSyncOverlapMs;
  }
  std::int64_t after = 0;
  while (true) {
    ANTOAN_ASSIGN(store::Rows rows,
                  db_.query(std::string("SELECT ") + kRecordColumns +
                                " FROM indicators i WHERE i.updated_at >= $1 AND i.id > $2 ORDER BY i.id LIMIT $3",
                            {since, after, kLoadPage}));
    std::vector<IndicatorRecord> fresh;
    for (const store::Row& r : rows) {
      fresh.push_back(row_to_record(r));
      after = fresh.back().entry.id;
    }
    apply_records(fresh);
    if (rows.size() < static_cast<std::size_t>(kLoadPage)) break;
  }
  std::unique_lock lock(mu_);
  last_sync_ms_ = std::max(last_sync_ms_, started);
  return {};
}

std::size_t Registry::size() const {
  std::shared_lock lock(mu_);
  return index_.size();
}

std::size_t Registry::index_bytes() const {
  std::shared_lock lock(mu_);
  return index_.memory_bytes();
}

// --- officer operations ------------------------------------------------------------------------------

Result<Registry::AddResult> Registry::add(const security::Principal& p, IndicatorKind kind, std::string_view value,
                                          std::string_view note, IndicatorStatus status) {
  ANTOAN_TRY(security::require(p, security::Action::indicator_manage));
  if (note.size() > 2000)
    return Error::invalid("note", "Ghi chú quá dài (tối đa 2000 ký tự)", "Note is too long (max 2000 bytes)");
  if (!is_valid_utf8(note)) return Error::invalid("note", "Ghi chú không phải UTF-8 hợp lệ", "Note is not valid UTF-8");
  auto parsed = parse_indicator_as(kind, value);
  if (!parsed)
    return Error::unprocessable("value", "Giá trị không phải " + std::string(indicator_kind_name(kind)) + " hợp lệ",
                                "Value is not a valid " + std::string(indicator_kind_name(kind)));
  AddResult result;
  const std::int64_t now = now_ms();
  const std::string kind_name(indicator_kind_name(kind));
  const std::string status_name(indicator_status_name(status));
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(store::Rows found, tx.query("SELECT id, status FROM indicators WHERE kind = $1 AND value = $2",
                                              {kind_name, parsed->value}));
    std::int64_t id;
    std::string from;
    if (found.empty()) {
      ANTOAN_ASSIGN(store::Rows ins,
                    tx.query("INSERT INTO indicators (kind, value, status, report_count, first_seen, last_seen, bank, "
                             "platform, note, source, version, updated_at, updated_by) VALUES ($1, $2, $3, 0, $4, $4, "
                             "$5, $6, $7, 'officer', 1, $4, $8) RETURNING id",
                             {kind_name, parsed->value, status_name, now, text_or_null(parsed->bank),
                              text_or_null(parsed->platform), text_or_null(note), user_or_null(p)}));
      id = ins[0].i64(0);
      result.created = true;
    } else {
      id = found[0].i64(0);
      from = found[0].str(1);
      ANTOAN_TRY(tx.exec("UPDATE indicators SET status = $2, note = COALESCE($3, note), version = version + 1, "
                         "updated_at = $4, updated_by = $5 WHERE id = $1",
                         {id, status_name, text_or_null(note), now, user_or_null(p)}));
    }
    Json details = {{"kind", kind_name}, {"value", parsed->value}, {"status", status_name}};
    if (!from.empty()) details["from"] = from;
    if (!note.empty()) details["note"] = std::string(note);
    ANTOAN_TRY(security::append_audit(
        tx, indicator_audit(p, "indicator.add", std::to_string(id), details)));
    ANTOAN_ASSIGN(auto rec, select_by_id(tx, id));
    if (!rec) return Error::internal("indicator vanished");
    result.record = std::move(*rec);
    return {};
  }));
  apply_records({result.record});
  return result;
}

Result<IndicatorRecord> Registry::change_status(const security::Principal& p, std::int64_t id, IndicatorStatus to,
                                                std::string_view note, const char* action) {
  ANTOAN_TRY(security::require(p, security::Action::indicator_manage));
  if (note.size() > 2000)
    return Error::invalid("reason", "Nội dung quá dài (tối đa 2000 ký tự)", "Text is too long (max 2000 bytes)");
  if (!is_valid_utf8(note)) return Error::invalid("reason", "Nội dung không phải UTF-8 hợp lệ", "Text is not valid UTF-8");
  IndicatorRecord out;
  const std::int64_t now = now_ms();
  const std::string to_name(indicator_status_name(to));
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    ANTOAN_ASSIGN(auto before, select_by_id(tx, id));
    if (!before) return not_found_indicator();
    if (before->entry.status == to && note.empty()) {  // nothing changes: no new version, no audit
      out = std::move(*before);
      return {};
    }
    ANTOAN_TRY(tx.exec("UPDATE indicators SET status = $2, note = COALESCE($3, note), version = version + 1, "
                       "updated_at = $4, updated_by = $5 WHERE id = $1",
                       {id, to_name, text_or_null(note), now, user_or_null(p)}));
    Json details = {{"kind", std::string(indicator_kind_name(before->entry.kind))},
                    {"value", before->entry.value},
                    {"from", std::string(indicator_status_name(before->entry.status))},
                    {"to", to_name}};
    if (!note.empty()) details[to == IndicatorStatus::cleared ? "reason" : "note"] = std::string(note);
    ANTOAN_TRY(security::append_audit(
        tx, indicator_audit(p, action, std::to_string(id), details)));
    ANTOAN_ASSIGN(auto after, select_by_id(tx, id));
    if (!after) return Error::internal("indicator vanished");
    out = std::move(*after);
    return {};
  }));
  apply_records({out});
  return out;
}

Result<IndicatorRecord> Registry::confirm(const security::Principal& p, std::int64_t id, std::string_view note) {
  return change_status(p, id, IndicatorStatus::confirmed, note, "indicator.confirm");
}

Result<IndicatorRecord> Registry::clear(const security::Principal& p, std::int64_t id, std::string_view reason) {
  ANTOAN_TRY(security::require(p, security::Action::indicator_manage));
  if (reason.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return Error::invalid("reason", "Cần ghi lý do gỡ bỏ", "A reason is required to clear an indicator");
  return change_status(p, id, IndicatorStatus::cleared, reason, "indicator.clear");
}

// --- views ---------------------------------------------------------------------------------------------

Result<IndicatorPage> Registry::list(const security::Principal& p, const IndicatorQuery& query) const {
  ANTOAN_TRY(security::require(p, security::Action::indicator_view));
  if (query.limit < 1 || query.limit > 500)
    return Error::invalid("limit", "limit phải từ 1 đến 500", "limit must be between 1 and 500");
  if (query.offset < 0 || query.offset > 10'000'000)
    return Error::invalid("offset", "offset không hợp lệ", "offset is out of range");
  if (query.q.size() > 200) return Error::invalid("q", "Từ khóa quá dài", "Search text is too long");
  std::string where = "1 = 1";
  store::Params params;
  auto param = [&](store::Value v) {
    params.push_back(std::move(v));
    return placeholder(params.size());
  };
  if (query.status) where += " AND i.status = " + param(std::string(indicator_status_name(*query.status)));
  if (query.kind) where += " AND i.kind = " + param(std::string(indicator_kind_name(*query.kind)));
  if (!query.q.empty()) {
    // Exact match on any written form, or a substring of the normalised value.
    std::string needle;
    for (char c : query.q) {
      if (c == '%' || c == '_' || c == '\\') needle.push_back('\\');
      needle.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    std::string exact = query.q;
    if (auto parsed = parse_indicator(query.q)) exact = parsed->value;
    const std::string a = param(exact);
    needle.insert(needle.begin(), '%');
    needle.push_back('%');
    const std::string b = param(needle);
    where += " AND (i.value = " + a + " OR LOWER(i.value) LIKE " + b + " ESCAPE '\\')";
  }
  IndicatorPage page;
  ANTOAN_ASSIGN(store::Rows total, db_.query("SELECT COUNT(*) FROM indicators i WHERE " + where, params));
  page.total = total.empty() ? 0 : total[0].i64(0);
  const std::string limit = param(query.limit);
  const std::string offset = param(query.offset);
  ANTOAN_ASSIGN(store::Rows rows,
                db_.query(std::string("SELECT ") + kRecordColumns +
                              ", (SELECT COUNT(*) FROM indicator_cases c WHERE c.indicator_id = i.id) FROM indicators i "
                              "WHERE " + where + " ORDER BY i.last_seen DESC, i.id DESC LIMIT " + limit + " OFFSET " + offset,
                          params));
  for (const store::Row& r : rows) page.items.push_back(row_to_record(r));
  return page;
}

Result<IndicatorRecord> Registry::get(const security::Principal& p, std::int64_t id) const {
  ANTOAN_TRY(security::require(p, security::Action::indicator_view));
  ANTOAN_ASSIGN(store::Rows rows,
                db_.query(std::string("SELECT ") + kRecordColumns +
                              ", (SELECT COUNT(*) FROM indicator_cases c WHERE c.indicator_id = i.id) FROM indicators i "
                              "WHERE i.id = $1",
                          {id}));
  if (rows.empty()) return not_found_indicator();
  IndicatorRecord rec = row_to_record(rows[0]);
  ANTOAN_ASSIGN(store::Rows cases, db_.query("SELECT case_id FROM indicator_cases WHERE indicator_id = $1 "
                                             "ORDER BY created_at DESC, case_id DESC LIMIT 200",
                                             {id}));
  for (const store::Row& r : cases) rec.case_ids.push_back(r.i64(0));
  return rec;
}

// --- import -------------------------------------------------------------------------------------------

Result<ImportReport> Registry::import(const security::Principal& p, std::string_view body, const ImportOptions& options) {
  ANTOAN_TRY(security::require(p, security::Action::indicator_manage));
  if (!is_valid_utf8(body))
    return Error::invalid("body", "Tệp không phải văn bản UTF-8 hợp lệ", "The file is not valid UTF-8 text");
  if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // BOM from Excel

  ImportReport report;
  std::vector<ImportRow> rows;
  std::unordered_set<std::string> seen;
  auto fail = [&](std::int64_t line, std::string_view text, std::string vi, std::string en) {
    ++report.invalid;
    if (report.errors.size() < kMaxImportErrors)
      report.errors.push_back(ImportRowError{line, std::string(text.substr(0, 200)), std::move(vi), std::move(en)});
  };

  std::vector<std::string> fields;
  bool first_data_line = true;
  std::int64_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view raw = body.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    const std::string line = trim_copy(raw);
    if (line.empty() || line[0] == '#') {
      if (nl == body.size()) break;
      continue;
    }
    if (options.format == ImportFormat::csv && first_data_line) {
      first_data_line = false;
      if (line.rfind("kind,", 0) == 0 || line == "kind" || line.rfind("\"kind\"", 0) == 0) continue;  // header
    }
    if (++report.rows > static_cast<std::int64_t>(kMaxImportRows)) {
      return Error::make(ErrorCode::payload_too_large, "Tệp có quá nhiều dòng (tối đa 500.000)",
                         "Too many rows (max 500,000)", "body");
    }
    ImportRow row{line_no, {}, std::nullopt, {}};
    if (options.format == ImportFormat::plain) {
      auto parsed = parse_indicator(line);
      if (!parsed) {
        fail(line_no, line, "Không nhận ra số điện thoại, tên miền, đường link, tài khoản hay tài khoản mạng xã hội",
             "Not a phone number, domain, link, bank account or handle");
        continue;
      }
      row.indicator = std::move(*parsed);
    } else {
      if (!split_csv_line(line, fields)) {
        fail(line_no, line, "Dấu ngoặc kép không khớp", "Unbalanced quotes");
        continue;
      }
      if (fields.size() < 2 || fields.size() > 4) {
        fail(line_no, line, "Cần các cột kind,value[,status][,note]", "Expected columns kind,value[,status][,note]");
        continue;
      }
      auto kind = parse_indicator_kind(trim_copy(fields[0]));
      if (!kind) {
        fail(line_no, line, "Loại không hợp lệ (phone, domain, url, bank_account, handle)",
             "Unknown kind (phone, domain, url, bank_account, handle)");
        continue;
      }
      auto parsed = parse_indicator_as(*kind, trim_copy(fields[1]));
      if (!parsed) {
        fail(line_no, line, "Giá trị không phải " + std::string(indicator_kind_name(*kind)) + " hợp lệ",
             "Value is not a valid " + std::string(indicator_kind_name(*kind)));
        continue;
      }
      row.indicator = std::move(*parsed);
      if (fields.size() >= 3 && !trim_copy(fields[2]).empty()) {
        row.status = parse_indicator_status(trim_copy(fields[2]));
        if (!row.status) {
          fail(line_no, line, "Trạng thái không hợp lệ (reported, confirmed, cleared)",
               "Unknown status (reported, confirmed, cleared)");
          continue;
        }
      }
      if (fields.size() == 4) {
        row.note = trim_copy(fields[3]);
        if (row.note.size() > 2000) {
          fail(line_no, line, "Ghi chú quá dài (tối đa 2000 ký tự)", "Note is too long (max 2000 bytes)");
          continue;
        }
      }
    }
    if (!seen.insert(std::string(indicator_kind_name(row.indicator.kind)) + '\n' + row.indicator.value).second) {
      ++report.duplicates;
      continue;
    }
    rows.push_back(std::move(row));
    if (nl == body.size()) break;
  }

  if ((report.invalid > 0 && !options.skip_invalid) || rows.empty()) return report;  // nothing half imported

  const std::int64_t now = now_ms();
  const std::string default_status(indicator_status_name(options.default_status));
  std::vector<IndicatorRecord> written;
  std::int64_t inserted = 0, updated = 0;
  ANTOAN_TRY(db_.write([&](store::Tx& tx) -> Status {
    written.clear();
    inserted = updated = 0;
    for (const ImportRow& row : rows) {
      const std::string kind(indicator_kind_name(row.indicator.kind));
      const std::string status = row.status ? std::string(indicator_status_name(*row.status)) : default_status;
      // An explicit status is applied; a default one only raises "reported".
      const std::string on_conflict_status =
          row.status ? "excluded.status"
                     : "CASE WHEN indicators.status = 'reported' THEN excluded.status ELSE indicators.status END";
      ANTOAN_ASSIGN(store::Rows r,
                    tx.query("INSERT INTO indicators (kind, value, status, report_count, first_seen, last_seen, bank, "
                             "platform, note, source, version, updated_at, updated_by) VALUES ($1, $2, $3, 0, $4, $4, $5, "
                             "$6, $7, 'import', 1, $4, $8) ON CONFLICT (kind, value) DO UPDATE SET status = " +
                                 on_conflict_status +
                                 ", note = COALESCE(excluded.note, indicators.note), version = indicators.version + 1, "
                                 "updated_at = excluded.updated_at, updated_by = excluded.updated_by RETURNING id, "
                                 "version",
                             {kind, row.indicator.value, status, now, text_or_null(row.indicator.bank),
                              text_or_null(row.indicator.platform), text_or_null(row.note), user_or_null(p)}));
      if (r.empty()) return Error::internal("import upsert returned no row");
      (r[0].i64(1) == 1 ? inserted : updated) += 1;
      IndicatorRecord rec;
      rec.entry.id = r[0].i64(0);
      written.push_back(std::move(rec));
    }
    // Read back what the index needs, inside the transaction (the committed state).
    for (std::size_t from = 0; from < written.size(); from += 500) {
      const std::size_t to = std::min(written.size(), from + 500);
      std::string in;
      store::Params params;
      for (std::size_t k = from; k < to; ++k) {
        params.push_back(written[k].entry.id);
        if (k != from) in += ", ";
        in += placeholder(params.size());
      }
      ANTOAN_ASSIGN(auto recs, select_records(tx, "i.id IN (" + in + ")", params));
      for (std::size_t k = 0; k < recs.size(); ++k) written[from + k] = std::move(recs[k]);
      if (recs.size() != to - from) return Error::internal("import read-back mismatch");
    }
    Json details = {{"rows", report.rows},   {"inserted", inserted},
                    {"updated", updated},    {"invalid", report.invalid},
                    {"duplicates", report.duplicates},
                    {"format", options.format == ImportFormat::csv ? "csv" : "plain"},
                    {"default_status", default_status}};
    return security::append_audit(
        tx, indicator_audit(p, "indicator.import", "", details));
  }));
  apply_records(written);
  report.inserted = inserted;
  report.updated = updated;
  report.committed = true;
  return report;
}

}  // namespace antoan::scam
