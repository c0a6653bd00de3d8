// `corium demo` as an operator runs it: a fresh SQLite file (and a fresh PostgreSQL schema) gets
// the demo clinic once, with every screening decision, signed sessions, an adverse event and a lot
// near expiry; a second run adds nothing.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "corium/store/postgres/postgres_connection.h"
#include "corium/store/sqlite/sqlite_connection.h"
#include "support/test_databases.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

namespace fs = std::filesystem;

// The tables the demo writes, counted before and after a second run.
constexpr std::array<std::string_view, 17> kDemoTables = {
    "clinics",  "staff",      "devices",        "cartridge_lots",      "cartridges", "products",
    "clients",  "intakes",    "screenings",     "screening_overrides", "plans",      "consents",
    "sessions", "amendments", "adverse_events", "outcome_assessments", "audit_log"};

std::int64_t Count(store::SqlConnection& db, const std::string& sql) {
  auto rows = db.Query(sql, {});
  EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
  return rows.ok() && !rows->empty() ? rows->front().Int(0) : -1;
}

std::vector<std::int64_t> TableCounts(store::SqlConnection& db) {
  std::vector<std::int64_t> counts;
  counts.reserve(kDemoTables.size());
  for (const std::string_view table : kDemoTables) {
    counts.push_back(Count(db, "SELECT COUNT(*) FROM " + std::string(table)));
  }
  return counts;
}

// What the demo promises an operator, read back from the database itself.
void ExpectDemoClinic(store::SqlConnection& db) {
  EXPECT_EQ(Count(db, "SELECT COUNT(*) FROM clinics WHERE name = 'Wasatch Skin Studio'"), 1);
  for (const char* decision : {"proceed", "proceed_with_caution", "defer", "refer", "decline"}) {
    EXPECT_GE(Count(db, std::string("SELECT COUNT(*) FROM screenings WHERE decision = '") +
                            decision + "'"),
              1)
        << decision;
  }
  EXPECT_GE(Count(db, "SELECT COUNT(*) FROM screening_overrides"), 1);
  EXPECT_GE(Count(db, "SELECT COUNT(*) FROM sessions WHERE status = 'signed'"), 1);
  EXPECT_GE(Count(db, "SELECT COUNT(*) FROM amendments"), 1);
  EXPECT_GE(Count(db, "SELECT COUNT(*) FROM adverse_events WHERE grade = 2"), 1);
  EXPECT_GE(Count(db, "SELECT COUNT(*) FROM outcome_assessments"), 2);
  // Within 30 days of the demo's today (2026-11-20), and not yet expired on it.
  EXPECT_GE(Count(db,
                  "SELECT COUNT(*) FROM cartridge_lots WHERE expires_on > '2026-11-20'"
                  " AND expires_on <= '2026-12-20'"),
            1);
  EXPECT_GE(Count(db, "SELECT COUNT(*) FROM clients"), 8);
  EXPECT_GE(Count(db, "SELECT COUNT(DISTINCT role) FROM staff"), 5);
}

class DemoCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corium-demo-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path File() const { return dir_ / "data" / "corium.db"; }
  std::string Db() const { return ShellQuote(File().string()); }
  fs::path dir_;
};

TEST_F(DemoCli, FillsAnEmptySqliteFileOnceThroughTheUseCases) {
  const CommandResult first = RunCorium("demo --db " + Db());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("created the demo clinic"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("Wasatch Skin Studio"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("sessions"), std::string::npos) << first.out;

  std::vector<std::int64_t> before;
  {
    auto db = store::SqliteConnection::Open(File().string(), store::OpenMode::kReadOnly);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ExpectDemoClinic(**db);
    before = TableCounts(**db);
  }

  const CommandResult second = RunCorium("demo --db " + Db());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("exists already"), std::string::npos) << second.out;
  auto db = store::SqliteConnection::Open(File().string(), store::OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(TableCounts(**db), before);

  const CommandResult check = RunCorium("db check --db " + Db());
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("integrity ok"), std::string::npos) << check.out;
}

TEST_F(DemoCli, AnUnknownOptionIsAUsageError) {
  EXPECT_EQ(RunCorium("demo --db " + Db() + " --clinics 3").exit_code, 2);
  EXPECT_FALSE(fs::exists(File()));
}

TEST_F(DemoCli, AnUnopenableDatabaseIsADatabaseError) {
  fs::create_directories(File());  // a directory where the file should be
  EXPECT_EQ(RunCorium("demo --db " + Db()).exit_code, 1);
}

// The same on PostgreSQL, in a schema of its own chosen through the connection string's
// search_path, so the server's other schemas are untouched.
TEST(DemoCliPostgres, FillsAFreshSchemaOnce) {
  const std::string why = PostgresUnavailableReason();
  if (!why.empty()) {
    if (PostgresRequired()) FAIL() << why;
    GTEST_SKIP() << why;
  }
  const std::string base_url = std::getenv("CORIUM_TEST_PG_URL");
  const std::string schema = "demo_" + std::to_string(std::random_device{}());
  auto admin = store::PostgresConnection::Open(base_url);
  ASSERT_TRUE(admin.ok()) << admin.status().ToString();
  ASSERT_TRUE((*admin)->ExecuteScript("CREATE SCHEMA " + schema).ok());
  const std::string url = base_url + " options='-c search_path=" + schema + "'";

  const CommandResult first = RunCorium("demo --postgres " + ShellQuote(url));
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("created the demo clinic"), std::string::npos) << first.out;
  auto db = store::PostgresConnection::Open(url);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ExpectDemoClinic(**db);
  const std::vector<std::int64_t> before = TableCounts(**db);

  const CommandResult second = RunCorium("demo --postgres " + ShellQuote(url));
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("exists already"), std::string::npos) << second.out;
  EXPECT_EQ(TableCounts(**db), before);

  (void)(*admin)->ExecuteScript("DROP SCHEMA " + schema + " CASCADE");
}

}  // namespace
}  // namespace corium::testing
