// The charting workflow (plan, consent, session, signature, amendment) on both engines: every
// invariant is attacked, and after each refusal the database is proved unchanged.
#include "corium/app/charting.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "corium/engine/decision_json.h"
#include "corium/engine/intake_parser.h"
#include "corium/engine/screening.h"
#include "corium/store/records/sql_charting.h"
#include "corium/store/records/sql_unit_of_work.h"
#include "support/intake_builder.h"
#include "support/test_databases.h"
#include "support/test_kb.h"

namespace corium::app {
namespace {

using store::Dialect;
using store::SqlValue;

constexpr std::int64_t kNow = 1795167000;  // 2026-11-20T09:30:00Z
const Date kToday = Date::FromYmd(2026, 11, 20);

// Fitzpatrick V (consent items CN-01 and CN-02), wrinkles on cheeks (cap 1.0 mm) and forehead
// (cap 0.75 mm), treated by a physician in Utah with a 2.5 mm pen: proceed with caution.
testing::IntakeBuilder MainIntake() {
  testing::IntakeBuilder intake;
  intake.Set("/client/fitzpatrick", 5).Request("wrinkles", {"cheeks", "forehead"});
  return intake;
}

// The rows a use case may write; a refused request must leave every count as it was.
struct RowCounts {
  std::int64_t plans = 0, plan_zones = 0, consents = 0, sessions = 0, session_zones = 0,
               session_products = 0, amendments = 0, audit = 0;
  friend bool operator==(const RowCounts&, const RowCounts&) = default;
};

std::ostream& operator<<(std::ostream& out, const RowCounts& c) {
  return out << "plans=" << c.plans << " plan_zones=" << c.plan_zones << " consents=" << c.consents
             << " sessions=" << c.sessions << " session_zones=" << c.session_zones
             << " session_products=" << c.session_products << " amendments=" << c.amendments
             << " audit=" << c.audit;
}

bool HasField(const Status& status, const std::string& path, const std::string& fragment = "") {
  for (const FieldError& e : status.field_errors()) {
    if (e.path == path && e.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

class ChartingTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    CORIUM_REQUIRE_ENGINE(GetParam());
    database_ = testing::MakeTestDatabase(GetParam());
    audit_ = std::make_unique<store::SqlAuditLog>(db());
    work_ = std::make_unique<store::SqlUnitOfWork>(db(), *audit_);
    charts_ = std::make_unique<store::SqlChartRepository>(db());
    charting_ = std::make_unique<Charting>(*work_, *charts_, *audit_, clock_);

    clinic_ = Insert(
        "INSERT INTO clinics (name, time_zone, created_at)"
        " VALUES ('Salt Lake Skin', 'America/Denver', 1) RETURNING id",
        {});
    other_clinic_ = Insert(
        "INSERT INTO clinics (name, time_zone, created_at)"
        " VALUES ('Provo Skin', 'America/Denver', 1) RETURNING id",
        {});
    physician_ = InsertStaff(clinic_, "ada@slc.example", "physician");
    nurse_ = InsertStaff(clinic_, "ben@slc.example", "nurse");
    other_physician_ = InsertStaff(other_clinic_, "dee@provo.example", "physician");
    client_ = Insert(
        "INSERT INTO clients (clinic_id, given_name, family_name, birth_date,"
        " fitzpatrick, created_at, updated_at)"
        " VALUES ($1, 'Ann', 'Lee', '1988-03-14', 5, 1, 1) RETURNING id",
        {clinic_});
    intake_ = InsertIntake(1, MainIntake());
    screening_ = InsertScreening(intake_, MainIntake(), testing::ShippedKb().digest);

    device_ = Insert(
        "INSERT INTO devices (clinic_id, model, kind, cleared, max_depth_um, serial)"
        " VALUES ($1, 'SkinPen', 'pen', 1, 2500, 'SN-1') RETURNING id",
        {clinic_});
    const Id lot = InsertLot("L-2027", "2027-06-30");
    const Id expired_lot = InsertLot("L-OLD", "2026-11-19");
    cartridge_ = InsertCartridge(lot, "U1");
    spare_cartridge_ = InsertCartridge(lot, "U2");
    expired_cartridge_ = InsertCartridge(expired_lot, "U1");
    glide_ = InsertProduct("Sterile HA gel", "glide", 1, 1);
    serum_ = InsertProduct("Vitamin C serum", "serum", 0, 0);
    lidocaine_ = InsertProduct("Lidocaine 4% cream", "anaesthetic", 0, 0);
  }

  store::SqlConnection& db() { return database_->db(); }

  Id Insert(const std::string& sql, const std::vector<SqlValue>& params) {
    auto rows = db().Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : 0;
  }
  Id InsertStaff(Id clinic, const std::string& email, const std::string& role) {
    return Insert(
        "INSERT INTO staff (clinic_id, full_name, email, role, jurisdiction, created_at)"
        " VALUES ($1, $2, $2, $3, 'US-UT', 1) RETURNING id",
        {clinic, email, role});
  }
  Id InsertIntake(std::int64_t revision, const testing::IntakeBuilder& intake) {
    return Insert(
        "INSERT INTO intakes (clinic_id, client_id, revision, intake_json, recorded_by,"
        " recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        {clinic_, client_, revision, intake.str(), physician_, kNow});
  }
  // Screens the intake with the real engine and stores what a consultation would store.
  Id InsertScreening(Id intake_id, const testing::IntakeBuilder& intake,
                     const std::string& kb_digest) {
    const kb::KnowledgeBase& kb = testing::ShippedKb();
    const auto parsed = engine::ParseIntake(intake.str(), kb, kToday);
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    if (!parsed.ok()) return 0;
    const Decision decision = engine::Screen(*parsed, kb);
    return Insert(
        "INSERT INTO screenings (clinic_id, client_id, intake_id, as_of, decision,"
        " intake_json, decision_json, kb_version, kb_digest, screened_by, screened_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        {clinic_, client_, intake_id, parsed->as_of.ToString(),
         std::string(OutcomeName(decision.outcome)), intake.str(), engine::DecisionToJson(decision),
         kb.version, kb_digest, physician_, kNow});
  }
  Id InsertLot(const std::string& number, const std::string& expires_on) {
    return Insert(
        "INSERT INTO cartridge_lots (clinic_id, lot_number, model, needle_count,"
        " needle_material, expires_on) VALUES ($1, $2, 'C12', 12, 'stainless_steel', $3)"
        " RETURNING id",
        {clinic_, number, expires_on});
  }
  Id InsertCartridge(Id lot, const std::string& unit) {
    return Insert(
        "INSERT INTO cartridges (clinic_id, lot_id, unit_code) VALUES ($1, $2, $3)"
        " RETURNING id",
        {clinic_, lot, unit});
  }
  Id InsertProduct(const std::string& name, const std::string& kind, std::int64_t sterile,
                   std::int64_t broken_skin) {
    return Insert(
        "INSERT INTO products (clinic_id, name, kind, lot_number, expires_on, sterile,"
        " labelled_for_broken_skin) VALUES ($1, $2, $3, 'P-1', '2027-12-31', $4, $5)"
        " RETURNING id",
        {clinic_, name, kind, sterile, broken_skin});
  }

  std::int64_t Count(const std::string& table) {
    auto rows = db().Query("SELECT COUNT(*) FROM " + table, {});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->front().Int(0) : -1;
  }
  RowCounts Counts() {
    return {Count("plans"),      Count("plan_zones"),    Count("consents"),
            Count("sessions"),   Count("session_zones"), Count("session_products"),
            Count("amendments"), Count("audit_log")};
  }
  std::string Text(const std::string& sql, const std::vector<SqlValue>& params) {
    auto rows = db().Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() && !rows->empty() ? rows->front().Text(0) : "";
  }

  std::int64_t Int(const std::string& sql, const std::vector<SqlValue>& params) {
    auto rows = db().Query(sql, params);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() && !rows->empty() ? rows->front().Int(0) : -1;
  }

  Actor Physician() const { return {clinic_, physician_, Code("physician")}; }
  Actor Nurse() const { return {clinic_, nurse_, Code("nurse")}; }

  PlanRequest Plan() const {
    return {screening_,
            Code("wrinkles"),
            {{Code("cheeks"), Mm(0.5), Mm(1.0)}, {Code("forehead"), Mm(0.25), Mm(0.5)}},
            3,
            28};
  }
  static Depth Mm(double mm) { return *Depth::FromMillimetres(mm); }
  static ConsentRequest Consent(Id plan) {
    return {plan,         {"CN-01", "CN-02"},           "consent-v1",
            "sha256:abc", "data:image/png;base64,AAAA", "Ann Lee",
            true};
  }
  // A plan with its signed consent, ready for a session.
  Id ConsentedPlan() {
    const auto plan = charting_->CreatePlan(Physician(), Plan());
    EXPECT_TRUE(plan.ok()) << plan.status().ToString();
    const auto consent = charting_->SignConsent(Physician(), Consent(plan.ok() ? *plan : 0));
    EXPECT_TRUE(consent.ok()) << consent.status().ToString();
    return plan.ok() ? *plan : 0;
  }
  SessionChart Chart(Id plan) const {
    SessionChart chart;
    chart.plan_id = plan;
    chart.device_id = device_;
    chart.cartridge_id = cartridge_;
    chart.zones = {{Code("cheeks"), Mm(1.0), 3, Code("erythema"), "", "level 5"}};
    chart.products = {{glide_, Code("glide")}};
    chart.anaesthetic = AnaestheticUse{lidocaine_, "4%", "both cheeks", 30};
    for (const char* step : {"cleanse", "anaesthetic", "antisepsis", "glide", "needling",
                             "endpoint", "calming", "sun_protection"}) {
      chart.checklist.push_back({Code(step), StepState::kDone});
    }
    chart.notes = "Even erythema reached.";
    return chart;
  }
  // Charts with `chart` and expects a refusal of `code` that leaves the database unchanged.
  Status ExpectRefused(const Actor& actor, const SessionChart& chart, StatusCode code) {
    const RowCounts before = Counts();
    const auto result = charting_->ChartSession(actor, testing::ShippedKb(), chart);
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), code) << result.status().ToString();
    EXPECT_EQ(Counts(), before);
    return result.ok() ? Status::Ok() : result.status();
  }

