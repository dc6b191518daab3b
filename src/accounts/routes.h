#pragma once
// HTTP routes of accounts: login, logout, me, and admin user and API-key management.
// Parse → AccountService → serialise; cookies are set here (HTTP is not the service's).
#include "accounts/account_service.h"
#include "core/json.h"
#include "http/router.h"

namespace antoan::accounts {

void register_account_routes(http::Router& router, AccountService& accounts);

// {id, username, display_name, role, org_id, org_name, categories, team_id, active}
Json user_json(const UserView& u);

}  // namespace antoan::accounts
