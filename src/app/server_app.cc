#include "app/server_app.h"

#include <signal.h>

#include <cstdio>
#include <filesystem>
#include <thread>

#include "app/openapi.h"
#include "http/server.h"
#include "store/db.h"

namespace antoan::app {
namespace {

http::Server* g_server = nullptr;
void on_signal(int) {
  if (g_server) g_server->stop();
}

std::string default_key_file(const std::string& db) {
  auto dir = std::filesystem::path(db).parent_path();
  return (dir.empty() ? std::filesystem::path(".") : dir).append("antoan.key").string();
}

void register_health(http::Router& router, store::Db& db) {
  router.add(
      "GET", "/api/v1/health",
      [&db](http::Request&) -> Result<http::Response> {
        ANTOAN_ASSIGN(auto rows, db.query("SELECT count(*) FROM schema_migrations"));
        return http::Response::json({{"status", "ok"}, {"migrations", rows[0].i64(0)}});
      },
      {http::Access::open}, "Liveness and database check");
}

}  // namespace

Status run_server(const ServeOptions& options) {
  auto parent = std::filesystem::path(options.db).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent);
  ANTOAN_ASSIGN(std::unique_ptr<store::Db> db, store::open_db(options.db));
  std::string key_file = options.key_file.empty() ? default_key_file(options.db) : options.key_file;
  (void)key_file;

  http::Router router;
  register_health(router, *db);
  // -- services and routes of each capability: register routes here --

  register_openapi_route(router);

  http::ServerOptions server_options{options.host, options.port, options.threads, options.static_dir,
                                     options.trust_proxy};
  http::Server server(router, server_options);
  ANTOAN_ASSIGN(int port, server.bind());
  g_server = &server;
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  signal(SIGPIPE, SIG_IGN);
  // -- background jobs start here --
  std::printf("antoan: listening on http://%s:%d (db %s)\n", options.host.c_str(), port, options.db.c_str());
  std::fflush(stdout);
  server.serve();
  g_server = nullptr;
  // -- background jobs stop here --
  db->close();
  return {};
}

}  // namespace antoan::app
