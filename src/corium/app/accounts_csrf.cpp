// The CSRF check of a browser session's write (app/accounts.h).
#include "corium/app/accounts.h"

namespace corium::app {

bool Accounts::CsrfMatches(const Principal& principal, const std::string& sent) const {
  if (principal.kind != Principal::Kind::kSession || principal.csrf_token.empty()) return false;
  return tokens_.Equal(principal.csrf_token, sent);
}

}  // namespace corium::app
