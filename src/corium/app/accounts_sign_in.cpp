// Signing in and out, browser sessions and password changes (app/accounts.h). A password is
// hashed or verified outside any transaction: argon2id takes a hasher slot and tens of
// milliseconds, and SQLite would hold its write lock all that time.
#include <optional>

#include "corium/app/accounts.h"
#include "corium/app/accounts_support.h"

namespace corium::app {

using accounts_internal::ActorOf;
using accounts_internal::CheckPasswordField;
using accounts_internal::kSignInRefused;
using accounts_internal::NormalizeEmail;
using accounts_internal::OpenSession;
using accounts_internal::PermissionDenied;
using accounts_internal::PrincipalOf;
using accounts_internal::Unauthenticated;

namespace {

constexpr std::string_view kTooManyAttempts = "too many failed sign-ins; try again later";
constexpr std::string_view kSessionOver = "the session is unknown or has expired";
// Longer than any token this system issues: not worth a digest or a query.
constexpr size_t kMaxTokenLength = 256;

std::string EmailKey(const std::string& email) { return "email:" + email; }
std::string PeerKey(const std::string& peer) { return peer.empty() ? "" : "peer:" + peer; }

}  // namespace

Result<SignedIn> Accounts::SignIn(const std::string& email, const std::string& password,
                                  const std::string& peer) {
  const std::string name = NormalizeEmail(email);
  const std::string email_key = EmailKey(name);
  const std::string peer_key = PeerKey(peer);
  const std::int64_t now = clock_.NowSeconds();
  const std::int64_t window_start = now - policy_.failure_window_seconds;

  // 1. The limits, then the account.
  bool limited = false;
  std::optional<Account> account;
  const Status looked_up = work_.Read([&]() -> Status {
    for (const std::string& key : {email_key, peer_key}) {
      if (key.empty()) continue;
      CORIUM_ASSIGN_OR_RETURN(const std::int64_t failures,
                              accounts_.FailuresSince(key, window_start));
      if (failures >= policy_.max_failures_per_window) limited = true;
    }
    if (limited) return Status::Ok();
    CORIUM_ASSIGN_OR_RETURN(account, accounts_.FindByEmail(name));
    return Status::Ok();
  });
  CORIUM_RETURN_IF_ERROR(looked_up);
  if (limited) return Status::Unavailable(std::string(kTooManyAttempts));

  // 2. The password, against the dummy hash when there is no account, so that the time taken
  // does not say whether the email has one.
  const bool verified = hasher_.Verify(account ? account->password_hash : "", password);
  const bool accepted =
      verified && account && account->active && password.size() <= policy_.max_password_length;
  std::optional<std::string> rehashed;
  if (accepted && hasher_.NeedsRehash(account->password_hash)) {
    auto hash = hasher_.Hash(password);
    if (hash.ok()) rehashed = *std::move(hash);  // else keep the old hash; try next time
  }

  // 3. The failure counted, or the session opened.
  if (!accepted) {
    const Status counted = work_.Write([&]() -> Status {
      for (const std::string& key : {email_key, peer_key}) {
        if (!key.empty()) CORIUM_RETURN_IF_ERROR(accounts_.RecordFailure(key, now));
      }
      if (!account) return Status::Ok();
      return audit_.Append(EntryFor(ActorOf(*account), now, "refuse", "sign_in", account->id,
                                    std::nullopt, peer.empty() ? "" : "peer=" + peer));
    });
    CORIUM_RETURN_IF_ERROR(counted);
    return Unauthenticated(kSignInRefused);
  }
  std::optional<SignedIn> signed_in;
  const Status opened = work_.Write([&]() -> Status {
    // The account as it is now: deactivated or given a new password since step 1, it refuses.
    CORIUM_ASSIGN_OR_RETURN(const auto current, accounts_.Find(account->clinic_id, account->id));
    if (!current || !current->active || current->password_hash != account->password_hash) {
      return Unauthenticated(kSignInRefused);
    }
    CORIUM_RETURN_IF_ERROR(
        accounts_.PurgeExpired(now, now - policy_.idle_timeout_seconds, window_start));
    if (rehashed) {
      CORIUM_RETURN_IF_ERROR(accounts_.UpdatePasswordHash(current->id, *rehashed, std::nullopt));
    }
    CORIUM_ASSIGN_OR_RETURN(signed_in, OpenSession(accounts_, tokens_, policy_, *current, now));
    return audit_.Append(EntryFor(ActorOf(*current), now, "sign_in", "account", current->id,
                                  std::nullopt, peer.empty() ? "" : "peer=" + peer));
  });
  CORIUM_RETURN_IF_ERROR(opened);
  return *std::move(signed_in);
}

Result<Principal> Accounts::AuthenticateSession(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > kMaxTokenLength) {
    return Unauthenticated(kSessionOver);
  }
  const std::string digest = tokens_.Digest(session_token);
  const std::int64_t now = clock_.NowSeconds();
  std::optional<Principal> principal;
  // Every request checks its session, so the check is a read-only lookup; only an ended session
  // (deleted) or a stale last_seen_at (touched at most once per touch interval) needs a write.
  enum class FollowUp { kNone, kTouch, kDelete } follow_up = FollowUp::kNone;
  const Status checked = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const auto session, accounts_.FindSession(digest));
    if (!session) return Status::Ok();
    const bool over =
        now >= session->expires_at || now - session->last_seen_at > policy_.idle_timeout_seconds;
    const std::optional<Account>& account = session->account;
    if (over || !account || !account->active) {
      follow_up = FollowUp::kDelete;
      return Status::Ok();
    }
    if (now - session->last_seen_at >= policy_.touch_interval_seconds) follow_up = FollowUp::kTouch;
    principal = PrincipalOf(*account, Principal::Kind::kSession);
    principal->csrf_token = session->csrf_token;
    principal->session_digest = digest;
    return Status::Ok();
  });
  CORIUM_RETURN_IF_ERROR(checked);
  if (follow_up != FollowUp::kNone) {
    CORIUM_RETURN_IF_ERROR(work_.Write([&]() -> Status {
      return follow_up == FollowUp::kDelete ? accounts_.DeleteSession(digest)
                                            : accounts_.TouchSession(digest, now);
    }));
  }
  CORIUM_RETURN_IF_ERROR(checked);
  if (!principal) return Unauthenticated(kSessionOver);
  return *std::move(principal);
}

