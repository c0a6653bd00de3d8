#include "corium/http/problem.h"

#include <nlohmann/json.hpp>

namespace corium::http {

int HttpStatusFor(const Status& status, bool had_if_match) {
  switch (status.code()) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 422;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kConflict:
      return had_if_match ? 412 : 409;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

std::string_view ReasonPhrase(int http_status) {
  switch (http_status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 428:
      return "Precondition Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

Response ProblemResponse(int http_status, std::string_view detail) {
  nlohmann::json body = {{"type", "about:blank"},
                         {"title", std::string(ReasonPhrase(http_status))},
                         {"status", http_status}};
  if (!detail.empty()) body["detail"] = std::string(detail);
  Response response;
  response.status = http_status;
  response.headers.Set("Content-Type", "application/problem+json");
  response.body = body.dump();
  return response;
}

Response ProblemResponse(int http_status, const Status& status) {
  if (http_status >= 500) {
    // Never the internal message: it may name tables, constraints or file paths.
    return ProblemResponse(http_status,
                           http_status == 503
                               ? "The service is busy or the database is unreachable; "
                                 "try again shortly."
                               : "Something went wrong on the server; it has been logged.");
  }
  Response response = ProblemResponse(http_status, status.message());
  if (!status.field_errors().empty()) {
    auto body = nlohmann::json::parse(response.body);
    auto& errors = body["errors"] = nlohmann::json::array();
    for (const FieldError& error : status.field_errors()) {
      errors.push_back({{"path", error.path}, {"message", error.message}});
    }
    response.body = body.dump();
  }
  return response;
}

}  // namespace corium::http
