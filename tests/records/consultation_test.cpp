// The consultation use cases on both engines: every invariant is attacked, and after each refusal
// the database (clinical rows and audit log alike) is proved unchanged.
#include "corium/app/consultation.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "corium/engine/decision_json.h"
#include "corium/engine/intake_parser.h"
#include "corium/engine/screening.h"
#include "corium/store/records/sql_clients.h"
#include "corium/store/records/sql_screenings.h"
#include "corium/store/records/sql_staff.h"
#include "corium/store/records/sql_unit_of_work.h"
#include "support/test_databases.h"
#include "support/test_kb.h"

namespace corium::app {
namespace {

using store::Dialect;
using store::SqlValue;

constexpr std::int64_t kNow = 1795167000;  // 2026-11-20T09:30:00Z
const char* const kHistory = R"({"client": {"birth_date": "1988-03-14", "fitzpatrick": 2}})";
// Isotretinoin stopped less than six months before 2026-11-20: the screening defers.
const char* const kIsotretinoinHistory =
    R"({"client": {"birth_date": "1988-03-14"},
        "medications": [{"code": "isotretinoin", "current": false, "last_dose": "2026-08-01"}]})";

// The ports over one connection, as a request handler would hold them.
struct Ports {
  explicit Ports(store::SqlConnection& db, const Clock& clock)
      : audit(db),
        work(db, audit),
        staff(db),
        clients(db),
        screenings(db),
        view{work, audit, clock, testing::ShippedKb(), staff, clients, screenings} {}
  store::SqlAuditLog audit;
  store::SqlUnitOfWork work;
  store::SqlStaffRepository staff;
  store::SqlClientRepository clients;
  store::SqlScreeningRepository screenings;
  ConsultationPorts view;
};

std::string ValueText(const SqlValue& value) {
  if (std::holds_alternative<std::monostate>(value)) return "NULL";
  if (const auto* i = std::get_if<std::int64_t>(&value)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&value)) return std::to_string(*d);
  return "'" + std::get<std::string>(value) + "'";
}

class ConsultationTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    CORIUM_REQUIRE_ENGINE(GetParam());
    database_ = testing::MakeTestDatabase(GetParam());
    clinic_ = InsertClinic("Salt Lake Skin");
    other_clinic_ = InsertClinic("Provo Skin");
    ports_ = std::make_unique<Ports>(database_->db(), clock_);
    physician_ = Seed(clinic_, "Dr Ada Park", "ada@slc.example", "physician", std::nullopt);
    nurse_ = Seed(clinic_, "Ben Ortiz", "ben@slc.example", "nurse", physician_.id);
    esthetician_ = Seed(clinic_, "Cy Lund", "cy@slc.example", "esthetician", std::nullopt);
    other_physician_ =
        Seed(other_clinic_, "Dr Dee Moss", "dee@provo.example", "physician", std::nullopt);
  }

  Id InsertClinic(const std::string& name) {
    auto rows = database_->db().Query(
        "INSERT INTO clinics (name, time_zone, created_at) VALUES ($1, 'America/Denver', 1)"
        " RETURNING id",
        {name});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->front().Int(0) : 0;
  }

  StaffMember Seed(Id clinic, const std::string& name, const std::string& email,
                   const std::string& role, std::optional<Id> supervisor) {
    StaffDraft draft;
    draft.full_name = name;
    draft.email = email;
    draft.role = Code(role);
    draft.jurisdiction = "US-UT";
    draft.supervising_physician_id = supervisor;
    auto member = RegisterStaff(ports_->view, Actor{clinic, 0, Code()}, draft);
    EXPECT_TRUE(member.ok()) << member.status().ToString();
    return member.ok() ? *member : StaffMember{};
  }

  static Actor As(const StaffMember& member) {
    return Actor{member.clinic_id, member.id, member.details.role};
  }

  static ClientDraft Jane() {
    ClientDraft draft;
    draft.given_name = "Jane";
    draft.family_name = "Doe";
    draft.birth_date = Date::FromYmd(1988, 3, 14);
    draft.email = "jane@example.com";
    draft.fitzpatrick = 2;
    return draft;
  }

  Client NewClient() {
    auto client = RegisterClient(ports_->view, As(physician_), Jane());
    EXPECT_TRUE(client.ok()) << client.status().ToString();
    return client.ok() ? *client : Client{};
  }

  IntakeRecord NewIntake(Id client_id, const std::string& history = kHistory) {
    auto intake = RecordIntake(ports_->view, As(nurse_), client_id, history);
    EXPECT_TRUE(intake.ok()) << intake.status().ToString();
    return intake.ok() ? *intake : IntakeRecord{};
  }

  static std::vector<corium::TreatmentRequest> WrinklesOnCheeks() {
    return {corium::TreatmentRequest{Code("wrinkles"), {Code("cheeks")}}};
  }
  static corium::Device Pen() {
    return corium::Device{Code("pen"), true, Depth::FromMillimetres(2.5), Code("titanium")};
  }

  Screening NewScreening(Id client_id) {
    auto screening = Consult(ports_->view, As(physician_), client_id, WrinklesOnCheeks(), Pen());
    EXPECT_TRUE(screening.ok()) << screening.status().ToString();
    return screening.ok() ? *screening : Screening{};
  }

  // What a second connection sees as committed.
  std::vector<store::SqlRow> Committed(const std::string& sql) {
    auto rows = database_->Reconnect()->Query(sql, {});
    EXPECT_TRUE(rows.ok()) << sql << ": " << rows.status().ToString();
    return rows.ok() ? *rows : std::vector<store::SqlRow>{};
  }
  std::int64_t Count(const std::string& table) {
    const auto rows = Committed("SELECT COUNT(*) FROM " + table);
    return rows.empty() ? -1 : rows.front().Int(0);
  }
  // Every row of every table this slice writes, as text: equal snapshots mean nothing changed.
  std::string Snapshot() {
    std::string text;
    for (const char* table :
         {"staff", "clients", "intakes", "screenings", "screening_overrides", "audit_log"}) {
      text += std::string(table) + ":\n";
      for (const store::SqlRow& row :
           Committed(std::string("SELECT * FROM ") + table + " ORDER BY id")) {
        for (const SqlValue& value : row.values) text += ValueText(value) + "|";
        text += "\n";
      }
    }
    return text;
  }
  std::vector<store::SqlRow> AuditRows() {
    return Committed(
        "SELECT actor_id, action, record_type, record_id, client_id, at, clinic_id"
        " FROM audit_log ORDER BY id");
  }

  static bool HasField(const Status& status, const std::string& path) {
    for (const FieldError& error : status.field_errors()) {
      if (error.path == path) return true;
    }
    return false;
  }

  FixedClock clock_{kNow, Date::FromYmd(2026, 11, 20)};
  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<Ports> ports_;
  Id clinic_ = 0;
  Id other_clinic_ = 0;
  StaffMember physician_, nurse_, esthetician_, other_physician_;
};

// --- Staff -------------------------------------------------------------------------------------

