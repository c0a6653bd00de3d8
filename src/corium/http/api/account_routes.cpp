// Accounts over HTTP: first-run setup, signing in and out (the session cookie and its CSRF
// token), the signed-in session, password change, staff accounts and API tokens.
#include <string>

#include "corium/http/api.h"
#include "corium/http/api/json_read.h"
#include "corium/http/pipeline.h"

namespace corium::http {
namespace {

using app::Permission;

std::string SessionCookie(const std::string& token, std::int64_t max_age) {
  // __Host-: Secure, Path=/, no Domain, under TLS and without it alike: a browser refuses a
  // __Host- cookie that lacks Secure, and keeps a Secure one set by http://127.0.0.1 or localhost
  // (potentially trustworthy origins), so the same attributes serve loopback without TLS. Plain
  // HTTP on any other address cannot keep a session (serve warns at start).
  return std::string(kSessionCookie) + "=" + token +
         "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
}

nlohmann::json PrincipalJson(const app::Principal& principal) {
  nlohmann::json permissions = nlohmann::json::array();
  for (int i = 0; i < app::kPermissionCount; ++i) {
    const auto permission = static_cast<Permission>(i);
    if (principal.Allows(permission)) permissions.push_back(app::PermissionName(permission));
  }
  nlohmann::json out = {{"account_id", principal.account_id},
                        {"staff_id", principal.actor.staff_id},
                        {"clinic_id", principal.actor.clinic_id},
                        {"full_name", principal.full_name},
                        {"role", principal.actor.role.str()},
                        {"admin", principal.admin},
                        {"permissions", permissions},
                        {"time_zone", principal.time_zone}};
  if (principal.kind == app::Principal::Kind::kSession) out["csrf_token"] = principal.csrf_token;
  return out;
}

ApiReply SignedInReply(const app::SignedIn& signed_in, std::int64_t now, int status) {
  nlohmann::json body = PrincipalJson(signed_in.principal);
  body["csrf_token"] = signed_in.csrf_token;
  body["expires_at"] = signed_in.expires_at;
  ApiReply reply = ApiReply::Json(std::move(body), status);
  reply.headers.Set("Set-Cookie",
                    SessionCookie(signed_in.session_token, signed_in.expires_at - now));
  return reply;
}

nlohmann::json AccountJson(const app::Account& account) {
  return {{"id", account.id},        {"staff_id", account.staff_id},
          {"email", account.email},  {"full_name", account.full_name},
          {"role", account.role},    {"admin", account.admin},
          {"active", account.active}};
}

nlohmann::json TokenJson(const app::ApiTokenInfo& info) {
  nlohmann::json scopes = nlohmann::json::array();
  for (const Permission scope : info.scopes) scopes.push_back(app::PermissionName(scope));
  nlohmann::json out = {{"id", info.id},
                        {"account_id", info.account_id},
                        {"name", info.name},
                        {"scopes", scopes},
                        {"created_at", info.created_at}};
  out["expires_at"] = info.expires_at ? nlohmann::json(*info.expires_at) : nlohmann::json();
  out["revoked_at"] = info.revoked_at ? nlohmann::json(*info.revoked_at) : nlohmann::json();
  out["last_used_at"] = info.last_used_at ? nlohmann::json(*info.last_used_at) : nlohmann::json();
  return out;
}

std::optional<Permission> ParsePermission(const std::string& name) {
  for (int i = 0; i < app::kPermissionCount; ++i) {
    const auto permission = static_cast<Permission>(i);
    if (app::PermissionName(permission) == name) return permission;
  }
  return std::nullopt;
}

ApiReply TooManyAttempts() {
  ApiReply reply = ApiReply::Json({{"type", "about:blank"},
                                   {"title", "Too Many Requests"},
                                   {"status", 429},
                                   {"detail", "Too many failed sign-ins; wait a few minutes."}},
                                  429);
  reply.content_type = "application/problem+json";
  reply.raw_body = reply.body.dump();
  reply.headers.Set("Retry-After", "60");
  return reply;
}

Result<ApiReply> SetupStatus(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const bool needed, call.services.accounts.SetupNeeded());
  return ApiReply::Json({{"setup_needed", needed}});
}

Result<ApiReply> CompleteSetup(ApiCall& call) {
  const BodyReader body(call.body);
  if (!call.services.clock.SetZone(body.String("time_zone")).ok()) {
    return Status::InvalidFields(
        {{"time_zone", "not a time zone of the tz database, e.g. America/Denver"}});
  }
  app::SetupRequest request{.clinic_name = body.String("clinic_name"),
                            .time_zone = body.String("time_zone"),
                            .full_name = body.String("full_name"),
                            .email = body.String("email"),
                            .password = body.String("password")};
  CORIUM_ASSIGN_OR_RETURN(const app::SignedIn signed_in, call.services.accounts.CompleteSetup(
                                                             body.String("setup_token"), request));
  return SignedInReply(signed_in, call.services.clock.NowSeconds(), 201);
}

Result<ApiReply> SignIn(ApiCall& call) {
  const BodyReader body(call.body);
  auto signed_in = call.services.accounts.SignIn(body.String("email"), body.String("password"),
                                                 call.request.peer);
  if (!signed_in.ok() && signed_in.status().code() == StatusCode::kUnavailable) {
    return TooManyAttempts();
  }
  if (!signed_in.ok()) return signed_in.status();
  return SignedInReply(*signed_in, call.services.clock.NowSeconds(), 200);
}

Result<ApiReply> CurrentSession(ApiCall& call) {
  return ApiReply::Json(PrincipalJson(*call.principal));
}

Result<ApiReply> SignOut(ApiCall& call) {
  if (const auto token = CookieValue(call.request, kSessionCookie)) {
    CORIUM_RETURN_IF_ERROR(call.services.accounts.SignOut(*token));
  }
  ApiReply reply = ApiReply::NoContent();
  reply.headers.Set("Set-Cookie", SessionCookie("", 0));
  return reply;
}

Result<ApiReply> ChangePassword(ApiCall& call) {
  const BodyReader body(call.body);
  CORIUM_RETURN_IF_ERROR(call.services.accounts.ChangePassword(
      *call.principal, body.String("current_password"), body.String("new_password")));
  return ApiReply::NoContent();
}

Result<ApiReply> CreateAccount(ApiCall& call) {
  const BodyReader body(call.body);
  CORIUM_ASSIGN_OR_RETURN(
      const app::Account account,
      call.services.accounts.CreateAccount(call.actor(), body.Int("staff_id"),
                                           body.String("password"), body.Bool("admin")));
  return ApiReply::Created(AccountJson(account), "/api/v1/accounts/" + std::to_string(account.id));
}

Result<ApiReply> ListAccounts(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto accounts, call.services.accounts.ListAccounts(call.actor()));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& account : accounts) items.push_back(AccountJson(account));
  return ApiReply::Json({{"items", items}});
}

