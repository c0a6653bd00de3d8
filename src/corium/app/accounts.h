// Accounts: who may sign in to Corium and how a request proves who it is. A staff member may hold
// one account (email + argon2id password hash); signing in opens a browser session (a random
// token in a __Host- cookie, stored only as its hash, with its CSRF token); integrations use
// bearer API tokens (hashed at rest, scoped to permissions, revocable, expiring). Login attempts
// are counted in the database, so several `corium serve` processes share the rate limit.
// Stateless use cases over ports; one instance serves one thread, like the connection beneath it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corium/app/access.h"
#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clients.h"
#include "corium/app/clock.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"

namespace corium::app {

// --- Ports -----------------------------------------------------------------------------------

// Password hashing (argon2id in security/). Implementations cap how many hashes run at once.
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual Result<std::string> Hash(const std::string& password) const = 0;
  // False for a wrong password; also spends the same time on an empty or malformed `hash`, so a
  // caller can verify against a dummy hash for unknown accounts.
  virtual bool Verify(const std::string& hash, const std::string& password) const = 0;
  virtual bool NeedsRehash(const std::string& hash) const = 0;
};

// Secrets: random tokens and their one-way digests.
class TokenSource {
 public:
  virtual ~TokenSource() = default;
  virtual std::string NewToken() const = 0;                        // 32 random bytes, URL-safe
  virtual std::string Digest(const std::string& token) const = 0;  // hex BLAKE2b-256
  virtual bool Equal(const std::string& a, const std::string& b) const = 0;  // constant time
};

// --- Records -----------------------------------------------------------------------------------

struct Account {
  Id id = 0;
  Id clinic_id = 0;
  Id staff_id = 0;
  std::string email;  // the sign-in name, lower case, unique across the database
  std::string role;   // the staff member's role
  std::string full_name;
  bool admin = false;  // the admin grant, on top of the role's permissions
  bool active = true;  // false when the account or the staff member is deactivated
  std::string password_hash;
  std::int64_t version = 1;
  std::string time_zone;  // the clinic's IANA zone (clinics.time_zone), read with the account
};

struct ApiTokenInfo {
  Id id = 0;
  Id clinic_id = 0;
  Id account_id = 0;
  std::string name;
  std::vector<Permission> scopes;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> expires_at;
  std::optional<std::int64_t> revoked_at;
  std::optional<std::int64_t> last_used_at;
};

// Who a request is from, once authenticated.
struct Principal {
  Actor actor;
  Id account_id = 0;
  std::string full_name;
  bool admin = false;
  enum class Kind { kSession, kApiToken } kind = Kind::kSession;
  std::vector<Permission> scopes;  // an API token's; empty for a session (the role decides)
  std::string csrf_token;          // a session's synchronizer token; empty for API tokens
  std::string time_zone;           // the clinic's IANA zone (clinics.time_zone), for "today"
  std::string session_digest;      // a session's token digest (kept on a password change)

  // The role matrix, narrowed to the token's scopes for an API token.
  bool Allows(Permission permission) const;
};

struct SignedIn {
  std::string session_token;  // goes into the cookie; never stored
  std::string csrf_token;
  std::int64_t expires_at = 0;
  Principal principal;
};

struct IssuedToken {
  ApiTokenInfo info;
  std::string token;  // shown once; only its digest is stored
};

// First-run setup: the clinic, its first admin and that admin's account, in one transaction.
struct SetupRequest {
  std::string clinic_name;
  std::string time_zone;  // IANA, e.g. America/Denver
  std::string full_name;
  std::string email;
  std::string password;
};

// Limits that operators may tune (docs/operations.md).
struct AccountPolicy {
  std::int64_t idle_timeout_seconds = std::int64_t{30} * 60;
  std::int64_t absolute_timeout_seconds = std::int64_t{12} * 60 * 60;
  int max_failures_per_window = 5;  // per email and per peer address
  std::int64_t failure_window_seconds = std::int64_t{15} * 60;
  size_t min_password_length = 12;
  size_t max_password_length = 1024;
  // A session's last_seen_at and a token's last_used_at are written at most this often, so an
  // authenticated request is not also a write.
  std::int64_t touch_interval_seconds = 60;
  // An unused first-run setup token stops working after this; the next start prints a new one.
  std::int64_t setup_token_lifetime_seconds = std::int64_t{24} * 60 * 60;
};

