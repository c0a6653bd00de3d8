#include "corium/app/charting.h"

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

#include "corium/app/permissions.h"
#include "corium/app/stored_decision.h"
#include "corium/engine/json_writer.h"

namespace corium::app {
namespace {

using nlohmann::json;

// The checklist's steps (TP-06), the steps whose products must be sterile (TP-01) and the
// anaesthetic's contact time (TP-03) are clinical protocol and come from the knowledge base. The
// limits below are not: they are the database schema's CHECK constraints
// (migrations/*/0001_records.sql), repeated here so that a bad value is refused with a field-level
// message instead of a constraint error.
constexpr int kMinPasses = 1;
constexpr int kMaxPasses = 20;
constexpr int kMinSessions = 1;
constexpr int kMaxSessions = 24;
constexpr int kMinIntervalDays = 7;
constexpr int kMaxIntervalDays = 365;
// Record types an amendment may correct (the amendments table's CHECK).
constexpr std::array<std::string_view, 4> kAmendableRecords = {"session", "consent", "screening",
                                                               "adverse_event"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string Indexed(const std::string& list, size_t index, const std::string& field) {
  return list + "[" + std::to_string(index) + "]." + field;
}

void RequireField(std::vector<FieldError>& errors, const std::string& path,
                  const std::string& text) {
  if (IsBlank(text)) errors.push_back({path, "required"});
}

bool Proceeds(const ScreeningRecord& screening) {
  return screening.decision == "proceed" || screening.decision == "proceed_with_caution";
}

// Decline, refer and defer stop the workflow unless a prescriber overrode the screening.
Status RequireProceedable(const ScreeningRecord& screening, bool overridden,
                          const std::string& path) {
  if (Proceeds(screening) || overridden) return Status::Ok();
  return Status::InvalidFields(
      {{path, "screening " + std::to_string(screening.id) + " decided " + screening.decision +
                  " and no prescriber has overridden it"}});
}

std::optional<DecidedZone> Find(const DecidedZones& zones, const Code& zone) {
  const auto found = zones.find(zone);
  if (found == zones.end()) return std::nullopt;
  return found->second;
}

// The depth a decided zone allows, or a message saying why it allows none.
std::optional<std::string> RefusalOf(const std::optional<DecidedZone>& decided,
                                     const Code& indication) {
  if (!decided) return "not screened for " + indication.str();
  if (decided->status != "ok") return "the screening found this zone " + decided->status;
  if (!decided->max) return "the screening leaves no depth for this zone";
  return std::nullopt;
}

Status CheckPlanShape(const PlanRequest& request) {
  std::vector<FieldError> errors;
  if (request.sessions < kMinSessions || request.sessions > kMaxSessions) {
    errors.push_back({"sessions", "must be between 1 and 24"});
  }
  if (request.interval_days < kMinIntervalDays || request.interval_days > kMaxIntervalDays) {
    errors.push_back({"interval_days", "must be between 7 and 365"});
  }
  if (request.zones.empty()) errors.push_back({"zones", "at least one zone is required"});
  std::set<Code> seen;
  for (size_t i = 0; i < request.zones.size(); ++i) {
    if (!seen.insert(request.zones[i].zone).second) {
      errors.push_back({Indexed("zones", i, "zone"), "listed twice"});
    }
    if (request.zones[i].min > request.zones[i].max) {
      errors.push_back({Indexed("zones", i, "min"), "is above max"});
    }
  }
  return errors.empty() ? Status::Ok() : Status::InvalidFields(std::move(errors));
}

// {"step": "done" | "not_used"} with the steps in code order, as a JSON object tree would write
// them. Called once the checklist has passed CheckChecklist, so every step is one the knowledge
// base spells, listed once.
std::string ChecklistJson(const std::vector<ChecklistTick>& checklist) {
  std::vector<const ChecklistTick*> ticks;
  ticks.reserve(checklist.size());
  for (const ChecklistTick& tick : checklist) ticks.push_back(&tick);
  std::sort(ticks.begin(), ticks.end(), [](const ChecklistTick* a, const ChecklistTick* b) {
    return a->step.str() < b->step.str();
  });
  engine::JsonWriter out;
  out.BeginObject();
  for (const ChecklistTick* tick : ticks) {
    out.Key(tick->step.str()).String(tick->state == StepState::kDone ? "done" : "not_used");
  }
  return out.EndObject().Take();
}

// The session policies of the knowledge base (TP-06, TP-01, TP-03).
struct SessionPolicies {
  const kb::ChecklistPolicy& checklist;
  const kb::ProductPolicy& products;
  const kb::AnaestheticPolicy& anaesthetic;
};

// A loaded knowledge base always carries them; a missing one must stop charting rather than leave
// the checklist with no step to insist on.
Result<SessionPolicies> SessionPoliciesOf(const kb::KnowledgeBase& kb) {
  const kb::ChecklistPolicy* checklist = kb.Checklist();
  const kb::ProductPolicy* products = kb.Products();
  const kb::AnaestheticPolicy* anaesthetic = kb.Anaesthetic();
  if (checklist == nullptr || products == nullptr || anaesthetic == nullptr) {
    return Status::Internal("the knowledge base lacks a session policy (TP-06, TP-01, TP-03)");
  }
  return SessionPolicies{*checklist, *products, *anaesthetic};
}

// TP-06: every step of the knowledge base's checklist ticked; only a step it lets skip may be
// "not used", and the anaesthetic step's tick must agree with whether anaesthetic details were
// given (TP-03).
void CheckChecklist(const SessionPolicies& policies, const SessionChart& chart,
                    std::vector<FieldError>& errors) {
  std::map<Code, StepState> ticks;
  for (size_t i = 0; i < chart.checklist.size(); ++i) {
    const ChecklistTick& tick = chart.checklist[i];
    const kb::ChecklistStep* step = policies.checklist.Find(tick.step);
    if (step == nullptr) {
      errors.push_back({Indexed("checklist", i, "step"), "unknown protocol step"});
    } else if (!ticks.emplace(tick.step, tick.state).second) {
      errors.push_back({Indexed("checklist", i, "step"), "listed twice"});
    } else if (tick.state == StepState::kNotUsed && !step->may_skip) {
      errors.push_back({Indexed("checklist", i, "state"), "this step cannot be skipped"});
    }
  }
  for (const kb::ChecklistStep& step : policies.checklist.steps) {
    if (ticks.count(step.step) == 0) {
      errors.push_back({"checklist", "step " + step.step.str() + " is not ticked (TP-06)"});
    }
  }
  const auto anaesthetic = ticks.find(policies.anaesthetic.step);
  if (anaesthetic != ticks.end()) {
    const bool used = anaesthetic->second == StepState::kDone;
    if (used && !chart.anaesthetic) {
      errors.push_back({"anaesthetic", "required when the anaesthetic step is ticked as done"});
    } else if (!used && chart.anaesthetic) {
      errors.push_back({"anaesthetic", "given while the checklist says not used"});
    }
  }
}

}  // namespace

Status Charting::Audit(const Actor& actor, const std::string& action,
                       const std::string& record_type, Id record_id, Id client_id,
                       std::string detail) {
  return audit_.Append(EntryFor(actor, clock_.NowSeconds(), action, record_type, record_id,
                                client_id, std::move(detail)));
}

Result<Id> Charting::CreatePlan(const Actor& actor, const PlanRequest& request) {
  Id plan_id = 0;
  const Status status = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const ScreeningRecord screening,
                            charts_.FindScreening(actor.clinic_id, request.screening_id));
    bool overridden = false;
    if (!Proceeds(screening)) {
      CORIUM_ASSIGN_OR_RETURN(overridden,
                              charts_.HasScreeningOverride(actor.clinic_id, screening.id));
    }
    CORIUM_RETURN_IF_ERROR(RequireProceedable(screening, overridden, "screening_id"));
    CORIUM_RETURN_IF_ERROR(CheckPlanShape(request));
    CORIUM_ASSIGN_OR_RETURN(const DecidedZones decided_zones,
                            DecidedZonesFor(screening.decision_json, request.indication));

