#include "corium/app/audit_log.h"

#include <utility>

namespace corium::app {

AuditEntry EntryFor(const Actor& actor, std::int64_t at, std::string action,
                    std::string record_type, std::optional<Id> record_id,
                    std::optional<Id> client_id, std::string detail) {
  AuditEntry entry;
  entry.clinic_id = actor.clinic_id;
  if (actor.staff_id != 0) entry.actor_id = actor.staff_id;
  entry.action = std::move(action);
  entry.record_type = std::move(record_type);
  entry.record_id = record_id;
  entry.client_id = client_id;
  entry.at = at;
  entry.detail = std::move(detail);
  return entry;
}

}  // namespace corium::app
