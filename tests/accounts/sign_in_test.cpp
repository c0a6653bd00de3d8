// Signing in, sessions and passwords on both engines: one answer for every refusal, limits
// shared through the database, idle and absolute expiry, sign-out, password changes.
#include <gtest/gtest.h>

#include "accounts/accounts_fixture.h"

namespace corium::app {
namespace {

using store::Dialect;

class SignIn : public AccountsTest {};

TEST_P(SignIn, OpensASessionForTheRightPasswordWhateverTheEmailsCase) {
  const SignedIn signed_in = MustSignIn("  ADA@slc.Example ", kAdminPassword);
  EXPECT_EQ(signed_in.session_token.size(), 43U);
  EXPECT_EQ(signed_in.expires_at, kStart + AccountPolicy{}.absolute_timeout_seconds);
  const Principal& principal = signed_in.principal;
  EXPECT_EQ(principal.account_id, admin_.id);
  EXPECT_EQ(principal.actor.clinic_id, clinic_);
  EXPECT_EQ(principal.actor.staff_id, admin_staff_);
  EXPECT_EQ(principal.actor.role.str(), "admin");
  EXPECT_EQ(principal.full_name, "Ada Admin");
  EXPECT_EQ(principal.time_zone, "America/Denver");
  EXPECT_EQ(principal.kind, Principal::Kind::kSession);
  EXPECT_EQ(principal.csrf_token, signed_in.csrf_token);
  EXPECT_FALSE(principal.csrf_token.empty());

  const Principal again = MustAuthenticate(signed_in.session_token);
  EXPECT_EQ(again.account_id, admin_.id);
  EXPECT_EQ(again.csrf_token, signed_in.csrf_token);
  EXPECT_TRUE(accounts().CsrfMatches(again, signed_in.csrf_token));
  EXPECT_FALSE(accounts().CsrfMatches(again, signed_in.session_token));
  EXPECT_EQ(AuditCount("sign_in", "account"), 1);
}

TEST_P(SignIn, WrongPasswordUnknownEmailAndInactiveAccountAnswerAlike) {
  const auto wrong = accounts().SignIn("ada@slc.example", "not the password", "192.0.2.1");
  const auto unknown = accounts().SignIn("nobody@slc.example", "not the password", "192.0.2.2");
  ASSERT_TRUE(db().Execute("UPDATE staff SET active = 0 WHERE id = $1", {nurse_staff_}).ok());
  const auto inactive =
      accounts().SignIn("ben@slc.example", std::string(kNursePassword), "192.0.2.3");
  for (const auto* refused : {&wrong, &unknown, &inactive}) {
    ASSERT_FALSE(refused->ok());
    EXPECT_EQ(refused->status().code(), StatusCode::kUnauthenticated);
    EXPECT_EQ(refused->status().message(), wrong.status().message());
  }
  EXPECT_EQ(Count("auth_sessions"), 0);
  EXPECT_EQ(Count("login_failures"), 6);  // email and peer of each
  // Refusals of known accounts are audited, without the password tried.
  EXPECT_EQ(AuditCount("refuse", "sign_in"), 2);
  EXPECT_EQ(CountWhere("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%password%'", {}), 0);
}

TEST_P(SignIn, LimitsAnEmailAfterTooManyFailuresFromAnyAddress) {
  const AccountPolicy policy;
  for (int i = 0; i < policy.max_failures_per_window; ++i) {
    const auto refused = accounts().SignIn("ada@slc.example", "guess " + std::to_string(i),
                                           "198.51.100." + std::to_string(i));
    EXPECT_EQ(refused.status().code(), StatusCode::kUnauthenticated);
  }
  // Even the right password from a fresh address waits now.
  const auto limited =
      accounts().SignIn("ADA@slc.example", std::string(kAdminPassword), "203.0.113.9");
  EXPECT_EQ(limited.status().code(), StatusCode::kUnavailable);
  // Another account is not affected.
  MustSignIn("ben@slc.example", kNursePassword, "203.0.113.9");
  Advance(policy.failure_window_seconds + 1);
  MustSignIn("ada@slc.example", kAdminPassword, "203.0.113.9");
}

TEST_P(SignIn, LimitsAnAddressAfterTooManyFailuresOnAnyEmails) {
  const AccountPolicy policy;
  for (int i = 0; i < policy.max_failures_per_window; ++i) {
    (void)accounts().SignIn("user" + std::to_string(i) + "@slc.example", "guess", "192.0.2.50");
  }
  const auto limited =
      accounts().SignIn("ada@slc.example", std::string(kAdminPassword), "192.0.2.50");
  EXPECT_EQ(limited.status().code(), StatusCode::kUnavailable);
  MustSignIn("ada@slc.example", kAdminPassword, "192.0.2.51");
}

// Two `corium serve` processes on one database share the count.
TEST_P(SignIn, CountsFailuresInTheDatabaseSharedByEveryServer) {
  auto second_connection = database_->Reconnect();
  AccountsOver second_server(*second_connection, MinimumCostHasher(), tokens_, clock_);
  const AccountPolicy policy;
  for (int i = 0; i < policy.max_failures_per_window; ++i) {
    Accounts& server = i % 2 == 0 ? accounts() : second_server.accounts;
    (void)server.SignIn("ada@slc.example", "guess", "192.0.2." + std::to_string(i));
  }
  EXPECT_EQ(second_server.accounts.SignIn("ada@slc.example", std::string(kAdminPassword), "")
                .status()
                .code(),
            StatusCode::kUnavailable);
}

TEST_P(SignIn, SessionEndsAfterTheIdleTimeout) {
  const AccountPolicy policy;
  const SignedIn signed_in = MustSignIn("ada@slc.example", kAdminPassword);
  Advance(policy.idle_timeout_seconds - 60);
  MustAuthenticate(signed_in.session_token);  // still alive, and seen now
  Advance(policy.idle_timeout_seconds - 60);
  MustAuthenticate(signed_in.session_token);
  Advance(policy.idle_timeout_seconds + 1);
  const auto over = accounts().AuthenticateSession(signed_in.session_token);
  EXPECT_EQ(over.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Count("auth_sessions"), 0);  // dropped once found over
}

TEST_P(SignIn, SessionEndsAtTheAbsoluteLimitHoweverActive) {
  const AccountPolicy policy;
  const SignedIn signed_in = MustSignIn("ada@slc.example", kAdminPassword);
  const std::int64_t step = policy.idle_timeout_seconds / 2;
  while (Now() + step < kStart + policy.absolute_timeout_seconds) {
    Advance(step);
    MustAuthenticate(signed_in.session_token);
  }
  clock_.Set(signed_in.expires_at, clock_.Today());
  EXPECT_EQ(accounts().AuthenticateSession(signed_in.session_token).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_P(SignIn, WritesLastSeenAtMostOnceAMinute) {
  const SignedIn signed_in = MustSignIn("ada@slc.example", kAdminPassword);
  const auto last_seen = [&] { return CountWhere("SELECT last_seen_at FROM auth_sessions", {}); };
  Advance(30);
  MustAuthenticate(signed_in.session_token);
  EXPECT_EQ(last_seen(), kStart);
  Advance(30);
  MustAuthenticate(signed_in.session_token);
  EXPECT_EQ(last_seen(), kStart + 60);
}

TEST_P(SignIn, RefusesUnknownAndMalformedSessionTokens) {
  MustSignIn("ada@slc.example", kAdminPassword);
  for (const std::string& token :
       {std::string(), std::string("x"), tokens_.NewToken(), std::string(5000, 'a')}) {
    EXPECT_EQ(accounts().AuthenticateSession(token).status().code(), StatusCode::kUnauthenticated);
  }
}

TEST_P(SignIn, SignOutEndsTheSessionAndIsIdempotent) {
  const SignedIn first = MustSignIn("ada@slc.example", kAdminPassword);
  const SignedIn second = MustSignIn("ada@slc.example", kAdminPassword);
  ASSERT_TRUE(accounts().SignOut(first.session_token).ok());
  EXPECT_EQ(accounts().AuthenticateSession(first.session_token).status().code(),
            StatusCode::kUnauthenticated);
  MustAuthenticate(second.session_token);  // only that session ends
  EXPECT_TRUE(accounts().SignOut(first.session_token).ok());
  EXPECT_TRUE(accounts().SignOut("never issued").ok());
  EXPECT_EQ(AuditCount("sign_out", "account"), 1);
}

TEST_P(SignIn, DeactivatingTheStaffMemberEndsTheirSessions) {
  const SignedIn signed_in = MustSignIn("ben@slc.example", kNursePassword);
  ASSERT_TRUE(db().Execute("UPDATE staff SET active = 0 WHERE id = $1", {nurse_staff_}).ok());
  EXPECT_EQ(accounts().AuthenticateSession(signed_in.session_token).status().code(),
            StatusCode::kUnauthenticated);
}

TEST_P(SignIn, RehashesAPasswordMadeAtAnOlderCost) {
  security::PasswordHashParams dearer = security::PasswordHashParams::Minimum();
  dearer.opslimit = 2;
  const security::SodiumPasswordHasher stronger(dearer);
  Use(AccountPolicy{}, &stronger);
  const auto stored_hash = [&] {
    auto rows = db().Query("SELECT password_hash FROM accounts WHERE id = $1", {admin_.id});
    return rows.ok() && !rows->empty() ? rows->front().Text(0) : std::string();
  };
  const std::string before = stored_hash();
  ASSERT_TRUE(stronger.NeedsRehash(before));
  MustSignIn("ada@slc.example", kAdminPassword);
  const std::string after = stored_hash();
  EXPECT_NE(after, before);
  EXPECT_FALSE(stronger.NeedsRehash(after));
  MustSignIn("ada@slc.example", kAdminPassword);  // the new hash verifies
}

INSTANTIATE_TEST_SUITE_P(Engines, SignIn, ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const auto& param_info) {
                           return std::string(store::DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::app
