// The only translation unit that includes Boost: Asio's coroutines, Beast's HTTP parser and
// serializer, and TLS. Everything else in the server sees http::Request and http::Response.
#include "corium/http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <csignal>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <utility>  // before Asio: boost/asio/awaitable.hpp uses std::exchange without it

#include "corium/http/problem.h"

namespace corium::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

// A connection's read buffer, kept for its life. Beast reads into whatever room the buffer has,
// and never less than 512 bytes: with the buffer's first 512 bytes only, a request of 1.1 kB (a
// screening: the headers with the session cookie and CSRF token, and the intake) took three
// receive calls and three turns of the read loop, each resetting the deadline's timer. With 8 kB
// one call takes in a typical request; longer bodies still arrive in as many reads as they need.
constexpr size_t kConnectionReadBuffer = size_t{8} * 1024;

// A TLS file that is not there says so plainly (OpenSSL would answer "asio.ssl error").
Status CheckTlsFile(std::string_view what, const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) return Status::Ok();
  return Status::InvalidArgument("cannot load the TLS " + std::string(what) + " from " + path +
                                 ": " + (ec ? ec.message() : "not a regular file"));
}

// TLS 1.2 and newer, with the certificate chain and its private key from PEM files. Each file is
// named in its error, so that the operator knows which one to fix.
Status LoadTls(asio::ssl::context& context, const std::string& certificate,
               const std::string& private_key) {
  context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                      asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                      asio::ssl::context::no_tlsv1_1);
  CORIUM_RETURN_IF_ERROR(CheckTlsFile("certificate chain", certificate));
  CORIUM_RETURN_IF_ERROR(CheckTlsFile("private key", private_key));
  error_code ec;
  context.use_certificate_chain_file(certificate, ec);
  if (ec) {
    return Status::InvalidArgument("cannot load the TLS certificate chain (PEM) from " +
                                   certificate + ": " + ec.message());
  }
  context.use_private_key_file(private_key, asio::ssl::context::pem, ec);
  if (ec) {
    return Status::InvalidArgument("cannot load the TLS private key (PEM) from " + private_key +
                                   " or it does not match the certificate: " + ec.message());
  }
  return Status::Ok();
}

Request FromBeast(BeastRequest&& in, const std::string& peer, bool secure) {
  Request out;
  out.method = std::string(in.method_string());
  out.target = std::string(in.target());
  for (const auto& field : in) {
    out.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  out.body = std::move(in.body());
  out.peer = peer;
  out.secure = secure;
  return out;
}

BeastResponse ToBeast(Response&& in, unsigned version, bool keep_alive, bool head) {
  BeastResponse out{static_cast<bhttp::status>(in.status), version};
  out.set(bhttp::field::server, "Corium");
  for (auto& [name, value] : in.headers.entries()) out.insert(name, value);
  out.keep_alive(keep_alive && !in.close);
  const size_t length = in.body.size();
  if (!head) out.body() = std::move(in.body);
  out.prepare_payload();
  if (head) out.content_length(length);
  return out;
}

}  // namespace

struct Server::State {
  State(ServerOptions o, app::ServiceOpener op)
      : options(std::move(o)),
        opener(std::move(op)),
        pool(static_cast<size_t>(std::max(1, options.workers))) {}

  ServerOptions options;
  const Pipeline* pipeline = nullptr;  // set by Run
  app::ServiceOpener opener;
  asio::io_context io{1};
  asio::thread_pool pool;
  tcp::acceptor acceptor{io};
  std::optional<asio::ssl::context> tls;
  asio::signal_set signals{io, SIGINT, SIGTERM};
  size_t connections = 0;
  bool draining = false;
  std::uint64_t next_connection = 0;
  std::map<std::uint64_t, tcp::socket*> idle;  // connections waiting for a request's header

  void BeginDrain() {
    if (draining) return;
    draining = true;
    spdlog::info("draining: {} open connection(s)", connections);
    error_code ignored;
    acceptor.close(ignored);
    for (auto& [id, socket] : idle) socket->cancel(ignored);
  }
};

