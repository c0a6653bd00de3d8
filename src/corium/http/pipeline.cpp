#include "corium/http/pipeline.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <variant>

#include "corium/engine/strict_json.h"
#include "corium/http/content_etag.h"
#include "corium/http/problem.h"

namespace corium::http {
namespace {

// Deeper bodies are refused before any handler sees them (a hostile "[[[[…").
constexpr int kMaxJsonDepth = 32;

bool IsWrite(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string_view MediaType(std::string_view content_type) {
  const size_t semicolon = content_type.find(';');
  std::string_view type = content_type.substr(0, semicolon);
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return type;
}

// Messages from the storage layer name tables and constraints; a client never sees them.
bool LooksInternal(std::string_view message) {
  for (const std::string_view word : {"constraint", "SQL", "sqlite", "violates", "relation ",
                                      "column", "syntax", "libpq", "database"}) {
    if (message.find(word) != std::string_view::npos) return true;
  }
  return false;
}

Response ProblemFor(const Status& status, bool had_if_match, std::string_view what) {
  const int code = HttpStatusFor(status, had_if_match);
  if (code >= 500 || LooksInternal(status.message())) {
    spdlog::error("{}: {}", what, status.ToString());
    if (code < 500) return ProblemResponse(code, "The request clashes with the stored records.");
  }
  if (code == 412) {
    return ProblemResponse(412, "The record changed since you read it; reload it and try again.");
  }
  return ProblemResponse(code, status);
}

Response Finish(ApiReply&& reply, const Request& request) {
  Response response;
  response.status = reply.status;
  // A 304 carries the handler's own headers, not the body's type.
  const bool may_be_unchanged = reply.content_etag && reply.status == 200;
  Headers handler_headers = may_be_unchanged ? reply.headers : Headers();
  response.headers = std::move(reply.headers);
  if (!reply.content_type.empty()) {
    response.headers.Set("Content-Type", reply.content_type);
    response.body = std::move(reply.raw_body);
  } else if (reply.status != 204) {
    response.headers.Set("Content-Type", "application/json");
    response.body = reply.body.dump();
  }
  if (reply.version) response.headers.Set("ETag", "\"" + std::to_string(*reply.version) + "\"");
  if (may_be_unchanged) {
    std::string etag = ContentEtag(response.body);
    if (IfNoneMatchHits(request, etag)) {
      Response not_modified;
      not_modified.status = 304;
      not_modified.headers = std::move(handler_headers);
      not_modified.headers.Set("ETag", std::move(etag));
      return not_modified;
    }
    response.headers.Set("ETag", std::move(etag));
  }
  if (!reply.location.empty()) response.headers.Set("Location", reply.location);
  return response;
}

}  // namespace

void AddSecurityHeaders(Response& response) {
  response.headers.Set("Content-Security-Policy",
                       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                       "data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                       "form-action 'self'; frame-ancestors 'none'");
  response.headers.Set("X-Content-Type-Options", "nosniff");
  response.headers.Set("Referrer-Policy", "no-referrer");
  response.headers.Set("X-Frame-Options", "DENY");
  response.headers.Set("Cross-Origin-Opener-Policy", "same-origin");
  response.headers.Set("Cross-Origin-Resource-Policy", "same-origin");
}

std::optional<std::string> CookieValue(const Request& request, std::string_view name) {
  for (const auto& [key, value] : request.headers.entries()) {
    if (!EqualsIgnoreCase(key, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      const size_t semicolon = rest.find(';');
      std::string_view pair = rest.substr(0, semicolon);
      rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const size_t equals = pair.find('=');
      if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
        return std::string(pair.substr(equals + 1));
      }
    }
  }
  return std::nullopt;
}

Pipeline::Pipeline(ApiRouter router, std::shared_ptr<const OpenApi> openapi,
                   PipelineOptions options)
    : router_(std::move(router)), openapi_(std::move(openapi)), options_(std::move(options)) {}

size_t Pipeline::BodyLimit(std::string_view method, std::string_view raw_target) const {
  const auto target = ParseTarget(raw_target);
  if (!target.ok()) return 0;
  const auto match = router_.Find(method, target->segments);
  if (!match || match->route == nullptr) return 0;
  return match->route->body_limit;
}

Response Pipeline::Handle(const Request& request, app::Services& services) const {
  Response response;
  try {
    const auto target = ParseTarget(request.target);
    if (!target.ok()) {
      response = ProblemResponse(400, target.status().message());
    } else if (target->path == "/healthz") {
      response.headers.Set("Content-Type", "text/plain; charset=utf-8");
      response.body = "ok\n";
    } else if (target->path.starts_with("/api/")) {
      response = HandleApi(request, *target, services);
      response.headers.Set("Cache-Control", "no-store");
    } else if (request.method != "GET" && request.method != "HEAD") {
      response = ProblemResponse(405, "Only GET reaches the web app's files.");
      response.headers.Set("Allow", "GET, HEAD");
    } else if (options_.assets != nullptr) {
      auto served = options_.assets->Serve(target->path, request);
      response = served ? std::move(*served) : ProblemResponse(404, "No such file.");
    } else {
      response = ProblemResponse(404, "No such page. The API lives under /api/v1.");
    }
  } catch (const std::exception& e) {
    spdlog::error("{} {}: unexpected exception: {}", request.method, request.target, e.what());
    response = ProblemResponse(500, "");
  }
  AddSecurityHeaders(response);
  return response;
}

Response Pipeline::HandleApi(const Request& request, const Target& target,
                             app::Services& services) const {
  const auto match = router_.Find(request.method, target.segments);
  if (!match) return ProblemResponse(404, "No such API path.");
  if (match->route == nullptr) {
    Response response = ProblemResponse(405, "This path does not take " + request.method + ".");
    std::string allow;
    for (const auto& method : match->allowed) allow += (allow.empty() ? "" : ", ") + method;
    response.headers.Set("Allow", allow);
    return response;
  }
  return Dispatch(request, target, *match, services);
}

Response Pipeline::Dispatch(const Request& request, const Target& target,
                            const ApiRouter::Match& match, app::Services& services) const {
  const ApiRoute& route = *match.route;
  const bool write = IsWrite(request.method);

  // Browsers: a state-changing request must come from our own origin (login CSRF included).
  if (write) {
    if (const auto origin = request.headers.Find("Origin")) {
      const bool known = std::find(options_.allowed_origins.begin(), options_.allowed_origins.end(),
                                   *origin) != options_.allowed_origins.end();
      if (!known) return ProblemResponse(403, "Requests from another site are refused.");
    } else if (const auto site = request.headers.Find("Sec-Fetch-Site")) {
      if (*site != "same-origin" && *site != "none") {
        return ProblemResponse(403, "Requests from another site are refused.");
      }
    }
  }

  std::optional<app::Principal> principal;
  if (route.access == Access::kSignedIn) {
    const auto authorization = request.headers.Find("Authorization");
    Result<app::Principal> found = Status(StatusCode::kUnauthenticated, "Sign in first.");
    if (authorization && authorization->starts_with("Bearer ")) {
      found = services.accounts.AuthenticateBearer(std::string(authorization->substr(7)));
    } else if (const auto token = CookieValue(request, kSessionCookie)) {
      found = services.accounts.AuthenticateSession(*token);
    }
    if (!found.ok()) {
      if (found.status().code() != StatusCode::kUnauthenticated) {
        return ProblemFor(found.status(), false, "authentication");
      }
      Response response = ProblemResponse(401, "Sign in, or send a valid API token.");
      response.headers.Set("WWW-Authenticate", "Bearer realm=\"corium\"");
      return response;
    }
    principal = std::move(found).value();
    if (write && principal->kind == app::Principal::Kind::kSession) {
      const auto sent = request.headers.Find(kCsrfHeader);
      if (!sent || !services.accounts.CsrfMatches(*principal, std::string(*sent))) {
        return ProblemResponse(403, "The request lacks this session's CSRF token.");
      }
    }
    if (route.permission && !principal->Allows(*route.permission)) {
      return ProblemResponse(403, "Your role does not allow this.");
    }
    if (!principal->time_zone.empty()) {
      const Status zone = services.clock.SetZone(principal->time_zone);
      if (!zone.ok()) return ProblemFor(zone, false, "clinic time zone");
    }
  }

  ApiCall call{request, target, principal ? &*principal : nullptr, services, match.params, {}, {}};
  const bool has_body = !request.body.empty();
  if (has_body && write) {
    const auto type = request.headers.Find("Content-Type");
    const std::string_view media = type ? MediaType(*type) : std::string_view();
    if (route.body_type == "application/json") {
      if (media != "application/json") {
        return ProblemResponse(415, "Send the body as application/json.");
      }
      auto document = engine::ReadStrictJson(request.body, kMaxJsonDepth);
      if (const auto* error = std::get_if<engine::StrictJsonError>(&document)) {
        // A repeated key is well-formed JSON with an ambiguous meaning: the caller named a field
        // twice, so the answer names it, as any other invalid field.
        if (error->kind == engine::StrictJsonError::Kind::kRepeatedKey) {
          return ProblemResponse(422, Status::InvalidFields({{error->key, error->message}}));
        }
        return ProblemResponse(400, "The body is not valid JSON: " + error->message + ".");
      }
      auto& read = std::get<engine::StrictJsonDocument>(document);
      if (route.validates_own_body && read.IsObject()) {
        call.document = std::move(read);
      } else {
        call.body = std::move(read).TakeTree();
      }
    } else if (!media.starts_with("image/")) {
      return ProblemResponse(415, "Send the photo's bytes with its image/* content type.");
    }
  }
  const bool handler_validates = route.validates_own_body && call.document.IsObject();
  if (route.body_type == "application/json" && write && !handler_validates) {
    static const nlohmann::json no_body = nlohmann::json::object();
    // Both branches are lvalues, so the body is checked in place, not copied.
    const nlohmann::json& checked = has_body ? call.body : no_body;
    const Status valid = openapi_->ValidateRequest(request.method, route.pattern, checked);
    if (!valid.ok()) return ProblemResponse(422, valid);
  }

  const bool had_if_match = request.headers.Find("If-Match").has_value();
  Result<ApiReply> reply = route.handler(call);
  if (!reply.ok()) {
    const Status& status = reply.status();
    if (!had_if_match && status.code() == StatusCode::kInvalidArgument &&
        status.field_errors().size() == 1 && status.field_errors()[0].path == "If-Match") {
      return ProblemResponse(428, status);
    }
    return ProblemFor(status, had_if_match, route.method + " " + route.pattern);
  }
  return Finish(std::move(reply).value(), request);
}

}  // namespace corium::http
