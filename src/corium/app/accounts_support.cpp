#include "corium/app/accounts_support.h"

#include <algorithm>

namespace corium::app::accounts_internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Characters, not bytes: a UTF-8 continuation byte does not start one.
size_t CharacterCount(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

}  // namespace

Status Unauthenticated(std::string_view message) {
  return {StatusCode::kUnauthenticated, std::string(message)};
}

Status PermissionDenied(std::string_view message) {
  return {StatusCode::kPermissionDenied, std::string(message)};
}

std::string NormalizeEmail(std::string_view email) {
  while (!email.empty() && IsSpace(email.front())) email.remove_prefix(1);
  while (!email.empty() && IsSpace(email.back())) email.remove_suffix(1);
  std::string out(email);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

bool LooksLikeEmail(std::string_view email) {
  const auto at = email.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
         email.find('@', at + 1) == std::string_view::npos && email.size() <= 254 &&
         std::none_of(email.begin(), email.end(), IsSpace);
}

Status CheckPasswordField(const AccountPolicy& policy, const std::string& password,
                          const std::string& field) {
  const size_t length = CharacterCount(password);
  if (length < policy.min_password_length) {
    return Status::InvalidFields(
        {{field, "at least " + std::to_string(policy.min_password_length) + " characters"}});
  }
  if (password.size() > policy.max_password_length) {
    return Status::InvalidFields(
        {{field, "at most " + std::to_string(policy.max_password_length) + " bytes"}});
  }
  return Status::Ok();
}

Actor ActorOf(const Account& account) {
  return Actor{account.clinic_id, account.staff_id, Code(account.role)};
}

Principal PrincipalOf(const Account& account, Principal::Kind kind) {
  Principal principal;
  principal.actor = ActorOf(account);
  principal.account_id = account.id;
  principal.full_name = account.full_name;
  principal.admin = account.admin;
  principal.kind = kind;
  principal.time_zone = account.time_zone;
  return principal;
}

Result<SignedIn> OpenSession(AccountRepository& accounts, const TokenSource& tokens,
                             const AccountPolicy& policy, const Account& account,
                             std::int64_t now) {
  SignedIn out;
  out.session_token = tokens.NewToken();
  out.csrf_token = tokens.NewToken();
  out.expires_at = now + policy.absolute_timeout_seconds;
  const std::string digest = tokens.Digest(out.session_token);
  CORIUM_RETURN_IF_ERROR(accounts.InsertSession(digest, account.clinic_id, account.id,
                                                out.csrf_token, now, out.expires_at));
  out.principal = PrincipalOf(account, Principal::Kind::kSession);
  out.principal.csrf_token = out.csrf_token;
  out.principal.session_digest = digest;
  return out;
}

}  // namespace corium::app::accounts_internal