    NewPlan plan{actor.clinic_id,    screening.client_id, screening.id,
                 request.indication, request.sessions,    request.interval_days,
                 actor.staff_id,     clock_.NowSeconds(), {}};
    std::vector<FieldError> errors;
    for (size_t i = 0; i < request.zones.size(); ++i) {
      const PlannedZone& zone = request.zones[i];
      const std::optional<DecidedZone> decided = Find(decided_zones, zone.zone);
      if (const auto refusal = RefusalOf(decided, request.indication)) {
        errors.push_back({Indexed("zones", i, "zone"), *refusal});
        continue;
      }
      if (zone.max > *decided->max) {
        errors.push_back({Indexed("zones", i, "max"),
                          "above the screening's cap of " + decided->max->ToString() + " mm"});
        continue;
      }
      plan.zones.push_back({zone.zone, zone.min, zone.max, *decided->max});
    }
    if (!errors.empty()) return Status::InvalidFields(std::move(errors));

    CORIUM_ASSIGN_OR_RETURN(plan_id, charts_.InsertPlan(plan));
    return Audit(actor, "create", "plan", plan_id, screening.client_id);
  });
  if (!status.ok()) return status;
  return plan_id;
}

Result<Id> Charting::SignConsent(const Actor& actor, const ConsentRequest& request) {
  Id consent_id = 0;
  const Status status = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const PlanRecord plan,
                            charts_.FindPlan(actor.clinic_id, request.plan_id));
    CORIUM_ASSIGN_OR_RETURN(const ScreeningRecord screening,
                            charts_.FindScreening(actor.clinic_id, plan.screening_id));
    CORIUM_ASSIGN_OR_RETURN(const auto required, ConsentItemsOf(screening.decision_json));

    std::vector<FieldError> errors;
    const std::set<std::string> given(request.items.begin(), request.items.end());
    std::string missing;
    for (const std::string& item : required) {
      if (given.count(item) == 0) missing += (missing.empty() ? "" : ", ") + item;
    }
    if (!missing.empty()) errors.push_back({"items", "missing consent items: " + missing});
    RequireField(errors, "text_version", request.text_version);
    RequireField(errors, "text_digest", request.text_digest);
    RequireField(errors, "signature", request.signature);
    RequireField(errors, "signer_name", request.signer_name);
    if (!errors.empty()) return Status::InvalidFields(std::move(errors));

    const NewConsent consent{actor.clinic_id,      plan.client_id,      plan.id,
                             request.text_version, request.text_digest, json(given).dump(),
                             request.signature,    request.signer_name, request.photo_consent,
                             actor.staff_id,       clock_.NowSeconds()};
    CORIUM_ASSIGN_OR_RETURN(consent_id, charts_.InsertConsent(consent));
    return Audit(actor, "sign", "consent", consent_id, plan.client_id);
  });
  if (!status.ok()) return status;
  return consent_id;
}

