#include "support/api_contract.h"

#include "corium/http/openapi.h"

namespace corium::testing {
namespace {

const http::OpenApi& Document() {
  static const auto api = [] {
    auto assembled = http::OpenApi::Assemble(http::kOpenApiFiles);
    if (!assembled.ok()) throw std::runtime_error(assembled.status().ToString());
    return *assembled;
  }();
  return *api;
}

}  // namespace

std::string OpenApiMismatch(const std::string& method, const std::string& pattern,
                            const HttpResponse& response) {
  const auto type = response.Header("content-type").value_or("");
  if (response.status >= 400 && type != "application/problem+json") {
    return "an error answered with Content-Type " + type + ", not application/problem+json";
  }
  if (response.status == 204 || type.find("json") == std::string::npos) return "";
  const auto body = nlohmann::json::parse(response.body, nullptr, false);
  if (body.is_discarded()) return "the body is not JSON: " + response.body.substr(0, 200);
  const Status valid = Document().ValidateResponse(method, pattern, response.status, body);
  if (valid.ok()) return "";
  std::string out =
      method + " " + pattern + " " + std::to_string(response.status) + ": " + valid.message();
  for (const FieldError& error : valid.field_errors()) {
    out += "; " + error.path + ": " + error.message;
  }
  return out;
}

}  // namespace corium::testing