TEST_P(ConsultationTest, RegisterStaffRefusesRolesOutsideTheClinicVocabulary) {
  const std::string before = Snapshot();
  StaffDraft draft{"Eve Kim", "eve@slc.example", Code("surgeon"), "US-UT", "", {}, {}};
  auto unknown = RegisterStaff(ports_->view, As(physician_), draft);
  EXPECT_TRUE(HasField(unknown.status(), "role")) << unknown.status().ToString();
  draft.role = Code("home_user");  // the role of treatment at home, never of clinic staff
  auto home = RegisterStaff(ports_->view, As(physician_), draft);
  EXPECT_TRUE(HasField(home.status(), "role")) << home.status().ToString();
  draft.role = Code();
  draft.email = "not an email";
  auto blank = RegisterStaff(ports_->view, As(physician_), draft);
  EXPECT_TRUE(HasField(blank.status(), "role"));
  EXPECT_TRUE(HasField(blank.status(), "email"));
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ConsultationTest, RegisterStaffRefusesAnEmailAlreadyUsedInTheClinic) {
  const std::string before = Snapshot();
  StaffDraft draft{"Ada Again", "ada@slc.example", Code("nurse"), "US-UT", "", {}, {}};
  auto duplicate = RegisterStaff(ports_->view, As(physician_), draft);
  EXPECT_EQ(duplicate.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(Snapshot(), before);
  // The same address in another clinic is another person's account there.
  EXPECT_TRUE(RegisterStaff(ports_->view, As(other_physician_), draft).ok());
}

TEST_P(ConsultationTest, RegisterStaffRefusesASupervisorWhoIsNoPrescriberOrFromAnotherClinic) {
  const std::string before = Snapshot();
  StaffDraft draft{"Fay Holt", "fay@slc.example", Code("nurse"), "US-UT", "", {}, nurse_.id};
  auto not_prescriber = RegisterStaff(ports_->view, As(physician_), draft);
  EXPECT_TRUE(HasField(not_prescriber.status(), "supervising_physician_id"));
  draft.supervising_physician_id = other_physician_.id;
  auto elsewhere = RegisterStaff(ports_->view, As(physician_), draft);
  EXPECT_TRUE(HasField(elsewhere.status(), "supervising_physician_id"));
  EXPECT_EQ(Snapshot(), before);
}

// --- Clients -----------------------------------------------------------------------------------

TEST_P(ConsultationTest, RegisterClientNamesEveryInvalidField) {
  const std::string before = Snapshot();
  ClientDraft draft = Jane();
  draft.given_name = " ";
  draft.family_name = "";
  draft.birth_date = Date::FromYmd(2026, 11, 21);  // tomorrow
  draft.fitzpatrick = 7;
  auto refused = RegisterClient(ports_->view, As(physician_), draft);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  for (const char* field : {"given_name", "family_name", "birth_date", "fitzpatrick"}) {
    EXPECT_TRUE(HasField(refused.status(), field)) << field;
  }
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ConsultationTest, RegisterClientStoresTheClientAndOneAuditEntry) {
  const std::int64_t audits = Count("audit_log");
  const Client client = NewClient();
  EXPECT_EQ(client.version, 1);
  EXPECT_EQ(Count("audit_log"), audits + 1);
  const auto last = AuditRows().back();
  EXPECT_EQ(last.Int(0), physician_.id);
  EXPECT_EQ(last.Text(1), "create");
  EXPECT_EQ(last.Text(2), "client");
  EXPECT_EQ(last.Int(4), client.id);
  EXPECT_EQ(last.Int(5), kNow);
  auto found = ports_->clients.Find(clinic_, client.id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->details.birth_date, Date::FromYmd(1988, 3, 14));
  EXPECT_EQ(found->details.fitzpatrick, 2);
}

TEST_P(ConsultationTest, AnotherClinicsClientAnswersExactlyLikeAnUnknownId) {
  const Client client = NewClient();
  NewIntake(client.id);
  const Screening screening = NewScreening(client.id);
  const std::string before = Snapshot();
  const Actor intruder = As(other_physician_);
  auto unknown = ReadClientChart(ports_->view, intruder, 999999);
  auto foreign = ReadClientChart(ports_->view, intruder, client.id);
  EXPECT_EQ(foreign.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign.status().ToString(), unknown.status().ToString());
  EXPECT_EQ(UpdateClient(ports_->view, intruder, client.id, 1, Jane()).status().ToString(),
            unknown.status().ToString());
  EXPECT_EQ(RecordIntake(ports_->view, intruder, client.id, kHistory).status().ToString(),
            unknown.status().ToString());
  EXPECT_EQ(
      Consult(ports_->view, intruder, client.id, WrinklesOnCheeks(), Pen()).status().ToString(),
      unknown.status().ToString());
  auto foreign_screening = OverrideScreening(ports_->view, intruder, screening.id, "reason");
  auto unknown_screening = OverrideScreening(ports_->view, intruder, 999999, "reason");
  EXPECT_EQ(foreign_screening.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign_screening.status().ToString(), unknown_screening.status().ToString());
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ConsultationTest, StaffOfAnotherClinicCannotActInThisOne) {
  const Client client = NewClient();
  const std::string before = Snapshot();
  // A forged actor: this clinic's id with another clinic's staff member.
  const Actor forged{clinic_, other_physician_.id, Code("physician")};
  EXPECT_EQ(ReadClientChart(ports_->view, forged, client.id).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(RegisterClient(ports_->view, forged, Jane()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ConsultationTest, UpdateWithAStaleVersionConflictsAndChangesNothing) {
  const Client client = NewClient();
  ClientDraft changed = Jane();
  changed.phone = "+1 801 555 0100";
  auto first = UpdateClient(ports_->view, As(nurse_), client.id, client.version, changed);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->version, 2);
  EXPECT_EQ(first->details.phone, "+1 801 555 0100");

  const std::string before = Snapshot();
  changed.family_name = "Smith";
  auto stale = UpdateClient(ports_->view, As(physician_), client.id, client.version, changed);
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(Snapshot(), before);
  auto found = ports_->clients.Find(clinic_, client.id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->details.family_name, "Doe");
}

TEST_P(ConsultationTest, UpdateRefusesInvalidFieldsBeforeTouchingTheRecord) {
  const Client client = NewClient();
  const std::string before = Snapshot();
  ClientDraft draft = Jane();
  draft.birth_date = Date::FromYmd(2030, 1, 1);
  auto refused = UpdateClient(ports_->view, As(nurse_), client.id, client.version, draft);
  EXPECT_TRUE(HasField(refused.status(), "birth_date"));
  EXPECT_EQ(Snapshot(), before);
}

// --- Intakes -----------------------------------------------------------------------------------

TEST_P(ConsultationTest, EachIntakeIsANewRevisionAndEarlierOnesAreKept) {
  const Client client = NewClient();
  EXPECT_EQ(NewIntake(client.id).revision, 1);
  EXPECT_EQ(NewIntake(client.id, kIsotretinoinHistory).revision, 2);
  EXPECT_EQ(NewIntake(client.id).revision, 3);
  auto intakes = ports_->clients.Intakes(clinic_, client.id);
  ASSERT_TRUE(intakes.ok());
  ASSERT_EQ(intakes->size(), 3u);
  EXPECT_NE((*intakes)[1].intake_json.find("isotretinoin"), std::string::npos);
  EXPECT_EQ((*intakes)[0].recorded_by, nurse_.id);
}

TEST_P(ConsultationTest, AnInvalidIntakeIsRefusedWithThePathOfEachProblem) {
  const Client client = NewClient();
  const std::string before = Snapshot();
  struct Case {
    const char* history;
    const char* path;
  };
  const Case cases[] = {
      {R"({"client": {"birth_date": "1988-03-14"}, "conditions": [{"code": "acne_typo"}]})",
       "conditions[0].code"},
      {R"({"client": {"birth_date": "1988-03-14", "fitzpatric": 2}})", "client.fitzpatric"},
      {R"({"client": {"birth_date": "1988-03-14"}, "requests": []})", "requests"},
      {R"({"client": {"birth_date": "1988-03-14"},
           "procedures": [{"code": "waxing", "date": "2026-12-01"}]})",
       "procedures[0].date"},
      {R"({"client": {"birth_date": "1990-01-01"}})", "client.birth_date"},
      {R"({"conditions": []})", "client"},
      {R"({"client": {"birth_date": "1988-03-14"}, "allergies": [], "allergies": []})", "(intake)"},
      {R"(["client"])", "(intake)"},
      {"{not json", "(intake)"},
  };
  for (const Case& c : cases) {
    auto refused = RecordIntake(ports_->view, As(nurse_), client.id, c.history);
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument) << c.history;
    EXPECT_TRUE(HasField(refused.status(), c.path))
        << c.history << " -> " << refused.status().ToString();
  }
  EXPECT_EQ(Snapshot(), before);
}