Result<SessionContent> Charting::CheckSession(const Actor& actor, const kb::KnowledgeBase& kb,
                                              const SessionContext& context,
                                              const SessionChart& chart) {
  CORIUM_ASSIGN_OR_RETURN(const SessionPolicies policies, SessionPoliciesOf(kb));
  const Date today = clock_.Today();
  const PlanRecord& plan = context.plan;
  if (plan.status != "active") {
    return Status::InvalidFields({{"plan_id", "the plan is " + plan.status}});
  }

  // Day-of re-check (brief §5 row 6): today's screening, on the latest intake, with this
  // knowledge base; anything older may miss a new contraindication.
  const std::optional<ScreeningRecord>& screening = context.screening;
  if (!screening) {
    return Status::InvalidFields(
        {{"screening", "no screening of this client for " + today.ToString() +
                           ": re-screen on the day of the session"}});
  }
  if (!context.latest_intake_id || *context.latest_intake_id != screening->intake_id) {
    return Status::InvalidFields(
        {{"screening", "today's screening judged an earlier intake: re-screen the latest one"}});
  }
  if (screening->kb_digest != kb.digest) {
    return Status::InvalidFields(
        {{"screening",
          "today's screening used another knowledge base: re-screen with " + kb.digest}});
  }
  CORIUM_RETURN_IF_ERROR(RequireProceedable(*screening, context.screening_overridden, "screening"));

  if (!context.consent_id) {
    return Status::InvalidFields(
        {{"consent", "no signed consent for plan " + std::to_string(plan.id)}});
  }

  std::vector<FieldError> errors;
  // EX-12: a sealed, unexpired, single-use cartridge (reuse is refused by the database).
  CORIUM_ASSIGN_OR_RETURN(const CartridgeRecord cartridge,
                          charts_.FindCartridge(actor.clinic_id, chart.cartridge_id));
  if (cartridge.expires_on < today) {
    errors.push_back({"cartridge_id", "lot " + cartridge.lot_number + " expired on " +
                                          cartridge.expires_on.ToString()});
  }
  CORIUM_ASSIGN_OR_RETURN(const DeviceRecord device,
                          charts_.FindDevice(actor.clinic_id, chart.device_id));
  if (!device.active) errors.push_back({"device_id", "the device is not in service"});

  SessionContent content{*context.consent_id,
                         screening->id,
                         actor.staff_id,
                         device.id,
                         cartridge.id,
                         today,
                         {},
                         "{}",
                         chart.notes,
                         {},
                         {}};

  // Today's screening may have lowered a cap since planning (a new condition).
  CORIUM_ASSIGN_OR_RETURN(const DecidedZones today_zones,
                          DecidedZonesFor(screening->decision_json, plan.indication));
  if (chart.zones.empty()) errors.push_back({"zones", "at least one zone is required"});
  std::set<Code> seen;
  for (size_t i = 0; i < chart.zones.size(); ++i) {
    const TreatedZone& zone = chart.zones[i];
    const auto planned = std::find_if(plan.zones.begin(), plan.zones.end(),
                                      [&](const PlanZoneRecord& p) { return p.zone == zone.zone; });
    if (planned == plan.zones.end()) {
      errors.push_back({Indexed("zones", i, "zone"), "not in the plan"});
      continue;
    }
    if (!seen.insert(zone.zone).second) {
      errors.push_back({Indexed("zones", i, "zone"), "listed twice"});
      continue;
    }
    const std::optional<DecidedZone> today_zone = Find(today_zones, zone.zone);
    if (const auto refusal = RefusalOf(today_zone, plan.indication)) {
      errors.push_back({Indexed("zones", i, "zone"), "today: " + *refusal});
      continue;
    }
    const Depth cap = std::min(planned->cap_max, *today_zone->max);
    ChartedZone charted{zone.zone, zone.depth, zone.passes, zone.endpoint, zone.speed, {}, {}};
    if (zone.depth > device.max_depth) {
      errors.push_back({Indexed("zones", i, "depth"),
                        "beyond the device's maximum of " + device.max_depth.ToString() + " mm"});
    } else if (zone.depth > cap) {
      // Brief §5 row 11: only a prescriber may go past the cap, and says why.
      CORIUM_RETURN_IF_ERROR(RequirePrescriber(
          kb, actor, "a depth beyond the cap of " + cap.ToString() + " mm in " + zone.zone.str()));
      if (IsBlank(zone.override_reason)) {
        errors.push_back({Indexed("zones", i, "override_reason"),
                          "required for a depth beyond the cap of " + cap.ToString() + " mm"});
      } else {
        charted.override_by = actor.staff_id;
        charted.override_reason = zone.override_reason;
      }
    }
    if (zone.passes < kMinPasses || zone.passes > kMaxPasses) {
      errors.push_back({Indexed("zones", i, "passes"), "must be between 1 and 20"});
    }
    if (!kb.vocabulary.Has("endpoints", zone.endpoint)) {
      errors.push_back({Indexed("zones", i, "endpoint"), "unknown endpoint"});
    }
    // TP-08: a motorised device's speed is part of the record an outbreak review reads.
    if (kb.vocabulary.IsMotorised(device.kind) && IsBlank(zone.speed)) {
      errors.push_back({Indexed("zones", i, "speed"),
                        "required for a motorised device (" + device.kind.str() + ", TP-08)"});
    }
    content.zones.push_back(std::move(charted));
  }

  for (size_t i = 0; i < chart.products.size(); ++i) {
    const AppliedProduct& applied = chart.products[i];
    CORIUM_ASSIGN_OR_RETURN(const ProductRecord product,
                            charts_.FindProduct(actor.clinic_id, applied.product_id));
    if (product.expires_on < today) {
      errors.push_back({Indexed("products", i, "product_id"),
                        product.name + " lot " + product.lot_number + " has expired"});
    }
    if (policies.checklist.Find(applied.step) == nullptr) {
      errors.push_back({Indexed("products", i, "step"), "unknown protocol step"});
    } else if (policies.products.sterile_at_steps.count(applied.step) != 0 &&
               !(product.sterile && product.labelled_for_broken_skin)) {
      // TP-01: open channels carry whatever is on the skin into the dermis.
      errors.push_back({Indexed("products", i, "product_id"),
                        product.name + " is not sterile and labelled for broken skin (TP-01)"});
    }
    content.products.push_back(applied);
  }

  if (chart.anaesthetic) {
    const AnaestheticUse& use = *chart.anaesthetic;
    CORIUM_ASSIGN_OR_RETURN(const ProductRecord product,
                            charts_.FindProduct(actor.clinic_id, use.product_id));
    if (product.kind != "anaesthetic") {
      errors.push_back({"anaesthetic.product_id", "not an anaesthetic"});
    }
    if (product.expires_on < today) {
      errors.push_back({"anaesthetic.product_id", "lot " + product.lot_number + " has expired"});
    }
    RequireField(errors, "anaesthetic.strength", use.strength);
    RequireField(errors, "anaesthetic.area", use.area);
    const kb::AnaestheticPolicy& limits = policies.anaesthetic;
    if (use.contact_minutes < limits.min_contact_minutes ||
        use.contact_minutes > limits.max_contact_minutes) {
      errors.push_back({"anaesthetic.contact_minutes",
                        "must be between " + std::to_string(limits.min_contact_minutes) + " and " +
                            std::to_string(limits.max_contact_minutes) + " (TP-03)"});
    }
    content.anaesthetic_json =
        json{{"product_id", product.id},  {"product", product.name},
             {"lot", product.lot_number}, {"strength", use.strength},
             {"area", use.area},          {"contact_minutes", use.contact_minutes}}
            .dump();
    // Recorded as a product too, so that a recall of its lot finds this session.
    content.products.push_back({product.id, limits.step});
  }
  CheckChecklist(policies, chart, errors);

  if (!errors.empty()) return Status::InvalidFields(std::move(errors));
  content.checklist_json = ChecklistJson(chart.checklist);
  return content;
}

