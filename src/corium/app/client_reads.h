// Reading the consultation records one at a time or by the page: client search, a client, the
// intake revisions and screenings of a client, one screening, and the clinic's staff. A read of
// a client's record appends its "read" (or "search") audit entry in the same transaction, so a
// look that leaves no trace cannot happen. Not thread-safe, like the ports beneath.
#pragma once

#include "corium/app/clients.h"
#include "corium/app/consultation.h"
#include "corium/base/result.h"

namespace corium::app {

// One "search" audit entry whose detail names the filters used and the number of matches, never
// their values: a name or a birth date typed into a search is client data.
Result<Listing<Client>> SearchClients(const ConsultationPorts& ports, const Actor& actor,
                                      const ClientQuery& query, const PageRequest& page);

Result<Client> ReadClient(const ConsultationPorts& ports, const Actor& actor, Id client_id);

// Oldest revision first.
Result<Listing<IntakeRecord>> ListIntakes(const ConsultationPorts& ports, const Actor& actor,
                                          Id client_id, const PageRequest& page);

// Oldest first, each with its overrides.
Result<Listing<Screening>> ListScreenings(const ConsultationPorts& ports, const Actor& actor,
                                          Id client_id, const PageRequest& page);

Result<Screening> ReadScreening(const ConsultationPorts& ports, const Actor& actor,
                                Id screening_id);

// Staff records are not client data: no audit entry. By name.
Result<Listing<StaffMember>> ListStaff(const ConsultationPorts& ports, const Actor& actor,
                                       const PageRequest& page);
Result<StaffMember> ReadStaff(const ConsultationPorts& ports, const Actor& actor, Id staff_id);

}  // namespace corium::app