// --- Consultation ------------------------------------------------------------------------------

TEST_P(ConsultationTest, ConsultStoresTheIntakeJudgedTheDecisionAndTheDigest) {
  const Client client = NewClient();
  const IntakeRecord intake = NewIntake(client.id, kIsotretinoinHistory);
  const std::int64_t audits = Count("audit_log");
  const Screening screening = NewScreening(client.id);
  EXPECT_EQ(Count("audit_log"), audits + 1);
  EXPECT_EQ(screening.decision, Outcome::kDefer);
  ASSERT_TRUE(screening.earliest_date.has_value());
  EXPECT_GT(*screening.earliest_date, Date::FromYmd(2026, 11, 20));

  const auto rows = Committed(
      "SELECT intake_id, as_of, decision, earliest_date, intake_json, decision_json, kb_version,"
      " kb_digest, screened_by, screened_at FROM screenings");
  ASSERT_EQ(rows.size(), 1u);
  const store::SqlRow& row = rows.front();
  EXPECT_EQ(row.Int(0), intake.id);
  EXPECT_EQ(row.Text(1), "2026-11-20");
  EXPECT_EQ(row.Text(2), "defer");
  EXPECT_EQ(row.Text(3), screening.earliest_date->ToString());
  EXPECT_EQ(row.Text(4), screening.intake_json);
  EXPECT_EQ(row.Text(6), testing::ShippedKb().version);
  EXPECT_EQ(row.Text(7), testing::ShippedKb().digest);
  EXPECT_EQ(row.Int(8), physician_.id);
  EXPECT_EQ(row.Int(9), kNow);

  // Re-derivable: the stored intake, screened again with the same knowledge base, gives the
  // stored decision byte for byte.
  auto reparsed = engine::ParseIntake(row.Text(4), testing::ShippedKb(), Date::FromYmd(2000, 1, 1));
  ASSERT_TRUE(reparsed.ok()) << reparsed.status().ToString();
  EXPECT_EQ(engine::DecisionToJson(engine::Screen(*reparsed, testing::ShippedKb())), row.Text(5));

  // The intake judged is the client's history plus this consultation's facts.
  const auto judged = nlohmann::json::parse(row.Text(4));
  EXPECT_EQ(judged["as_of"], "2026-11-20");
  EXPECT_EQ(judged["medications"][0]["code"], "isotretinoin");
  EXPECT_EQ(judged["practitioner"]["role"], "physician");
  EXPECT_EQ(judged["practitioner"]["jurisdiction"], "US-UT");
  EXPECT_EQ(judged["device"]["needle_material"], "titanium");
}