namespace {

// The UNIQUE sessions.cartridge_id constraint is the last word on single use (EX-12), in a race
// between processes too: a reuse clashes with a stored session (409 over HTTP), named by its field.
Status CartridgeReuseToField(const Status& status) {
  if (status.code() != StatusCode::kAlreadyExists) return status;
  return Status::AlreadyExistsAt({"cartridge_id", "already used for another session"});
}

Status RequireDraft(const SessionRecord& session) {
  if (session.status == "draft") return Status::Ok();
  return Status::InvalidFields(
      {{"session_id", "session " + std::to_string(session.id) +
                          " is signed and cannot change; amend it instead"}});
}

Status RequireVersion(const SessionRecord& session, std::int64_t version) {
  if (session.version == version) return Status::Ok();
  return Status::Conflict("session " + std::to_string(session.id) + " is at version " +
                          std::to_string(session.version) + ", not " + std::to_string(version));
}

}  // namespace

Result<Id> Charting::ChartSession(const Actor& actor, const kb::KnowledgeBase& kb,
                                  const SessionChart& chart) {
  Id session_id = 0;
  const Status status = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(
        const SessionContext context,
        charts_.FindSessionContext(actor.clinic_id, chart.plan_id, clock_.Today()));
    CORIUM_ASSIGN_OR_RETURN(const SessionContent content, CheckSession(actor, kb, context, chart));
    const PlanRecord& plan = context.plan;
    auto inserted = charts_.InsertSession(actor.clinic_id, plan.client_id, plan.id,
                                          clock_.NowSeconds(), content);
    if (!inserted.ok()) return CartridgeReuseToField(inserted.status());
    session_id = *inserted;
    return Audit(actor, "create", "session", session_id, plan.client_id);
  });
  if (!status.ok()) return status;
  return session_id;
}

