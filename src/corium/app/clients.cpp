#include "corium/app/clients.h"

#include <algorithm>

#include "corium/app/access.h"
#include "corium/app/permissions.h"

namespace corium::app {
namespace {

// Deliberately loose: one '@' with text on both sides. Deliverability is the mail server's
// business; this only catches a name typed into the email field.
bool LooksLikeEmail(const std::string& text) {
  const auto at = text.find('@');
  return at != std::string::npos && at > 0 && at + 1 < text.size() &&
         text.find('@', at + 1) == std::string::npos &&
         std::none_of(text.begin(), text.end(), [](char c) { return c == ' '; });
}

}  // namespace

Status ValidateStaffDraft(const StaffDraft& draft, const kb::KnowledgeBase& kb) {
  std::vector<FieldError> errors;
  if (IsBlank(draft.full_name)) errors.push_back({"full_name", "required"});
  if (!LooksLikeEmail(draft.email)) errors.push_back({"email", "expected an email address"});
  if (draft.role.empty()) {
    errors.push_back({"role", "required"});
  } else if (IsNonClinicalRole(draft.role.str())) {
    // admin, front_desk, auditor: staff who hold an account but no clinical scope (app/access.h).
  } else if (!kb.vocabulary.Has("roles", draft.role)) {
    errors.push_back({"role", "unknown role \"" + draft.role.str() + "\""});
  } else {
    // home_user and its like are the role of a setting (treatment at home), never a clinic's staff.
    for (const auto& [setting, role] : kb.vocabulary.setting_default_role) {
      if (role == draft.role) {
        errors.push_back({"role", "role \"" + role.str() + "\" belongs to the " + setting.str() +
                                      " setting, not to clinic staff"});
      }
    }
  }
  if (errors.empty()) return Status::Ok();
  return Status::InvalidFields(std::move(errors));
}

Status ValidateClientDraft(const ClientDraft& draft, Date today) {
  std::vector<FieldError> errors;
  if (IsBlank(draft.given_name)) errors.push_back({"given_name", "required"});
  if (IsBlank(draft.family_name)) errors.push_back({"family_name", "required"});
  if (draft.birth_date > today) {
    errors.push_back({"birth_date", "date " + draft.birth_date.ToString() + " is in the future"});
  } else if (draft.birth_date.year() < 1900) {
    errors.push_back({"birth_date", "date " + draft.birth_date.ToString() + " is before 1900"});
  }
  if (!draft.email.empty() && !LooksLikeEmail(draft.email)) {
    errors.push_back({"email", "expected an email address"});
  }
  if (draft.fitzpatrick && (*draft.fitzpatrick < 1 || *draft.fitzpatrick > 6)) {
    errors.push_back({"fitzpatrick", "expected a whole number from 1 to 6"});
  }
  if (errors.empty()) return Status::Ok();
  return Status::InvalidFields(std::move(errors));
}

}  // namespace corium::app
