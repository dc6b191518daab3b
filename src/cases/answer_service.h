#pragma once
// An enterprise's answer on a case about itself, and the union's review of it (issue 20: the
// enterprise never judges a complaint about itself). The enterprise officer says what was done, the
// evidence and the fix it proposes, and may propose a message for the reporter; nothing reaches the
// reporter until an officer who decides the case (security/policy may_relay_answer: the union,
// federation or police in scope) passes the message on, possibly edited, or keeps it back with a
// note. The reporter reads it signed by the enterprise, passed on by the union. Every step is in
// the case history and the audit log.
#include <cstdint>
#include <optional>
#include <string>

#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::cases {

struct AnswerInput {
  std::string action_taken;
  std::optional<std::string> evidence;
  std::optional<std::string> proposed_fix;
  std::optional<std::string> message_to_reporter;
};

class AnswerService {
 public:
  explicit AnswerService(store::Db &db) : db_(db) {}

  Result<Json> answer(const security::Principal &p, std::int64_t case_id, const AnswerInput &in);
  // pass_on: the (possibly edited) message goes to the reporter; otherwise it is kept back with the
  // note. Only a pending answer with a message can be passed on.
  Result<Json> review(const security::Principal &p, std::int64_t case_id, std::int64_t answer_id, bool pass_on,
                      const std::optional<std::string> &text, const std::optional<std::string> &note);
  // The answers of a case, for whoever may view it; can_review says whether the caller may pass
  // them on.
  Result<Json> list(const security::Principal &p, std::int64_t case_id);

 private:
  store::Db &db_;
};

}  // namespace antoan::cases