TEST_P(ConsultationTest, ConsultJudgesTheLatestRevisionAsTheActingStaffMember) {
  const Client client = NewClient();
  NewIntake(client.id, kIsotretinoinHistory);
  const IntakeRecord latest = NewIntake(client.id);
  auto screening = Consult(ports_->view, As(nurse_), client.id, WrinklesOnCheeks(), std::nullopt);
  ASSERT_TRUE(screening.ok()) << screening.status().ToString();
  EXPECT_EQ(screening->intake_id, latest.id);
  EXPECT_EQ(screening->screened_by, nurse_.id);
  const auto judged = nlohmann::json::parse(screening->intake_json);
  EXPECT_FALSE(judged.contains("medications"));
  EXPECT_FALSE(judged.contains("device"));
  EXPECT_EQ(judged["practitioner"]["role"], "nurse");
  EXPECT_EQ(judged["practitioner"]["supervised"], true);  // Ben has a supervising physician
}

TEST_P(ConsultationTest, ConsultRefusesInvalidRequestsWithPathsAndStoresNothing) {
  const Client client = NewClient();
  const std::string no_intake_yet = Snapshot();
  auto without_intake = Consult(ports_->view, As(physician_), client.id, WrinklesOnCheeks(), Pen());
  EXPECT_TRUE(HasField(without_intake.status(), "intake")) << without_intake.status().ToString();
  EXPECT_EQ(Snapshot(), no_intake_yet);

  NewIntake(client.id);
  const std::string before = Snapshot();
  const std::vector<corium::TreatmentRequest> bad = {
      corium::TreatmentRequest{Code("wrinkles"), {Code("cheeks"), Code("elbowz")}}};
  auto unknown_zone = Consult(ports_->view, As(physician_), client.id, bad, Pen());
  EXPECT_TRUE(HasField(unknown_zone.status(), "requests[0].zones[1]"))
      << unknown_zone.status().ToString();
  auto none = Consult(ports_->view, As(physician_), client.id, {}, Pen());
  EXPECT_TRUE(HasField(none.status(), "requests"));
  auto bad_device = Consult(ports_->view, As(physician_), client.id, WrinklesOnCheeks(),
                            corium::Device{Code("laser"), true, std::nullopt, std::nullopt});
  EXPECT_TRUE(HasField(bad_device.status(), "device.kind"));
  EXPECT_EQ(Snapshot(), before);
}

