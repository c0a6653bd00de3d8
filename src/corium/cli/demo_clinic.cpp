#include "corium/cli/demo_clinic.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "corium/app/charting.h"
#include "corium/app/consultation.h"
#include "corium/app/inventory.h"
#include "corium/app/safety.h"
#include "corium/store/records/sql_charting.h"
#include "corium/store/records/sql_clients.h"
#include "corium/store/records/sql_inventory.h"
#include "corium/store/records/sql_safety.h"
#include "corium/store/records/sql_screenings.h"
#include "corium/store/records/sql_staff.h"
#include "corium/store/records/sql_unit_of_work.h"

namespace corium::cli {
namespace {

// A use case's refusal, prefixed with the demo step that met it: with fixed data, a refusal means
// the knowledge base decides differently than the story expects, and the step says where.
Status Step(const std::string& what, const Status& status) {
  if (status.ok()) return status;
  return {status.code(), what + ": " + status.ToString()};
}
template <typename T>
Result<T> Step(const std::string& what, Result<T> result) {
  if (result.ok()) return result;
  return Step(what, result.status());
}

enum class Anaesthetic { kNone, kTopical };

// The clinic's story from opening day to the demo's today, told through the use cases on one
// connection, with the clock moved to each scene's date.
class DemoStory {
 public:
  DemoStory(store::SqlConnection& db, const kb::KnowledgeBase& kb);
  Result<app::Id> Tell();

 private:
  static std::int64_t SecondsAt(Date day, int local_hour);
  static Date Day(unsigned month, unsigned day);
  static Depth Mm(double millimetres);
  static std::vector<app::ChecklistTick> Checklist(Anaesthetic anaesthetic);
  static app::TreatedZone Zone(const std::string& zone, double millimetres, int passes);
  void At(Date day, int local_hour);

  Status OpenClinic();
  Result<app::Actor> Hire(const app::Actor& by, const app::StaffDraft& draft);
  Status HireStaff();
  Status StockInventory();
  Result<app::Id> NewClient(const app::Actor& by, const app::ClientDraft& draft,
                            const std::string& history_json);
  Result<app::Screening> Screen(const app::Actor& by, app::Id client_id,
                                const std::string& indication,
                                const std::vector<std::string>& zones);
  Result<app::Id> PlanAndConsent(const app::Actor& by, const app::Screening& screening,
                                 const app::PlanRequest& plan, const std::string& signer);
  Result<app::Id> TreatAndSign(const app::Actor& by, app::Id plan_id,
                               std::vector<app::TreatedZone> zones,
                               const std::string& anaesthetic_area, std::string notes);

  // The clients, one story each, told in date order (below).
  Status ThreeWrinkleSessionsWithAnAmendment();
  Status AnticoagulantTreatedConservatively();
  Status PigmentationAfterAcneScarSession();
  Status ReferralOverriddenForATeenager();
  Status FollowUps();
  Status DeferralsOfTheLastWeek();

  store::SqlConnection& db_;
  const kb::KnowledgeBase& kb_;
  app::FixedClock clock_;
  store::SqlUnitOfWork work_;
  store::SqlAuditLog audit_;
  store::SqlStaffRepository staff_repository_;
  store::SqlClientRepository client_repository_;
  store::SqlScreeningRepository screening_repository_;
  store::SqlInventoryRepository inventory_repository_;
  store::SqlSafetyRepository safety_repository_;
  store::SqlChartRepository chart_repository_;
  app::ConsultationPorts ports_;
  app::Inventory inventory_;
  app::SafetyRecords safety_;
  app::Charting charting_;

