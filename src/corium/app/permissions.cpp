#include "corium/app/permissions.h"

namespace corium::app {

bool IsPrescriber(const kb::KnowledgeBase& kb, const Actor& actor) {
  return kb.vocabulary.prescriber_roles.count(actor.role) != 0;
}

Status RequirePrescriber(const kb::KnowledgeBase& kb, const Actor& actor,
                         const std::string& action) {
  if (IsPrescriber(kb, actor)) return Status::Ok();
  return {StatusCode::kPermissionDenied,
          action + " needs a prescriber (physician, nurse practitioner or physician assistant); "
                   "role is " + actor.role.str()};
}

bool IsBlank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

Status RequireText(const std::string& field, const std::string& text) {
  if (IsBlank(text)) {
    return Status::InvalidFields({{field, "required"}});
  }
  return Status::Ok();
}

}  // namespace corium::app
