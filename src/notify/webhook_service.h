#pragma once
// Admin side of outgoing notifications: register webhooks (URL, secret, events), list them
// (never the secret), deactivate them, and see recent deliveries. Secrets are sealed with the
// field key because the worker needs them back to sign.
#include <cstdint>
#include <string>
#include <vector>

#include "core/json.h"
#include "security/principal.h"
#include "store/db.h"

namespace antoan::security {
class FieldCrypto;
}

namespace antoan::notify {

struct NewWebhook {
  std::int64_t org_id = 0;  // the organisation it belongs to: it receives what that organisation may see
  std::string url;
  std::string secret;
  std::vector<std::string> events;  // empty = all
};

// http(s)://host[:port]/path, no credentials, no spaces; false when not acceptable.
bool is_acceptable_url(const std::string& url);

class WebhookService {
 public:
  WebhookService(store::Db& db, security::FieldCrypto& crypto) : db_(db), crypto_(crypto) {}
  Result<Json> create(const security::Principal& p, const NewWebhook& hook);
  Result<Json> list(const security::Principal& p);
  Status deactivate(const security::Principal& p, std::int64_t id);
  Result<Json> deliveries(const security::Principal& p, int limit);

 private:
  store::Db& db_;
  security::FieldCrypto& crypto_;
};

}  // namespace antoan::notify
