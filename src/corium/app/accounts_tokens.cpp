// Bearer API tokens for integrations (app/accounts.h): issued from a session, scoped to a subset
// of the account's permissions, stored only as digests, revocable, optionally expiring.
#include <algorithm>
#include <optional>

#include "corium/app/accounts.h"
#include "corium/app/accounts_support.h"
#include "corium/app/permissions.h"

namespace corium::app {

using accounts_internal::PermissionDenied;
using accounts_internal::PrincipalOf;
using accounts_internal::Unauthenticated;

namespace {

constexpr std::string_view kTokenRefused = "the API token is unknown, revoked or expired";
constexpr size_t kMaxNameLength = 100;
constexpr size_t kMaxTokenLength = 256;

Status CheckTokenRequest(const std::string& name, const std::vector<Permission>& scopes,
                         std::optional<std::int64_t> expires_at, std::int64_t now) {
  std::vector<FieldError> errors;
  if (IsBlank(name)) {
    errors.push_back({"name", "required"});
  } else if (name.size() > kMaxNameLength) {
    errors.push_back({"name", "at most " + std::to_string(kMaxNameLength) + " characters"});
  }
  if (scopes.empty()) errors.push_back({"scopes", "at least one permission"});
  if (expires_at && *expires_at <= now) errors.push_back({"expires_at", "must be in the future"});
  if (errors.empty()) return Status::Ok();
  return Status::InvalidFields(std::move(errors));
}

// Every scope must be a permission the account holds by its role and admin grant.
Status CheckScopes(const Account& account, const std::vector<Permission>& scopes) {
  std::vector<FieldError> errors;
  for (size_t i = 0; i < scopes.size(); ++i) {
    if (!Allows(account.role, account.admin, scopes[i])) {
      errors.push_back({"scopes[" + std::to_string(i) + "]",
                        "the account does not hold " + std::string(PermissionName(scopes[i]))});
    }
  }
  if (errors.empty()) return Status::Ok();
  return Status::InvalidFields(std::move(errors));
}

std::string ScopeNames(const std::vector<Permission>& scopes) {
  std::string out;
  for (const Permission scope : scopes) {
    if (!out.empty()) out += ',';
    out += PermissionName(scope);
  }
  return out;
}

}  // namespace

Result<IssuedToken> Accounts::IssueApiToken(const Principal& issuer, Id account_id,
                                            const std::string& name,
                                            const std::vector<Permission>& scopes,
                                            std::optional<std::int64_t> expires_at) {
  // A token that could mint tokens would outlive its own revocation.
  if (issuer.kind != Principal::Kind::kSession) {
    return PermissionDenied("API tokens are issued from a signed-in session");
  }
  if (account_id != issuer.account_id && !issuer.Allows(Permission::kManageStaff)) {
    return PermissionDenied("only staff managers issue tokens for another account");
  }
  const std::int64_t now = clock_.NowSeconds();
  CORIUM_RETURN_IF_ERROR(CheckTokenRequest(name, scopes, expires_at, now));
  std::vector<Permission> unique_scopes;
  for (const Permission scope : scopes) {
    if (std::find(unique_scopes.begin(), unique_scopes.end(), scope) == unique_scopes.end()) {
      unique_scopes.push_back(scope);
    }
  }
  IssuedToken issued;
  const Status done = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const auto account, accounts_.Find(issuer.actor.clinic_id, account_id));
    if (!account) return Status::NotFound("account not found");
    if (!account->active) {
      return Status::InvalidFields({{"account_id", "the account is not active"}});
    }
    CORIUM_RETURN_IF_ERROR(CheckScopes(*account, scopes));
    ApiTokenInfo info;
    info.clinic_id = account->clinic_id;
    info.account_id = account->id;
    info.name = name;
    info.scopes = unique_scopes;
    info.created_at = now;
    info.expires_at = expires_at;
    issued.token = tokens_.NewToken();
    CORIUM_ASSIGN_OR_RETURN(issued.info, accounts_.InsertApiToken(account->clinic_id, info,
                                                                  tokens_.Digest(issued.token)));
    return audit_.Append(EntryFor(
        issuer.actor, now, "issue", "api_token", issued.info.id, std::nullopt,
        "account_id=" + std::to_string(account->id) + " scopes=" + ScopeNames(unique_scopes)));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return issued;
}

Result<std::vector<ApiTokenInfo>> Accounts::ListApiTokens(const Principal& principal) {
  std::vector<ApiTokenInfo> tokens;
  const Status read = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(tokens, accounts_.ApiTokensOf(principal.actor.clinic_id));
    return Status::Ok();
  });
  CORIUM_RETURN_IF_ERROR(read);
  if (!principal.Allows(Permission::kManageStaff)) {
    std::erase_if(tokens,
                  [&](const ApiTokenInfo& t) { return t.account_id != principal.account_id; });
  }
  return tokens;
}

Status Accounts::RevokeApiToken(const Principal& principal, Id token_id) {
  const std::int64_t now = clock_.NowSeconds();
  return work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const auto tokens, accounts_.ApiTokensOf(principal.actor.clinic_id));
    const auto token = std::find_if(tokens.begin(), tokens.end(),
                                    [&](const ApiTokenInfo& t) { return t.id == token_id; });
    if (token == tokens.end()) return Status::NotFound("API token not found");
    if (token->account_id != principal.account_id && !principal.Allows(Permission::kManageStaff)) {
      return PermissionDenied("only staff managers revoke another account's tokens");
    }
    if (token->revoked_at) return Status::Ok();
    CORIUM_ASSIGN_OR_RETURN(const std::int64_t changed,
                            accounts_.RevokeApiToken(principal.actor.clinic_id, token_id, now));
    if (changed != 1) return Status::NotFound("API token not found");
    return audit_.Append(EntryFor(principal.actor, now, "revoke", "api_token", token_id,
                                  std::nullopt, "account_id=" + std::to_string(token->account_id)));
  });
}

Result<Principal> Accounts::AuthenticateBearer(const std::string& token) {
  if (token.empty() || token.size() > kMaxTokenLength) return Unauthenticated(kTokenRefused);
  const std::string digest = tokens_.Digest(token);
  const std::int64_t now = clock_.NowSeconds();
  std::optional<Principal> principal;
  std::optional<Id> touch;  // a read-only check; last_used_at is written at most once an interval
  const Status done = work_.Lookup([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const auto info, accounts_.FindApiToken(digest));
    if (!info || info->revoked_at || (info->expires_at && now >= *info->expires_at)) {
      return Status::Ok();
    }
    CORIUM_ASSIGN_OR_RETURN(const auto account, accounts_.Find(info->clinic_id, info->account_id));
    if (!account || !account->active) return Status::Ok();
    if (!info->last_used_at || now - *info->last_used_at >= policy_.touch_interval_seconds) {
      touch = info->id;
    }
    principal = PrincipalOf(*account, Principal::Kind::kApiToken);
    principal->scopes = info->scopes;
    return Status::Ok();
  });
  if (done.ok() && touch) {
    CORIUM_RETURN_IF_ERROR(work_.Write([&] { return accounts_.TouchApiToken(*touch, now); }));
  }
  CORIUM_RETURN_IF_ERROR(done);
  if (!principal) return Unauthenticated(kTokenRefused);
  return *std::move(principal);
}

}  // namespace corium::app
