#include "corium/app/audit_reads.h"

#include <optional>
#include <string>

namespace corium::app {

Result<Listing<AuditRecord>> ReadAuditLog(const ConsultationPorts& ports, AuditTrail& trail,
                                          const Actor& actor, const AuditQuery& query,
                                          const PageRequest& page) {
  if (query.from && query.to && *query.to < *query.from) {
    return Status::InvalidFields({{"to", "is before from"}});
  }
  Listing<AuditRecord> found;
  const Status done = ports.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_ASSIGN_OR_RETURN(found, trail.Search(actor.clinic_id, query, page));
    // The entry names the client looked up only when it is one of this clinic's: another
    // clinic's id simply matches nothing, as an unknown id does.
    std::optional<Id> client_id;
    if (query.client_id) {
      const auto client = ports.clients.Find(actor.clinic_id, *query.client_id);
      if (client.ok()) {
        client_id = client->id;
      } else if (client.status().code() != StatusCode::kNotFound) {
        return client.status();
      }
    }
    // Appended after the search, so a reader's own look is not in the page it reads.
    return ports.audit.Append(EntryFor(actor, ports.clock.NowSeconds(), "read", "audit_log",
                                       std::nullopt, client_id,
                                       "matches=" + std::to_string(found.total)));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return found;
}

}  // namespace corium::app