  std::unique_ptr<testing::TestDatabase> database_;
  FixedClock clock_{kNow, kToday};
  std::unique_ptr<store::SqlUnitOfWork> work_;
  std::unique_ptr<store::SqlAuditLog> audit_;
  std::unique_ptr<store::SqlChartRepository> charts_;
  std::unique_ptr<Charting> charting_;
  Id clinic_ = 0, other_clinic_ = 0, physician_ = 0, nurse_ = 0, other_physician_ = 0;
  Id client_ = 0, intake_ = 0, screening_ = 0, device_ = 0;
  Id cartridge_ = 0, spare_cartridge_ = 0, expired_cartridge_ = 0;
  Id glide_ = 0, serum_ = 0, lidocaine_ = 0;
};

// --- Plan
// -----------------------------------------------------------------------------------------

TEST_P(ChartingTest, PlanStoresEachZonesCapFromTheScreeningAndOneAuditEntry) {
  const RowCounts before = Counts();
  const auto plan = charting_->CreatePlan(Physician(), Plan());
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  auto caps = db().Query("SELECT zone, cap_max_um FROM plan_zones WHERE plan_id = $1 ORDER BY zone",
                         {*plan});
  ASSERT_TRUE(caps.ok());
  ASSERT_EQ(caps->size(), 2u);
  EXPECT_EQ((*caps)[0].Text(0), "cheeks");
  EXPECT_EQ((*caps)[0].Int(1), 1000);
  EXPECT_EQ((*caps)[1].Text(0), "forehead");
  EXPECT_EQ((*caps)[1].Int(1), 750);
  RowCounts expected = before;
  expected.plans += 1;
  expected.plan_zones += 2;
  expected.audit += 1;
  EXPECT_EQ(Counts(), expected);
}

TEST_P(ChartingTest, PlanDeeperThanTheScreeningsCapIsRefused) {
  PlanRequest request = Plan();
  request.zones[0].max = Mm(1.25);
  const RowCounts before = Counts();
  const auto plan = charting_->CreatePlan(Physician(), request);
  ASSERT_FALSE(plan.ok());
  EXPECT_TRUE(HasField(plan.status(), "zones[0].max", "1.0 mm")) << plan.status().ToString();
  EXPECT_EQ(Counts(), before);
}

TEST_P(ChartingTest, PlanOnADeferredZoneIsRefusedEvenWhenTheScreeningIsOverridden) {
  testing::IntakeBuilder acne = MainIntake();
  acne.Add("conditions", {{"code", "active_acne"}, {"zones", {"forehead"}}});
  const Id deferred = InsertScreening(intake_, acne, testing::ShippedKb().digest);
  PlanRequest request = Plan();
  request.screening_id = deferred;
  const RowCounts before = Counts();

  // A deferring screening stops planning altogether until a prescriber overrides it.
  auto plan = charting_->CreatePlan(Physician(), request);
  ASSERT_FALSE(plan.ok());
  EXPECT_TRUE(HasField(plan.status(), "screening_id", "defer")) << plan.status().ToString();
  EXPECT_EQ(Counts(), before);

  Insert(
      "INSERT INTO screening_overrides (clinic_id, screening_id, prescriber_id, reason,"
      " decided_at) VALUES ($1, $2, $3, 'acne confined to the forehead', $4) RETURNING id",
      {clinic_, deferred, physician_, kNow});
  plan = charting_->CreatePlan(Physician(), request);
  ASSERT_FALSE(plan.ok());
  EXPECT_TRUE(HasField(plan.status(), "zones[1].zone", "deferred")) << plan.status().ToString();
  EXPECT_EQ(Counts(), before);

  request.zones.pop_back();  // the cheeks alone are "ok"
  EXPECT_TRUE(charting_->CreatePlan(Physician(), request).ok());
}

TEST_P(ChartingTest, PlanWithMinAboveMaxOrBadScheduleIsRefused) {
  PlanRequest request = Plan();
  request.zones[0].min = Mm(1.0);
  request.zones[0].max = Mm(0.5);
  request.sessions = 0;
  request.interval_days = 3;
  const RowCounts before = Counts();
  const auto plan = charting_->CreatePlan(Physician(), request);
  ASSERT_FALSE(plan.ok());
  EXPECT_TRUE(HasField(plan.status(), "zones[0].min"));
  EXPECT_TRUE(HasField(plan.status(), "sessions"));
  EXPECT_TRUE(HasField(plan.status(), "interval_days"));
  EXPECT_EQ(Counts(), before);
}

TEST_P(ChartingTest, AnotherClinicsScreeningAnswersExactlyLikeAnUnknownOne) {
  const Actor stranger{other_clinic_, other_physician_, Code("physician")};
  const auto theirs = charting_->CreatePlan(stranger, Plan());
  PlanRequest unknown = Plan();
  unknown.screening_id = 999999;
  const auto missing = charting_->CreatePlan(Physician(), unknown);
  ASSERT_FALSE(theirs.ok());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(theirs.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(theirs.status().message(), "screening " + std::to_string(screening_) + " not found");
  EXPECT_EQ(missing.status().message(), "screening 999999 not found");
  EXPECT_EQ(Counts().plans, 0);
}

// --- Consent ------------------------------------------------------------------------------------

TEST_P(ChartingTest, ConsentMissingAnItemOfTheScreeningIsRefusedNamingIt) {
  const auto plan = charting_->CreatePlan(Physician(), Plan());
  ASSERT_TRUE(plan.ok());
  ConsentRequest request = Consent(*plan);
  request.items = {"CN-01"};
  const RowCounts before = Counts();
  const auto consent = charting_->SignConsent(Physician(), request);
  ASSERT_FALSE(consent.ok());
  EXPECT_TRUE(HasField(consent.status(), "items", "CN-02")) << consent.status().ToString();
  EXPECT_EQ(Counts(), before);
}

TEST_P(ChartingTest, ConsentWithoutSignatureOrSignerIsRefused) {
  const auto plan = charting_->CreatePlan(Physician(), Plan());
  ASSERT_TRUE(plan.ok());
  ConsentRequest request = Consent(*plan);
  request.signature = "";
  request.signer_name = "  ";
  const RowCounts before = Counts();
  const auto consent = charting_->SignConsent(Physician(), request);
  ASSERT_FALSE(consent.ok());
  EXPECT_TRUE(HasField(consent.status(), "signature"));
  EXPECT_TRUE(HasField(consent.status(), "signer_name"));
  EXPECT_EQ(Counts(), before);
}

TEST_P(ChartingTest, ASignedConsentIsStoredOnceAndNeverChanges) {
  const auto plan = charting_->CreatePlan(Physician(), Plan());
  ASSERT_TRUE(plan.ok());
  const RowCounts before = Counts();
  const auto consent = charting_->SignConsent(Physician(), Consent(*plan));
  ASSERT_TRUE(consent.ok()) << consent.status().ToString();
  RowCounts expected = before;
  expected.consents += 1;
  expected.audit += 1;
  EXPECT_EQ(Counts(), expected);
  EXPECT_EQ(Text("SELECT items_json FROM consents WHERE id = $1", {*consent}),
            R"(["CN-01","CN-02"])");
  EXPECT_FALSE(
      db().Execute("UPDATE consents SET signer_name = 'Someone else' WHERE id = $1", {*consent})
          .ok());
  EXPECT_EQ(Text("SELECT signer_name FROM consents WHERE id = $1", {*consent}), "Ann Lee");
}

// --- Session: the day-of re-check and consent ---------------------------------------------------

TEST_P(ChartingTest, ASessionRecordsEverythingTp08AsksForWithOneAuditEntry) {
  const Id plan = ConsentedPlan();
  const RowCounts before = Counts();
  app::SessionChart chart = Chart(plan);
  chart.zones[0].speed = "level 4";
  const auto session = charting_->ChartSession(Physician(), testing::ShippedKb(), chart);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  RowCounts expected = before;
  expected.sessions += 1;
  expected.session_zones += 1;
  expected.session_products += 2;  // the glide, and the anaesthetic for recall by lot
  expected.audit += 1;
  EXPECT_EQ(Counts(), expected);

  auto row = db().Query(
      "SELECT device_id, cartridge_id, practitioner_id, performed_on, status,"
      " checklist_json, anaesthetic_json, screening_id FROM sessions WHERE id = $1",
      {*session});
  ASSERT_TRUE(row.ok());
  const store::SqlRow& s = row->front();
  EXPECT_EQ(s.Int(0), device_);
  EXPECT_EQ(s.Int(1), cartridge_);
  EXPECT_EQ(s.Int(2), physician_);
  EXPECT_EQ(s.Text(3), "2026-11-20");
  EXPECT_EQ(s.Text(4), "draft");
  EXPECT_EQ(nlohmann::json::parse(s.Text(5))["sun_protection"], "done");
  const auto anaesthetic = nlohmann::json::parse(s.Text(6));
  EXPECT_EQ(anaesthetic["strength"], "4%");
  EXPECT_EQ(anaesthetic["area"], "both cheeks");
  EXPECT_EQ(anaesthetic["contact_minutes"], 30);
  EXPECT_EQ(anaesthetic["lot"], "P-1");
  EXPECT_EQ(s.Int(7), screening_);
  auto zone = db().Query(
      "SELECT zone, depth_um, passes, endpoint, override_by, speed FROM session_zones"
      " WHERE session_id = $1",
      {*session});
  ASSERT_TRUE(zone.ok());
  EXPECT_EQ(zone->front().Text(0), "cheeks");
  EXPECT_EQ(zone->front().Int(1), 1000);
  EXPECT_EQ(zone->front().Int(2), 3);
  EXPECT_EQ(zone->front().Text(3), "erythema");
  EXPECT_TRUE(zone->front().IsNull(4));
  EXPECT_EQ(zone->front().Text(5), "level 4");
}

// The checklist is written straight to text, no longer through a JSON tree; the text is what the
// tree wrote: every tick, in code order, compact.
TEST_P(ChartingTest, TheStoredChecklistIsEveryTickInCodeOrder) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.anaesthetic.reset();
  chart.checklist[1].state = StepState::kNotUsed;  // the anaesthetic step
  const auto session = charting_->ChartSession(Physician(), testing::ShippedKb(), chart);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  nlohmann::json ticks = nlohmann::json::object();
  for (const ChecklistTick& tick : chart.checklist) {
    ticks[tick.step.str()] = tick.state == StepState::kDone ? "done" : "not_used";
  }
  const auto row = db().Query("SELECT checklist_json FROM sessions WHERE id = $1", {*session});
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->front().Text(0), ticks.dump());
  EXPECT_EQ(row->front().Text(0).rfind(R"({"anaesthetic":"not_used","antisepsis":"done",)", 0), 0u);
}

