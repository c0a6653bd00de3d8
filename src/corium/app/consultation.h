// The consultation use cases: register staff and clients, record a client's history, screen it
// (the stored screening), override a screening, and read a client's chart. Each runs in one
// UnitOfWork with its audit entry inside it, so a refusal leaves the database and the audit log
// exactly as they were. Not thread-safe: the ports wrap one connection; use one set per thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corium/app/actor.h"
#include "corium/app/audit_log.h"
#include "corium/app/clients.h"
#include "corium/app/clock.h"
#include "corium/app/unit_of_work.h"
#include "corium/base/result.h"
#include "corium/domain/intake.h"
#include "corium/kb/knowledge_base.h"

namespace corium::app {

// What the consultation use cases work through; all owned by the caller.
struct ConsultationPorts {
  UnitOfWork& work;
  AuditLog& audit;
  const Clock& clock;
  const kb::KnowledgeBase& kb;
  StaffRepository& staff;
  ClientRepository& clients;
  ScreeningRepository& screenings;
};

// The actor's own staff record, read from the database rather than taken from what the caller
// claims, so a role or clinic that changed since sign-in cannot be used: kPermissionDenied when the
// actor is not, or no longer, active staff of the clinic. Call inside the use case's UnitOfWork.
Result<StaffMember> ActingStaff(const ConsultationPorts& ports, const Actor& actor);

// Administrative seeding (`corium demo`, `corium user add`, an admin endpoint): who may call it is
// the adapter's role matrix. An actor with staff_id 0 is the system itself (the first member of a
// new clinic). The role must be a clinic role of the vocabulary; the email unique in the clinic
// (kAlreadyExists); a supervising physician a prescriber of the same clinic.
Result<StaffMember> RegisterStaff(const ConsultationPorts& ports, const Actor& actor,
                                  const StaffDraft& draft);

// Names required, birth_date not after today, fitzpatrick 1–6 when given.
Result<Client> RegisterClient(const ConsultationPorts& ports, const Actor& actor,
                              const ClientDraft& draft);

// `read_version` is the version the caller read (HTTP If-Match); a stale one is kConflict.
Result<Client> UpdateClient(const ConsultationPorts& ports, const Actor& actor, Id client_id,
                            std::int64_t read_version, const ClientDraft& draft);

// `history_json`: an object with the contract intake's fields client, conditions, medications,
// allergies and procedures (client.birth_date must match the client's record). Validated by the
// engine's intake parser, so an unknown code or field is refused with its path; stored as the
// client's next revision.
Result<IntakeRecord> RecordIntake(const ConsultationPorts& ports, const Actor& actor, Id client_id,
                                  const std::string& history_json);

// Screens the client's latest intake revision for `requests`, as of the clinic's today, with the
// acting staff member as practitioner and `device` as stated by the caller; stores and returns the
// screening with the full intake judged, the decision and the knowledge base digest.
Result<Screening> Consult(const ConsultationPorts& ports, const Actor& actor, Id client_id,
                          const std::vector<corium::TreatmentRequest>& requests,
                          const std::optional<corium::Device>& device);

// Prescribers only, with a reason; stored beside the (immutable) screening.
Result<ScreeningOverride> OverrideScreening(const ConsultationPorts& ports, const Actor& actor,
                                            Id screening_id, const std::string& reason);

struct ClientChart {
  Client client;
  std::vector<IntakeRecord> intakes;  // oldest first
  std::vector<Screening> screenings;  // oldest first, each with its overrides
};

// Reading a chart is itself recorded: one "read" audit entry per call.
Result<ClientChart> ReadClientChart(const ConsultationPorts& ports, const Actor& actor,
                                    Id client_id);

}  // namespace corium::app
