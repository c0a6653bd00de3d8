// `corium db migrate | backup | check` as an operator runs them, on real files.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "support/test_kb.h"

namespace corium::testing {
namespace {

namespace fs = std::filesystem;

class DbCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corium-dbcli-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string Db() const { return ShellQuote((dir_ / "data" / "corium.db").string()); }
  fs::path dir_;
};

TEST_F(DbCli, MigrateCreatesTheDataDirectoryAndIsIdempotent) {
  const CommandResult first = RunCorium("db migrate --db " + Db());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("applied 0001_records"), std::string::npos) << first.out;
  const CommandResult second = RunCorium("db migrate --db " + Db());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("up to date"), std::string::npos) << second.out;
}

TEST_F(DbCli, BackupMakesAHealthyCopyAndNeverOverwrites) {
  ASSERT_EQ(RunCorium("db migrate --db " + Db()).exit_code, 0);
  const std::string copy = ShellQuote((dir_ / "copy.db").string());
  const CommandResult backup = RunCorium("db backup " + copy + " --db " + Db());
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  const CommandResult check = RunCorium("db check --db " + copy);
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("integrity ok"), std::string::npos);
  const CommandResult again = RunCorium("db backup " + copy + " --db " + Db());
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("exists"), std::string::npos) << again.err;
}

TEST_F(DbCli, CheckOfAMissingFileFails) {
  const CommandResult check = RunCorium("db check --db " + ShellQuote((dir_ / "none.db").string()));
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_FALSE(check.err.empty());
}

TEST_F(DbCli, BackupNeedsADestination) {
  EXPECT_EQ(RunCorium("db backup --db " + Db()).exit_code, 2);
}

}  // namespace
}  // namespace corium::testing
