#include "support/http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>
#include <thread>

namespace corium::testing {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return text;
}

int Connect(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool WriteAll(int fd, const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

std::string ReadUntilClosed(int fd, std::chrono::milliseconds timeout) {
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char buffer[16384];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  return out;
}

}  // namespace

std::optional<std::string> HttpResponse::Header(const std::string& lower_name) const {
  const auto it = headers.find(lower_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

nlohmann::json HttpResponse::Json() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json() : parsed;
}

HttpResponse HttpClient::Parse(const std::string& raw) {
  HttpResponse response;
  size_t start = 0;
  // Skip interim 1xx responses (100 Continue).
  while (true) {
    const size_t end_of_head = raw.find("\r\n\r\n", start);
    if (end_of_head == std::string::npos || raw.compare(start, 5, "HTTP/") != 0) return response;
    const int status = std::atoi(raw.c_str() + start + 9);
    if (status >= 100 && status < 200) {
      start = end_of_head + 4;
      continue;
    }
    response.status = status;
    size_t line = raw.find("\r\n", start) + 2;
    while (line < end_of_head) {
      const size_t eol = raw.find("\r\n", line);
      const std::string header = raw.substr(line, eol - line);
      const size_t colon = header.find(':');
      if (colon != std::string::npos) {
        std::string name = Lower(header.substr(0, colon));
        std::string value = header.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        auto& slot = response.headers[name];
        slot = slot.empty() ? value : slot + "\n" + value;
      }
      line = eol + 2;
    }
    response.body = raw.substr(end_of_head + 4);
    if (const auto length = response.Header("content-length")) {
      response.body.resize(std::min(response.body.size(), std::stoul(*length)));
    }
    return response;
  }
}

HttpResponse HttpClient::Send(const std::string& method, const std::string& target,
                              const std::string& body, const HeaderList& headers) const {
  std::string request = method + " " + target +
                        " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) +
                        "\r\nConnection: close\r\n";
  bool has_length = false;
  for (const auto& [name, value] : headers) {
    request += name + ": " + value + "\r\n";
    if (Lower(name) == "content-length" || Lower(name) == "transfer-encoding") has_length = true;
  }
  if (!has_length && (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")) {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  return Parse(SendRaw({request}));
}

std::string HttpClient::SendRaw(const std::vector<std::string>& chunks,
                                std::chrono::milliseconds pause,
                                std::chrono::milliseconds timeout) const {
  const int fd = Connect(port_);
  if (fd < 0) return {};
  for (size_t i = 0; i < chunks.size(); ++i) {
    if (!WriteAll(fd, chunks[i])) break;
    if (pause.count() > 0 && i + 1 < chunks.size()) std::this_thread::sleep_for(pause);
  }
  ::shutdown(fd, SHUT_WR);
  std::string out = ReadUntilClosed(fd, timeout);
  ::close(fd);
  return out;
}

int HttpClient::OpenIdle() const { return Connect(port_); }

void HttpClient::CloseRaw(int fd) {
  if (fd >= 0) ::close(fd);
}

ApiSession::ApiSession(const HttpClient& client, const std::string& email,
                       const std::string& password)
    : client_(client) {
  const nlohmann::json credentials = {{"email", email}, {"password", password}};
  const HttpResponse response = client_.Send("POST", "/api/v1/session", credentials.dump(),
                                             {{"Content-Type", "application/json"}});
  if (response.status != 200) {
    throw std::runtime_error("sign-in as " + email + " answered " +
                             std::to_string(response.status) + ": " + response.body);
  }
  const auto cookie = response.Header("set-cookie").value_or("");
  cookie_ = cookie.substr(0, cookie.find(';'));
  me_ = response.Json();
  csrf_ = me_.value("csrf_token", "");
}

HttpResponse ApiSession::Send(const std::string& method, const std::string& target,
                              const std::string& body, HeaderList headers) const {
  if (!cookie_.empty()) headers.emplace_back("Cookie", cookie_);
  const bool write = method != "GET" && method != "HEAD";
  if (write && !csrf_.empty()) headers.emplace_back("X-CSRF-Token", csrf_);
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  return client_.Send(method, target, body, headers);
}

HttpResponse ApiSession::Get(const std::string& target, const HeaderList& headers) const {
  return Send("GET", target, "", headers);
}
HttpResponse ApiSession::Post(const std::string& target, const nlohmann::json& body,
                              const HeaderList& headers) const {
  return Send("POST", target, body.is_null() ? "" : body.dump(), headers);
}
HttpResponse ApiSession::Put(const std::string& target, const nlohmann::json& body,
                             const HeaderList& headers) const {
  return Send("PUT", target, body.is_null() ? "" : body.dump(), headers);
}
HttpResponse ApiSession::Delete(const std::string& target, const HeaderList& headers) const {
  return Send("DELETE", target, "", headers);
}

}  // namespace corium::testing
