// Accounts and authorization through the real server: sign-in, sign-out, CSRF, API tokens, the
// login rate limit, and the permission matrix of app/access.h for every endpoint and every role.
#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "corium/app/access.h"
#include "corium/http/api.h"
#include "corium/http/openapi.h"
#include "support/api_contract.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/test_databases.h"

namespace corium::testing {
namespace {

using nlohmann::json;

class AccountsTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    if (GetParam() == store::Dialect::kPostgres && !PostgresUnavailableReason().empty()) {
      if (PostgresRequired()) FAIL() << PostgresUnavailableReason();
      GTEST_SKIP() << PostgresUnavailableReason();
    }
    // One demo server per engine for the suite: starting one seeds a whole clinic.
    auto& shared = servers_[GetParam()];
    if (!shared) shared = std::make_unique<ServerProcess>(ServerConfig{.dialect = GetParam()});
    server_ = shared.get();
    client_ = std::make_unique<HttpClient>(server_->port());
  }
  static void TearDownTestSuite() { servers_.clear(); }

  static std::map<store::Dialect, std::unique_ptr<ServerProcess>> servers_;
  ServerProcess* server_ = nullptr;
  std::unique_ptr<HttpClient> client_;
};

std::map<store::Dialect, std::unique_ptr<ServerProcess>> AccountsTest::servers_;

HttpResponse SignIn(const HttpClient& client, const std::string& email, const std::string& password,
                    const HeaderList& extra = {}) {
  HeaderList headers = {{"Content-Type", "application/json"}};
  headers.insert(headers.end(), extra.begin(), extra.end());
  return client.Send("POST", "/api/v1/session",
                     json{{"email", email}, {"password", password}}.dump(), headers);
}

TEST_P(AccountsTest, SignInSetsAHostCookieAndSignOutEndsTheSession) {
  const HttpResponse response = SignIn(*client_, DemoEmail("nurse"), DemoPassword());
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/session", response);
  const std::string cookie = response.Header("set-cookie").value_or("");
  EXPECT_EQ(cookie.rfind("__Host-corium_session=", 0), 0U) << cookie;
  for (const std::string attribute : {"Path=/", "Secure", "HttpOnly", "SameSite=Strict"}) {
    EXPECT_NE(cookie.find(attribute), std::string::npos) << attribute;
  }
  EXPECT_EQ(response.Header("cache-control"), "no-store");

  const ApiSession session(*client_, DemoEmail("nurse"), DemoPassword());
  HttpResponse me = session.Get("/api/v1/session");
  ASSERT_EQ(me.status, 200);
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/session", me);
  EXPECT_EQ(me.Json().value("role", ""), "nurse");
  EXPECT_EQ(me.Json().value("time_zone", ""), "America/Denver");  // the demo clinic's
  EXPECT_EQ(session.Delete("/api/v1/session").status, 204);
  EXPECT_EQ(session.Get("/api/v1/session").status, 401);
}