// The latest consent of the plan is the one signed last; within one second, the one written last.
// A consent written later but dated earlier does not count as the latest.
TEST_P(ChartingTest, ASessionRecordsThePlansLatestConsent) {
  const Id plan = ConsentedPlan();
  const auto latest = charting_->SignConsent(Physician(), Consent(plan));  // the same second
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  Insert(
      "INSERT INTO consents (clinic_id, client_id, plan_id, text_version, text_digest, items_json,"
      " signature, signer_name, photo_consent, witnessed_by, signed_at) VALUES ($1, $2, $3,"
      " 'consent-v0', 'sha256:old', '[]', 'sig', 'Ann Lee', 0, $4, $5) RETURNING id",
      {clinic_, client_, plan, physician_, kNow - 3600});
  const auto session = charting_->ChartSession(Physician(), testing::ShippedKb(), Chart(plan));
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  const auto row = db().Query("SELECT consent_id FROM sessions WHERE id = $1", {*session});
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->front().Int(0), *latest);
}

TEST_P(ChartingTest, ASessionWithoutAScreeningOfTheSameDayIsRefused) {
  const Id plan = ConsentedPlan();
  clock_.Set(kNow + 86400, Date::FromYmd(2026, 11, 21));
  const Status status = ExpectRefused(Physician(), Chart(plan), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "screening", "2026-11-21")) << status.ToString();
}

