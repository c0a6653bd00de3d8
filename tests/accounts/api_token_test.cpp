// Bearer API tokens on both engines: scopes within the role, revocation, expiry, tenancy, and a
// leaked database that holds no usable secret.
#include <gtest/gtest.h>

#include "accounts/accounts_fixture.h"

namespace corium::app {
namespace {

using store::Dialect;

class ApiTokens : public AccountsTest {
 protected:
  void SetUp() override {
    AccountsTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_session_ = MustSignIn("ada@slc.example", kAdminPassword).principal;
    nurse_session_ = MustSignIn("ben@slc.example", kNursePassword).principal;
  }

  IssuedToken MustIssue(const Principal& issuer, Id account_id, std::vector<Permission> scopes,
                        std::optional<std::int64_t> expires_at = std::nullopt) {
    auto issued = accounts().IssueApiToken(issuer, account_id, "integration", scopes, expires_at);
    EXPECT_TRUE(issued.ok()) << issued.status().ToString();
    return issued.ok() ? *issued : IssuedToken{};
  }

  Principal admin_session_, nurse_session_;
};

TEST_P(ApiTokens, ATokenActsWithinItsScopesAndItsRole) {
  const IssuedToken issued =
      MustIssue(nurse_session_, nurse_.id, {Permission::kReadClients, Permission::kReadChart});
  EXPECT_EQ(issued.token.size(), 43U);
  EXPECT_EQ(issued.info.account_id, nurse_.id);
  const auto principal = accounts().AuthenticateBearer(issued.token);
  ASSERT_TRUE(principal.ok()) << principal.status().ToString();
  EXPECT_EQ(principal->kind, Principal::Kind::kApiToken);
  EXPECT_EQ(principal->actor.staff_id, nurse_staff_);
  EXPECT_EQ(principal->time_zone, "America/Denver");
  EXPECT_TRUE(principal->csrf_token.empty());
  EXPECT_TRUE(principal->Allows(Permission::kReadClients));
  EXPECT_TRUE(principal->Allows(Permission::kReadChart));
  EXPECT_FALSE(principal->Allows(Permission::kChartSession));  // the role has it, the token not
  EXPECT_FALSE(principal->Allows(Permission::kManageStaff));   // neither has it
  EXPECT_TRUE(nurse_session_.Allows(Permission::kChartSession));
  EXPECT_EQ(AuditCount("issue", "api_token"), 1);
}

TEST_P(ApiTokens, RefusesScopesBeyondTheAccountsRole) {
  const std::int64_t before = Count("api_tokens");
  const auto nurse =
      accounts().IssueApiToken(nurse_session_, nurse_.id, "too much",
                               {Permission::kReadClients, Permission::kReadAudit}, std::nullopt);
  EXPECT_EQ(nurse.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(nurse.status(), "scopes[1]")) << nurse.status().ToString();
  // The admin manages staff but does not chart, and cannot mint a token that does.
  const auto admin = accounts().IssueApiToken(admin_session_, admin_.id, "charts",
                                              {Permission::kReadChart}, std::nullopt);
  EXPECT_TRUE(HasField(admin.status(), "scopes[0]")) << admin.status().ToString();
  EXPECT_EQ(Count("api_tokens"), before);
}

TEST_P(ApiTokens, NeedsANameAScopeAndAFutureExpiry) {
  const auto refused = accounts().IssueApiToken(nurse_session_, nurse_.id, "  ", {}, Now() - 1);
  EXPECT_TRUE(HasField(refused.status(), "name"));
  EXPECT_TRUE(HasField(refused.status(), "scopes"));
  EXPECT_TRUE(HasField(refused.status(), "expires_at"));
}

TEST_P(ApiTokens, OnlyManagersIssueForOthersAndNeverAcrossClinics) {
  EXPECT_EQ(
      accounts()
          .IssueApiToken(nurse_session_, admin_.id, "x", {Permission::kReadStaff}, std::nullopt)
          .status()
          .code(),
      StatusCode::kPermissionDenied);
  MustIssue(admin_session_, nurse_.id, {Permission::kReadClients});
  const auto across = accounts().IssueApiToken(admin_session_, physician_.id, "x",
                                               {Permission::kReadStaff}, std::nullopt);
  const auto unknown =
      accounts().IssueApiToken(admin_session_, 987654, "x", {Permission::kReadStaff}, std::nullopt);
  EXPECT_EQ(across.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(across.status().message(), unknown.status().message());
}

TEST_P(ApiTokens, ATokenCannotIssueTokens) {
  const IssuedToken issued = MustIssue(admin_session_, admin_.id, {Permission::kManageStaff});
  const auto bearer = accounts().AuthenticateBearer(issued.token);
  ASSERT_TRUE(bearer.ok());
  EXPECT_EQ(
      accounts()
          .IssueApiToken(*bearer, admin_.id, "child", {Permission::kManageStaff}, std::nullopt)
          .status()
          .code(),
      StatusCode::kPermissionDenied);
}

TEST_P(ApiTokens, ARevokedTokenIsRefused) {
  const IssuedToken issued = MustIssue(nurse_session_, nurse_.id, {Permission::kReadClients});
  ASSERT_TRUE(accounts().AuthenticateBearer(issued.token).ok());
  ASSERT_TRUE(accounts().RevokeApiToken(nurse_session_, issued.info.id).ok());
  EXPECT_EQ(accounts().AuthenticateBearer(issued.token).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_TRUE(accounts().RevokeApiToken(nurse_session_, issued.info.id).ok());  // again: Ok
  EXPECT_EQ(AuditCount("revoke", "api_token"), 1);
  const auto listed = accounts().ListApiTokens(nurse_session_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().revoked_at, Now());
}

TEST_P(ApiTokens, AnExpiredTokenIsRefused) {
  const IssuedToken issued =
      MustIssue(nurse_session_, nurse_.id, {Permission::kReadClients}, Now() + 3600);
  ASSERT_TRUE(accounts().AuthenticateBearer(issued.token).ok());
  Advance(3600);
  EXPECT_EQ(accounts().AuthenticateBearer(issued.token).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_P(ApiTokens, UnknownAndMalformedTokensAreRefused) {
  MustIssue(nurse_session_, nurse_.id, {Permission::kReadClients});
  for (const std::string& token : {std::string(), tokens_.NewToken(), std::string(4096, 'x')}) {
    EXPECT_EQ(accounts().AuthenticateBearer(token).status().code(), StatusCode::kUnauthenticated);
  }
}

TEST_P(ApiTokens, RecordsLastUseAtMostOnceAMinute) {
  const IssuedToken issued = MustIssue(nurse_session_, nurse_.id, {Permission::kReadClients});
  const auto last_used = [&] {
    return CountWhere("SELECT last_used_at FROM api_tokens WHERE id = $1", {issued.info.id});
  };
  ASSERT_TRUE(accounts().AuthenticateBearer(issued.token).ok());
  EXPECT_EQ(last_used(), kStart);
  Advance(59);
  ASSERT_TRUE(accounts().AuthenticateBearer(issued.token).ok());
  EXPECT_EQ(last_used(), kStart);
  Advance(1);
  ASSERT_TRUE(accounts().AuthenticateBearer(issued.token).ok());
  EXPECT_EQ(last_used(), kStart + 60);
}

TEST_P(ApiTokens, ListsOwnTokensOrTheClinicsForManagers) {
  MustIssue(nurse_session_, nurse_.id, {Permission::kReadClients});
  MustIssue(admin_session_, admin_.id, {Permission::kReadStaff});
  const Principal physician = MustSignIn("dee@provo.example", kPhysicianPassword).principal;
  MustIssue(physician, physician_.id, {Permission::kReadChart});
  EXPECT_EQ(accounts().ListApiTokens(nurse_session_)->size(), 1U);
  EXPECT_EQ(accounts().ListApiTokens(admin_session_)->size(), 2U);
  EXPECT_EQ(accounts().ListApiTokens(physician)->size(), 1U);
}

TEST_P(ApiTokens, AnotherClinicsTokenAnswersAsUnknown) {
  const Principal physician = MustSignIn("dee@provo.example", kPhysicianPassword).principal;
  const IssuedToken theirs = MustIssue(physician, physician_.id, {Permission::kReadChart});
  const Status across = accounts().RevokeApiToken(admin_session_, theirs.info.id);
  const Status unknown = accounts().RevokeApiToken(admin_session_, 987654);
  EXPECT_EQ(across.code(), StatusCode::kNotFound);
  EXPECT_EQ(across.message(), unknown.message());
  EXPECT_EQ(
      accounts()
          .RevokeApiToken(nurse_session_,
                          MustIssue(admin_session_, admin_.id, {Permission::kReadStaff}).info.id)
          .code(),
      StatusCode::kPermissionDenied);
  ASSERT_TRUE(accounts().AuthenticateBearer(theirs.token).ok());
}

// Someone who copies the database learns no token that works: only digests are stored.
TEST_P(ApiTokens, ALeakedDatabaseHoldsNoRawToken) {
  const IssuedToken api = MustIssue(nurse_session_, nurse_.id, {Permission::kReadClients});
  const SignedIn session = MustSignIn("ada@slc.example", kAdminPassword);
  std::vector<std::string> stored;
  for (const std::string sql :
       {"SELECT token_digest FROM api_tokens", "SELECT token_digest FROM auth_sessions",
        "SELECT password_hash FROM accounts"}) {
    auto rows = db().Query(sql, {});
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    for (const auto& row : *rows) stored.push_back(row.Text(0));
  }
  for (const std::string& secret : {api.token, session.session_token, std::string(kAdminPassword),
                                    std::string(kNursePassword)}) {
    for (const std::string& value : stored) {
      EXPECT_EQ(value.find(secret), std::string::npos) << "stored in the clear: " << value;
    }
  }
  EXPECT_NE(std::find(stored.begin(), stored.end(), tokens_.Digest(api.token)), stored.end());
  EXPECT_NE(std::find(stored.begin(), stored.end(), tokens_.Digest(session.session_token)),
            stored.end());
  // A stored digest presented as a token is refused.
  EXPECT_FALSE(accounts().AuthenticateBearer(tokens_.Digest(api.token)).ok());
  EXPECT_FALSE(accounts().AuthenticateSession(tokens_.Digest(session.session_token)).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiTokens,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const auto& param_info) {
                           return std::string(store::DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::app
