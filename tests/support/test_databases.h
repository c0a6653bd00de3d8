// Fresh, migrated databases for storage and use-case tests, on either engine: a new SQLite file in
// a temporary directory, or a new schema on the PostgreSQL server named by CORIUM_TEST_PG_URL
// (scripts/with-postgres). Without that server the PostgreSQL cases skip, unless
// CORIUM_REQUIRE_PG=1 (CI), when they fail.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "corium/store/sql.h"

namespace corium::testing {

class TestDatabase {
 public:
  virtual ~TestDatabase() = default;
  virtual store::SqlConnection& db() = 0;
  // A second, independent connection to the same database (to see what was committed).
  virtual std::unique_ptr<store::SqlConnection> Reconnect() = 0;
};

// Whether the PostgreSQL cases can run here: "" when yes, else why not.
std::string PostgresUnavailableReason();
bool PostgresRequired();

// Creates and migrates a database of `dialect`; throws when it cannot.
std::unique_ptr<TestDatabase> MakeTestDatabase(store::Dialect dialect);
// The same, with no migration applied (for tests of the migrations themselves).
std::unique_ptr<TestDatabase> MakeEmptyTestDatabase(store::Dialect dialect);

}  // namespace corium::testing

// In a TEST_P's SetUp over store::Dialect: skips or fails the PostgreSQL case when no server.
#define CORIUM_REQUIRE_ENGINE(dialect)                                           \
  do {                                                                           \
    if ((dialect) == ::corium::store::Dialect::kPostgres) {                      \
      const std::string corium_why = ::corium::testing::PostgresUnavailableReason(); \
      if (!corium_why.empty()) {                                                 \
        if (::corium::testing::PostgresRequired()) FAIL() << corium_why;         \
        GTEST_SKIP() << corium_why;                                              \
      }                                                                          \
    }                                                                            \
  } while (false)
