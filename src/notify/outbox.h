#pragma once
// The outbox: services call emit() inside the write transaction of the change, so a
// notification exists if and only if the change committed. emit() also queues one delivery
// per active webhook subscribed to the event whose organisation may see the case (policy),
// with the payload projected for that organisation (security/projection). Payloads carry ids,
// categories, status and organisations: never reporter contact and never the reporter's words.
#include <string>

#include "core/json.h"
#include "security/policy.h"
#include "store/db.h"

namespace antoan::notify {

// Event names.
inline constexpr const char* kCaseCreated = "case.created";
inline constexpr const char* kCaseReferred = "case.referred";
inline constexpr const char* kReferralDecided = "case.referral_decided";
inline constexpr const char* kCaseEscalated = "case.escalated";
inline constexpr const char* kReporterReply = "case.reporter_reply";
bool is_event(const std::string& name);
const std::vector<std::string>& all_events();

// `kase` is what policy needs to decide which organisations' webhooks may receive the event.
Status emit(store::Tx& tx, const std::string& event, const security::CaseScope& kase, const Json& data);

}  // namespace antoan::notify
