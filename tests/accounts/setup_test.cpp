// First-run setup on both engines: one token while no account exists, used once, then closed.
#include <gtest/gtest.h>

#include "accounts/accounts_fixture.h"

namespace corium::app {
namespace {

using store::Dialect;

// A database with no account and no clinic: what `corium serve` finds at first start.
class FirstRunSetup : public AccountsTest {
 protected:
  void SetUp() override {
    CORIUM_REQUIRE_ENGINE(GetParam());
    database_ = testing::MakeTestDatabase(GetParam());
    Use(AccountPolicy{});
  }

  SetupRequest Request() const {
    return {"Ogden Skin", "America/Denver", "Olive Owner", "Olive@Ogden.example",
            "the owner's long password"};
  }

  std::string MustEnsureToken() {
    auto token = accounts().EnsureSetupToken();
    EXPECT_TRUE(token.ok()) << token.status().ToString();
    EXPECT_TRUE(token.ok() && token->has_value());
    return token.ok() && token->has_value() ? **token : std::string();
  }
};

TEST_P(FirstRunSetup, MakesTheClinicItsAdminAndSignsThemIn) {
  EXPECT_TRUE(*accounts().SetupNeeded());
  const std::string token = MustEnsureToken();
  EXPECT_EQ(*accounts().EnsureSetupToken(), std::nullopt);  // printed once, not again
  const auto signed_in = accounts().CompleteSetup(token, Request());
  ASSERT_TRUE(signed_in.ok()) << signed_in.status().ToString();
  const Principal& admin = signed_in->principal;
  EXPECT_TRUE(admin.admin);
  EXPECT_EQ(admin.actor.role.str(), "admin");
  EXPECT_EQ(admin.time_zone, "America/Denver");
  EXPECT_TRUE(admin.Allows(Permission::kManageStaff));
  EXPECT_EQ(Count("clinics"), 1);
  EXPECT_EQ(CountWhere("SELECT COUNT(*) FROM accounts WHERE email = 'olive@ogden.example'"
                       " AND admin = 1",
                       {}),
            1);
  EXPECT_FALSE(*accounts().SetupNeeded());
  EXPECT_TRUE(accounts().AuthenticateSession(signed_in->session_token).ok());
  auto stored = db().Query("SELECT token_digest FROM setup_tokens", {});
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1U);
  EXPECT_EQ(stored->front().Text(0), tokens_.Digest(token));  // the token itself is not kept
  EXPECT_EQ(AuditCount("create", "clinic"), 1);
  EXPECT_EQ(AuditCount("create", "account"), 1);
  // Signing in afterwards works like for anyone.
  MustSignIn("olive@ogden.example", "the owner's long password");
}

TEST_P(FirstRunSetup, TheTokenWorksOnce) {
  const std::string token = MustEnsureToken();
  ASSERT_TRUE(accounts().CompleteSetup(token, Request()).ok());
  SetupRequest second = Request();
  second.email = "mallory@ogden.example";
  const auto again = accounts().CompleteSetup(token, second);
  EXPECT_FALSE(again.ok());
  EXPECT_EQ(Count("accounts"), 1);
  EXPECT_EQ(Count("clinics"), 1);
}

TEST_P(FirstRunSetup, AWrongTokenChangesNothingAndARefusedRequestKeepsTheToken) {
  const std::string token = MustEnsureToken();
  EXPECT_EQ(accounts().CompleteSetup(tokens_.NewToken(), Request()).status().code(),
            StatusCode::kUnauthenticated);
  SetupRequest bad{"", "Mars/Olympus Mons", "", "not an email", "short"};
  const auto invalid = accounts().CompleteSetup(token, bad);
  EXPECT_EQ(invalid.status().code(), StatusCode::kInvalidArgument);
  for (const char* field : {"clinic_name", "time_zone", "full_name", "email", "password"}) {
    EXPECT_TRUE(HasField(invalid.status(), field)) << field << ": " << invalid.status().ToString();
  }
  EXPECT_EQ(Count("clinics"), 0);
  EXPECT_EQ(Count("staff"), 0);
  EXPECT_EQ(Count("audit_log"), 0);
  EXPECT_TRUE(accounts().CompleteSetup(token, Request()).ok());
}

TEST_P(FirstRunSetup, IsRefusedOnceAnAccountExists) {
  const std::string token = MustEnsureToken();
  // Meanwhile an operator ran `corium user add --admin`.
  const Id clinic = Insert(
      "INSERT INTO clinics (name, time_zone, created_at) VALUES ('C', 'UTC', 1) RETURNING id", {});
  const Id staff = InsertStaff(clinic, "Op Erator", "op@c.example", "admin");
  ASSERT_TRUE(accounts()
                  .CreateAccount(Actor{clinic, 0, Code("admin")}, staff, "operator password", true)
                  .ok());
  EXPECT_FALSE(*accounts().SetupNeeded());
  EXPECT_EQ(*accounts().EnsureSetupToken(), std::nullopt);
  EXPECT_EQ(accounts().CompleteSetup(token, Request()).status().code(), StatusCode::kConflict);
  EXPECT_EQ(Count("clinics"), 1);
}

TEST_P(FirstRunSetup, AnUnusedTokenExpiresAndTheNextStartPrintsANewOne) {
  const std::string first = MustEnsureToken();
  Advance(AccountPolicy{}.setup_token_lifetime_seconds + 1);
  EXPECT_EQ(accounts().CompleteSetup(first, Request()).status().code(),
            StatusCode::kUnauthenticated);
  const std::string second = MustEnsureToken();
  EXPECT_NE(second, first);
  EXPECT_TRUE(accounts().CompleteSetup(second, Request()).ok());
}

// Two servers starting together on one database: one token between them.
TEST_P(FirstRunSetup, TwoServersStartingTogetherPrintOneToken) {
  auto second_connection = database_->Reconnect();
  AccountsOver second_server(*second_connection, MinimumCostHasher(), tokens_, clock_);
  const auto a = accounts().EnsureSetupToken();
  const auto b = second_server.accounts.EnsureSetupToken();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->has_value(), b->has_value());
  EXPECT_EQ(Count("setup_tokens"), 1);
  // The schema itself holds one unused token at most.
  EXPECT_FALSE(
      db().Execute("INSERT INTO setup_tokens (token_digest, created_at) VALUES ('x', 1)", {}).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, FirstRunSetup,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const auto& param_info) {
                           return std::string(store::DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::app
