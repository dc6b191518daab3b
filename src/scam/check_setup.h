#pragma once
// Everything `antoan check` and `antoan scam train` need besides the checker itself: the
// data files and, optionally, a database whose scam registry the checker consults and whose
// confirmed/cleared messages feed retraining. Owns the Db, the Registry and the Checker.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "scam/checker.h"

namespace antoan::store {
class Db;
}

namespace antoan::scam {

class Registry;

class CheckSetup {
 public:
  // Loads <data_dir>/patterns.tsv and <data_dir>/model.bin; opens `db_path` when not empty.
  static Result<std::unique_ptr<CheckSetup>> open(const std::string& data_dir, const std::string& db_path);
  ~CheckSetup();
  const Checker& checker() const { return *checker_; }

 private:
  CheckSetup() = default;
  std::unique_ptr<store::Db> db_;
  std::shared_ptr<const Registry> registry_;  // shared: the RegistryLookup holds it too
  std::unique_ptr<Checker> checker_;
};

// A RegistryLookup over the shared scam registry (kept alive by the lookup).
RegistryLookup make_registry_lookup(std::shared_ptr<const Registry> registry);
// Same, for a registry owned elsewhere that outlives the checker (the server's).
RegistryLookup make_registry_lookup(const Registry& registry);

// Messages officers decided on, for retraining: confirmed → scam, cleared → safe.
Result<std::vector<std::pair<std::string, bool>>> load_registry_training_texts(const std::string& db_path);

}  // namespace antoan::scam
