// First-run setup (app/accounts.h): while no account exists, `corium serve` prints a one-time
// token, and whoever holds it creates the clinic, its first admin and that admin's account.
#include <algorithm>
#include <optional>

#include "corium/app/accounts.h"
#include "corium/app/accounts_support.h"
#include "corium/app/permissions.h"

namespace corium::app {

using accounts_internal::CheckPasswordField;
using accounts_internal::LooksLikeEmail;
using accounts_internal::NormalizeEmail;
using accounts_internal::OpenSession;
using accounts_internal::Unauthenticated;

namespace {

constexpr size_t kMaxNameLength = 200;
constexpr size_t kMaxZoneLength = 64;

// The shape of an IANA name (America/Denver, Etc/GMT+5, UTC): letters, digits, _ + - in
// slash-separated parts. Whether the database knows it is the adapter's check.
bool LooksLikeTimeZone(const std::string& zone) {
  if (zone.empty() || zone.size() > kMaxZoneLength) return false;
  if (zone.front() == '/' || zone.back() == '/' || zone.find("//") != std::string::npos) {
    return false;
  }
  return std::all_of(zone.begin(), zone.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '+' || c == '-' || c == '/';
  });
}

Status CheckSetupRequest(const SetupRequest& request, const AccountPolicy& policy) {
  std::vector<FieldError> errors;
  if (IsBlank(request.clinic_name)) {
    errors.push_back({"clinic_name", "required"});
  } else if (request.clinic_name.size() > kMaxNameLength) {
    errors.push_back({"clinic_name", "at most " + std::to_string(kMaxNameLength) + " characters"});
  }
  if (!LooksLikeTimeZone(request.time_zone)) {
    errors.push_back({"time_zone", "expected an IANA time zone such as America/Denver"});
  }
  if (IsBlank(request.full_name)) {
    errors.push_back({"full_name", "required"});
  } else if (request.full_name.size() > kMaxNameLength) {
    errors.push_back({"full_name", "at most " + std::to_string(kMaxNameLength) + " characters"});
  }
  if (!LooksLikeEmail(NormalizeEmail(request.email))) {
    errors.push_back({"email", "expected an email address"});
  }
  const Status password = CheckPasswordField(policy, request.password, "password");
  errors.insert(errors.end(), password.field_errors().begin(), password.field_errors().end());
  if (errors.empty()) return Status::Ok();
  return Status::InvalidFields(std::move(errors));
}

}  // namespace

Result<bool> Accounts::SetupNeeded() {
  bool any = false;
  const Status read = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(any, accounts_.AnyAccount());
    return Status::Ok();
  });
  CORIUM_RETURN_IF_ERROR(read);
  return !any;
}

Result<std::optional<std::string>> Accounts::EnsureSetupToken() {
  const std::int64_t now = clock_.NowSeconds();
  std::optional<std::string> issued;
  const Status done = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const bool any_account, accounts_.AnyAccount());
    if (any_account) return Status::Ok();
    CORIUM_RETURN_IF_ERROR(
        accounts_.DeleteUnusedSetupTokens(now - policy_.setup_token_lifetime_seconds));
    CORIUM_ASSIGN_OR_RETURN(const bool pending, accounts_.AnyUnusedSetupToken());
    if (pending) return Status::Ok();
    const std::string token = tokens_.NewToken();
    CORIUM_RETURN_IF_ERROR(accounts_.InsertSetupToken(tokens_.Digest(token), now));
    issued = token;
    return Status::Ok();
  });
  // Another server starting on the same database made its token first: that one is printed.
  if (done.code() == StatusCode::kAlreadyExists) return std::optional<std::string>();
  CORIUM_RETURN_IF_ERROR(done);
  return issued;
}

Result<SignedIn> Accounts::CompleteSetup(const std::string& setup_token,
                                         const SetupRequest& request) {
  CORIUM_RETURN_IF_ERROR(CheckSetupRequest(request, policy_));
  CORIUM_ASSIGN_OR_RETURN(const std::string hash, hasher_.Hash(request.password));
  const std::int64_t now = clock_.NowSeconds();
  std::optional<SignedIn> signed_in;
  const Status done = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const bool any_account, accounts_.AnyAccount());
    if (any_account) return Status::Conflict("setup is complete: an account exists already");
    CORIUM_ASSIGN_OR_RETURN(
        const std::int64_t used,
        accounts_.UseSetupToken(tokens_.Digest(setup_token),
                                now - policy_.setup_token_lifetime_seconds, now));
    if (used != 1) return Unauthenticated("the setup token is unknown, used or expired");

    CORIUM_ASSIGN_OR_RETURN(const Id clinic_id,
                            accounts_.InsertClinic(request.clinic_name, request.time_zone, now));
    StaffDraft draft;
    draft.full_name = request.full_name;
    draft.email = NormalizeEmail(request.email);
    draft.role = Code(std::string(kAdminRole));
    CORIUM_ASSIGN_OR_RETURN(const StaffMember admin, staff_.Insert(clinic_id, draft, now));
    Account account;
    account.clinic_id = clinic_id;
    account.staff_id = admin.id;
    account.email = draft.email;
    account.role = std::string(kAdminRole);
    account.full_name = request.full_name;
    account.admin = true;
    account.password_hash = hash;
    CORIUM_ASSIGN_OR_RETURN(account, accounts_.Insert(account, now));
    account.time_zone = request.time_zone;

    // The new admin did all of it, holding the token `corium serve` printed.
    const Actor actor{clinic_id, admin.id, draft.role};
    CORIUM_RETURN_IF_ERROR(audit_.Append(
        EntryFor(actor, now, "create", "clinic", clinic_id, std::nullopt, "first-run setup")));
    CORIUM_RETURN_IF_ERROR(audit_.Append(
        EntryFor(actor, now, "create", "staff", admin.id, std::nullopt, "role=admin")));
    CORIUM_RETURN_IF_ERROR(
        audit_.Append(EntryFor(actor, now, "create", "account", account.id, std::nullopt,
                               "staff_id=" + std::to_string(admin.id) + " admin=true")));
    CORIUM_ASSIGN_OR_RETURN(signed_in, OpenSession(accounts_, tokens_, policy_, account, now));
    return audit_.Append(EntryFor(actor, now, "sign_in", "account", account.id, std::nullopt));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *std::move(signed_in);
}

}  // namespace corium::app
