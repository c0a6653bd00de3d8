// A deliberately small HTTP/1.1 client over a POSIX socket for black-box tests of `corium serve`:
// one request per connection (Connection: close), raw bytes for malformed-request tests, and an
// ApiSession that signs in and carries the session cookie and CSRF token. Not thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace corium::testing {

struct HttpResponse {
  int status = 0;  // 0: no response (the server closed the connection or timed out)
  std::map<std::string, std::string> headers;  // names lower-cased; repeated ones joined by "\n"
  std::string body;

  std::optional<std::string> Header(const std::string& lower_name) const;
  // The body as JSON (null when it is not JSON).
  nlohmann::json Json() const;
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
 public:
  explicit HttpClient(unsigned short port) : port_(port) {}

  HttpResponse Send(const std::string& method, const std::string& target,
                    const std::string& body = "", const HeaderList& headers = {}) const;
  // Writes `bytes` as they are (in `chunks` with `pause` between them, for slow clients) and
  // reads until the server closes or `timeout` passes; returns everything read.
  std::string SendRaw(const std::vector<std::string>& chunks,
                      std::chrono::milliseconds pause = std::chrono::milliseconds(0),
                      std::chrono::milliseconds timeout = std::chrono::milliseconds(15000)) const;
  // Opens a connection and sends nothing; returns its descriptor (close it with CloseRaw).
  int OpenIdle() const;
  static void CloseRaw(int fd);
  unsigned short port() const { return port_; }

  static HttpResponse Parse(const std::string& raw);

 private:
  unsigned short port_;
};

// A signed-in browser session: the __Host- cookie and the CSRF token on every write.
class ApiSession {
 public:
  ApiSession(const HttpClient& client, const std::string& email, const std::string& password);
  // An unauthenticated session (for public routes and for refusals).
  explicit ApiSession(const HttpClient& client) : client_(client) {}

  bool signed_in() const { return !cookie_.empty(); }
  const nlohmann::json& me() const { return me_; }

  HttpResponse Get(const std::string& target, const HeaderList& headers = {}) const;
  HttpResponse Post(const std::string& target, const nlohmann::json& body,
                    const HeaderList& headers = {}) const;
  HttpResponse Put(const std::string& target, const nlohmann::json& body,
                   const HeaderList& headers = {}) const;
  HttpResponse Delete(const std::string& target, const HeaderList& headers = {}) const;
  HttpResponse Send(const std::string& method, const std::string& target, const std::string& body,
                    HeaderList headers) const;

 private:
  const HttpClient& client_;
  std::string cookie_;
  std::string csrf_;
  nlohmann::json me_;
};

}  // namespace corium::testing
