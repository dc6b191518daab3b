#include "http/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace antoan::http {

struct Server::Impl {
  const Router& router;
  ServerOptions options;
  httplib::Server server;
  std::string index_html;
  int listen_fd = -1;  // captured in the socket-options hook to deepen the backlog
  Impl(const Router& r, ServerOptions o) : router(r), options(std::move(o)) {}
};

namespace {

Lang pick_lang(const httplib::Request& r) {
  if (r.has_param("lang")) return r.get_param_value("lang") == "en" ? Lang::en : Lang::vi;
  std::string al = r.get_header_value("Accept-Language");
  return al.rfind("en", 0) == 0 ? Lang::en : Lang::vi;
}

std::map<std::string, std::string> parse_cookies(const std::string& header) {
  std::map<std::string, std::string> out;
  std::istringstream in(header);
  std::string part;
  while (std::getline(in, part, ';')) {
    auto b = part.find_first_not_of(' ');
    auto eq = part.find('=');
    if (b == std::string::npos || eq == std::string::npos || eq < b) continue;
    out[part.substr(b, eq - b)] = part.substr(eq + 1);
  }
  return out;
}

Request adapt(const httplib::Request& in, bool trust_forwarded_proto) {
  Request req;
  req.method = in.method;
  req.path = in.path;
  for (const auto& [k, v] : in.params) req.query.emplace(k, v);
  for (const auto& [k, v] : in.headers) {
    std::string lower = k;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    req.headers.emplace(lower, v);
  }
  req.cookies = parse_cookies(in.get_header_value("Cookie"));
  req.body = in.body;
  req.remote_addr = in.remote_addr;
  req.secure = trust_forwarded_proto && in.get_header_value("X-Forwarded-Proto") == "https";
  req.lang = pick_lang(in);
  return req;
}

void write_back(const Response& r, httplib::Response& out) {
  out.status = r.status;
  for (const auto& [k, v] : r.headers) out.headers.emplace(k, v);
  if (r.stream) {
    auto next = r.stream;
    out.set_chunked_content_provider(r.content_type, [next](std::size_t, httplib::DataSink& sink) {
      std::string chunk;
      bool more = next(chunk);
      if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;  // client gone
      if (!more) sink.done();
      return true;
    });
    return;
  }
  if (!r.content_type.empty()) out.set_content(r.body, r.content_type.c_str());
}

void add_security_headers(httplib::Response& res, const std::string& csp) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Content-Security-Policy", csp);
}

}  // namespace

bool is_plain_origin(const std::string& origin) {
  std::string_view rest;
  if (origin.rfind("https://", 0) == 0) rest = std::string_view(origin).substr(8);
  else if (origin.rfind("http://", 0) == 0) rest = std::string_view(origin).substr(7);
  else return false;
  if (rest.empty() || rest.size() > 253) return false;
  for (char c : rest)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':')) return false;
  return true;
}

std::string content_security_policy(const std::string& tile_origin) {
  std::string img = "'self' data:";
  if (is_plain_origin(tile_origin)) img += " " + tile_origin;
  return "default-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; img-src " + img +
         "; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";
}

Server::Server(const Router& router, ServerOptions options) : impl_(std::make_unique<Impl>(router, std::move(options))) {
  auto& s = impl_->server;
  int threads = impl_->options.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };  // owned by httplib
  s.set_tcp_nodelay(true);
  s.set_keep_alive_max_count(1000);
  s.set_keep_alive_timeout(5);  // an idle keep-alive connection holds a worker thread
  s.set_read_timeout(15, 0);
  s.set_write_timeout(15, 0);
  s.set_payload_max_length(16 * 1024 * 1024);  // per-route limits are enforced by the Router
  s.set_socket_options([this](int fd) {
    httplib::default_socket_options(fd);
    impl_->listen_fd = fd;
  });
  bool trust = impl_->options.trust_forwarded_proto;
  std::string csp = content_security_policy(impl_->options.tile_origin);

  if (!impl_->options.static_dir.empty() && std::filesystem::exists(impl_->options.static_dir)) {
    s.set_mount_point("/", impl_->options.static_dir);
    std::ifstream index(impl_->options.static_dir + "/index.html");
    std::stringstream buf;
    buf << index.rdbuf();
    impl_->index_html = buf.str();
  }
  auto handle = [this, trust, csp](const httplib::Request& in, httplib::Response& out) {
    Request req = adapt(in, trust);
    add_security_headers(out, csp);
    // Client-side routes of the front end get index.html; /api/* always gets JSON.
    if (req.method == "GET" && req.path.rfind("/api/", 0) != 0 && !impl_->index_html.empty()) {
      out.set_content(impl_->index_html, "text/html; charset=utf-8");
      return;
    }
    write_back(impl_->router.dispatch(req), out);
  };
  s.Get(".*", handle);
  s.Post(".*", handle);
  s.Put(".*", handle);
  s.Patch(".*", handle);
  s.Delete(".*", handle);
  s.Options(".*", handle);
  s.set_file_request_handler([csp](const httplib::Request&, httplib::Response& res) {
    add_security_headers(res, csp);
    res.set_header("Cache-Control", "public, max-age=3600");
  });
  // Errors raised by httplib itself (413 over the hard cap, 400 malformed) get our JSON shape.
  s.set_error_handler([](const httplib::Request& in, httplib::Response& res) {
    if (!res.body.empty()) return;
    Lang lang = pick_lang(in);
    ErrorCode code = res.status == 413   ? ErrorCode::payload_too_large
                     : res.status == 404 ? ErrorCode::not_found
                                         : ErrorCode::invalid_argument;
    Response r = Response::error(Error::make(code, "Yêu cầu không hợp lệ", "Invalid request"), lang);
    res.set_content(r.body, r.content_type.c_str());
  });
  s.set_exception_handler([](const httplib::Request& in, httplib::Response& res, std::exception_ptr) {
    Response r = Response::error(Error::internal("unhandled"), pick_lang(in));
    res.status = 500;
    res.set_content(r.body, r.content_type.c_str());
  });
}

Server::~Server() { stop(); }

Result<int> Server::bind() {
  auto& s = impl_->server;
  int port = impl_->options.port;
  int bound = port == 0 ? s.bind_to_any_port(impl_->options.host) : (s.bind_to_port(impl_->options.host, port) ? port : -1);
  // httplib hard-wires a backlog of 5: bursts beyond it are dropped and retried after ~1 s
  // (see STACK.md). Listening again on the same socket only raises the backlog.
  if (bound >= 0 && impl_->listen_fd >= 0) ::listen(impl_->listen_fd, 4096);
  if (bound < 0)
    return Error::make(ErrorCode::unavailable, "Không mở được cổng " + std::to_string(port),
                       "Cannot listen on " + impl_->options.host + ":" + std::to_string(port));
  return bound;
}

void Server::serve() {
  impl_->server.listen_after_bind();
}

void Server::stop() {
  if (!impl_) return;
  impl_->server.stop();
  // httplib's stop() does nothing until listen has begun: a SIGTERM right after bind() (a test
  // stopping a server it just started) would be lost and the process would serve on. Shutting
  // the listening socket down makes accept() fail now or as soon as it is called, which ends the
  // loop either way. shutdown() is async-signal-safe.
  if (impl_->listen_fd >= 0) ::shutdown(impl_->listen_fd, SHUT_RDWR);
}

}  // namespace antoan::http