TEST_P(ChartingTest, ASessionScreenedWithAnotherKnowledgeBaseIsRefused) {
  const Id plan = ConsentedPlan();
  InsertScreening(intake_, MainIntake(), "sha256:an-older-knowledge-base");
  const Status status = ExpectRefused(Physician(), Chart(plan), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "screening", "knowledge base")) << status.ToString();
}

TEST_P(ChartingTest, ASessionScreenedOnAnOlderIntakeRevisionIsRefused) {
  const Id plan = ConsentedPlan();
  InsertIntake(2, MainIntake().Set("/client/fitzpatrick", 6));
  const Status status = ExpectRefused(Physician(), Chart(plan), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "screening", "earlier intake")) << status.ToString();
}

TEST_P(ChartingTest, ASessionWhoseDayOfScreeningDefersIsRefused) {
  const Id plan = ConsentedPlan();
  const Id revision = InsertIntake(2, MainIntake().Add("conditions", {{"code", "hsv_active"}}));
  InsertScreening(revision, MainIntake().Add("conditions", {{"code", "hsv_active"}}),
                  testing::ShippedKb().digest);
  const Status status = ExpectRefused(Physician(), Chart(plan), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "screening", "defer")) << status.ToString();
}

TEST_P(ChartingTest, ASessionWithoutASignedConsentIsRefused) {
  const auto plan = charting_->CreatePlan(Physician(), Plan());
  ASSERT_TRUE(plan.ok());
  const Status status = ExpectRefused(Physician(), Chart(*plan), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "consent")) << status.ToString();
}