// InvalidFields "password" unless its length is within the policy's bounds.
Status CheckPassword(const AccountPolicy& policy, const std::string& password);

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;
  virtual Result<bool> AnyAccount() = 0;
  // kAlreadyExists when the email or the staff member already has an account.
  virtual Result<Account> Insert(const Account& account, std::int64_t now) = 0;
  virtual Result<std::optional<Account>> FindByEmail(const std::string& email) = 0;
  virtual Result<std::optional<Account>> Find(Id clinic_id, Id account_id) = 0;
  virtual Result<std::vector<Account>> ForClinic(Id clinic_id) = 0;
  // Stores a new hash and bumps the version; `changed_at` is when the password itself changed
  // (nullopt for a rehash of the same password at a new cost).
  virtual Status UpdatePasswordHash(Id account_id, const std::string& hash,
                                    std::optional<std::int64_t> changed_at) = 0;

  virtual Status RecordFailure(const std::string& key, std::int64_t at) = 0;
  virtual Result<std::int64_t> FailuresSince(const std::string& key, std::int64_t since) = 0;

  virtual Status InsertSession(const std::string& token_digest, Id clinic_id, Id account_id,
                               const std::string& csrf_token, std::int64_t now,
                               std::int64_t expires_at) = 0;
  struct SessionRow {
    Id clinic_id = 0;
    Id account_id = 0;
    std::string csrf_token;
    std::int64_t last_seen_at = 0;
    std::int64_t expires_at = 0;
    // The session's account as Find gives it, read with the session; nullopt when it is gone.
    std::optional<Account> account;
  };
  virtual Result<std::optional<SessionRow>> FindSession(const std::string& token_digest) = 0;
  virtual Status TouchSession(const std::string& token_digest, std::int64_t now) = 0;
  virtual Status DeleteSession(const std::string& token_digest) = 0;
  // Every session of the account except the one whose digest is `keep_digest` ("" keeps none).
  virtual Status DeleteSessionsOf(Id account_id, const std::string& keep_digest) = 0;
  // Drops sessions past their absolute expiry or idle since before `idle_since`, and login
  // failures older than `failures_before`: rows that can no longer matter.
  virtual Status PurgeExpired(std::int64_t now, std::int64_t idle_since,
                              std::int64_t failures_before) = 0;

  virtual Result<ApiTokenInfo> InsertApiToken(Id clinic_id, const ApiTokenInfo& info,
                                              const std::string& token_digest) = 0;
  virtual Result<std::optional<ApiTokenInfo>> FindApiToken(const std::string& token_digest) = 0;
  virtual Result<std::vector<ApiTokenInfo>> ApiTokensOf(Id clinic_id) = 0;
  // Rows changed: 0 when no such live token in the clinic.
  virtual Result<std::int64_t> RevokeApiToken(Id clinic_id, Id token_id, std::int64_t at) = 0;
  virtual Status TouchApiToken(Id token_id, std::int64_t at) = 0;

  // First-run setup. A clinic is the tenant every other row names, so it is made here.
  virtual Result<Id> InsertClinic(const std::string& name, const std::string& time_zone,
                                  std::int64_t now) = 0;
  virtual Status DeleteUnusedSetupTokens(std::int64_t created_before) = 0;
  virtual Result<bool> AnyUnusedSetupToken() = 0;
  // kAlreadyExists while another unused token exists (the schema allows one at a time).
  virtual Status InsertSetupToken(const std::string& token_digest, std::int64_t now) = 0;
  // Marks the token used; rows changed: 0 unless it was unused and made at or after `made_since`.
  virtual Result<std::int64_t> UseSetupToken(const std::string& token_digest,
                                             std::int64_t made_since, std::int64_t at) = 0;
};

