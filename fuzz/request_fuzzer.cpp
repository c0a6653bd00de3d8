// libFuzzer target for request decoding: raw bytes through Beast's HTTP/1.1 parser with the
// server's limits, then the target decoder (path segments, percent escapes, query) and the
// cookie reader, exactly as a request reaches the pipeline. Nothing may crash, hang or leak.
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>  // before Boost headers (see http/server.cpp)

#include "corium/http/message.h"
#include "corium/http/pipeline.h"
#include "corium/http/target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace bhttp = boost::beast::http;
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(8 * 1024);
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_header_done()) return 0;

  const auto& message = parser.get();
  corium::http::Request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    request.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  const auto target = corium::http::ParseTarget(request.target);
  if (target.ok()) {
    std::string rebuilt;
    for (const auto& segment : target->segments) rebuilt += "/" + segment;
    if (rebuilt != target->path) __builtin_trap();
    for (const auto& segment : target->segments) {
      if (segment == ".." || segment == "." || segment.find('/') != std::string::npos)
        __builtin_trap();
    }
  }
  (void)corium::http::CookieValue(request, corium::http::kSessionCookie);
  return 0;
}
