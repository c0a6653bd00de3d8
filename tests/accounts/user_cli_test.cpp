// `corium user add` as an operator runs it, on a SQLite file (the use cases beneath it are
// tested on both engines by the other files of this suite).
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "corium/security/password_hasher.h"
#include "corium/store/sqlite/sqlite_connection.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

namespace fs = std::filesystem;

class UserAddCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("corium-usercli-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  std::string DbPath() const { return (dir_ / "corium.db").string(); }
  CommandResult Add(const std::string& args, const std::string& password_line) {
    return RunCorium("user add --db " + ShellQuote(DbPath()) + " " + args, password_line);
  }
  std::int64_t Count(const std::string& sql) {
    auto db = store::SqliteConnection::Open(DbPath(), store::OpenMode::kReadOnly);
    if (!db.ok()) return -1;
    auto rows = (*db)->Query(sql, {});
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : -1;
  }
  fs::path dir_;
};

constexpr const char* kFirstAdmin =
    "--admin --email Ada@Clinic.example --name 'Ada Admin' --clinic-name 'Salt Lake Skin'"
    " --time-zone America/Denver";

TEST_F(UserAddCli, MakesTheClinicTheStaffMemberAndTheAccountOnAnEmptyDatabase) {
  const CommandResult added = Add(kFirstAdmin, "a long admin password\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_NE(added.out.find("created the clinic Salt Lake Skin"), std::string::npos) << added.out;
  EXPECT_NE(added.out.find("ada@clinic.example"), std::string::npos) << added.out;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM clinics WHERE time_zone = 'America/Denver'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM staff WHERE role = 'admin'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM accounts WHERE email = 'ada@clinic.example' AND admin = 1"
                  " AND password_hash LIKE '$argon2id$%'"),
            1);
  // The password is never echoed.
  EXPECT_EQ(added.out.find("a long admin password"), std::string::npos);

  // A second person joins the only clinic, without naming it; a nurse by role.
  const CommandResult nurse =
      Add("--email ben@clinic.example --name 'Ben Nurse' --role nurse", "a long nurse password");
  ASSERT_EQ(nurse.exit_code, 0) << nurse.err;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM clinics"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM accounts WHERE admin = 0"), 1);
}

TEST_F(UserAddCli, RefusesAnEmptyOrShortPassword) {
  EXPECT_EQ(Add(kFirstAdmin, "").exit_code, 2);
  EXPECT_EQ(Add(kFirstAdmin, "\n").exit_code, 2);
  const CommandResult short_one = Add(kFirstAdmin, "short\n");
  EXPECT_EQ(short_one.exit_code, 1);
  EXPECT_NE(short_one.err.find("password"), std::string::npos) << short_one.err;
  EXPECT_FALSE(fs::exists(DbPath()));  // refused before touching the database
}

TEST_F(UserAddCli, RefusesAnEmailThatHasAnAccount) {
  ASSERT_EQ(Add(kFirstAdmin, "a long admin password\n").exit_code, 0);
  const CommandResult again = Add(kFirstAdmin, "another long password\n");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("exists"), std::string::npos) << again.err;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM accounts"), 1);
}

TEST_F(UserAddCli, NeedsAClinicNameAndAKnownTimeZoneForTheFirstClinic) {
  EXPECT_EQ(Add("--admin --email a@b.example --name A", "a long admin password\n").exit_code, 2);
  EXPECT_EQ(Add("--admin --email a@b.example --name A --clinic-name C", "a long admin password\n")
                .exit_code,
            2);
  EXPECT_EQ(Add("--admin --email a@b.example --name A --clinic-name C --time-zone Mars/Base",
                "a long admin password\n")
                .exit_code,
            2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM clinics"), 0);
}

TEST_F(UserAddCli, RefusesAnUnknownRole) {
  const CommandResult refused =
      Add("--email a@b.example --name A --role wizard --clinic-name C --time-zone UTC",
          "a long admin password\n");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("role"), std::string::npos) << refused.err;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM accounts"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM clinics"), 0);  // nothing left behind
}

TEST_F(UserAddCli, NeedsItsRequiredOptions) {
  EXPECT_EQ(RunCorium("user add --db " + ShellQuote(DbPath()), "a long admin password\n").exit_code,
            2);
}

}  // namespace
}  // namespace corium::testing