  app::Id clinic_id_ = 0;
  app::Actor director_, nurse_practitioner_, nurse_, master_esthetician_, california_esthetician_;
  app::Id pen_ = 0, near_expiry_lot_ = 0, glide_ = 0, lidocaine_ = 0, sunscreen_ = 0;
  std::vector<app::Id> cartridges_;  // sealed units of the lot in use, first expiring first out
  size_t next_cartridge_ = 0;
  app::Id wrinkle_plan_ = 0, pigmentation_event_ = 0;
};

// Two cartridge lots: the one in use expires 20 days after the demo's today, so the manager's
// expiry list has something to show; the fresh one waits on the shelf.
constexpr int kNearExpiryUnits = 8;
constexpr int kFreshUnits = 10;

std::vector<std::string> UnitCodes(int count) {
  std::vector<std::string> codes;
  for (int i = 1; i <= count; ++i) codes.push_back("U" + std::to_string(100 + i));
  return codes;
}

std::int64_t DemoStory::SecondsAt(Date day, int local_hour) {
  const std::chrono::sys_days midnight{std::chrono::year_month_day{
      std::chrono::year(day.year()), std::chrono::month(day.month()), std::chrono::day(day.day())}};
  // Denver is UTC-7 (UTC-6 in summer); one offset is enough because decisions read only the
  // calendar date, and the audit log's instants stay in order.
  constexpr std::int64_t kUtcOffsetHours = 7;
  return std::chrono::duration_cast<std::chrono::seconds>(midnight.time_since_epoch()).count() +
         (local_hour + kUtcOffsetHours) * 3600;
}

DemoStory::DemoStory(store::SqlConnection& db, const kb::KnowledgeBase& kb)
    : db_(db),
      kb_(kb),
      clock_(SecondsAt(Day(6, 1), 8), Day(6, 1)),
      work_(db),
      audit_(db),
      staff_repository_(db),
      client_repository_(db),
      screening_repository_(db),
      inventory_repository_(db),
      safety_repository_(db),
      chart_repository_(db),
      ports_{
          work_, audit_, clock_, kb_, staff_repository_, client_repository_, screening_repository_},
      inventory_(work_, audit_, inventory_repository_, clock_, kb_),
      safety_(work_, audit_, safety_repository_, clock_),
      charting_(work_, chart_repository_, audit_, clock_) {}

Date DemoStory::Day(unsigned month, unsigned day) { return Date::FromYmd(2026, month, day); }

Depth DemoStory::Mm(double millimetres) { return *Depth::FromMillimetres(millimetres); }

void DemoStory::At(Date day, int local_hour) { clock_.Set(SecondsAt(day, local_hour), day); }

// No use case creates a clinic (a clinic is the tenant every use case is scoped by), so its one
// row is the only one written here directly.
Status DemoStory::OpenClinic() {
  At(Day(6, 1), 8);
  CORIUM_ASSIGN_OR_RETURN(
      const auto rows,
      db_.Query(
          "INSERT INTO clinics (name, time_zone, created_at) VALUES ($1, $2, $3) RETURNING id",
          {std::string(kDemoClinicName), std::string("America/Denver"), clock_.NowSeconds()}));
  if (rows.empty()) return Status::Internal("inserting the clinic returned no id");
  clinic_id_ = rows.front().Int(0);
  return Status::Ok();
}

Result<app::Actor> DemoStory::Hire(const app::Actor& by, const app::StaffDraft& draft) {
  CORIUM_ASSIGN_OR_RETURN(const app::StaffMember member,
                          Step("hiring " + draft.full_name, app::RegisterStaff(ports_, by, draft)));
  return app::Actor{clinic_id_, member.id, member.details.role};
}

Status DemoStory::HireStaff() {
  // The medical director is the clinic's first member, registered by the system itself.
  const app::Actor system{clinic_id_, 0, Code("physician")};
  const Date licences_expire = Date::FromYmd(2028, 1, 31);
  CORIUM_ASSIGN_OR_RETURN(
      director_,
      Hire(system, {"Dr. Hannah Whitaker", "hannah.whitaker@wasatchskin.example", Code("physician"),
                    "US-UT", "UT-PHY-8841207", licences_expire, std::nullopt}));
  CORIUM_ASSIGN_OR_RETURN(nurse_practitioner_,
                          Hire(director_, {"Marcus Reyes, APRN", "marcus.reyes@wasatchskin.example",
                                           Code("nurse_practitioner"), "US-UT", "UT-APRN-5531902",
                                           licences_expire, std::nullopt}));
  // Utah lets a registered nurse needle under a physician's supervision (DP-01).
  CORIUM_ASSIGN_OR_RETURN(
      nurse_, Hire(director_, {"Olivia Tran, RN", "olivia.tran@wasatchskin.example", Code("nurse"),
                               "US-UT", "UT-RN-7720418", licences_expire, director_.staff_id}));
  // A Utah master esthetician may needle unsupervised to 1.5 mm (DP-04).
  CORIUM_ASSIGN_OR_RETURN(master_esthetician_,
                          Hire(director_, {"Sofia Lindqvist", "sofia.lindqvist@wasatchskin.example",
                                           Code("master_esthetician"), "US-UT", "UT-ME-3398120",
                                           licences_expire, std::nullopt}));
  // Licensed in California, where an esthetician may not needle at all (DP-02): her screenings
  // refer. The vocabulary has no front-desk role, so the clinic's receptionist is not on record.
  CORIUM_ASSIGN_OR_RETURN(
      california_esthetician_,
      Hire(director_, {"Camila Ortiz", "camila.ortiz@wasatchskin.example", Code("esthetician"),
                       "US-CA", "CA-EST-Z48213", licences_expire, std::nullopt}));
  return Status::Ok();
}

Status DemoStory::StockInventory() {
  const app::Actor& by = director_;
  CORIUM_ASSIGN_OR_RETURN(
      pen_, Step("registering the pen",
                 inventory_.RegisterDevice(by, {"Aster MN-25 microneedling pen", Code("pen"),
                                                "510(k) K-DEMO-0001 (fictional, demo data)",
                                                app::Clearance::kCleared, 2.5, "AST-PEN-000318"})));
  CORIUM_RETURN_IF_ERROR(
      Step("registering the roller",
           inventory_
               .RegisterDevice(by, {"Aster DR-05 home-care roller", Code("roller"), "",
                                    app::Clearance::kNotCleared, 0.5, "AST-ROL-004411"})
               .status()));
  CORIUM_ASSIGN_OR_RETURN(
      const app::ReceivedLot near_expiry,
      Step("receiving lot AST12-2512",
           inventory_.ReceiveCartridgeLot(
               by, {"AST12-2512", "Aster 12-pin cartridge", 12, Code("stainless_steel"),
                    Date::FromYmd(2026, 12, 10), UnitCodes(kNearExpiryUnits)})));
  near_expiry_lot_ = near_expiry.lot_id;
  cartridges_ = near_expiry.cartridge_ids;
  CORIUM_RETURN_IF_ERROR(
      Step("receiving lot AST12-2705",
           inventory_
               .ReceiveCartridgeLot(
                   by, {"AST12-2705", "Aster 12-pin cartridge", 12, Code("stainless_steel"),
                        Date::FromYmd(2027, 5, 31), UnitCodes(kFreshUnits)})
               .status()));
  CORIUM_ASSIGN_OR_RETURN(
      glide_, Step("receiving the glide",
                   inventory_.ReceiveProduct(
                       by, {"Sterile hyaluronic glide gel", app::ProductKind::kGlide, "HG-2605",
                            Date::FromYmd(2027, 5, 31), app::Sterility::kSterile,
                            app::BrokenSkinLabel::kLabelled})));
  CORIUM_ASSIGN_OR_RETURN(
      lidocaine_, Step("receiving the anaesthetic",
                       inventory_.ReceiveProduct(
                           by, {"Lidocaine 4% topical cream", app::ProductKind::kAnaesthetic,
                                "LC-2603", Date::FromYmd(2027, 3, 31), app::Sterility::kNonSterile,
                                app::BrokenSkinLabel::kNotLabelled})));
  // A retail serum, never applied during needling: not sterile nor labelled for broken skin, so
  // charting would refuse it at the glide or needling step (TP-01).
  CORIUM_RETURN_IF_ERROR(Step(
      "receiving the serum",
      inventory_
          .ReceiveProduct(by, {"Vitamin C brightening serum", app::ProductKind::kSerum, "VC-2606",
                               Date::FromYmd(2027, 6, 30), app::Sterility::kNonSterile,
                               app::BrokenSkinLabel::kNotLabelled})
          .status()));
  CORIUM_ASSIGN_OR_RETURN(
      sunscreen_, Step("receiving the sunscreen",
                       inventory_.ReceiveProduct(
                           by, {"Mineral sunscreen SPF 50", app::ProductKind::kSunscreen, "SS-2604",
                                Date::FromYmd(2027, 10, 31), app::Sterility::kNonSterile,
                                app::BrokenSkinLabel::kNotLabelled})));
  return Status::Ok();
}

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
  CORIUM_ASSIGN_OR_RETURN(const app::Id session_id,
                          Step(what, charting_.ChartSession(by, kb_, chart)));
  // A new draft is at version 1; signing locks it for good.
  CORIUM_RETURN_IF_ERROR(Step("signing the " + what, charting_.SignSession(by, session_id, 1)));
  return session_id;
}

// --- The clients' stories, in date order so the audit log reads as the clinic lived it ----------

Result<app::Id> DemoStory::Tell() {
  CORIUM_RETURN_IF_ERROR(OpenClinic());
  CORIUM_RETURN_IF_ERROR(HireStaff());
  CORIUM_RETURN_IF_ERROR(StockInventory());
  CORIUM_RETURN_IF_ERROR(ThreeWrinkleSessionsWithAnAmendment());
  CORIUM_RETURN_IF_ERROR(AnticoagulantTreatedConservatively());
  CORIUM_RETURN_IF_ERROR(PigmentationAfterAcneScarSession());
  CORIUM_RETURN_IF_ERROR(ReferralOverriddenForATeenager());
  CORIUM_RETURN_IF_ERROR(FollowUps());
  CORIUM_RETURN_IF_ERROR(DeferralsOfTheLastWeek());
  return clinic_id_;
}

// Emma Larsen, Fitzpatrick II with nothing in her history, treated by the supervised nurse.
Status DemoStory::ThreeWrinkleSessionsWithAnAmendment() {
  const app::Actor& rn = nurse_;
  At(Day(8, 4), 9);
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id emma,
      NewClient(rn,
                {"Emma", "Larsen", Date::FromYmd(1984, 6, 2), "emma.larsen@example.com",
                 "+1 801 555 0142", 2},
                R"({"client": {"birth_date": "1984-06-02", "fitzpatrick": 2, "pregnant": false,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [], "procedures": []})"));
  // She first asks for her eyelids too; inside the orbital rim is never needled (EX-10).
  CORIUM_RETURN_IF_ERROR(Screen(rn, emma, "wrinkles", {"periorbital", "eyelid"}).status());
  const std::vector<std::string> zones = {"periorbital", "forehead", "cheeks"};
  CORIUM_ASSIGN_OR_RETURN(const app::Screening screening, Screen(rn, emma, "wrinkles", zones));
  CORIUM_ASSIGN_OR_RETURN(wrinkle_plan_, PlanAndConsent(rn, screening,
                                                        {screening.id,
                                                         Code("wrinkles"),
                                                         {{Code("periorbital"), Mm(0.25), Mm(0.5)},
                                                          {Code("forehead"), Mm(0.25), Mm(0.5)},
                                                          {Code("cheeks"), Mm(0.5), Mm(1.0)}},
                                                         3,
                                                         28},
                                                        "Emma Larsen"));
  CORIUM_RETURN_IF_ERROR(Step(
      "baseline of Emma Larsen",
      safety_
          .RecordOutcomeAssessment(
              rn, {wrinkle_plan_, Code("lemperle"), 3, app::TimePoint::kBaseline, clock_.Today()})
          .status()));
  CORIUM_ASSIGN_OR_RETURN(const app::Id first_session,
                          TreatAndSign(rn, wrinkle_plan_,
                                       {Zone("periorbital", 0.25, 2), Zone("forehead", 0.5, 2),
                                        Zone("cheeks", 0.75, 3)},
                                       "forehead, periorbital skin and cheeks",
                                       "First of three. Even erythema reached; tolerated well."));