Status Accounts::SignOut(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > kMaxTokenLength) return Status::Ok();
  const std::string digest = tokens_.Digest(session_token);
  const std::int64_t now = clock_.NowSeconds();
  return work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const auto session, accounts_.FindSession(digest));
    if (!session) return Status::Ok();
    CORIUM_RETURN_IF_ERROR(accounts_.DeleteSession(digest));
    const std::optional<Account>& account = session->account;
    if (!account) return Status::Ok();
    return audit_.Append(
        EntryFor(ActorOf(*account), now, "sign_out", "account", account->id, std::nullopt));
  });
}

Status Accounts::ChangePassword(const Principal& principal, const std::string& current_password,
                                const std::string& new_password) {
  if (principal.kind != Principal::Kind::kSession) {
    return PermissionDenied("a password is changed from a signed-in session, not an API token");
  }
  CORIUM_RETURN_IF_ERROR(CheckPasswordField(policy_, new_password, "new_password"));
  if (new_password == current_password) {
    return Status::InvalidFields({{"new_password", "must differ from the current password"}});
  }
  const std::int64_t now = clock_.NowSeconds();
  std::optional<Account> account;
  bool limited = false;
  const Status found = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(account,
                            accounts_.Find(principal.actor.clinic_id, principal.account_id));
    if (!account) return Unauthenticated(kSessionOver);
    CORIUM_ASSIGN_OR_RETURN(
        const std::int64_t failures,
        accounts_.FailuresSince(EmailKey(account->email), now - policy_.failure_window_seconds));
    limited = failures >= policy_.max_failures_per_window;
    return Status::Ok();
  });
  CORIUM_RETURN_IF_ERROR(found);
  // A stolen session must not become a way to guess the password: the same limit applies.
  if (limited) return Status::Unavailable(std::string(kTooManyAttempts));
  if (!hasher_.Verify(account->password_hash, current_password)) {
    const Status counted = work_.Write([&]() -> Status {
      CORIUM_RETURN_IF_ERROR(accounts_.RecordFailure(EmailKey(account->email), now));
      return audit_.Append(
          EntryFor(principal.actor, now, "refuse", "password_change", account->id, std::nullopt));
    });
    CORIUM_RETURN_IF_ERROR(counted);
    return Status::InvalidFields({{"current_password", "does not match"}});
  }
  CORIUM_ASSIGN_OR_RETURN(const std::string hash, hasher_.Hash(new_password));
  return work_.Write([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(accounts_.UpdatePasswordHash(account->id, hash, now));
    CORIUM_RETURN_IF_ERROR(accounts_.DeleteSessionsOf(account->id, principal.session_digest));
    return audit_.Append(EntryFor(principal.actor, now, "change_password", "account", account->id,
                                  std::nullopt, "other sessions signed out"));
  });
}

}  // namespace corium::app
