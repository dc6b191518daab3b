#include "accounts/authenticator.h"

#include <algorithm>

namespace antoan::accounts {
namespace {

Error bad_api_key() {
  return Error::make(ErrorCode::unauthenticated, "Khóa API không hợp lệ hoặc đã bị thu hồi",
                     "Invalid or revoked API key", "Authorization");
}

bool starts_with_ci(const std::string& s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

http::Authenticator make_authenticator(AccountService& accounts) {
  return [&accounts](const http::Request& req) -> Result<std::optional<security::Principal>> {
    std::string auth = req.header("authorization");
    if (!auth.empty()) {
      if (!starts_with_ci(auth, "bearer ")) return bad_api_key();
      std::string key = auth.substr(7);
      key.erase(0, key.find_first_not_of(' '));
      key.erase(key.find_last_not_of(' ') + 1);
      ANTOAN_ASSIGN(std::optional<security::Principal> p, accounts.principal_for_api_key(key));
      if (!p) return bad_api_key();
      return p;
    }
    auto it = req.cookies.find(kSessionCookie);
    if (it == req.cookies.end() || it->second.empty()) return std::optional<security::Principal>{};
    return accounts.principal_for_session(it->second);
  };
}

std::string client_address(const http::Request& req) {
  const std::string& peer = req.remote_addr;
  bool loopback = peer == "::1" || peer.rfind("127.", 0) == 0 || peer == "::ffff:127.0.0.1";
  if (loopback) {
    std::string real = req.header("x-real-ip");
    if (!real.empty() && real.size() <= 64 &&
        std::all_of(real.begin(), real.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':'; }))
      return real;
  }
  return peer;
}

}  // namespace antoan::accounts