  const std::vector<app::TreatedZone> full_depth = {
      Zone("periorbital", 0.5, 2), Zone("forehead", 0.5, 3), Zone("cheeks", 1.0, 3)};
  At(Day(9, 1), 9);
  CORIUM_RETURN_IF_ERROR(Screen(rn, emma, "wrinkles", zones).status());  // the day-of re-check
  CORIUM_RETURN_IF_ERROR(TreatAndSign(rn, wrinkle_plan_, full_depth,
                                      "forehead, periorbital skin and cheeks",
                                      "Second of three. No reaction after the first session.")
                             .status());
  // A signed chart never changes: the correction sits beside it.
  CORIUM_RETURN_IF_ERROR(
      Step("amending the first session",
           charting_
               .AmendRecord(rn, {"session", first_session,
                                 "Forehead charted as two passes; three were made (procedure "
                                 "photos reviewed with the client).",
                                 R"({"zones": [{"zone": "forehead", "passes": 3}]})"})
               .status()));
  At(Day(9, 29), 9);
  CORIUM_RETURN_IF_ERROR(Screen(rn, emma, "wrinkles", zones).status());
  return TreatAndSign(rn, wrinkle_plan_, full_depth, "forehead, periorbital skin and cheeks",
                      "Last of three. Outcome review at month 3.")
      .status();
}