// --- Session: cartridge, device, depth
// ------------------------------------------------------------

TEST_P(ChartingTest, AnExpiredCartridgeIsRefused) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.cartridge_id = expired_cartridge_;
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "cartridge_id", "L-OLD expired")) << status.ToString();
}

TEST_P(ChartingTest, ACartridgeServesOneSessionOnly) {
  const SessionChart chart = Chart(ConsentedPlan());
  ASSERT_TRUE(charting_->ChartSession(Physician(), testing::ShippedKb(), chart).ok());
  // A clash with the stored session, not bad input: kAlreadyExists (409), naming the field.
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kAlreadyExists);
  EXPECT_TRUE(HasField(status, "cartridge_id", "already used for another session"))
      << status.ToString();
}

TEST_P(ChartingTest, AnotherClinicsCartridgeAnswersLikeAnUnknownOne) {
  SessionChart chart = Chart(ConsentedPlan());
  const Id foreign_lot = Insert(
      "INSERT INTO cartridge_lots (clinic_id, lot_number, model,"
      " needle_count, needle_material, expires_on)"
      " VALUES ($1, 'X', 'C12', 12, 'titanium', '2027-01-01') RETURNING id",
      {other_clinic_});
  chart.cartridge_id = Insert(
      "INSERT INTO cartridges (clinic_id, lot_id, unit_code)"
      " VALUES ($1, $2, 'U1') RETURNING id",
      {other_clinic_, foreign_lot});
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kNotFound);
  EXPECT_EQ(status.message(), "cartridge " + std::to_string(chart.cartridge_id) + " not found");
}