// --- Overrides ---------------------------------------------------------------------------------

TEST_P(ConsultationTest, OverrideByANurseIsRefused) {
  const Client client = NewClient();
  NewIntake(client.id, kIsotretinoinHistory);
  const Screening screening = NewScreening(client.id);
  const std::string before = Snapshot();
  auto nurse = OverrideScreening(ports_->view, As(nurse_), screening.id, "low dose course");
  EXPECT_EQ(nurse.status().code(), StatusCode::kPermissionDenied);
  // A caller claiming a prescriber role is judged by the stored staff record, not the claim.
  auto claimed = OverrideScreening(ports_->view, Actor{clinic_, esthetician_.id, Code("physician")},
                                   screening.id, "low dose course");
  EXPECT_EQ(claimed.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ConsultationTest, OverrideWithoutAReasonIsRefused) {
  const Client client = NewClient();
  NewIntake(client.id, kIsotretinoinHistory);
  const Screening screening = NewScreening(client.id);
  const std::string before = Snapshot();
  for (const char* reason : {"", "   \n"}) {
    auto refused = OverrideScreening(ports_->view, As(physician_), screening.id, reason);
    EXPECT_TRUE(HasField(refused.status(), "reason")) << refused.status().ToString();
  }
  EXPECT_EQ(Snapshot(), before);
}

TEST_P(ConsultationTest, AnOverrideSitsBesideTheScreeningWhichNeverChanges) {
  const Client client = NewClient();
  NewIntake(client.id, kIsotretinoinHistory);
  const Screening screening = NewScreening(client.id);
  const auto screening_rows = [&] {
    std::string text;
    for (const auto& row : Committed("SELECT * FROM screenings ORDER BY id")) {
      for (const SqlValue& value : row.values) text += ValueText(value) + "|";
    }
    return text;
  };
  const std::string stored = screening_rows();
  auto entry = OverrideScreening(ports_->view, As(physician_), screening.id,
                                 "Course was 10 mg/day for 8 weeks; dermatology agrees.");
  ASSERT_TRUE(entry.ok()) << entry.status().ToString();
  EXPECT_EQ(screening_rows(), stored);
  auto found = ports_->screenings.Find(clinic_, screening.id);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->overrides.size(), 1u);
  EXPECT_EQ(found->overrides[0].prescriber_id, physician_.id);
  EXPECT_EQ(found->overrides[0].decided_at, kNow);
  const auto last = AuditRows().back();
  EXPECT_EQ(last.Text(1), "override");
  EXPECT_EQ(last.Int(3), screening.id);
  EXPECT_EQ(last.Int(4), client.id);
}

// --- Chart and audit ---------------------------------------------------------------------------

TEST_P(ConsultationTest, ReadingAChartReturnsEverythingAndIsAuditedEachTime) {
  const Client client = NewClient();
  NewIntake(client.id);
  NewIntake(client.id, kIsotretinoinHistory);
  const Screening screening = NewScreening(client.id);
  ASSERT_TRUE(OverrideScreening(ports_->view, As(physician_), screening.id, "reviewed").ok());
  for (int attempt = 1; attempt <= 2; ++attempt) {
    const std::int64_t audits = Count("audit_log");
    auto chart = ReadClientChart(ports_->view, As(esthetician_), client.id);
    ASSERT_TRUE(chart.ok()) << chart.status().ToString();
    EXPECT_EQ(chart->client.details.given_name, "Jane");
    ASSERT_EQ(chart->intakes.size(), 2u);
    EXPECT_EQ(chart->intakes[1].revision, 2);
    ASSERT_EQ(chart->screenings.size(), 1u);
    EXPECT_EQ(chart->screenings[0].kb_digest, testing::ShippedKb().digest);
    EXPECT_EQ(chart->screenings[0].overrides.size(), 1u);
    EXPECT_EQ(Count("audit_log"), audits + 1);
    const auto last = AuditRows().back();
    EXPECT_EQ(last.Int(0), esthetician_.id);
    EXPECT_EQ(last.Text(1), "read");
    EXPECT_EQ(last.Int(4), client.id);
    EXPECT_EQ(last.Int(6), clinic_);
  }
}

