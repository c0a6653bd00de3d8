#include "support/test_databases.h"

#include <cstdlib>
#include <random>
#include <stdexcept>

#include "corium/store/migrations.h"
#include "corium/store/postgres/postgres_connection.h"
#include "corium/store/sqlite/sqlite_connection.h"

namespace corium::testing {
namespace {

namespace fs = std::filesystem;

std::string UniqueSuffix() {
  static std::mt19937_64 rng(std::random_device{}());
  return std::to_string(rng() % 1000000000000ULL);
}

void Must(const Status& status) {
  if (!status.ok()) throw std::runtime_error(status.ToString());
}

class SqliteTestDatabase final : public TestDatabase {
 public:
  SqliteTestDatabase() : dir_(fs::temp_directory_path() / ("corium-test-" + UniqueSuffix())) {
    fs::create_directories(dir_);
    db_ = Open();
  }
  ~SqliteTestDatabase() override {
    db_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  store::SqlConnection& db() override { return *db_; }
  std::unique_ptr<store::SqlConnection> Reconnect() override { return Open(); }

 private:
  std::unique_ptr<store::SqliteConnection> Open() {
    auto db = store::SqliteConnection::Open((dir_ / "corium.db").string(),
                                            store::OpenMode::kReadWriteCreate);
    Must(db.status());
    return std::move(db).value();
  }
  fs::path dir_;
  std::unique_ptr<store::SqliteConnection> db_;
};

class PostgresTestDatabase final : public TestDatabase {
 public:
  PostgresTestDatabase() : schema_("t_" + UniqueSuffix()) {
    db_ = Open();
    Must(db_->ExecuteScript("CREATE SCHEMA " + schema_));
    Must(db_->ExecuteScript("SET search_path TO " + schema_));
  }
  ~PostgresTestDatabase() override {
    (void)db_->ExecuteScript("SET search_path TO public; DROP SCHEMA " + schema_ + " CASCADE");
  }
  store::SqlConnection& db() override { return *db_; }
  std::unique_ptr<store::SqlConnection> Reconnect() override {
    auto db = Open();
    Must(db->ExecuteScript("SET search_path TO " + schema_));
    return db;
  }

 private:
  static std::unique_ptr<store::PostgresConnection> Open() {
    auto db = store::PostgresConnection::Open(std::getenv("CORIUM_TEST_PG_URL"));
    Must(db.status());
    return std::move(db).value();
  }
  std::string schema_;
  std::unique_ptr<store::PostgresConnection> db_;
};

}  // namespace

std::string PostgresUnavailableReason() {
  const char* url = std::getenv("CORIUM_TEST_PG_URL");
  if (url == nullptr || *url == '\0') {
    return "CORIUM_TEST_PG_URL is not set (run the tests under scripts/with-postgres)";
  }
  return "";
}

bool PostgresRequired() {
  const char* required = std::getenv("CORIUM_REQUIRE_PG");
  return required != nullptr && *required != '\0' && std::string(required) != "0";
}

std::unique_ptr<TestDatabase> MakeEmptyTestDatabase(store::Dialect dialect) {
  if (dialect == store::Dialect::kSqlite) return std::make_unique<SqliteTestDatabase>();
  return std::make_unique<PostgresTestDatabase>();
}

std::unique_ptr<TestDatabase> MakeTestDatabase(store::Dialect dialect) {
  std::unique_ptr<TestDatabase> database = MakeEmptyTestDatabase(dialect);
  const auto report = store::Migrate(database->db(), 1'700'000'000);
  Must(report.status());
  return database;
}

}  // namespace corium::testing