TEST_P(ChartingTest, AnInactiveDeviceOrADepthBeyondItIsRefused) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.zones[0].depth = Mm(3.0);
  chart.zones[0].override_reason = "deep scars";
  Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "zones[0].depth", "device")) << status.ToString();

  ASSERT_TRUE(db().Execute("UPDATE devices SET active = 0 WHERE id = $1", {device_}).ok());
  status = ExpectRefused(Physician(), Chart(chart.plan_id), StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "device_id")) << status.ToString();
}

TEST_P(ChartingTest, ANurseCannotGoBeyondThePlansCap) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.zones[0].depth = Mm(1.25);
  chart.zones[0].override_reason = "thick skin";
  const Status status = ExpectRefused(Nurse(), chart, StatusCode::kPermissionDenied);
  EXPECT_NE(status.message().find("prescriber"), std::string::npos) << status.ToString();
}

TEST_P(ChartingTest, APhysicianBeyondThePlansCapMustGiveAReasonWhichIsRecorded) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.zones[0].depth = Mm(1.25);
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "zones[0].override_reason")) << status.ToString();

  chart.zones[0].override_reason = "thick sebaceous skin, tolerated 1.0 mm well";
  const auto session = charting_->ChartSession(Physician(), testing::ShippedKb(), chart);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  auto zone = db().Query(
      "SELECT depth_um, override_by, override_reason FROM session_zones"
      " WHERE session_id = $1",
      {*session});
  ASSERT_TRUE(zone.ok());
  EXPECT_EQ(zone->front().Int(0), 1250);
  EXPECT_EQ(zone->front().Int(1), physician_);
  EXPECT_EQ(zone->front().Text(2), "thick sebaceous skin, tolerated 1.0 mm well");
}

TEST_P(ChartingTest, AZoneOutsideThePlanOrWithBadPassesOrEndpointIsRefused) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.zones[0].passes = 0;
  chart.zones[0].endpoint = Code("blood_dew");
  chart.zones.push_back({Code("neck"), Mm(0.5), 2, Code("erythema"), "", "level 5"});
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "zones[0].passes")) << status.ToString();
  EXPECT_TRUE(HasField(status, "zones[0].endpoint")) << status.ToString();
  EXPECT_TRUE(HasField(status, "zones[1].zone", "not in the plan")) << status.ToString();
}

TEST_P(ChartingTest, TP08AMotorisedDeviceNeedsTheSpeedOfEveryZone) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.zones[0].speed = "";
  chart.zones.push_back({Code("forehead"), Mm(0.5), 2, Code("erythema"), "", "  "});
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "zones[0].speed", "TP-08")) << status.ToString();
  EXPECT_TRUE(HasField(status, "zones[1].speed", "motorised")) << status.ToString();
}

TEST_P(ChartingTest, AHandHeldRollerNeedsNoSpeed) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.device_id = Insert(
      "INSERT INTO devices (clinic_id, model, kind, cleared, max_depth_um, serial)"
      " VALUES ($1, 'Roller', 'roller', 1, 1500, 'SN-R') RETURNING id",
      {clinic_});
  chart.zones[0].speed = "";
  const auto session = charting_->ChartSession(Physician(), testing::ShippedKb(), chart);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_EQ(Text("SELECT speed FROM session_zones WHERE session_id = $1", {*session}), "");
}

// --- Session: products, anaesthetic, checklist
// ----------------------------------------------------

TEST_P(ChartingTest, ANonSterileProductIntoTheSkinIsRefused) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.products.push_back({serum_, Code("needling")});
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "products[1].product_id", "TP-01")) << status.ToString();
}

TEST_P(ChartingTest, AnExpiredProductIsRefused) {
  SessionChart chart = Chart(ConsentedPlan());
  ASSERT_TRUE(
      db().Execute("UPDATE products SET expires_on = '2026-10-01' WHERE id = $1", {glide_}).ok());
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "products[0].product_id", "expired")) << status.ToString();
}