// Margaret Doyle, 68, on an anticoagulant (PC-01): shallow settings and an erythema endpoint.
Status DemoStory::AnticoagulantTreatedConservatively() {
  const app::Actor& np = nurse_practitioner_;
  At(Day(10, 1), 10);
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id margaret,
      NewClient(np,
                {"Margaret", "Doyle", Date::FromYmd(1958, 9, 11), "m.doyle@example.com",
                 "+1 801 555 0187", 2},
                R"({"client": {"birth_date": "1958-09-11", "fitzpatrick": 2, "pregnant": false,
                    "breastfeeding": false}, "conditions": [],
                    "medications": [{"code": "anticoagulant", "current": true}],
                    "allergies": [], "procedures": []})"));
  CORIUM_ASSIGN_OR_RETURN(const app::Screening screening,
                          Screen(np, margaret, "photoaging", {"cheeks", "neck"}));
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id plan,
      PlanAndConsent(np, screening,
                     {screening.id,
                      Code("photoaging"),
                      {{Code("cheeks"), Mm(0.5), Mm(0.75)}, {Code("neck"), Mm(0.25), Mm(0.5)}},
                      3,
                      42},
                     "Margaret Doyle"));
  return TreatAndSign(np, plan, {Zone("cheeks", 0.5, 2), Zone("neck", 0.25, 2)}, "",
                      "On apixaban: no anaesthetic, shallow settings, pressure held five minutes. "
                      "No bleeding beyond the channels.")
      .status();
}

