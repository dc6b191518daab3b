#include "scam/check_setup.h"

#include "scam/registry.h"
#include "store/db.h"

namespace antoan::scam {
namespace {

RegistryLookup lookup_in(std::shared_ptr<const Registry> registry) {
  return [registry](const Indicator& ind) -> std::optional<RegistryHit> {
    std::optional<RegistryEntry> e = registry->find(ind);
    if (!e) return std::nullopt;
    RegistryHit hit;
    hit.report_count = e->report_count;
    switch (e->status) {
      case IndicatorStatus::reported: hit.status = RegistryStatus::reported; break;
      case IndicatorStatus::confirmed: hit.status = RegistryStatus::confirmed; break;
      case IndicatorStatus::cleared: hit.status = RegistryStatus::cleared; break;
    }
    return hit;
  };
}

}  // namespace

RegistryLookup make_registry_lookup(std::shared_ptr<const Registry> registry) { return lookup_in(std::move(registry)); }

RegistryLookup make_registry_lookup(const Registry& registry) {
  return lookup_in(std::shared_ptr<const Registry>(&registry, [](const Registry*) {}));
}

CheckSetup::~CheckSetup() {
  checker_.reset();
  registry_.reset();
  if (db_) db_->close();
}

Result<std::unique_ptr<CheckSetup>> CheckSetup::open(const std::string& data_dir, const std::string& db_path) {
  std::unique_ptr<CheckSetup> setup(new CheckSetup());
  ANTOAN_ASSIGN(auto checker, Checker::load(data_dir + "/patterns.tsv", data_dir + "/model.bin"));
  if (db_path.empty()) {
    setup->checker_ = std::move(checker);
    return setup;
  }
  ANTOAN_ASSIGN(setup->db_, store::open_db(db_path));
  ANTOAN_ASSIGN(std::unique_ptr<Registry> registry, Registry::load(*setup->db_));
  setup->registry_ = std::move(registry);
  setup->checker_ = checker->with_registry(lookup_in(setup->registry_));
  return setup;
}

Result<std::vector<std::pair<std::string, bool>>> load_registry_training_texts(const std::string& db_path) {
  ANTOAN_ASSIGN(std::unique_ptr<store::Db> db, store::open_db(db_path));
  // A report is a scam example when any indicator it named was confirmed, a safe example when
  // the ones it named were cleared. Reports only "reported" teach nothing yet.
  auto rows = db->query(
      "SELECT r.id, r.description, MAX(CASE WHEN i.status = 'confirmed' THEN 1 ELSE 0 END) "
      "FROM indicators i "
      "JOIN indicator_cases ic ON ic.indicator_id = i.id "
      "JOIN cases c ON c.id = ic.case_id "
      "JOIN reports r ON r.id = c.report_id "
      "WHERE i.status IN ('confirmed', 'cleared') "
      "GROUP BY r.id, r.description ORDER BY r.id");
  db->close();
  if (!rows.ok()) return std::move(rows).error();
  std::vector<std::pair<std::string, bool>> out;
  for (const auto& row : *rows) {
    std::string text = row.str(1);
    if (!text.empty()) out.emplace_back(std::move(text), row.i64(2) == 1);
  }
  return out;
}

}  // namespace antoan::scam
