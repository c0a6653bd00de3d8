// Pipeline: everything between a parsed HTTP request and a handler, and back. Decodes the target,
// routes, authenticates (session cookie or bearer token), checks CSRF and the permission matrix,
// parses and validates the JSON body against the OpenAPI document, calls the handler on this
// worker thread's services, and turns its Result into a response with problem+json errors, ETag,
// no-store caching and the security headers. Holds no state that another process would need.
// Immutable after construction: Handle may run on several worker threads at once, each with its
// own Services.
#pragma once

#include <memory>
#include <string>

#include "corium/app/services.h"
#include "corium/http/api.h"
#include "corium/http/message.h"
#include "corium/http/openapi.h"
#include "corium/http/static_assets.h"

namespace corium::http {

inline constexpr std::string_view kSessionCookie = "__Host-corium_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

struct PipelineOptions {
  // The origins a browser may send state-changing requests from ("http://127.0.0.1:8080").
  std::vector<std::string> allowed_origins;
  const StaticAssets* assets = nullptr;  // the web app, when built; owned by the caller
};

class Pipeline {
 public:
  Pipeline(ApiRouter router, std::shared_ptr<const OpenApi> openapi, PipelineOptions options);

  // The body limit for a request, decided from its method and target once its headers are read.
  size_t BodyLimit(std::string_view method, std::string_view target) const;

  // Never throws; any failure becomes a problem response.
  Response Handle(const Request& request, app::Services& services) const;

  const OpenApi& openapi() const { return *openapi_; }
  const ApiRouter& router() const { return router_; }

 private:
  Response HandleApi(const Request& request, const Target& target, app::Services& services) const;
  Response Dispatch(const Request& request, const Target& target, const ApiRouter::Match& match,
                    app::Services& services) const;

  ApiRouter router_;
  std::shared_ptr<const OpenApi> openapi_;
  PipelineOptions options_;
};

// The headers every response carries (CSP without inline script, nosniff, no referrer, no framing).
void AddSecurityHeaders(Response& response);

// The value of one cookie from a Cookie header, if present.
std::optional<std::string> CookieValue(const Request& request, std::string_view name);

}  // namespace corium::http
