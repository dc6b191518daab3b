#pragma once
// The http::Authenticator of antoan: `Authorization: Bearer ak_…` (an API key of a system) or
// the `antoan_session` cookie of a browser. A bad API key is an error (401): the caller meant
// to authenticate. A missing, unknown or expired cookie is simply anonymous.
#include "accounts/account_service.h"
#include "http/router.h"

namespace antoan::accounts {

inline constexpr const char* kSessionCookie = "antoan_session";
inline constexpr const char* kCsrfCookie = "antoan_csrf";

http::Authenticator make_authenticator(AccountService& accounts);

// The client's address for throttling: the connection's peer, or the X-Real-IP header that
// a local reverse proxy (nginx on the same host) sets when the peer is loopback.
std::string client_address(const http::Request& req);

}  // namespace antoan::accounts