TEST_P(ConsultationTest, EachChangeAppendsExactlyOneAuditEntryAndEachRefusalNone) {
  std::int64_t audits = Count("audit_log");
  const auto expect_one_more = [&](const char* action, const char* record_type) {
    ++audits;
    EXPECT_EQ(Count("audit_log"), audits) << action << " " << record_type;
    const auto last = AuditRows().back();
    EXPECT_EQ(last.Text(1), action);
    EXPECT_EQ(last.Text(2), record_type);
  };
  const Client client = NewClient();
  expect_one_more("create", "client");
  ASSERT_TRUE(UpdateClient(ports_->view, As(nurse_), client.id, 1, Jane()).ok());
  expect_one_more("update", "client");
  NewIntake(client.id);
  expect_one_more("create", "intake");
  const Screening screening = NewScreening(client.id);
  expect_one_more("create", "screening");
  ASSERT_TRUE(OverrideScreening(ports_->view, As(physician_), screening.id, "why").ok());
  expect_one_more("override", "screening");
  ASSERT_TRUE(ReadClientChart(ports_->view, As(nurse_), client.id).ok());
  expect_one_more("read", "client");
  StaffDraft draft{"Gil Hart", "gil@slc.example", Code("nurse_practitioner"), "US-UT", "", {}, {}};
  ASSERT_TRUE(RegisterStaff(ports_->view, As(physician_), draft).ok());
  expect_one_more("create", "staff");

  // Refusals of every kind, each after reaching the database: not one audit entry among them.
  EXPECT_FALSE(UpdateClient(ports_->view, As(nurse_), client.id, 1, Jane()).ok());
  EXPECT_FALSE(RecordIntake(ports_->view, As(nurse_), client.id, R"({"client": {}})").ok());
  EXPECT_FALSE(Consult(ports_->view, As(nurse_), client.id, {}, std::nullopt).ok());
  EXPECT_FALSE(OverrideScreening(ports_->view, As(nurse_), screening.id, "why").ok());
  EXPECT_FALSE(ReadClientChart(ports_->view, As(nurse_), 999999).ok());
  EXPECT_FALSE(RegisterStaff(ports_->view, As(physician_), draft).ok());
  EXPECT_EQ(Count("audit_log"), audits);
}

TEST_P(ConsultationTest, TheDatabaseRefusesToUpdateOrDeleteAuditRowsAndScreenings) {
  const Client client = NewClient();
  NewIntake(client.id);
  NewScreening(client.id);
  ASSERT_TRUE(ReadClientChart(ports_->view, As(nurse_), client.id).ok());
  const std::string before = Snapshot();
  // Whatever code is written later, the engine itself keeps the log append-only and the screening
  // immutable: these statements are what any such code path would have to run.
  for (const char* statement :
       {"UPDATE audit_log SET action = 'nothing to see'", "UPDATE audit_log SET at = 0",
        "DELETE FROM audit_log", "DELETE FROM audit_log WHERE action = 'read'",
        "UPDATE screenings SET decision = 'proceed'", "DELETE FROM screenings"}) {
    auto connection = database_->Reconnect();
    EXPECT_FALSE(connection->Execute(statement, {}).ok()) << statement;
  }
  EXPECT_EQ(Snapshot(), before);
}

INSTANTIATE_TEST_SUITE_P(Engines, ConsultationTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(store::DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::app