// Failed sign-ins count against this address too, so these run on a server of their own.
TEST_P(AccountsTest, FailedSignInsLookAlikeAndAreRateLimited) {
  ServerProcess own(ServerConfig{.dialect = GetParam()});
  const HttpClient client(own.port());
  const HttpResponse wrong = SignIn(client, DemoEmail("nurse"), "not-the-password");
  const HttpResponse unknown = SignIn(client, "nobody@nowhere.example", "not-the-password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.Json().value("detail", "x"), unknown.Json().value("detail", "y"));
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/session", wrong);

  int last = 0;
  for (int i = 0; i < 8; ++i) last = SignIn(client, DemoEmail("auditor"), "wrong-password").status;
  EXPECT_EQ(last, 429);
  const HttpResponse limited = SignIn(client, DemoEmail("auditor"), DemoPassword());
  EXPECT_EQ(limited.status, 429) << "even the right password waits out the window";
  EXPECT_TRUE(limited.Header("retry-after").has_value());
}

TEST_P(AccountsTest, WritesNeedTheCsrfTokenAndOurOrigin) {
  const ApiSession session(*client_, DemoEmail("front_desk"), DemoPassword());
  const std::string cookie = [&] {
    const auto response = SignIn(*client_, DemoEmail("front_desk"), DemoPassword());
    const auto value = response.Header("set-cookie").value_or("");
    return value.substr(0, value.find(';'));
  }();
  const json client = {
      {"given_name", "Ada"}, {"family_name", "Lovelace"}, {"birth_date", "1990-12-10"}};
  // The cookie alone (what a cross-site form would carry) is refused.
  HttpResponse response = client_->Send("POST", "/api/v1/clients", client.dump(),
                                        {{"Cookie", cookie}, {"Content-Type", "application/json"}});
  EXPECT_EQ(response.status, 403);
  // A foreign Origin is refused even with the token.
  response = session.Post("/api/v1/clients", client, {{"Origin", "https://evil.example"}});
  EXPECT_EQ(response.status, 403);
  // A cross-site fetch without Origin is refused by Sec-Fetch-Site.
  response = session.Post("/api/v1/clients", client, {{"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(response.status, 403);
  // Our own origin with the token works.
  response = session.Post("/api/v1/clients", client,
                          {{"Origin", "http://127.0.0.1:" + std::to_string(server_->port())}});
  EXPECT_EQ(response.status, 201) << response.body;
}

TEST_P(AccountsTest, ApiTokensAreScopedRevocableAndHashedAtRest) {
  const ApiSession admin(*client_, DemoEmail("admin"), DemoPassword());
  const HttpResponse accounts = admin.Get("/api/v1/accounts");
  ASSERT_EQ(accounts.status, 200) << accounts.body;
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/accounts", accounts);
  std::int64_t nurse_account = 0;
  const json listed_accounts = accounts.Json();
  for (const auto& account : listed_accounts["items"]) {
    if (account["email"] == DemoEmail("nurse")) nurse_account = account["id"].get<std::int64_t>();
  }
  ASSERT_GT(nurse_account, 0) << accounts.body;

  // A scope beyond the nurse's role is refused, naming the field.
  HttpResponse refused =
      admin.Post("/api/v1/tokens",
                 {{"account_id", nurse_account}, {"name", "lab sync"}, {"scopes", {"read_audit"}}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/tokens", refused);

  const HttpResponse issued = admin.Post(
      "/api/v1/tokens",
      {{"account_id", nurse_account}, {"name", "lab sync"}, {"scopes", {"read_clients"}}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_MATCHES_OPENAPI("POST", "/api/v1/tokens", issued);
  const std::string token = issued.Json().value("token", "");
  const auto token_id = issued.Json()["id"].get<std::int64_t>();
  const HeaderList bearer = {{"Authorization", "Bearer " + token}};

  EXPECT_EQ(client_->Send("GET", "/api/v1/clients", "", bearer).status, 200);
  // Outside its scope (the nurse could read charts, the token may not).
  EXPECT_EQ(client_->Send("GET", "/api/v1/clients/1/chart", "", bearer).status, 403);
  // No CSRF token is needed for a bearer token, but the scope still applies to writes.
  EXPECT_EQ(client_
                ->Send("POST", "/api/v1/clients", json{{"given_name", "X"}}.dump(),
                       {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}})
                .status,
            403);

  const HttpResponse listed = admin.Get("/api/v1/tokens");
  EXPECT_MATCHES_OPENAPI("GET", "/api/v1/tokens", listed);
  EXPECT_EQ(listed.body.find(token), std::string::npos) << "a token's secret is shown once only";

  EXPECT_EQ(admin.Delete("/api/v1/tokens/" + std::to_string(token_id)).status, 204);
  EXPECT_EQ(client_->Send("GET", "/api/v1/clients", "", bearer).status, 401);
}

// Every endpoint × every role: a role without the route's permission gets 403; a role with it
// never does (the request may still be refused for what it says: 404, 422…), and nothing is 5xx.
TEST_P(AccountsTest, PermissionMatrixHoldsForEveryEndpointAndRole) {
  const auto api = http::OpenApi::Assemble(http::kOpenApiFiles);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  const http::ApiRouter router = http::BuildApiRouter(*api);
  for (const std::string role : {"admin", "physician", "nurse_practitioner", "physician_assistant",
                                 "nurse", "esthetician", "front_desk", "auditor"}) {
    const ApiSession session(*client_, DemoEmail(role), DemoPassword());
    const bool admin_grant = session.me().value("admin", false);
    for (const http::ApiRoute& route : router.routes()) {
      if (route.access == http::Access::kPublic) continue;
      if (route.pattern == "/api/v1/session" && route.method == "DELETE") continue;  // signs out
      std::string target = route.pattern;
      for (size_t open; (open = target.find('{')) != std::string::npos;) {
        target.replace(open, target.find('}', open) - open + 1, "987654321");
      }
      const bool write = route.method != "GET";
      HeaderList headers;
      std::string body;
      if (write && route.body_type == "application/json") body = "{}";
      const HttpResponse response = session.Send(route.method, target, body, headers);
      const bool allowed = !route.permission || app::Allows(role, admin_grant, *route.permission);
      const std::string what = role + " " + route.method + " " + route.pattern + " → " +
                               std::to_string(response.status) + " " + response.body;
      if (allowed) {
        EXPECT_NE(response.status, 403) << what;
      } else {
        EXPECT_EQ(response.status, 403) << what;
      }
      EXPECT_LT(response.status, 500) << what;
      EXPECT_GT(response.status, 0) << what;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         [](const auto& param_info) {
                           return std::string(store::DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::testing