namespace {

// Resumes the awaiting coroutine, on its own executor, once `wait` reports. The report comes from
// the audit writer's thread; the tracked work keeps the worker pool from stopping before it.
// Not a coroutine, and `wait` goes to the initiation as an argument rather than a capture: g++ 12
// destroys a capturing lambda twice when it is a temporary inside a co_await expression.
asio::awaitable<Status> UntilDurable(app::DurabilityWait wait) {
  return asio::async_initiate<const asio::use_awaitable_t<>&, void(Status)>(
      [](auto handler, const app::DurabilityWait& waiting) {
        auto executor = asio::prefer(asio::get_associated_executor(handler),
                                     asio::execution::outstanding_work.tracked);
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        waiting([executor, shared](Status outcome) {
          asio::post(executor, [shared, outcome = std::move(outcome)]() mutable {
            (*shared)(std::move(outcome));
          });
        });
      },
      asio::use_awaitable, std::move(wait));
}

// Runs on a worker thread: the handler with this thread's own services (and connection).
asio::awaitable<Response> Handle(Server::State* state, Request request) {
  thread_local std::unique_ptr<app::ServiceScope> scope;
  if (!scope) {
    auto opened = state->opener();
    if (!opened.ok()) {
      spdlog::error("worker cannot open its services: {}", opened.status().ToString());
      Response unavailable = ProblemResponse(503, opened.status());
      AddSecurityHeaders(unavailable);
      co_return unavailable;
    }
    scope = std::move(opened).value();
  }
  Response response = state->pipeline->Handle(request, scope->services());
  app::DurabilityWait wait = scope->TakeDurabilityWait();
  if (scope->ConnectionLost()) {
    // This request has failed (503); the thread's next one connects afresh.
    spdlog::warn("a worker's database connection was lost; it reconnects for its next request");
    scope.reset();
  }
  if (wait) {
    // The audit entries of the request's reads: nothing read goes out before they are durable.
    // The worker is free meanwhile; the response resumes on whichever worker is free then.
    const Status durable = co_await UntilDurable(std::move(wait));
    if (!durable.ok()) {
      spdlog::error("a read's audit entry could not be written: {}", durable.ToString());
      response = ProblemResponse(503,
                                 "The record could not be shown: its audit entry could not "
                                 "be written. Try again.");
      AddSecurityHeaders(response);
    }
  }
  co_return response;
}

template <class Stream>
asio::awaitable<void> WriteAndClose(Stream& stream, Response response, unsigned version,
                                    std::chrono::seconds timeout) {
  AddSecurityHeaders(response);
  response.headers.Set("Connection", "close");
  BeastResponse out = ToBeast(std::move(response), version, false, false);
  beast::get_lowest_layer(stream).expires_after(timeout);
  error_code ec;
  // clang-tidy reads the coroutine's lowered frame as a use of the moved-from parameter.
  // NOLINTNEXTLINE(bugprone-use-after-move)
  co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
}

template <class Stream>
asio::awaitable<void> ServeRequests(Server::State* state, Stream& stream, std::string peer,
                                    bool secure) {
  beast::flat_buffer buffer;
  buffer.reserve(kConnectionReadBuffer);
  auto& socket = beast::get_lowest_layer(stream).socket();
  const std::uint64_t id = state->next_connection++;
  while (!state->draining) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(state->options.header_limit));
    // No limit while reading the header (Beast would check Content-Length against it there);
    // the route's own limit is set once the target is known.
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    beast::get_lowest_layer(stream).expires_after(state->options.request_timeout);
    error_code ec;
    state->idle[id] = &socket;
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    state->idle.erase(id);
    if (ec == bhttp::error::header_limit) {
      co_await WriteAndClose(stream, ProblemResponse(431, "The request's headers are too large."),
                             11, state->options.request_timeout);
      co_return;
    }
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
        ec == asio::error::operation_aborted || ec == asio::error::eof ||
        ec == asio::error::connection_reset) {
      co_return;
    }
    if (ec) {
      spdlog::debug("refused a malformed request from {}: {}", peer, ec.message());
      co_await WriteAndClose(stream, ProblemResponse(400, "The request is not valid HTTP/1.1."), 11,
                             state->options.request_timeout);
      co_return;
    }

    const auto& header = parser.get();
    const unsigned version = header.version();
    const auto method_text = header.method_string();
    const auto raw_target = header.target();
    size_t limit =
        state->pipeline->BodyLimit(std::string_view(method_text.data(), method_text.size()),
                                   std::string_view(raw_target.data(), raw_target.size()));
    if (limit == 0) limit = kJsonBodyLimit;
    if (parser.content_length() && *parser.content_length() > limit) {
      co_await WriteAndClose(stream, ProblemResponse(413, "The request body is too large."),
                             version, state->options.request_timeout);
      co_return;
    }
    parser.body_limit(limit);
    if (bhttp::token_list(header[bhttp::field::expect]).exists("100-continue")) {
      bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, version};
      co_await bhttp::async_write(stream, proceed, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) co_return;
    }
    co_await bhttp::async_read(stream, buffer, parser,
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec == bhttp::error::body_limit) {
      co_await WriteAndClose(stream, ProblemResponse(413, "The request body is too large."),
                             version, state->options.request_timeout);
      co_return;
    }
    if (ec == beast::error::timeout) {
      co_await WriteAndClose(stream, ProblemResponse(408, "The request took too long to arrive."),
                             version, state->options.request_timeout);
      co_return;
    }
    if (ec) co_return;

    const bool keep_alive = parser.keep_alive();
    const bool head = parser.get().method() == bhttp::verb::head;
    const auto started = std::chrono::steady_clock::now();
    Request request = FromBeast(parser.release(), peer, secure);
    const std::string method = request.method;
    const std::string path = request.target.substr(0, request.target.find('?'));
    Response response = co_await asio::co_spawn(
        state->pool.get_executor(), Handle(state, std::move(request)), asio::use_awaitable);
    const int status = response.status;
    BeastResponse out = ToBeast(std::move(response), version, keep_alive && !state->draining, head);
    beast::get_lowest_layer(stream).expires_after(state->options.request_timeout);
    co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
    // The path only: a query may carry a client's name.
    spdlog::debug("{} {} {} {} us", method, path, status, micros);
    if (ec || !out.keep_alive()) co_return;
  }
}

