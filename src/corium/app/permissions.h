// Who may do what in the clinical workflow, from the knowledge base's vocabulary (which roles are
// prescribers) rather than from lists in code. The HTTP layer's role matrix builds on these.
#pragma once

#include <string>

#include "corium/app/actor.h"
#include "corium/base/status.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

bool IsPrescriber(const kb::KnowledgeBase& kb, const Actor& actor);

// kPermissionDenied naming the action unless the actor is a prescriber (physician, nurse
// practitioner, physician assistant): overrides, clearances, depths beyond a screening's caps.
Status RequirePrescriber(const kb::KnowledgeBase& kb, const Actor& actor,
                         const std::string& action);

// True when `text` is empty or only whitespace.
bool IsBlank(const std::string& text);

// kInvalidArgument naming `field` when `text` is empty or only spaces (a reason, a description).
Status RequireText(const std::string& field, const std::string& text);

}  // namespace corium::app
