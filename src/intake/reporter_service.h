#pragma once
// The reporter's side of a case, reached only with the receipt code: status, history,
// messages from the handler, and replies. Nothing here reveals who handles the case by name
// or any internal note.
#include <functional>
#include <string>

#include "core/json.h"
#include "store/db.h"

namespace antoan::security {
class FieldCrypto;
}

namespace antoan::intake {

class ReporterService {
 public:
  ReporterService(store::Db& db, security::FieldCrypto& crypto) : db_(db), crypto_(crypto) {}

  // `receipt` as typed by the worker (spaces and dashes allowed).
  Result<Json> lookup(const std::string& receipt, bool english);
  Result<Json> reply(const std::string& receipt, const std::string& text);
  // The case a receipt belongs to (not_found for an unknown receipt); for attachments.
  Result<std::int64_t> case_for(const std::string& receipt);
  // Runs inside the reply's write transaction (coordination queues the notification).
  void set_reply_hook(std::function<Status(store::Tx&, std::int64_t case_id)> hook) { reply_hook_ = std::move(hook); }

 private:
  std::function<Status(store::Tx&, std::int64_t)> reply_hook_;

  store::Db& db_;
  security::FieldCrypto& crypto_;
};

}  // namespace antoan::intake