// Amara Okafor, Fitzpatrick V (CN-02), treated by the master esthetician within Utah's 1.5 mm
// cap, develops post-inflammatory hyperpigmentation: a grade 2 adverse event.
Status DemoStory::PigmentationAfterAcneScarSession() {
  const app::Actor& me = master_esthetician_;
  At(Day(10, 6), 11);
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id amara,
      NewClient(me,
                {"Amara", "Okafor", Date::FromYmd(1990, 2, 27), "amara.okafor@example.com",
                 "+1 385 555 0119", 5},
                R"({"client": {"birth_date": "1990-02-27", "fitzpatrick": 5, "pregnant": false,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [], "procedures": []})"));
  CORIUM_ASSIGN_OR_RETURN(const app::Screening screening,
                          Screen(me, amara, "acne_scars", {"cheeks"}));
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id plan,
      PlanAndConsent(
          me, screening,
          {screening.id, Code("acne_scars"), {{Code("cheeks"), Mm(0.5), Mm(1.0)}}, 4, 42},
          "Amara Okafor"));
  CORIUM_RETURN_IF_ERROR(
      Step("baseline of Amara Okafor",
           safety_
               .RecordOutcomeAssessment(me, {plan, Code("goodman_baron_qualitative"), 3,
                                             app::TimePoint::kBaseline, clock_.Today()})
               .status()));
  CORIUM_ASSIGN_OR_RETURN(const app::Id session,
                          TreatAndSign(me, plan, {Zone("cheeks", 1.0, 3)}, "both cheeks",
                                       "First of four. Even erythema."));

  At(Day(10, 9), 14);
  app::AdverseEventReport report;
  report.client_id = amara;
  report.session_id = session;
  report.onset_on = Day(10, 8);
  report.description =
      "Post-inflammatory hyperpigmentation on both cheeks, noticed two days after the session; "
      "strict photoprotection and azelaic acid 15% started, next session postponed.";
  report.grade = 2;
  report.causality = app::Causality::kProbable;
  report.suspected_device_id = pen_;
  report.suspected_lot_id = near_expiry_lot_;
  report.outcome = app::AdverseOutcome::kOngoing;
  CORIUM_ASSIGN_OR_RETURN(pigmentation_event_, Step("adverse event of Amara Okafor",
                                                    safety_.RecordAdverseEvent(me, report)));
  return Status::Ok();
}

// Ava Martinez, 19 (EX-02, CN-04): the California esthetician's screening refers; the medical
// director overrides it, and the nurse practitioner screens and treats her the same day.
Status DemoStory::ReferralOverriddenForATeenager() {
  At(Day(10, 20), 15);
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id ava,
      NewClient(california_esthetician_,
                {"Ava", "Martinez", Date::FromYmd(2007, 5, 14), "ava.martinez@example.com",
                 "+1 801 555 0166", 3},
                R"({"client": {"birth_date": "2007-05-14", "fitzpatrick": 3, "pregnant": false,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [], "procedures": []})"));
  CORIUM_ASSIGN_OR_RETURN(const app::Screening referred,
                          Screen(california_esthetician_, ava, "acne_scars", {"cheeks"}));
  CORIUM_RETURN_IF_ERROR(
      Step("overriding the referral",
           app::OverrideScreening(
               ports_, director_, referred.id,
               "Reviewed by the medical director: the referral is accepted in-house. The "
               "nurse practitioner, permitted in Utah, screens and treats; the esthetician "
               "does not needle.")
               .status()));
  const app::Actor& np = nurse_practitioner_;
  CORIUM_ASSIGN_OR_RETURN(const app::Screening screening,
                          Screen(np, ava, "acne_scars", {"cheeks"}));
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id plan,
      PlanAndConsent(
          np, screening,
          {screening.id, Code("acne_scars"), {{Code("cheeks"), Mm(0.5), Mm(1.0)}}, 3, 28},
          "Ava Martinez"));
  return TreatAndSign(np, plan, {Zone("cheeks", 0.75, 3)}, "both cheeks",
                      "First of three. Consent reviewed with the client (19).")
      .status();
}

