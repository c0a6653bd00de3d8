// Server: Corium's HTTP/1.1 listener (Boost.Beast + Asio C++20 coroutines, confined to
// server.cpp). One I/O thread runs every connection as a coroutine with a per-request deadline and
// exact header and body limits; handlers run on a small worker pool, each worker with its own
// database connection (a ServiceScope). SIGTERM or SIGINT drains: stop accepting, finish the
// responses in flight, close idle connections, then return from Run.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "corium/app/services.h"
#include "corium/base/result.h"
#include "corium/http/pipeline.h"

namespace corium::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: an ephemeral port (tests)
  int workers = 2;
  size_t max_connections = 512;
  size_t header_limit = size_t{8} * 1024;
  // To read one request (header and body, including a keep-alive connection's wait for it) and
  // to write one response; a slow or idle client is closed when it passes.
  std::chrono::seconds request_timeout{10};
  std::string tls_certificate;  // PEM files; both empty: plain HTTP
  std::string tls_private_key;
};

class Server {
 public:
  Server(ServerOptions options, app::ServiceOpener opener);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Whether a TLS certificate chain and private key (PEM files) load and match; else
  // kInvalidArgument naming the file at fault. Listen loads them the same way.
  static Status CheckTlsFiles(const std::string& certificate, const std::string& private_key);

  // Binds and listens; returns the bound port. kUnavailable when the address cannot be bound,
  // kInvalidArgument when the TLS files cannot be loaded.
  Result<unsigned short> Listen();
  // Serves requests through `pipeline` until SIGTERM/SIGINT, then drains. `on_ready` runs once
  // the signals are armed. The pipeline is given here, after Listen, because the origins it
  // trusts name the bound port.
  Status Run(const Pipeline& pipeline, const std::function<void()>& on_ready = {});

  struct State;  // server.cpp's; public only so its coroutines can name it

 private:
  std::unique_ptr<State> state_;
};

}  // namespace corium::http