asio::awaitable<void> ServeConnection(Server::State* state, tcp::socket socket) {
  error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  const std::string peer = ec ? std::string("unknown") : endpoint.address().to_string();
  if (state->tls) {
    beast::ssl_stream<beast::tcp_stream> stream(std::move(socket), *state->tls);
    beast::get_lowest_layer(stream).expires_after(state->options.request_timeout);
    co_await stream.async_handshake(asio::ssl::stream_base::server,
                                    asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
    co_await ServeRequests(state, stream, peer, true);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(2));
    co_await stream.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
  } else {
    beast::tcp_stream stream(std::move(socket));
    co_await ServeRequests(state, stream, peer, false);
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  }
}

asio::awaitable<void> AcceptLoop(Server::State* state) {
  while (state->acceptor.is_open()) {
    error_code ec;
    tcp::socket socket =
        co_await state->acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (!state->acceptor.is_open()) co_return;
      spdlog::warn("accept failed: {}", ec.message());
      asio::steady_timer pause(state->io, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    if (state->connections >= state->options.max_connections) {
      socket.close(ec);  // over the cap: refuse rather than queue without bound
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    ++state->connections;
    asio::co_spawn(state->io, ServeConnection(state, std::move(socket)),
                   [state](const std::exception_ptr& error) {
                     --state->connections;
                     if (error) {
                       try {
                         std::rethrow_exception(error);
                       } catch (const std::exception& e) {
                         spdlog::error("connection ended by an exception: {}", e.what());
                       }
                     }
                   });
  }
}

}  // namespace

Server::Server(ServerOptions options, app::ServiceOpener opener)
    : state_(std::make_unique<State>(std::move(options), std::move(opener))) {}

Server::~Server() = default;

Status Server::CheckTlsFiles(const std::string& certificate, const std::string& private_key) {
  asio::ssl::context context(asio::ssl::context::tls_server);
  return LoadTls(context, certificate, private_key);
}

Result<unsigned short> Server::Listen() {
  State& s = *state_;
  error_code ec;
  const auto address = asio::ip::make_address(s.options.address, ec);
  if (ec) return Status::InvalidArgument("listen: not an IP address: " + s.options.address);
  if (!s.options.tls_certificate.empty() || !s.options.tls_private_key.empty()) {
    s.tls.emplace(asio::ssl::context::tls_server);
    CORIUM_RETURN_IF_ERROR(LoadTls(*s.tls, s.options.tls_certificate, s.options.tls_private_key));
  }
  const tcp::endpoint endpoint(address, s.options.port);
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::Unavailable("cannot listen on " + s.options.address + ":" +
                               std::to_string(s.options.port) + ": " + ec.message());
  }
  return s.acceptor.local_endpoint().port();
}

Status Server::Run(const Pipeline& pipeline, const std::function<void()>& on_ready) {
  State& s = *state_;
  s.pipeline = &pipeline;
  s.signals.async_wait([&s](const error_code& ec, int) {
    if (!ec) s.BeginDrain();
  });
  asio::co_spawn(s.io, AcceptLoop(&s), asio::detached);
  if (on_ready) on_ready();
  s.io.run();
  s.pool.join();
  spdlog::info("stopped");
  return Status::Ok();
}

}  // namespace corium::http