TEST_P(ChartingTest, AnaestheticNeedsStrengthAreaAndAContactTimeUpToAnHour) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.anaesthetic->strength = "";
  chart.anaesthetic->area = "";
  chart.anaesthetic->contact_minutes = 90;
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "anaesthetic.strength")) << status.ToString();
  EXPECT_TRUE(HasField(status, "anaesthetic.area")) << status.ToString();
  EXPECT_TRUE(HasField(status, "anaesthetic.contact_minutes", "TP-03")) << status.ToString();
}

TEST_P(ChartingTest, AnaestheticNotUsedIsAValidTickButOnlyForThatStep) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.anaesthetic.reset();
  chart.checklist[1].state = StepState::kNotUsed;
  chart.checklist[2].state = StepState::kNotUsed;  // antisepsis cannot be skipped
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "checklist[2].state")) << status.ToString();

  chart.checklist[2].state = StepState::kDone;
  const auto session = charting_->ChartSession(Physician(), testing::ShippedKb(), chart);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_EQ(Text("SELECT anaesthetic_json FROM sessions WHERE id = $1", {*session}), "{}");
}

TEST_P(ChartingTest, AnIncompleteChecklistIsRefused) {
  SessionChart chart = Chart(ConsentedPlan());
  chart.checklist.pop_back();  // sun_protection
  const Status status = ExpectRefused(Physician(), chart, StatusCode::kInvalidArgument);
  EXPECT_TRUE(HasField(status, "checklist", "sun_protection")) << status.ToString();
}

// The checklist, the sterile-product steps and the contact time are the knowledge base's (TP-06,
// TP-01, TP-03): a clinic that edits them changes what charting insists on.
TEST_P(ChartingTest, TheChecklistAndItsLimitsComeFromTheKnowledgeBase) {
  kb::KnowledgeBase clinic_kb = testing::ShippedKb();
  for (kb::Rule& rule : clinic_kb.rules) {
    if (rule.anaesthetic_policy) rule.anaesthetic_policy->max_contact_minutes = 45;
    if (rule.product_policy) rule.product_policy->sterile_at_steps.insert(Code("calming"));
    if (rule.checklist_policy) {
      rule.checklist_policy->steps.push_back({Code("photographs"), "After photographs", false});
    }
  }
  SessionChart chart = Chart(ConsentedPlan());
  chart.anaesthetic->contact_minutes = 50;
  chart.products.push_back({serum_, Code("calming")});
  RowCounts before = Counts();
  auto refused = charting_->ChartSession(Physician(), clinic_kb, chart);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(HasField(refused.status(), "anaesthetic.contact_minutes", "between 1 and 45"))
      << refused.status().ToString();
  EXPECT_TRUE(HasField(refused.status(), "products[1].product_id", "TP-01"))
      << refused.status().ToString();
  EXPECT_TRUE(HasField(refused.status(), "checklist", "photographs"))
      << refused.status().ToString();
  EXPECT_EQ(Counts(), before);

  chart.anaesthetic->contact_minutes = 45;
  chart.products.pop_back();
  chart.checklist.push_back({Code("photographs"), StepState::kDone});
  const auto session = charting_->ChartSession(Physician(), clinic_kb, chart);
  EXPECT_TRUE(session.ok()) << session.status().ToString();
}

TEST_P(ChartingTest, AKnowledgeBaseWithoutTheChecklistStopsCharting) {
  kb::KnowledgeBase broken = testing::ShippedKb();
  for (kb::Rule& rule : broken.rules) rule.checklist_policy.reset();
  const RowCounts before = Counts();
  const auto refused = charting_->ChartSession(Physician(), broken, Chart(ConsentedPlan()));
  EXPECT_EQ(refused.status().code(), StatusCode::kInternal) << refused.status().ToString();
  EXPECT_EQ(Counts().sessions, before.sessions);
}

// --- Draft updates, signature, amendment ---------------------------------------------------------

TEST_P(ChartingTest, ADraftUpdateReplacesItsContentAndBumpsTheVersion) {
  const SessionChart chart = Chart(ConsentedPlan());
  const auto session = charting_->ChartSession(Physician(), testing::ShippedKb(), chart);
  ASSERT_TRUE(session.ok());
  SessionChart changed = chart;
  changed.zones[0].depth = Mm(0.75);
  changed.zones[0].passes = 4;
  changed.notes = "Reduced depth over the zygoma.";
  const RowCounts before = Counts();
  const auto version =
      charting_->UpdateDraftSession(Physician(), testing::ShippedKb(), *session, 1, changed);
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, 2);
  RowCounts expected = before;
  expected.audit += 1;
  EXPECT_EQ(Counts(), expected);
  auto zone =
      db().Query("SELECT depth_um, passes FROM session_zones WHERE session_id = $1", {*session});
  ASSERT_TRUE(zone.ok());
  ASSERT_EQ(zone->size(), 1u);
  EXPECT_EQ(zone->front().Int(0), 750);
  EXPECT_EQ(zone->front().Int(1), 4);
  EXPECT_EQ(Text("SELECT notes FROM sessions WHERE id = $1", {*session}),
            "Reduced depth over the zygoma.");
}

