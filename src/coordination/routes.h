#pragma once
#include "coordination/deadline_service.h"
#include "coordination/link_service.h"
#include "coordination/overdue_job.h"
#include "coordination/referral_service.h"
#include "coordination/routing_rules.h"
#include "http/router.h"

namespace antoan::coordination {

struct CoordinationServices {
  RoutingRuleService& rules;
  ReferralService& referrals;
  LinkService& links;
  DeadlineService& deadlines;
  OverdueService& overdue;
};

// Routing rules and the "where would it go?" view (admin), referrals and joint cases, links,
// deadlines, overdue counts and the on-demand overdue run. Documented in docs/api.md.
void register_coordination_routes(http::Router& router, CoordinationServices services);

}  // namespace antoan::coordination
