#include "corium/app/aftercare.h"

#include <nlohmann/json.hpp>

namespace corium::app {

bool IntakeListsCurrentMedication(const std::string& intake_json, const std::set<Code>& codes) {
  const auto intake = nlohmann::json::parse(intake_json, nullptr, /*allow_exceptions=*/false);
  if (!intake.is_object() || !intake.contains("medications") || !intake["medications"].is_array()) {
    return false;
  }
  for (const nlohmann::json& medication : intake["medications"]) {
    if (!medication.is_object() || !medication.contains("code") ||
        !medication["code"].is_string()) {
      continue;
    }
    const bool current = !medication.contains("current") || medication["current"] != false;
    if (current && codes.count(Code(medication["code"].get<std::string>())) != 0) return true;
  }
  return false;
}

Result<AftercareView> AftercareReads::Read(const Actor& actor, const kb::KnowledgeBase& kb,
                                           Id session_id) {
  AftercareView view;
  SessionView session;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(session, charts_.Session(actor.clinic_id, session_id));
    CORIUM_ASSIGN_OR_RETURN(view.parties, parties_.Parties(actor.clinic_id, session_id));
    return audit_.Append(EntryFor(actor, clock_.NowSeconds(), "read", "session", session.id,
                                  session.client_id, "aftercare"));
  });
  if (!done.ok()) return done;
  view.session_id = session.id;
  view.session_date = session.performed_on;
  engine::AftercareFacts facts;
  facts.session_date = session.performed_on;
  for (const ChartedZone& zone : session.zones) {
    facts.zones.push_back(zone.zone);
    if (!facts.deepest || zone.depth > *facts.deepest) facts.deepest = zone.depth;
  }
  facts.blood_thinner =
      view.parties.latest_intake_json &&
      IntakeListsCurrentMedication(*view.parties.latest_intake_json, kb.aftercare.blood_thinners);
  view.deepest = facts.deepest;
  view.sheet = engine::BuildAftercareSheet(facts, kb);
  return view;
}

}  // namespace corium::app
