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
  // Before anything is written, inside the transaction: may complete the input (a poster's
  // house token becomes the house's id) or refuse it.
  std::function<Status(store::Tx&, ReportInput&)> prepare = nullptr;
};

class IntakeService {
 public:
  IntakeService(store::Db& db, orgs::OrgService& orgs, security::FieldCrypto& crypto)
      : db_(db), orgs_(orgs), crypto_(crypto) {}
  void add_hook(IntakeHook hook) { hooks_.push_back(std::move(hook)); }

  // `request_fingerprint` identifies the request body for idempotency checks. Runs the hooks'
  // after_commit part itself.
  Result<SubmitResult> submit(const ReportInput& input, const std::optional<std::string>& idempotency_key,
                              const std::string& request_fingerprint);
  // The same inside the caller's transaction (a meeting and the cases its issues open commit
  // together). `key` is antoan's own idempotency key, in a namespace no client can reach. The
  // caller runs committed() after its commit for every new case.
  Result<SubmitResult> submit_in(store::Tx& tx, const ReportInput& input, const std::string& key,
                                 const std::string& fingerprint);
  void committed(const ReportInput& input, std::int64_t case_id);

 private:
  struct Keyed {
    std::string stored_key;    // namespaced, as in reports.idempotency_key
    std::string receipt_seed;  // what the receipt is derived from (a client's own key, unchanged)
    std::string fingerprint;
  };
  struct Placement {
    std::string place_path;  // where it happened, in the organisation tree
    std::int64_t org_id = 0;  // who is responsible (routing)
  };
  Result<SubmitResult> write_report(store::Tx& tx, const ReportInput& in, const Placement& at,
                                    const std::optional<Keyed>& keyed);
  Result<std::optional<SubmitResult>> find_replay(store::Tx& tx, const std::string& stored_key,
                                                  const std::string& receipt_seed, const std::string& fingerprint);

  store::Db& db_;
  orgs::OrgService& orgs_;
  security::FieldCrypto& crypto_;
  std::vector<IntakeHook> hooks_;
};

}  // namespace antoan::intake
