#include "corium/app/safety_reads.h"

#include <set>
#include <utility>

namespace corium::app {

Status SafetyReads::Audit(const Actor& actor, const std::string& record_type,
                          std::optional<Id> record_id, Id client_id, std::string detail) {
  return audit_.Append(EntryFor(actor, clock_.NowSeconds(), "read", record_type, record_id,
                                client_id, std::move(detail)));
}

Result<AdverseEventView> SafetyReads::AdverseEvent(const Actor& actor, Id event_id) {
  AdverseEventView event;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(event, records_.AdverseEvent(actor.clinic_id, event_id));
    return Audit(actor, "adverse_event", event.id, event.client_id);
  });
  if (!done.ok()) return done;
  return event;
}

Result<Listing<AdverseEventView>> SafetyReads::ClientAdverseEvents(const Actor& actor, Id client_id,
                                                                   EventState state,
                                                                   PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  Listing<AdverseEventView> events;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const bool known, records_.HasClient(actor.clinic_id, client_id));
    if (!known) return Status::NotFound("client not found");
    CORIUM_ASSIGN_OR_RETURN(events,
                            records_.AdverseEvents(actor.clinic_id, client_id, state, page));
    return Audit(actor, "adverse_event", std::nullopt, client_id, "list");
  });
  if (!done.ok()) return done;
  return events;
}

Result<Listing<AdverseEventView>> SafetyReads::ClinicAdverseEvents(const Actor& actor,
                                                                   EventState state,
                                                                   PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  Listing<AdverseEventView> events;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(events,
                            records_.AdverseEvents(actor.clinic_id, std::nullopt, state, page));
    std::set<Id> audited;
    for (const AdverseEventView& event : events.items) {
      if (!audited.insert(event.client_id).second) continue;
      CORIUM_RETURN_IF_ERROR(
          Audit(actor, "adverse_event", std::nullopt, event.client_id, "clinic list"));
    }
    return Status::Ok();
  });
  if (!done.ok()) return done;
  return events;
}

Result<OutcomeAssessmentView> SafetyReads::Assessment(const Actor& actor, Id assessment_id) {
  OutcomeAssessmentView assessment;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(assessment, records_.Assessment(actor.clinic_id, assessment_id));
    return Audit(actor, "outcome_assessment", assessment.id, assessment.client_id);
  });
  if (!done.ok()) return done;
  return assessment;
}

Result<Listing<OutcomeAssessmentView>> SafetyReads::PlanAssessments(const Actor& actor, Id plan_id,
                                                                    PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  Listing<OutcomeAssessmentView> assessments;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const auto client_id, records_.PlanClient(actor.clinic_id, plan_id));
    if (!client_id) return Status::NotFound("plan not found");
    CORIUM_ASSIGN_OR_RETURN(assessments, records_.PlanAssessments(actor.clinic_id, plan_id, page));
    return Audit(actor, "outcome_assessment", std::nullopt, *client_id,
                 "plan " + std::to_string(plan_id));
  });
  if (!done.ok()) return done;
  return assessments;
}

}  // namespace corium::app
