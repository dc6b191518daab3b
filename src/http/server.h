#pragma once
// The HTTP server adapter: cpp-httplib configured for throughput and safety (TCP_NODELAY,
// a deep listen backlog, a thread pool, body and time limits), feeding every request to the
// Router and serving the built front end (web/dist) for everything else.
#include <atomic>
#include <memory>
#include <string>

#include "core/error.h"
#include "http/router.h"

namespace antoan::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 48;
  std::string static_dir;          // built front end; empty = none
  bool trust_forwarded_proto = false;  // behind a TLS-terminating proxy (nginx)
  std::string tile_origin;  // map tiles' origin allowed by the CSP ("https://tiles.example.vn"); empty = none
};

// The Content-Security-Policy header: only this server's scripts, styles, images and API, plus
// the configured tile origin for images. No inline script, no <base>, no forms posting elsewhere,
// no framing: stored text can neither run nor call out (a house name with <img src=…> cannot
// make officers' browsers fetch from someone else's server).
std::string content_security_policy(const std::string& tile_origin);
// True for "https://host[:port]" (or http) with nothing else: what the CSP may name.
bool is_plain_origin(const std::string& origin);

class Server {
 public:
  Server(const Router& router, ServerOptions options);
  ~Server();
  // Binds; returns the bound port (useful with port 0). Errors if the port is taken.
  Result<int> bind();
  // Serves until stop(); blocks.
  void serve();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace antoan::http
