#include "corium/app/chart_reads.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

namespace corium::app {
namespace {

// Record types an amendment may correct (the amendments table's CHECK).
constexpr std::array<std::string_view, 4> kAmendableRecords = {"session", "consent", "screening",
                                                               "adverse_event"};

// The consent items a stored decision lists (contracts.md §1.2 "consent_items").
Result<std::vector<std::string>> ConsentItemsOf(const std::string& decision_json) {
  const auto decision = nlohmann::json::parse(decision_json, nullptr, /*allow_exceptions=*/false);
  if (!decision.is_object()) return Status::Internal("stored decision is not a JSON object");
  std::vector<std::string> items;
  const auto list = decision.find("consent_items");
  if (list == decision.end() || !list->is_array()) return items;
  for (const auto& item : *list) {
    if (item.is_string()) items.push_back(item.get<std::string>());
  }
  return items;
}

Status RequireClient(ChartReadRepository& records, Id clinic_id, Id client_id) {
  CORIUM_ASSIGN_OR_RETURN(const bool found, records.HasClient(clinic_id, client_id));
  return found ? Status::Ok() : Status::NotFound("client not found");
}

}  // namespace

Status ChartReads::Audit(const Actor& actor, const std::string& record_type,
                         std::optional<Id> record_id, Id client_id, std::string detail) {
  return audit_.Append(EntryFor(actor, clock_.NowSeconds(), "read", record_type, record_id,
                                client_id, std::move(detail)));
}

Result<PlanView> ChartReads::Plan(const Actor& actor, Id plan_id) {
  PlanView plan;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(plan, records_.Plan(actor.clinic_id, plan_id));
    return Audit(actor, "plan", plan.id, plan.client_id);
  });
  if (!done.ok()) return done;
  return plan;
}

Result<Listing<PlanView>> ChartReads::ClientPlans(const Actor& actor, Id client_id,
                                                  PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  Listing<PlanView> plans;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(RequireClient(records_, actor.clinic_id, client_id));
    CORIUM_ASSIGN_OR_RETURN(plans, records_.ClientPlans(actor.clinic_id, client_id, page));
    return Audit(actor, "plan", std::nullopt, client_id, "list");
  });
  if (!done.ok()) return done;
  return plans;
}

Result<ConsentItemsView> ChartReads::ConsentItems(const Actor& actor, const kb::KnowledgeBase& kb,
                                                  Id plan_id) {
  ConsentItemsView view;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const PlanView plan, records_.Plan(actor.clinic_id, plan_id));
    CORIUM_ASSIGN_OR_RETURN(const std::string decision,
                            records_.ScreeningDecision(actor.clinic_id, plan.screening_id));
    CORIUM_ASSIGN_OR_RETURN(view.items, ConsentItemsOf(decision));
    view.plan_id = plan.id;
    view.client_id = plan.client_id;
    view.screening_id = plan.screening_id;
    return Audit(actor, "plan", plan.id, plan.client_id, "consent items");
  });
  if (!done.ok()) return done;
  // The texts are those of the knowledge base in use now, which SignConsent records by the same
  // version and digest; its digest covers consent.yaml byte for byte.
  view.text_version = kb.version;
  view.text_digest = kb.digest;
  for (const std::string& id : view.items) {
    const kb::ConsentItem* item = kb.FindConsentItem(id);
    if (item == nullptr) {
      return Status::Internal("consent item " + id + " is not in the knowledge base in use");
    }
    view.texts.push_back(*item);
  }
  return view;
}

Result<ConsentView> ChartReads::Consent(const Actor& actor, Id consent_id) {
  ConsentView consent;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(consent, records_.Consent(actor.clinic_id, consent_id));
    return Audit(actor, "consent", consent.id, consent.client_id);
  });
  if (!done.ok()) return done;
  return consent;
}

Result<SessionView> ChartReads::Session(const Actor& actor, Id session_id) {
  SessionView session;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(session, records_.Session(actor.clinic_id, session_id));
    return Audit(actor, "session", session.id, session.client_id);
  });
  if (!done.ok()) return done;
  return session;
}

Result<Listing<SessionSummary>> ChartReads::ClientSessions(const Actor& actor, Id client_id,
                                                           PageRequest page) {
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  Listing<SessionSummary> sessions;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_RETURN_IF_ERROR(RequireClient(records_, actor.clinic_id, client_id));
    CORIUM_ASSIGN_OR_RETURN(sessions, records_.ClientSessions(actor.clinic_id, client_id, page));
    return Audit(actor, "session", std::nullopt, client_id, "list");
  });
  if (!done.ok()) return done;
  return sessions;
}

Result<AmendmentView> ChartReads::Amendment(const Actor& actor, Id amendment_id) {
  AmendmentView amendment;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(amendment, records_.Amendment(actor.clinic_id, amendment_id));
    CORIUM_ASSIGN_OR_RETURN(
        const Id client_id,
        records_.ClientOfRecord(actor.clinic_id, amendment.record_type, amendment.record_id));
    return Audit(actor, "amendment", amendment.id, client_id);
  });
  if (!done.ok()) return done;
  return amendment;
}

Result<Listing<AmendmentView>> ChartReads::Amendments(const Actor& actor,
                                                      const std::string& record_type, Id record_id,
                                                      PageRequest page) {
  if (std::find(kAmendableRecords.begin(), kAmendableRecords.end(), record_type) ==
      kAmendableRecords.end()) {
    return Status::InvalidFields(
        {{"record_type", "must be session, consent, screening or adverse_event"}});
  }
  CORIUM_RETURN_IF_ERROR(CheckPage(page));
  Listing<AmendmentView> amendments;
  const Status done = work_.Read([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const Id client_id,
                            records_.ClientOfRecord(actor.clinic_id, record_type, record_id));
    CORIUM_ASSIGN_OR_RETURN(amendments,
                            records_.Amendments(actor.clinic_id, record_type, record_id, page));
    return Audit(actor, "amendment", std::nullopt, client_id,
                 "amendments of " + record_type + " " + std::to_string(record_id));
  });
  if (!done.ok()) return done;
  return amendments;
}

}  // namespace corium::app
