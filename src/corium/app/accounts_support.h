// What the Accounts use cases (accounts*.cpp) share: sign-in names, refusals that reveal
// nothing, principals, and opening a session. Internal to app/; pure functions over the ports.
#pragma once

#include <string>
#include <string_view>

#include "corium/app/accounts.h"

namespace corium::app::accounts_internal {

// The one answer to an unknown email, a wrong password and an inactive account.
inline constexpr std::string_view kSignInRefused = "the email or password is wrong";

Status Unauthenticated(std::string_view message);
Status PermissionDenied(std::string_view message);

// Trimmed and ASCII lower case: the form stored in accounts.email.
std::string NormalizeEmail(std::string_view email);
// One '@' with text on both sides, no spaces (deliverability is the mail server's business).
bool LooksLikeEmail(std::string_view email);
// Length within the policy's bounds (in characters), as InvalidFields naming `field`.
Status CheckPasswordField(const AccountPolicy& policy, const std::string& password,
                          const std::string& field);

Actor ActorOf(const Account& account);
Principal PrincipalOf(const Account& account, Principal::Kind kind);

// Inside a write: a new session for `account`, stored by its digest.
Result<SignedIn> OpenSession(AccountRepository& accounts, const TokenSource& tokens,
                             const AccountPolicy& policy, const Account& account, std::int64_t now);

}  // namespace corium::app::accounts_internal
