// The HTTP types handlers see. No Boost here: the Beast adapter (server.cpp) converts to and from
// them, so routing, authentication and the API handlers compile and test without the network.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corium::http {

// Header names compare case-insensitively; order is kept.
class Headers {
 public:
  void Add(std::string name, std::string value) {
    entries_.emplace_back(std::move(name), std::move(value));
  }
  // Replaces every header of that name with one.
  void Set(std::string_view name, std::string value);
  std::optional<std::string_view> Find(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

struct Request {
  std::string method;  // upper case, as sent
  std::string target;  // the raw request-target, e.g. "/api/v1/clients?q=ann"
  Headers headers;
  std::string body;
  std::string peer;     // the client's address, for rate limits and logs
  bool secure = false;  // arrived over TLS
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  bool close = false;  // close the connection after this response
};

}  // namespace corium::http
