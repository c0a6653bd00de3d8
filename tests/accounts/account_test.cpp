// Creating and listing accounts, and changing a password, on both engines.
#include <gtest/gtest.h>

#include "accounts/accounts_fixture.h"

namespace corium::app {
namespace {

using store::Dialect;

class AccountLife : public AccountsTest {};

TEST_P(AccountLife, CreatesAnAccountFromTheStaffRecordWithItsEmailInLowerCase) {
  EXPECT_EQ(admin_.email, "ada@slc.example");
  EXPECT_EQ(admin_.role, "admin");
  EXPECT_EQ(admin_.full_name, "Ada Admin");
  EXPECT_TRUE(admin_.password_hash.empty());  // never handed back
  EXPECT_EQ(AuditCount("create", "account"), 3);
  EXPECT_EQ(CountWhere("SELECT COUNT(*) FROM audit_log WHERE record_type = 'account'"
                       " AND (detail LIKE '%password 1%' OR detail LIKE '%argon2%')",
                       {}),
            0);
}

TEST_P(AccountLife, RefusesAShortPasswordAndLeavesTheDatabaseUnchanged) {
  const std::int64_t accounts_before = Count("accounts");
  const std::int64_t audit_before = Count("audit_log");
  const auto refused = accounts().CreateAccount(system_, esthetician_staff_, "short", false);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(refused.status(), "password")) << refused.status().ToString();
  EXPECT_EQ(Count("accounts"), accounts_before);
  EXPECT_EQ(Count("audit_log"), audit_before);
}

TEST_P(AccountLife, AnotherClinicsStaffMemberAnswersAsUnknown) {
  const auto other = accounts().CreateAccount(system_, physician_staff_, "a long password", false);
  const auto unknown = accounts().CreateAccount(system_, 987654, "a long password", false);
  EXPECT_EQ(other.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(other.status().message(), unknown.status().message());
}

TEST_P(AccountLife, OneAccountPerStaffMemberAndPerEmail) {
  const auto again = accounts().CreateAccount(system_, nurse_staff_, "a long password", false);
  EXPECT_EQ(again.status().code(), StatusCode::kAlreadyExists);
  // The same address in another clinic cannot sign in a second person.
  const Id twin = InsertStaff(other_clinic_, "Ben Twin", "BEN@slc.example", "nurse");
  const auto twin_account = accounts().CreateAccount(Actor{other_clinic_, 0, Code("admin")}, twin,
                                                     "a long password", false);
  EXPECT_EQ(twin_account.status().code(), StatusCode::kAlreadyExists);
}

TEST_P(AccountLife, ListsTheClinicsOwnAccountsWithoutHashes) {
  const auto listed = accounts().ListAccounts(system_);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2U);
  for (const Account& account : *listed) {
    EXPECT_EQ(account.clinic_id, clinic_);
    EXPECT_TRUE(account.password_hash.empty());
    EXPECT_EQ(account.time_zone, "America/Denver");
  }
}

TEST_P(AccountLife, ChangingThePasswordSignsOutTheOtherSessions) {
  const SignedIn here = MustSignIn("ben@slc.example", kNursePassword);
  const SignedIn elsewhere = MustSignIn("ben@slc.example", kNursePassword);
  const Principal principal = MustAuthenticate(here.session_token);
  ASSERT_TRUE(accounts()
                  .ChangePassword(principal, std::string(kNursePassword), "a brand new passphrase")
                  .ok());
  MustAuthenticate(here.session_token);
  EXPECT_EQ(accounts().AuthenticateSession(elsewhere.session_token).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(accounts().SignIn("ben@slc.example", std::string(kNursePassword), "").status().code(),
            StatusCode::kUnauthenticated);
  MustSignIn("ben@slc.example", "a brand new passphrase");
  EXPECT_EQ(AuditCount("change_password", "account"), 1);
}

TEST_P(AccountLife, AWrongCurrentPasswordIsRefusedAndCounted) {
  const Principal principal =
      MustAuthenticate(MustSignIn("ben@slc.example", kNursePassword).session_token);
  const std::int64_t failures = Count("login_failures");
  const Status refused =
      accounts().ChangePassword(principal, "not my password", "a brand new passphrase");
  EXPECT_TRUE(HasField(refused, "current_password")) << refused.ToString();
  EXPECT_EQ(Count("login_failures"), failures + 1);
  const Status too_short =
      accounts().ChangePassword(principal, std::string(kNursePassword), "short");
  EXPECT_TRUE(HasField(too_short, "new_password")) << too_short.ToString();
  MustSignIn("ben@slc.example", kNursePassword);  // unchanged
}

TEST_P(AccountLife, AnApiTokenCannotChangeThePassword) {
  const SignedIn signed_in = MustSignIn("ben@slc.example", kNursePassword);
  const auto issued = accounts().IssueApiToken(signed_in.principal, nurse_.id, "lab sync",
                                               {Permission::kReadClients}, std::nullopt);
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  const auto bearer = accounts().AuthenticateBearer(issued->token);
  ASSERT_TRUE(bearer.ok());
  EXPECT_EQ(accounts()
                .ChangePassword(*bearer, std::string(kNursePassword), "a brand new passphrase")
                .code(),
            StatusCode::kPermissionDenied);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountLife,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const auto& param_info) {
                           return std::string(store::DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::app
