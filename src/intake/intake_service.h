#pragma once
// Turns a worker's report into a durable record and an open case routed to the responsible
// organisation, and gives back the receipt. Answers only after the commit is fsync'd (the
// store's group commit keeps that cheap under load). Retries with the same Idempotency-Key
// get the same answer; the same key with a different report is a conflict.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "intake/report_input.h"
#include "store/db.h"

namespace antoan::security {
class FieldCrypto;
}
namespace antoan::orgs {
class OrgService;
}

namespace antoan::intake {

struct SubmitResult {
  std::int64_t report_id = 0;
  std::int64_t case_id = 0;
  std::string receipt;
  std::string status;
  bool replayed = false;  // an earlier request with the same Idempotency-Key
};

// Called inside the report's write transaction for every new case (e.g. the scam registry
// records the indicators of a scam report), and after the commit.
struct IntakeHook {
  std::function<Status(store::Tx&, const ReportInput&, std::int64_t case_id)> in_transaction;
  std::function<void(const ReportInput&, std::int64_t case_id)> after_commit;
};

class IntakeService {
 public:
  IntakeService(store::Db& db, orgs::OrgService& orgs, security::FieldCrypto& crypto)
      : db_(db), orgs_(orgs), crypto_(crypto) {}
  void add_hook(IntakeHook hook) { hooks_.push_back(std::move(hook)); }

  // `request_fingerprint` identifies the request body for idempotency checks.
  Result<SubmitResult> submit(const ReportInput& input, const std::optional<std::string>& idempotency_key,
                              const std::string& request_fingerprint);

 private:
  Result<std::optional<SubmitResult>> find_replay(store::Tx& tx, const std::string& key,
                                                  const std::string& fingerprint);

  store::Db& db_;
  orgs::OrgService& orgs_;
  security::FieldCrypto& crypto_;
  std::vector<IntakeHook> hooks_;
};

}  // namespace antoan::intake
