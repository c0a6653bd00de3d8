#include "corium/store/postgres/postgres_test_database.h"

#include <gtest/gtest.h>

#include <string>

namespace corium::store {
namespace {

// The decision is a function of the two variables' values, so it is tested without changing this
// process's environment (which other tests read).

TEST(PostgresTestPlan, RequiredWithoutAUrlFailsInsteadOfSkipping) {
  EXPECT_EQ(PlanPostgresTest(nullptr, "1").mode, PostgresTestMode::kFail);
  EXPECT_EQ(PlanPostgresTest("", "1").mode, PostgresTestMode::kFail);
  EXPECT_EQ(PlanPostgresTest(nullptr, "yes").mode, PostgresTestMode::kFail);
  EXPECT_NE(PlanPostgresTest(nullptr, "1").reason.find("scripts/with-postgres"), std::string::npos);
}

TEST(PostgresTestPlan, NotRequiredWithoutAUrlSkips) {
  EXPECT_EQ(PlanPostgresTest(nullptr, nullptr).mode, PostgresTestMode::kSkip);
  EXPECT_EQ(PlanPostgresTest(nullptr, "0").mode, PostgresTestMode::kSkip);
  EXPECT_EQ(PlanPostgresTest(nullptr, "").mode, PostgresTestMode::kSkip);
}

TEST(PostgresTestPlan, AUrlRunsWhetherRequiredOrNot) {
  const PostgresTestPlan plan = PlanPostgresTest("host=127.0.0.1 dbname=x", nullptr);
  EXPECT_EQ(plan.mode, PostgresTestMode::kRun);
  EXPECT_EQ(plan.conninfo, "host=127.0.0.1 dbname=x");
  EXPECT_EQ(PlanPostgresTest("host=127.0.0.1", "1").mode, PostgresTestMode::kRun);
}

}  // namespace
}  // namespace corium::store