Status DemoStory::FollowUps() {
  At(Day(11, 4), 9);
  CORIUM_RETURN_IF_ERROR(Step(
      "month 3 of Emma Larsen",
      safety_
          .RecordOutcomeAssessment(
              nurse_, {wrinkle_plan_, Code("lemperle"), 2, app::TimePoint::kMonth3, clock_.Today()})
          .status()));
  At(Day(11, 13), 16);
  return Step("resolving the pigmentation",
              safety_
                  .UpdateAdverseEventOutcome(director_, pigmentation_event_, 1,
                                             app::AdverseOutcome::kResolved)
                  .status());
}

// Four clients whose screenings defer: nothing is planned until the reason has passed.
Status DemoStory::DeferralsOfTheLastWeek() {
  At(Day(11, 16), 10);  // active acne on the forehead (DF-03)
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id lucas,
      NewClient(director_,
                {"Lucas", "Brennan", Date::FromYmd(2001, 7, 8), "lucas.brennan@example.com",
                 "+1 801 555 0103", 3},
                R"({"client": {"birth_date": "2001-07-08", "fitzpatrick": 3, "pregnant": false,
                    "breastfeeding": false},
                    "conditions": [{"code": "active_acne", "zones": ["forehead"]}],
                    "medications": [], "allergies": [], "procedures": []})"));
  CORIUM_RETURN_IF_ERROR(Screen(director_, lucas, "acne_scars", {"cheeks", "forehead"}).status());

  At(Day(11, 17), 10);  // isotretinoin stopped three months ago (DF-01)
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id noah,
      NewClient(nurse_practitioner_,
                {"Noah", "Fischer", Date::FromYmd(1996, 1, 20), "noah.fischer@example.com",
                 "+1 435 555 0150", 3},
                R"({"client": {"birth_date": "1996-01-20", "fitzpatrick": 3, "pregnant": false,
                    "breastfeeding": false}, "conditions": [],
                    "medications": [{"code": "isotretinoin", "current": false,
                                     "last_dose": "2026-08-15"}],
                    "allergies": [], "procedures": []})"));
  CORIUM_RETURN_IF_ERROR(Screen(nurse_practitioner_, noah, "acne_scars", {"cheeks"}).status());

  At(Day(11, 18), 10);  // waxed the upper lip yesterday (DF-08)
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id grace,
      NewClient(nurse_,
                {"Grace", "Holloway", Date::FromYmd(1979, 12, 3), "grace.holloway@example.com",
                 "+1 801 555 0174", 2},
                R"({"client": {"birth_date": "1979-12-03", "fitzpatrick": 2, "pregnant": false,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [],
                    "procedures": [{"code": "waxing", "date": "2026-11-17",
                                    "zones": ["perioral"]}]})"));
  CORIUM_RETURN_IF_ERROR(Screen(nurse_, grace, "wrinkles", {"perioral"}).status());

  At(Day(11, 19), 10);  // pregnant (EX-03)
  CORIUM_ASSIGN_OR_RETURN(
      const app::Id sarah,
      NewClient(director_,
                {"Sarah", "Whitfield", Date::FromYmd(1993, 10, 30), "sarah.whitfield@example.com",
                 "+1 801 555 0128", 2},
                R"({"client": {"birth_date": "1993-10-30", "fitzpatrick": 2, "pregnant": true,
                    "breastfeeding": false}, "conditions": [], "medications": [],
                    "allergies": [], "procedures": []})"));
  return Screen(director_, sarah, "stretch_marks", {"abdomen"}).status();
}

}  // namespace

Date DemoToday() { return Date::FromYmd(2026, 11, 20); }

Result<app::Id> SeedDemoClinic(store::SqlConnection& db, const kb::KnowledgeBase& kb) {
  DemoStory story(db, kb);
  return story.Tell();
}

}  // namespace corium::cli
