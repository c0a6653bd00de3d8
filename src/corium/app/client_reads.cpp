#include "corium/app/client_reads.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace corium::app {
namespace {

Status AppendRead(const ConsultationPorts& ports, const Actor& actor, std::string record_type,
                  std::optional<Id> record_id, Id client_id) {
  return ports.audit.Append(EntryFor(actor, ports.clock.NowSeconds(), "read",
                                     std::move(record_type), record_id, client_id));
}

// A client's intakes and screenings are few (a handful a year), so they are read whole and paged
// here rather than by the database.
template <typename T>
Listing<T> Slice(std::vector<T> all, const PageRequest& page) {
  Listing<T> sliced;
  sliced.total = static_cast<std::int64_t>(all.size());
  const auto begin = std::min<std::int64_t>(page.offset, sliced.total);
  const auto end = std::min<std::int64_t>(begin + page.limit, sliced.total);
  sliced.items.assign(std::make_move_iterator(all.begin() + begin),
                      std::make_move_iterator(all.begin() + end));
  return sliced;
}

std::string SearchDetail(const ClientQuery& query, std::int64_t matches) {
  std::string by;
  if (!query.name.empty()) by = "name";
  if (query.birth_date) by += by.empty() ? "birth_date" : ",birth_date";
  if (by.empty()) by = "none";
  return "by=" + by + " matches=" + std::to_string(matches);
}

}  // namespace

Result<Listing<Client>> SearchClients(const ConsultationPorts& ports, const Actor& actor,
                                      const ClientQuery& query, const PageRequest& page) {
  Listing<Client> found;
  const Status done = ports.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_ASSIGN_OR_RETURN(found, ports.clients.Search(actor.clinic_id, query, page));
    return ports.audit.Append(EntryFor(actor, ports.clock.NowSeconds(), "search", "client",
                                       std::nullopt, std::nullopt,
                                       SearchDetail(query, found.total)));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return found;
}

Result<Client> ReadClient(const ConsultationPorts& ports, const Actor& actor, Id client_id) {
  std::optional<Client> client;
  const Status done = ports.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_ASSIGN_OR_RETURN(client, ports.clients.Find(actor.clinic_id, client_id));
    return AppendRead(ports, actor, "client", client_id, client_id);
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *client;
}

Result<Listing<IntakeRecord>> ListIntakes(const ConsultationPorts& ports, const Actor& actor,
                                          Id client_id, const PageRequest& page) {
  Listing<IntakeRecord> found;
  const Status done = ports.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_RETURN_IF_ERROR(ports.clients.Find(actor.clinic_id, client_id).status());
    CORIUM_ASSIGN_OR_RETURN(auto intakes, ports.clients.Intakes(actor.clinic_id, client_id));
    found = Slice(std::move(intakes), page);
    return AppendRead(ports, actor, "intake", std::nullopt, client_id);
  });
  CORIUM_RETURN_IF_ERROR(done);
  return found;
}

Result<Listing<Screening>> ListScreenings(const ConsultationPorts& ports, const Actor& actor,
                                          Id client_id, const PageRequest& page) {
  Listing<Screening> found;
  const Status done = ports.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_RETURN_IF_ERROR(ports.clients.Find(actor.clinic_id, client_id).status());
    CORIUM_ASSIGN_OR_RETURN(auto screenings,
                            ports.screenings.ForClient(actor.clinic_id, client_id));
    found = Slice(std::move(screenings), page);
    return AppendRead(ports, actor, "screening", std::nullopt, client_id);
  });
  CORIUM_RETURN_IF_ERROR(done);
  return found;
}

Result<Screening> ReadScreening(const ConsultationPorts& ports, const Actor& actor,
                                Id screening_id) {
  std::optional<Screening> screening;
  const Status done = ports.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_ASSIGN_OR_RETURN(screening, ports.screenings.Find(actor.clinic_id, screening_id));
    return AppendRead(ports, actor, "screening", screening_id, screening->client_id);
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *screening;
}

Result<Listing<StaffMember>> ListStaff(const ConsultationPorts& ports, const Actor& actor,
                                       const PageRequest& page) {
  Listing<StaffMember> found;
  const Status done = ports.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_ASSIGN_OR_RETURN(found, ports.staff.List(actor.clinic_id, page));
    return Status::Ok();
  });
  CORIUM_RETURN_IF_ERROR(done);
  return found;
}

Result<StaffMember> ReadStaff(const ConsultationPorts& ports, const Actor& actor, Id staff_id) {
  std::optional<StaffMember> member;
  const Status done = ports.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_ASSIGN_OR_RETURN(member, ports.staff.Find(actor.clinic_id, staff_id));
    return Status::Ok();
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *member;
}

}  // namespace corium::app