// --- Use cases -----------------------------------------------------------------------------------

class Accounts {
 public:
  Accounts(UnitOfWork& work, AuditLog& audit, AccountRepository& accounts, StaffRepository& staff,
           const PasswordHasher& hasher, const TokenSource& tokens, const Clock& clock,
           AccountPolicy policy = {})
      : work_(work),
        audit_(audit),
        accounts_(accounts),
        staff_(staff),
        hasher_(hasher),
        tokens_(tokens),
        clock_(clock),
        policy_(policy) {}

  // Gives a staff member of the actor's clinic an account. kManageStaff is checked by the caller;
  // the password must meet the policy's length (InvalidFields "password").
  Result<Account> CreateAccount(const Actor& actor, Id staff_id, const std::string& password,
                                bool admin);

  // Whether the database holds no account yet (the first-run setup page is offered).
  Result<bool> SetupNeeded();
  // When setup is needed and no unused setup token exists, creates one and returns it (printed
  // once by `corium serve`); nullopt otherwise. An unused token older than the policy's
  // setup_token_lifetime_seconds is dropped, so a lost one is replaced at the next start.
  Result<std::optional<std::string>> EnsureSetupToken();
  // Consumes the setup token (kUnauthenticated when unknown, used or expired; kConflict once an
  // account exists) and signs the admin in. The time zone is checked here only for its shape:
  // the adapter confirms it against the time zone database (ZonedClock::SetZone) beforehand.
  Result<SignedIn> CompleteSetup(const std::string& setup_token, const SetupRequest& request);

  // The actor's clinic's accounts (kManageStaff is checked by the caller); never hashes.
  Result<std::vector<Account>> ListAccounts(const Actor& actor);

  // kUnauthenticated with one message for an unknown email, a wrong password and an inactive
  // account; kUnavailable ("too many attempts") once the email or peer exceeded the policy.
  // `peer` is the client's address (no port); empty when there is none (the CLI).
  Result<SignedIn> SignIn(const std::string& email, const std::string& password,
                          const std::string& peer);
  // The session's principal, or kUnauthenticated when it is unknown, idle too long or expired.
  Result<Principal> AuthenticateSession(const std::string& session_token);
  // Ends the session; Ok also for a session that is unknown or already over.
  Status SignOut(const std::string& session_token);
  // From a session only (kPermissionDenied for an API token). A wrong current password is
  // InvalidFields "current_password" and counts as a failed sign-in; the new one must meet the
  // policy ("new_password"). Every other session of the account is signed out.
  Status ChangePassword(const Principal& principal, const std::string& current_password,
                        const std::string& new_password);

  // From a session only (kPermissionDenied for an API token), for the issuer's own account or,
  // with kManageStaff, another of the clinic's. Name required; at least one scope, each a
  // permission the account's role (and admin grant) holds (InvalidFields "scopes[i]");
  // expires_at, when given, in the future.
  Result<IssuedToken> IssueApiToken(const Principal& issuer, Id account_id, const std::string& name,
                                    const std::vector<Permission>& scopes,
                                    std::optional<std::int64_t> expires_at);
  // With kManageStaff every token of the clinic, else the principal's own; revoked ones too.
  Result<std::vector<ApiTokenInfo>> ListApiTokens(const Principal& principal);
  // One's own token, or any of the clinic's with kManageStaff; revoking twice is Ok.
  Status RevokeApiToken(const Principal& principal, Id token_id);
  // The token's principal, or kUnauthenticated when it is unknown, revoked or expired.
  Result<Principal> AuthenticateBearer(const std::string& token);

  // Whether `sent` is the session's CSRF token, compared in constant time (accounts_csrf.cpp).
  bool CsrfMatches(const Principal& principal, const std::string& sent) const;

 private:
  UnitOfWork& work_;
  AuditLog& audit_;
  AccountRepository& accounts_;
  StaffRepository& staff_;
  const PasswordHasher& hasher_;
  const TokenSource& tokens_;
  const Clock& clock_;
  AccountPolicy policy_;
};

}  // namespace corium::app
