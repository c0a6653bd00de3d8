#include "corium/app/consultation.h"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>

#include "corium/app/permissions.h"
#include "corium/engine/decision_json.h"
#include "corium/engine/intake_parser.h"
#include "corium/engine/screening.h"

namespace corium::app {
namespace {

using nlohmann::json;

// The fields of the contract intake that describe the client rather than this consultation.
constexpr std::string_view kHistoryFields[] = {"client", "conditions", "medications", "allergies",
                                               "procedures"};

AuditEntry Entry(const ConsultationPorts& ports, const Actor& actor, std::string action,
                 std::string record_type, std::optional<Id> record_id, std::optional<Id> client_id,
                 std::string detail = "") {
  return EntryFor(actor, ports.clock.NowSeconds(), std::move(action), std::move(record_type),
                  record_id, client_id, std::move(detail));
}

Status ValidateSupervisor(const ConsultationPorts& ports, const Actor& actor,
                          const std::optional<Id>& supervisor_id) {
  if (!supervisor_id) return Status::Ok();
  auto supervisor = ports.staff.Find(actor.clinic_id, *supervisor_id);
  if (!supervisor.ok()) {
    if (supervisor.status().code() != StatusCode::kNotFound) return supervisor.status();
    return Status::InvalidFields(
        {{"supervising_physician_id", "no such staff member in this clinic"}});
  }
  if (!IsPrescriber(ports.kb, Actor{actor.clinic_id, supervisor->id, supervisor->details.role})) {
    return Status::InvalidFields({{"supervising_physician_id", "is not a prescriber"}});
  }
  return Status::Ok();
}

// Checks that a client's history is a contract intake's history fields and nothing else,
// returning the history as parsed JSON; errors carry the fields' paths.
Result<json> ParseHistoryShape(const std::string& history_json) {
  json history;
  try {
    history = json::parse(history_json);
  } catch (const json::exception&) {
    return Status::InvalidFields({{"(intake)", "not valid JSON"}});
  }
  if (!history.is_object()) return Status::InvalidFields({{"(intake)", "expected an object"}});
  std::vector<FieldError> errors;
  for (const auto& [key, value] : history.items()) {
    if (std::find(std::begin(kHistoryFields), std::end(kHistoryFields), key) ==
        std::end(kHistoryFields)) {
      errors.push_back({key,
                        "unknown field: a history holds client, conditions, medications, "
                        "allergies and procedures"});
    }
  }
  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  return history;
}

// The consultation half of an intake that is valid by construction (first indication, first zone,
// a prescriber in the clinic), so that validating a history with the engine's own parser can
// only fail on the history's fields.
std::string ValidationPreamble(const kb::KnowledgeBase& kb, Date today) {
  json preamble = json::object();
  preamble["as_of"] = today.ToString();
  preamble["setting"] = "clinic";
  if (!kb.indications.empty() && !kb.vocabulary.zone_order.empty()) {
    preamble["requests"] = json::array({{{"indication", kb.indications.front().indication.str()},
                                         {"zones", {kb.vocabulary.zone_order.front().str()}}}});
  }
  if (!kb.vocabulary.prescriber_roles.empty()) {
    preamble["practitioner"] = {{"role", kb.vocabulary.prescriber_roles.begin()->str()}};
  }
  return preamble.dump();
}

// Validates a history with engine::ParseIntake. The text goes to the parser as the caller wrote
// it (spliced into the preamble's object), so the parser's own checks, such as a field repeated
// in one object, see the caller's bytes and not a re-serialised copy.
Result<std::string> ValidateHistory(const std::string& history_json, const Client& client,
                                    const kb::KnowledgeBase& kb, Date today) {
  CORIUM_ASSIGN_OR_RETURN(const json history, ParseHistoryShape(history_json));
  const std::string preamble = ValidationPreamble(kb, today);
  const auto brace = history_json.find('{');  // an object, so its first token is '{'
  std::string full = preamble.substr(0, preamble.size() - 1);
  if (!history.empty()) full += ",";
  full += history_json.substr(brace + 1);
  CORIUM_ASSIGN_OR_RETURN(const Intake intake, engine::ParseIntake(full, kb, today));
  if (intake.client.birth_date != client.details.birth_date) {
    return Status::InvalidFields(
        {{"client.birth_date",
          "differs from the client's record (" + client.details.birth_date.ToString() + ")"}});
  }
  return history.dump();
}

// The full contract intake a consultation judges: the stored history plus today, the requests,
// the acting practitioner and the device.
std::string ConsultationIntake(const std::string& history_json, Date today,
                               const std::vector<corium::TreatmentRequest>& requests,
                               const StaffMember& practitioner,
                               const std::optional<corium::Device>& device) {
  json intake = json::parse(history_json);  // stored by RecordIntake, so valid
  intake["as_of"] = today.ToString();
  intake["setting"] = "clinic";
  json request_list = json::array();
  for (const corium::TreatmentRequest& request : requests) {
    json zones = json::array();
    for (const Code& zone : request.zones) zones.push_back(zone.str());
    request_list.push_back({{"indication", request.indication.str()}, {"zones", zones}});
  }
  intake["requests"] = request_list;
  json who = {{"role", practitioner.details.role.str()},
              {"supervised", practitioner.details.supervising_physician_id.has_value()}};
  if (!practitioner.details.jurisdiction.empty()) {
    who["jurisdiction"] = practitioner.details.jurisdiction;
  }
  intake["practitioner"] = who;
  if (device) {
    json stated = {{"kind", device->kind.str()}, {"cleared", device->cleared}};
    if (device->max_depth) stated["max_depth_mm"] = device->max_depth->millimetres();
    if (device->needle_material) stated["needle_material"] = device->needle_material->str();
    intake["device"] = stated;
  }
  return intake.dump();
}

}  // namespace

Result<StaffMember> ActingStaff(const ConsultationPorts& ports, const Actor& actor) {
  auto member = ports.staff.Find(actor.clinic_id, actor.staff_id);
  if (!member.ok()) {
    if (member.status().code() != StatusCode::kNotFound) return member.status();
    return Status(StatusCode::kPermissionDenied, "the actor is not on this clinic's staff");
  }
  if (!member->active) {
    return Status(StatusCode::kPermissionDenied, "the actor's staff record is inactive");
  }
  return member;
}

Result<StaffMember> RegisterStaff(const ConsultationPorts& ports, const Actor& actor,
                                  const StaffDraft& draft) {
  CORIUM_RETURN_IF_ERROR(ValidateStaffDraft(draft, ports.kb));
  std::optional<StaffMember> stored;
  const Status done = ports.work.Write([&]() -> Status {
    if (actor.staff_id != 0) CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_RETURN_IF_ERROR(ValidateSupervisor(ports, actor, draft.supervising_physician_id));
    CORIUM_ASSIGN_OR_RETURN(stored,
                            ports.staff.Insert(actor.clinic_id, draft, ports.clock.NowSeconds()));
    return ports.audit.Append(Entry(ports, actor, "create", "staff", stored->id, std::nullopt,
                                    "role=" + draft.role.str()));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *stored;
}

Result<Client> RegisterClient(const ConsultationPorts& ports, const Actor& actor,
                              const ClientDraft& draft) {
  CORIUM_RETURN_IF_ERROR(ValidateClientDraft(draft, ports.clock.Today()));
  std::optional<Client> stored;
  const Status done = ports.work.Write([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_ASSIGN_OR_RETURN(stored,
                            ports.clients.Insert(actor.clinic_id, draft, ports.clock.NowSeconds()));
    return ports.audit.Append(Entry(ports, actor, "create", "client", stored->id, stored->id));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *stored;
}

Result<Client> UpdateClient(const ConsultationPorts& ports, const Actor& actor, Id client_id,
                            std::int64_t read_version, const ClientDraft& draft) {
  CORIUM_RETURN_IF_ERROR(ValidateClientDraft(draft, ports.clock.Today()));
  std::optional<Client> stored;
  const Status done = ports.work.Write([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_ASSIGN_OR_RETURN(stored, ports.clients.Update(actor.clinic_id, client_id, read_version,
                                                         draft, ports.clock.NowSeconds()));
    return ports.audit.Append(Entry(ports, actor, "update", "client", client_id, client_id,
                                    "version=" + std::to_string(stored->version)));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *stored;
}

Result<IntakeRecord> RecordIntake(const ConsultationPorts& ports, const Actor& actor, Id client_id,
                                  const std::string& history_json) {
  std::optional<IntakeRecord> stored;
  const Status done = ports.work.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const StaffMember me, ActingStaff(ports, actor));
    CORIUM_ASSIGN_OR_RETURN(const Client client, ports.clients.Find(actor.clinic_id, client_id));
    CORIUM_ASSIGN_OR_RETURN(const std::string history,
                            ValidateHistory(history_json, client, ports.kb, ports.clock.Today()));
    CORIUM_ASSIGN_OR_RETURN(stored, ports.clients.AddIntake(actor.clinic_id, client_id, history,
                                                            me.id, ports.clock.NowSeconds()));
    return ports.audit.Append(Entry(ports, actor, "create", "intake", stored->id, client_id,
                                    "revision=" + std::to_string(stored->revision)));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *stored;
}

Result<Screening> Consult(const ConsultationPorts& ports, const Actor& actor, Id client_id,
                          const std::vector<corium::TreatmentRequest>& requests,
                          const std::optional<corium::Device>& device) {
  std::optional<Screening> stored;
  const Status done = ports.work.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const StaffMember me, ActingStaff(ports, actor));
    CORIUM_RETURN_IF_ERROR(ports.clients.Find(actor.clinic_id, client_id).status());
    auto latest = ports.clients.LatestIntake(actor.clinic_id, client_id);
    if (!latest.ok()) {
      if (latest.status().code() != StatusCode::kNotFound) return latest.status();
      return Status::InvalidFields({{"intake", "no intake recorded for this client yet"}});
    }
    const Date today = ports.clock.Today();
    const std::string judged = ConsultationIntake(latest->intake_json, today, requests, me, device);
    CORIUM_ASSIGN_OR_RETURN(const Intake intake, engine::ParseIntake(judged, ports.kb, today));
    const Decision decision = engine::Screen(intake, ports.kb);

    Screening screening;
    screening.client_id = client_id;
    screening.intake_id = latest->id;
    screening.as_of = today;
    screening.decision = decision.outcome;
    screening.earliest_date = decision.earliest_date;
    screening.intake_json = judged;
    screening.decision_json = engine::DecisionToJson(decision);
    screening.kb_version = decision.kb.version;
    screening.kb_digest = decision.kb.digest;
    screening.screened_by = me.id;
    screening.screened_at = ports.clock.NowSeconds();
    CORIUM_ASSIGN_OR_RETURN(stored, ports.screenings.Insert(actor.clinic_id, screening));
    return ports.audit.Append(Entry(ports, actor, "create", "screening", stored->id, client_id,
                                    "decision=" + std::string(OutcomeName(decision.outcome))));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *stored;
}

Result<ScreeningOverride> OverrideScreening(const ConsultationPorts& ports, const Actor& actor,
                                            Id screening_id, const std::string& reason) {
  std::optional<ScreeningOverride> stored;
  const Status done = ports.work.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const StaffMember me, ActingStaff(ports, actor));
    CORIUM_RETURN_IF_ERROR(RequirePrescriber(
        ports.kb, Actor{actor.clinic_id, me.id, me.details.role}, "overriding a screening"));
    CORIUM_RETURN_IF_ERROR(RequireText("reason", reason));
    CORIUM_ASSIGN_OR_RETURN(const Screening screening,
                            ports.screenings.Find(actor.clinic_id, screening_id));
    ScreeningOverride entry;
    entry.screening_id = screening.id;
    entry.prescriber_id = me.id;
    entry.reason = reason;
    entry.decided_at = ports.clock.NowSeconds();
    CORIUM_ASSIGN_OR_RETURN(stored, ports.screenings.AddOverride(actor.clinic_id, entry));
    return ports.audit.Append(
        Entry(ports, actor, "override", "screening", screening.id, screening.client_id));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return *stored;
}

Result<ClientChart> ReadClientChart(const ConsultationPorts& ports, const Actor& actor,
                                    Id client_id) {
  ClientChart chart;
  const Status done = ports.work.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(ActingStaff(ports, actor).status());
    CORIUM_ASSIGN_OR_RETURN(chart.client, ports.clients.Find(actor.clinic_id, client_id));
    CORIUM_ASSIGN_OR_RETURN(chart.intakes, ports.clients.Intakes(actor.clinic_id, client_id));
    CORIUM_ASSIGN_OR_RETURN(chart.screenings,
                            ports.screenings.ForClient(actor.clinic_id, client_id));
    return ports.audit.Append(Entry(ports, actor, "read", "client", client_id, client_id));
  });
  CORIUM_RETURN_IF_ERROR(done);
  return chart;
}

}  // namespace corium::app