TEST_P(ChartingTest, ADraftUpdateWithAStaleVersionConflicts) {
  const SessionChart chart = Chart(ConsentedPlan());
  const auto session = charting_->ChartSession(Physician(), testing::ShippedKb(), chart);
  ASSERT_TRUE(session.ok());
  ASSERT_TRUE(
      charting_->UpdateDraftSession(Physician(), testing::ShippedKb(), *session, 1, chart).ok());
  const RowCounts before = Counts();
  const auto stale =
      charting_->UpdateDraftSession(Physician(), testing::ShippedKb(), *session, 1, chart);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(Counts(), before);
  const Status sign = charting_->SignSession(Physician(), *session, 1);
  EXPECT_EQ(sign.code(), StatusCode::kConflict);
  EXPECT_EQ(Counts(), before);
}

TEST_P(ChartingTest, ASignedSessionIsLockedForGood) {
  const SessionChart chart = Chart(ConsentedPlan());
  const auto session = charting_->ChartSession(Physician(), testing::ShippedKb(), chart);
  ASSERT_TRUE(session.ok());
  RowCounts before = Counts();
  ASSERT_TRUE(charting_->SignSession(Physician(), *session, 1).ok());
  before.audit += 1;
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(Text("SELECT status FROM sessions WHERE id = $1", {*session}), "signed");

  const auto update =
      charting_->UpdateDraftSession(Physician(), testing::ShippedKb(), *session, 2, chart);
  ASSERT_FALSE(update.ok());
  EXPECT_TRUE(HasField(update.status(), "session_id", "signed")) << update.status().ToString();
  EXPECT_FALSE(charting_->SignSession(Physician(), *session, 2).ok());
  EXPECT_EQ(Counts(), before);
  // The database refuses too, whatever code path tries.
  EXPECT_FALSE(db().Execute("UPDATE sessions SET notes = 'x' WHERE id = $1", {*session}).ok());
  EXPECT_FALSE(
      db().Execute("UPDATE session_zones SET passes = 9 WHERE session_id = $1", {*session}).ok());
  EXPECT_EQ(Text("SELECT notes FROM sessions WHERE id = $1", {*session}), "Even erythema reached.");
}

TEST_P(ChartingTest, AnAmendmentIsStoredBesideTheSignedOriginalWhichNeverChanges) {
  const auto session =
      charting_->ChartSession(Physician(), testing::ShippedKb(), Chart(ConsentedPlan()));
  ASSERT_TRUE(session.ok());
  ASSERT_TRUE(charting_->SignSession(Physician(), *session, 1).ok());
  const std::string original =
      Text("SELECT notes || '|' || status || '|' || checklist_json FROM sessions WHERE id = $1",
           {*session});
  const RowCounts before = Counts();
  const auto amendment = charting_->AmendRecord(
      Physician(),
      {"session", *session, "passes were 4, not 3", R"({"zones":[{"zone":"cheeks","passes":4}]})"});
  ASSERT_TRUE(amendment.ok()) << amendment.status().ToString();
  RowCounts expected = before;
  expected.amendments += 1;
  expected.audit += 1;
  EXPECT_EQ(Counts(), expected);
  auto row = db().Query(
      "SELECT record_type, record_id, reason, author_id FROM amendments"
      " WHERE id = $1",
      {*amendment});
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->front().Text(0), "session");
  EXPECT_EQ(row->front().Int(1), *session);
  EXPECT_EQ(row->front().Text(2), "passes were 4, not 3");
  EXPECT_EQ(row->front().Int(3), physician_);
  EXPECT_EQ(Text("SELECT notes || '|' || status || '|' || checklist_json FROM sessions"
                 " WHERE id = $1",
                 {*session}),
            original);
  EXPECT_EQ(Int("SELECT version FROM sessions WHERE id = $1", {*session}), 2);
}

TEST_P(ChartingTest, AnAmendmentNeedsAReasonAJsonBodyAndARecordOfThisClinic) {
  const RowCounts before = Counts();
  auto amendment = charting_->AmendRecord(Physician(), {"screening", screening_, "", "not json"});
  ASSERT_FALSE(amendment.ok());
  EXPECT_TRUE(HasField(amendment.status(), "reason"));
  EXPECT_TRUE(HasField(amendment.status(), "body"));
  amendment = charting_->AmendRecord(Physician(), {"invoice", screening_, "typo", "{}"});
  EXPECT_TRUE(HasField(amendment.status(), "record_type"));
  const Actor stranger{other_clinic_, other_physician_, Code("physician")};
  amendment = charting_->AmendRecord(stranger, {"screening", screening_, "typo", "{}"});
  EXPECT_EQ(amendment.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(amendment.status().message(), "screening " + std::to_string(screening_) + " not found");
  EXPECT_EQ(Counts(), before);
  EXPECT_TRUE(charting_->AmendRecord(Physician(), {"screening", screening_, "typo", "{}"}).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, ChartingTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(store::DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::app
