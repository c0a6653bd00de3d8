// Test support for the PostgreSQL tests: whether to run, skip or fail without a server, and a
// fixture that gives each test a fresh schema on its own connection. Tests only; one thread each.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "corium/store/postgres/postgres_connection.h"

namespace corium::store {

enum class PostgresTestMode { kRun, kSkip, kFail };

struct PostgresTestPlan {
  PostgresTestMode mode = PostgresTestMode::kSkip;
  std::string conninfo;
  std::string reason;
};

// Decides from the values of CORIUM_TEST_PG_URL and CORIUM_REQUIRE_PG (nullptr when unset), so the
// decision can be tested without touching the environment. ctest counts a skipped test as passed,
// so in CI, where CORIUM_REQUIRE_PG is set, a missing URL must fail. Any value of
// CORIUM_REQUIRE_PG but "" and "0" requires the server: a typo must not turn CI green.
inline PostgresTestPlan PlanPostgresTest(const char* url, const char* require) {
  const std::string_view require_value = require != nullptr ? require : "";
  const bool required = !require_value.empty() && require_value != "0";
  if (url != nullptr && *url != '\0') return {PostgresTestMode::kRun, url, ""};
  if (required) {
    return {PostgresTestMode::kFail, "",
            "CORIUM_REQUIRE_PG is set but CORIUM_TEST_PG_URL is not; run the tests under "
            "scripts/with-postgres"};
  }
  return {PostgresTestMode::kSkip, "",
          "CORIUM_TEST_PG_URL is not set; run under scripts/with-postgres to include these tests"};
}

inline PostgresTestPlan PlanPostgresTestFromEnvironment() {
  return PlanPostgresTest(std::getenv("CORIUM_TEST_PG_URL"), std::getenv("CORIUM_REQUIRE_PG"));
}

// Each test gets `connection()` with search_path set to a new schema t_<random>, dropped at the
// end, so tests may create tables freely and several test processes can share one database.
class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const PostgresTestPlan plan = PlanPostgresTestFromEnvironment();
    if (plan.mode == PostgresTestMode::kSkip) GTEST_SKIP() << plan.reason;
    if (plan.mode == PostgresTestMode::kFail) FAIL() << plan.reason;
    conninfo_ = plan.conninfo;
    schema_ = "t_" + RandomHex();
    connection_ = OpenInSchema();
    ASSERT_NE(connection_, nullptr);
  }

  void TearDown() override {
    if (connection_ == nullptr) return;
    // A test may leave a transaction open or failed; the DROP must not run inside it.
    (void)connection_->Rollback();
    const Status dropped =
        connection_->ExecuteScript("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    EXPECT_TRUE(dropped.ok()) << dropped.ToString();
  }

  // A further connection to the same database and schema, or nullptr after recording a failure.
  std::unique_ptr<PostgresConnection> OpenInSchema() {
    Result<std::unique_ptr<PostgresConnection>> opened = PostgresConnection::Open(conninfo_);
    if (!opened.ok()) {
      ADD_FAILURE() << "cannot connect to CORIUM_TEST_PG_URL: " << opened.status().ToString();
      return nullptr;
    }
    std::unique_ptr<PostgresConnection> conn = std::move(opened).value();
    const Status schema = conn->ExecuteScript("CREATE SCHEMA IF NOT EXISTS " + schema_ +
                                              "; SET search_path TO " + schema_);
    if (!schema.ok()) {
      ADD_FAILURE() << "cannot prepare schema " << schema_ << ": " << schema.ToString();
      return nullptr;
    }
    return conn;
  }

  PostgresConnection& connection() { return *connection_; }
  const std::string& schema() const { return schema_; }

 private:
  static std::string RandomHex() {
    std::random_device device;
    std::uniform_int_distribution<std::uint64_t> distribution;
    constexpr const char* kDigits = "0123456789abcdef";
    std::uint64_t bits = distribution(device);
    std::string hex;
    for (int i = 0; i < 16; ++i, bits >>= 4) hex.push_back(kDigits[bits & 0xf]);
    return hex;
  }

  std::string conninfo_;
  std::string schema_;
  std::unique_ptr<PostgresConnection> connection_;
};

}  // namespace corium::store