Result<ApiReply> IssueToken(ApiCall& call) {
  BodyReader body(call.body);
  std::vector<Permission> scopes;
  const auto& names = body.At("scopes");
  for (size_t i = 0; i < names.size(); ++i) {
    const auto scope = ParsePermission(names[i].get<std::string>());
    if (scope) {
      scopes.push_back(*scope);
    } else {
      body.Fail("scopes[" + std::to_string(i) + "]", "not a permission of this API");
    }
  }
  CORIUM_RETURN_IF_ERROR(body.status());
  CORIUM_ASSIGN_OR_RETURN(const app::IssuedToken issued,
                          call.services.accounts.IssueApiToken(
                              *call.principal, body.Int("account_id"), body.String("name"), scopes,
                              body.OptionalInt("expires_at")));
  nlohmann::json out = TokenJson(issued.info);
  out["token"] = issued.token;
  return ApiReply::Created(out, "/api/v1/tokens/" + std::to_string(issued.info.id));
}

Result<ApiReply> ListTokens(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const auto tokens, call.services.accounts.ListApiTokens(*call.principal));
  nlohmann::json items = nlohmann::json::array();
  for (const auto& token : tokens) items.push_back(TokenJson(token));
  return ApiReply::Json({{"items", items}});
}

Result<ApiReply> RevokeToken(ApiCall& call) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id id, call.PathId("token_id"));
  CORIUM_RETURN_IF_ERROR(call.services.accounts.RevokeApiToken(*call.principal, id));
  return ApiReply::NoContent();
}

}  // namespace

void AddAccountRoutes(ApiRouter& router) {
  router.Add({.method = "GET",
              .pattern = "/api/v1/setup",
              .access = Access::kPublic,
              .handler = SetupStatus});
  router.Add({.method = "POST",
              .pattern = "/api/v1/setup",
              .access = Access::kPublic,
              .handler = CompleteSetup});
  router.Add({.method = "POST",
              .pattern = "/api/v1/session",
              .access = Access::kPublic,
              .handler = SignIn});
  router.Add({.method = "GET", .pattern = "/api/v1/session", .handler = CurrentSession});
  router.Add({.method = "DELETE", .pattern = "/api/v1/session", .handler = SignOut});
  router.Add({.method = "PUT", .pattern = "/api/v1/session/password", .handler = ChangePassword});
  router.Add({.method = "GET",
              .pattern = "/api/v1/accounts",
              .permission = Permission::kManageStaff,
              .handler = ListAccounts});
  router.Add({.method = "POST",
              .pattern = "/api/v1/accounts",
              .permission = Permission::kManageStaff,
              .handler = CreateAccount});
  router.Add({.method = "GET",
              .pattern = "/api/v1/tokens",
              .permission = Permission::kManageStaff,
              .handler = ListTokens});
  router.Add({.method = "POST",
              .pattern = "/api/v1/tokens",
              .permission = Permission::kManageStaff,
              .handler = IssueToken});
  router.Add({.method = "DELETE",
              .pattern = "/api/v1/tokens/{token_id}",
              .permission = Permission::kManageStaff,
              .handler = RevokeToken});
}

}  // namespace corium::http
