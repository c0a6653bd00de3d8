// The steps of a client's visit, shared by every story: registration with the intake, screening,
// plan with consent, and a charted, signed session.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "corium/cli/demo_story.h"

namespace corium::cli::demo {

Result<app::Id> DemoStory::NewClient(const app::Actor& by, const app::ClientDraft& draft,
                                     const std::string& history_json) {
  const std::string who = draft.given_name + " " + draft.family_name;
  CORIUM_ASSIGN_OR_RETURN(const app::Client client,
                          Step("registering " + who, app::RegisterClient(ports_, by, draft)));
  CORIUM_RETURN_IF_ERROR(Step("recording the intake of " + who,
                              app::RecordIntake(ports_, by, client.id, history_json).status()));
  return client.id;
}

Result<app::Screening> DemoStory::Screen(const app::Actor& by, app::Id client_id,
                                         const std::string& indication,
                                         const std::vector<std::string>& zones) {
  TreatmentRequest request{Code(indication), {}};
  for (const std::string& zone : zones) request.zones.push_back(Code(zone));
  // The pen as the practitioner states it: cleared, 2.5 mm, stainless steel cartridges.
  const corium::Device pen{Code("pen"), true, Mm(2.5), Code("stainless_steel")};
  return Step("screening client " + std::to_string(client_id) + " on " + clock_.Today().ToString(),
              app::Consult(ports_, by, client_id, {request}, pen));
}

Result<app::Id> DemoStory::PlanAndConsent(const app::Actor& by, const app::Screening& screening,
                                          const app::PlanRequest& plan, const std::string& signer) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id plan_id,
                          Step("planning for " + signer, charting_.CreatePlan(by, plan)));
  // The client signs the consent form the screening asked for: exactly its consent items.
  const nlohmann::json decision = nlohmann::json::parse(screening.decision_json);
  std::vector<std::string> items;
  for (const auto& item : decision.at("consent_items")) items.push_back(item.get<std::string>());
  const app::ConsentRequest consent{plan_id,
                                    items,
                                    "wasatch-consent-2026.1",
                                    "sha256:demo-consent-text-2026-1",
                                    "data:image/png;base64,ZGVtbyBzaWduYXR1cmU=",
                                    signer,
                                    false};
  CORIUM_RETURN_IF_ERROR(Step("consent of " + signer, charting_.SignConsent(by, consent).status()));
  return plan_id;
}

// Every demo session stops at even erythema, at the pen's mid speed.
app::TreatedZone DemoStory::Zone(const std::string& zone, double millimetres, int passes) {
  app::TreatedZone treated;
  treated.zone = Code(zone);
  treated.depth = Mm(millimetres);
  treated.passes = passes;
  treated.endpoint = Code("erythema");
  treated.speed = "level 6";
  return treated;
}

std::vector<app::ChecklistTick> DemoStory::Checklist(Anaesthetic anaesthetic) {
  std::vector<app::ChecklistTick> ticks;
  for (const char* step : {"cleanse", "anaesthetic", "antisepsis", "glide", "needling", "endpoint",
                           "calming", "sun_protection"}) {
    const bool skipped = std::string(step) == "anaesthetic" && anaesthetic == Anaesthetic::kNone;
    ticks.push_back({Code(step), skipped ? app::StepState::kNotUsed : app::StepState::kDone});
  }
  return ticks;
}

Result<app::Id> DemoStory::TreatAndSign(const app::Actor& by, app::Id plan_id,
                                        std::vector<app::TreatedZone> zones,
                                        const std::string& anaesthetic_area, std::string notes) {
  CORIUM_ASSIGN_OR_RETURN(const app::Id session_id,
                          Treat(by, plan_id, std::move(zones), anaesthetic_area, std::move(notes)));
  // A new draft is at version 1; signing locks it for good.
  CORIUM_RETURN_IF_ERROR(Step(
      "signing the session of plan " + std::to_string(plan_id) + " on " + clock_.Today().ToString(),
      charting_.SignSession(by, session_id, 1)));
  return session_id;
}

Result<app::Id> DemoStory::Treat(const app::Actor& by, app::Id plan_id,
                                 std::vector<app::TreatedZone> zones,
                                 const std::string& anaesthetic_area, std::string notes) {
  if (next_cartridge_ >= cartridges_.size()) return Status::Internal("demo ran out of cartridges");
  app::SessionChart chart;
  chart.plan_id = plan_id;
  chart.device_id = pen_;
  chart.cartridge_id = cartridges_[next_cartridge_++];
  chart.zones = std::move(zones);
  chart.products = {{glide_, Code("glide")}, {sunscreen_, Code("sun_protection")}};
  const Anaesthetic anaesthetic =
      anaesthetic_area.empty() ? Anaesthetic::kNone : Anaesthetic::kTopical;
  if (anaesthetic == Anaesthetic::kTopical) {
    chart.anaesthetic = app::AnaestheticUse{lidocaine_, "4%", anaesthetic_area, 30};
  }
  chart.checklist = Checklist(anaesthetic);
  chart.notes = std::move(notes);
  const std::string what =
      "session of plan " + std::to_string(plan_id) + " on " + clock_.Today().ToString();
  return Step(what, charting_.ChartSession(by, kb_, chart));
}

}  // namespace corium::cli::demo
