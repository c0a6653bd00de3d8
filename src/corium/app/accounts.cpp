// Accounts: staff accounts and what a principal may do (app/accounts.h). Sign-in and sessions
// are in accounts_sign_in.cpp, API tokens in accounts_tokens.cpp, first-run setup in
// accounts_setup.cpp.
#include "corium/app/accounts.h"

#include <algorithm>

#include "corium/app/accounts_support.h"

namespace corium::app {

using accounts_internal::CheckPasswordField;
using accounts_internal::NormalizeEmail;

Status CheckPassword(const AccountPolicy& policy, const std::string& password) {
  return CheckPasswordField(policy, password, "password");
}

bool Principal::Allows(Permission permission) const {
  if (!app::Allows(actor.role.str(), admin, permission)) return false;
  if (kind == Kind::kSession) return true;
  return std::find(scopes.begin(), scopes.end(), permission) != scopes.end();
}

Result<Account> Accounts::CreateAccount(const Actor& actor, Id staff_id,
                                        const std::string& password, bool admin) {
  CORIUM_RETURN_IF_ERROR(CheckPassword(policy_, password));
  // Hashing takes a while and a slot of the hasher: never inside the transaction.
  CORIUM_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(password));
  const std::int64_t now = clock_.NowSeconds();
  std::optional<Account> stored;
  const Status done = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const StaffMember member, staff_.Find(actor.clinic_id, staff_id));
    if (!member.active) {
      return Status::InvalidFields({{"staff_id", "the staff member is no longer active"}});
    }
    Account account;
    account.clinic_id = actor.clinic_id;
    account.staff_id = member.id;
    account.email = NormalizeEmail(member.details.email);
    account.role = member.details.role.str();
    account.full_name = member.details.full_name;
    account.admin = admin;
    account.password_hash = hash;
    CORIUM_ASSIGN_OR_RETURN(stored, accounts_.Insert(account, now));
    return audit_.Append(
        EntryFor(actor, now, "create", "account", stored->id, std::nullopt,
                 "staff_id=" + std::to_string(member.id) + " admin=" + (admin ? "true" : "false")));
  });
  CORIUM_RETURN_IF_ERROR(done);
  stored->password_hash.clear();
  return *stored;
}

Result<std::vector<Account>> Accounts::ListAccounts(const Actor& actor) {
  std::vector<Account> accounts;
  const Status read = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(accounts, accounts_.ForClinic(actor.clinic_id));
    return Status::Ok();
  });
  CORIUM_RETURN_IF_ERROR(read);
  for (Account& account : accounts) account.password_hash.clear();
  return accounts;
}

}  // namespace corium::app
