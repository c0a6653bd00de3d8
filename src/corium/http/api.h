// The API's building blocks: an ApiRoute names its method, path (as written in the OpenAPI
// document), the permission it needs and its body limit; its handler gets an ApiCall (who, what,
// the services of this worker thread) and returns an ApiReply or a Status. The pipeline
// (http/pipeline.cpp) does everything else: target decoding, authentication, CSRF, the permission
// check, JSON parsing and validation against the OpenAPI schema, Status → problem+json, ETag,
// security headers. Handlers hold no clinical rule and no SQL: they map JSON to use cases.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corium/app/access.h"
#include "corium/app/accounts.h"
#include "corium/app/services.h"
#include "corium/base/result.h"
#include "corium/engine/strict_json.h"
#include "corium/http/message.h"
#include "corium/http/target.h"

namespace corium::http {

inline constexpr size_t kJsonBodyLimit = size_t{64} * 1024;
inline constexpr size_t kPhotoBodyLimit = size_t{10} * 1024 * 1024;

struct ApiCall {
  const Request& request;
  const Target& target;
  // Null only on public routes (sign-in, setup, health); every other route has one.
  const app::Principal* principal = nullptr;
  app::Services& services;
  std::vector<std::pair<std::string, std::string>> params;  // path parameters by name
  nlohmann::json body;  // the parsed JSON body, already valid against the operation's schema
  // The body as read, on a route that validates its own body (ApiRoute::validates_own_body);
  // `body` stays null there.
  engine::StrictJsonDocument document;

  const app::Actor& actor() const { return principal->actor; }
  // A path parameter that must be a positive id; kNotFound otherwise (an id that cannot exist
  // answers like one that does not).
  Result<app::Id> PathId(std::string_view name) const;
  std::optional<std::string_view> Query(std::string_view name) const { return target.Query(name); }
  // The version the client read, from `If-Match: "N"`; kInvalidArgument naming the header when
  // it is missing or not a version this API issued (the pipeline answers 428 for a missing one).
  Result<std::int64_t> IfMatch() const;
  // Pagination from `limit` (1–200, default 50) and `offset` (≥ 0), naming the bad parameter.
  struct Page {
    int limit = 50;
    std::int64_t offset = 0;
  };
  Result<Page> Paging() const;
};

struct ApiReply {  // NOLINT(bugprone-exception-escape): json's default constructor cannot throw
  int status = 200;
  nlohmann::json body;                  // sent as application/json unless content_type is set
  std::optional<std::int64_t> version;  // sent as ETag: "N"
  std::string location;                 // sent as Location (201)
  std::string content_type;             // for a binary body (photos)
  std::string raw_body;
  Headers headers;  // anything else (Set-Cookie)
  // A 200 sent with a strong ETag hashed from its body (for a view of several records, which has
  // no one version); a request whose If-None-Match holds it gets 304 without the body.
  bool content_etag = false;

  static ApiReply Json(nlohmann::json body, int status = 200) {
    ApiReply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
  }
  static ApiReply Created(nlohmann::json body, std::string location) {
    ApiReply reply = Json(std::move(body), 201);
    reply.location = std::move(location);
    return reply;
  }
  static ApiReply NoContent() {
    ApiReply reply;
    reply.status = 204;
    return reply;
  }
};

using ApiHandler = std::function<Result<ApiReply>(ApiCall&)>;

enum class Access {
  kSignedIn,  // a session or an API token with the route's permission
  kPublic,    // no credentials (sign-in, first-run setup, health, the OpenAPI document)
};

struct ApiRoute {
  std::string method{};   // GET, POST, PUT, PATCH, DELETE
  std::string pattern{};  // the OpenAPI path, e.g. "/api/v1/clients/{client_id}"
  Access access = Access::kSignedIn;
  // nullopt: any signed-in staff member (e.g. reading one's own session).
  std::optional<app::Permission> permission = std::nullopt;
  size_t body_limit = kJsonBodyLimit;
  // The media type a body must have: application/json, or "image/*" for a photo upload.
  std::string body_type = "application/json";
  // The handler validates the JSON body itself, reading it from ApiCall::document without a tree
  // being built: for a body whose OpenAPI schema says only "an object" and names the handler's
  // reader as its validator (the screening intake; a test holds the schema to that). A body that is
  // not an object still gets the schema's 422 from the pipeline.
  bool validates_own_body = false;
  ApiHandler handler{};
};

class ApiRouter {
 public:
  void Add(ApiRoute route);

  struct Match {
    const ApiRoute* route = nullptr;  // null: no route for this method (see allowed)
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<std::string> allowed;  // the methods the path has, for 405 and Allow
  };
  // nullopt when no route has this path at all (404).
  std::optional<Match> Find(std::string_view method,
                            const std::vector<std::string>& segments) const;
  const std::vector<ApiRoute>& routes() const { return routes_; }

 private:
  std::vector<ApiRoute> routes_;
  std::vector<std::vector<std::string>> patterns_;  // split patterns, parallel to routes_
  // Route indexes by segment count, then by the resource segment ("clients" in
  // /api/v1/clients/{id}); "" holds those where that segment is a parameter or missing.
  static constexpr size_t kResourceSegment = 2;
  std::vector<std::map<std::string, std::vector<size_t>, std::less<>>> shapes_;
};

class OpenApi;

// Each area adds its routes (http/api/*_routes.cpp).
void AddSystemRoutes(ApiRouter& router,
                     const std::shared_ptr<const OpenApi>& openapi);  // OpenAPI, kb
void AddAccountRoutes(ApiRouter& router);    // setup, sign-in/out, session, tokens, accounts
void AddClientRoutes(ApiRouter& router);     // clients, intakes, chart
void AddScreeningRoutes(ApiRouter& router);  // screenings, overrides
void AddStaffRoutes(ApiRouter& router);      // staff, audit log
void AddChartingRoutes(
    ApiRouter& router);                   // plans, consents, sessions, signing, amendments, photos
void AddSafetyRoutes(ApiRouter& router);  // adverse events, outcomes
void AddInventoryRoutes(ApiRouter& router);       // devices, lots, products, expiry, recall
void AddKnowledgeBaseRoutes(ApiRouter& router);   // vocabulary, rules
void AddCourseRoutes(ApiRouter& router);          // a plan's course, a client's home care
void AddCalendarRoutes(ApiRouter& router);        // rooms, hours, types, slots, appointments
void AddCalendarExportRoutes(ApiRouter& router);  // ICS: a client's appointments, a diary
void AddAftercareRoutes(ApiRouter& router);       // a session's aftercare sheet
void AddTodayRoutes(ApiRouter& router);           // the day's worklist
void AddCourseExportRoutes(ApiRouter& router);    // ICS: a plan's course, a client's home care

// Every route of the API, in one router.
ApiRouter BuildApiRouter(const std::shared_ptr<const OpenApi>& openapi);

}  // namespace corium::http