Result<std::int64_t> Charting::UpdateDraftSession(const Actor& actor, const kb::KnowledgeBase& kb,
                                                  Id session_id, std::int64_t version,
                                                  const SessionChart& chart) {
  const Status status = work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const SessionRecord session,
                            charts_.FindSession(actor.clinic_id, session_id));
    CORIUM_RETURN_IF_ERROR(RequireDraft(session));
    CORIUM_RETURN_IF_ERROR(RequireVersion(session, version));
    if (chart.plan_id != session.plan_id) {
      return Status::InvalidFields({{"plan_id", "a session's plan does not change"}});
    }
    CORIUM_ASSIGN_OR_RETURN(
        const SessionContext context,
        charts_.FindSessionContext(actor.clinic_id, session.plan_id, clock_.Today()));
    CORIUM_ASSIGN_OR_RETURN(const SessionContent content, CheckSession(actor, kb, context, chart));
    CORIUM_RETURN_IF_ERROR(CartridgeReuseToField(
        charts_.UpdateDraftSession(actor.clinic_id, session.id, version, content)));
    return Audit(actor, "update", "session", session.id, session.client_id);
  });
  if (!status.ok()) return status;
  return version + 1;
}

Status Charting::SignSession(const Actor& actor, Id session_id, std::int64_t version) {
  return work_.Write([&]() -> Status {
    CORIUM_ASSIGN_OR_RETURN(const SessionRecord session,
                            charts_.FindSession(actor.clinic_id, session_id));
    CORIUM_RETURN_IF_ERROR(RequireDraft(session));
    CORIUM_RETURN_IF_ERROR(RequireVersion(session, version));
    CORIUM_RETURN_IF_ERROR(charts_.MarkSessionSigned(actor.clinic_id, session.id, version,
                                                     actor.staff_id, clock_.NowSeconds()));
    return Audit(actor, "sign", "session", session.id, session.client_id);
  });
}

