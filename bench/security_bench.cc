// Security primitives' costs: argon2id login hashing (alone and under concurrency, capped at
// two hashes at a time), field sealing, keyed hashing, the rate limiter, session lookups,
// audit appends and audit verification on a real SQLite file. Plain program; see
// docs/benchmarks.md ("Security") for the command and the numbers.
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "security/audit.h"
#include "security/field_crypto.h"
#include "security/password.h"
#include "security/rate_limiter.h"
#include "security/sessions.h"
#include "store/db.h"

using namespace antoan;
using Clock = std::chrono::steady_clock;

template <class F>
double seconds(F&& f) {
  auto t0 = Clock::now();
  f();
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

int main() {
  if (sodium_init() < 0) return 1;
  // argon2id interactive
  std::string hash;
  double one = seconds([&] { hash = *security::hash_password("correct horse battery"); });
  double verify = seconds([&] { (void)security::verify_password(hash, "correct horse battery"); });
  std::printf("argon2id hash (interactive, 64 MiB): %.0f ms; verify %.0f ms\n", one * 1e3, verify * 1e3);
  const int logins = 8;
  double burst = seconds([&] {
    std::vector<std::thread> ts;
    for (int i = 0; i < logins; ++i) ts.emplace_back([&] { (void)security::verify_password(hash, "x"); });
    for (auto& t : ts) t.join();
  });
  std::printf("%d concurrent verifies (2 at a time): %.0f ms total, %.1f logins/s\n", logins, burst * 1e3,
              logins / burst);

  std::array<unsigned char, 32> key{};
  randombytes_buf(key.data(), key.size());
  auto crypto = security::FieldCrypto::from_master_key(key);
  const int n = 200000;
  std::string sealed;
  double seal = seconds([&] {
    for (int i = 0; i < n; ++i) sealed = crypto.seal("0912 345 678 — Nguyễn Văn A, phòng 12");
  });
  double open = seconds([&] {
    for (int i = 0; i < n; ++i) (void)crypto.open(sealed);
  });
  double kh = seconds([&] {
    for (int i = 0; i < n; ++i) (void)crypto.keyed_hash("1234-5678-9012-3456");
  });
  std::printf("seal %.2f us, open %.2f us, keyed_hash %.2f us per op\n", seal / n * 1e6, open / n * 1e6,
              kh / n * 1e6);

  security::RateLimiter rl({10, 1, 100000});
  const int m = 1000000;
  double rate = seconds([&] {
    for (int i = 0; i < m; ++i) rl.acquire("203.0.113." + std::to_string(i % 50000), 1, i);
  });
  std::printf("rate limiter acquire: %.0f ns per op (50k keys)\n", rate / m * 1e9);

  auto dir = std::filesystem::temp_directory_path() / "antoan_security_bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = std::move(store::open_db((dir / "bench.db").string())).value();
  (void)db->exec("INSERT INTO organisations (id, path, scope_path, kind, name, created_at) VALUES (1,'/1/','/1/','national','VN',0)");
  (void)db->exec("INSERT INTO users (id, username, display_name, password_hash, role, org_id, created_at) VALUES (1,'a','A','!','admin',1,0)");
  security::SessionStore sessions(*db);
  security::NewSession s;
  (void)db->write([&](store::Tx& tx) -> Status {
    s = *sessions.create(tx, 1, "127.0.0.1", "bench");
    return {};
  });
  const int lookups = 20000;
  double look = seconds([&] {
    for (int i = 0; i < lookups; ++i) (void)sessions.lookup(s.token);
  });
  std::printf("session lookup: %.1f us per request\n", look / lookups * 1e6);

  const int single = 500, batched = 50000;
  double per_tx = seconds([&] {
    for (int i = 0; i < single; ++i)
      (void)db->write([&](store::Tx& tx) {
        return security::append_audit(tx, {1, "user", "case.view", "case", std::to_string(i), Json{{"i", i}}});
      });
  });
  double in_one = seconds([&] {
    (void)db->write([&](store::Tx& tx) -> Status {
      for (int i = 0; i < batched; ++i)
        ANTOAN_TRY(security::append_audit(tx, {1, "user", "case.view", "case", std::to_string(i), Json{{"i", i}}}));
      return {};
    });
  });
  std::printf("audit append: %.0f us each in its own durable transaction; %.1f us each inside one transaction\n",
              per_tx / single * 1e6, in_one / batched * 1e6);
  security::AuditVerification v;
  double ver = seconds([&] { v = *security::verify_audit(*db); });
  std::printf("audit verify: %lld rows in %.0f ms (%.0f rows/s), ok=%d\n", static_cast<long long>(v.rows_checked),
              ver * 1e3, v.rows_checked / ver, v.ok);
  db->close();
  std::filesystem::remove_all(dir);
  return 0;
}
