// `corium serve` on PostgreSQL after its database connections are cut (a database restart or
// failover, or an administrator terminating backends): the requests that find a connection gone
// answer 503, never a crash or a wrong answer, and the server connects afresh, so requests succeed
// again without restarting Corium. The workers' connections and the audit writer's are all cut.
// Runs under scripts/with-postgres (skipped without it locally, failed in CI).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "corium/store/postgres/postgres_connection.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/test_databases.h"

namespace corium::testing {
namespace {

using nlohmann::json;

// Terminates every backend of `server` (found by its application_name); returns how many.
std::int64_t CutConnections(const ServerProcess& server) {
  const char* url = std::getenv("CORIUM_TEST_PG_URL");
  if (url == nullptr) throw std::runtime_error("CORIUM_TEST_PG_URL is not set");
  auto admin = store::PostgresConnection::Open(url);
  if (!admin.ok()) throw std::runtime_error(admin.status().ToString());
  auto cut = (*admin)->Query(
      "SELECT count(*) FROM (SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
      " WHERE application_name = $1) AS t",
      {server.schema()});
  if (!cut.ok()) throw std::runtime_error(cut.status().ToString());
  return cut->front().Int(0);
}

TEST(PostgresReconnect, AfterItsConnectionsAreCutTheServerAnswers503ThenRecovers) {
  CORIUM_REQUIRE_ENGINE(store::Dialect::kPostgres);
  ServerProcess server(ServerConfig{.dialect = store::Dialect::kPostgres});
  const HttpClient http(server.port());
  const HttpResponse signed_in =
      http.Send("POST", "/api/v1/session",
                json{{"email", DemoEmail("nurse")}, {"password", DemoPassword()}}.dump(),
                {{"Content-Type", "application/json"}});
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  const std::string cookie = signed_in.Header("set-cookie").value_or("");
  const HeaderList as_nurse = {{"Cookie", cookie.substr(0, cookie.find(';'))}};
  const HttpResponse clients = http.Send("GET", "/api/v1/clients?limit=1", "", as_nurse);
  ASSERT_EQ(clients.status, 200) << clients.body;
  const std::string chart =
      "/api/v1/clients/" + std::to_string(clients.Json()["items"][0].value("id", 0)) + "/chart";
  // Both workers and the audit writer have connected.
  for (int i = 0; i < 6; ++i) ASSERT_EQ(http.Send("GET", chart, "", as_nurse).status, 200);

  ASSERT_GE(CutConnections(server), 3);

  // Each worker, then the audit writer, finds out on its next use: at most one 503 each.
  int unavailable = 0;
  int ok = 0;
  for (int i = 0; i < 12 && ok < 5; ++i) {
    const HttpResponse read = http.Send("GET", chart, "", as_nurse);
    if (read.status == 503) {
      ++unavailable;
      ok = 0;
      EXPECT_EQ(read.Header("content-type"), "application/problem+json");
      EXPECT_EQ(read.body.find("SQLSTATE"), std::string::npos) << read.body;
      continue;
    }
    ASSERT_EQ(read.status, 200) << read.body;
    ++ok;
  }
  EXPECT_EQ(ok, 5) << "five reads in a row succeed again";
  EXPECT_GE(unavailable, 1) << "the cut connections were noticed";
  EXPECT_LE(unavailable, 3);
  EXPECT_TRUE(server.alive());
}

}  // namespace
}  // namespace corium::testing