Result<Id> Charting::AmendRecord(const Actor& actor, const AmendmentRequest& request) {
  Id amendment_id = 0;
  const Status status = work_.Write([&]() -> Status {
    std::vector<FieldError> errors;
    if (!Contains(kAmendableRecords, request.record_type)) {
      errors.push_back({"record_type", "must be session, consent, screening or adverse_event"});
    }
    RequireField(errors, "reason", request.reason);
    if (!json::parse(request.body_json, nullptr, /*allow_exceptions=*/false).is_object()) {
      errors.push_back({"body", "must be a JSON object"});
    }
    if (!errors.empty()) return Status::InvalidFields(std::move(errors));

    CORIUM_ASSIGN_OR_RETURN(
        const Id client_id,
        charts_.ClientOfRecord(actor.clinic_id, request.record_type, request.record_id));
    const NewAmendment amendment{actor.clinic_id,    request.record_type, request.record_id,
                                 request.reason,     request.body_json,   actor.staff_id,
                                 clock_.NowSeconds()};
    CORIUM_ASSIGN_OR_RETURN(amendment_id, charts_.InsertAmendment(amendment));
    return Audit(actor, "amend", "amendment", amendment_id, client_id,
                 "amends " + request.record_type + " " + std::to_string(request.record_id));
  });
  if (!status.ok()) return status;
  return amendment_id;
}

}  // namespace corium::app
