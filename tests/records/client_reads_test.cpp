// The read use cases of the consultation records and the audit log, on both engines: what each
// returns, how it pages, that every read of a client's record leaves exactly one audit entry, and
// that another clinic's ids answer exactly like unknown ones.
#include "corium/app/client_reads.h"

#include <gtest/gtest.h>

#include "corium/app/audit_reads.h"
#include "corium/store/records/sql_audit_reads.h"
#include "corium/store/records/sql_clients.h"
#include "corium/store/records/sql_screenings.h"
#include "corium/store/records/sql_staff.h"
#include "corium/store/records/sql_unit_of_work.h"
#include "support/test_databases.h"
#include "support/test_kb.h"

namespace corium::app {
namespace {

using store::Dialect;

constexpr std::int64_t kNow = 1795167000;  // 2026-11-20T09:30:00Z

struct Ports {
  Ports(store::SqlConnection& db, const Clock& clock)
      : audit(db),
        work(db, audit),
        staff(db),
        clients(db),
        screenings(db),
        trail(db),
        view{work, audit, clock, testing::ShippedKb(), staff, clients, screenings} {}
  store::SqlAuditLog audit;
  store::SqlUnitOfWork work;
  store::SqlStaffRepository staff;
  store::SqlClientRepository clients;
  store::SqlScreeningRepository screenings;
  store::SqlAuditTrail trail;
  ConsultationPorts view;
};

class ClientReadsTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    CORIUM_REQUIRE_ENGINE(GetParam());
    database_ = testing::MakeTestDatabase(GetParam());
    clinic_ = InsertClinic("Salt Lake Skin");
    other_clinic_ = InsertClinic("Provo Skin");
    ports_ = std::make_unique<Ports>(database_->db(), clock_);
    physician_ = Seed(clinic_, "Dr Ada Park", "ada@slc.example", "physician");
    nurse_ = Seed(clinic_, "Ben Ortiz", "ben@slc.example", "nurse");
    other_physician_ = Seed(other_clinic_, "Dr Dee Moss", "dee@provo.example", "physician");
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
                   const std::string& role) {
    StaffDraft draft{name, email, Code(role), "US-UT", "", {}, {}};
    auto member = RegisterStaff(ports_->view, Actor{clinic, 0, Code()}, draft);
    EXPECT_TRUE(member.ok()) << member.status().ToString();
    return member.ok() ? *member : StaffMember{};
  }

  static Actor As(const StaffMember& member) {
    return Actor{member.clinic_id, member.id, member.details.role};
  }

  Client NewClient(const StaffMember& by, const std::string& given, const std::string& family,
                   Date birth_date) {
    ClientDraft draft;
    draft.given_name = given;
    draft.family_name = family;
    draft.birth_date = birth_date;
    auto client = RegisterClient(ports_->view, As(by), draft);
    EXPECT_TRUE(client.ok()) << client.status().ToString();
    return client.ok() ? *client : Client{};
  }

  Client Jane() { return NewClient(physician_, "Jane", "Doe", Date::FromYmd(1988, 3, 14)); }

  void RecordHistory(Id client_id, Date birth_date) {
    const std::string history = R"({"client": {"birth_date": ")" + birth_date.ToString() + R"("}})";
    auto intake = RecordIntake(ports_->view, As(nurse_), client_id, history);
    ASSERT_TRUE(intake.ok()) << intake.status().ToString();
  }

  Screening Screen(Id client_id) {
    auto screening =
        Consult(ports_->view, As(physician_), client_id,
                {corium::TreatmentRequest{Code("wrinkles"), {Code("cheeks")}}}, std::nullopt);
    EXPECT_TRUE(screening.ok()) << screening.status().ToString();
    return screening.ok() ? *screening : Screening{};
  }

  std::vector<store::SqlRow> AuditRows() {
    auto rows = database_->Reconnect()->Query(
        "SELECT actor_id, action, record_type, record_id, client_id, detail FROM audit_log"
        " ORDER BY id",
        {});
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? *rows : std::vector<store::SqlRow>{};
  }

  static std::vector<std::string> Names(const Listing<Client>& found) {
    std::vector<std::string> names;
    for (const Client& c : found.items) {
      names.push_back(c.details.given_name + " " + c.details.family_name);
    }
    return names;
  }

  FixedClock clock_{kNow, Date::FromYmd(2026, 11, 20)};
  std::unique_ptr<testing::TestDatabase> database_;
  std::unique_ptr<Ports> ports_;
  Id clinic_ = 0;
  Id other_clinic_ = 0;
  StaffMember physician_, nurse_, other_physician_;
};

using NameList = std::vector<std::string>;

TEST_P(ClientReadsTest, SearchMatchesPartOfTheNameIgnoringCaseAndTheBirthDate) {
  Jane();
  NewClient(physician_, "John", "Smith", Date::FromYmd(1975, 1, 2));
  NewClient(physician_, "Ann", "Doe-Lee", Date::FromYmd(1988, 3, 14));
  NewClient(other_physician_, "Joan", "Doe", Date::FromYmd(1988, 3, 14));  // another clinic
  const Actor me = As(physician_);

  auto doe = SearchClients(ports_->view, me, ClientQuery{"dOE", {}}, PageRequest{50, 0});
  ASSERT_TRUE(doe.ok()) << doe.status().ToString();
  EXPECT_EQ(Names(*doe), (NameList{"Jane Doe", "Ann Doe-Lee"}));
  EXPECT_EQ(doe->total, 2);

  auto full = SearchClients(ports_->view, me, ClientQuery{"JANE DOE", {}}, PageRequest{});
  EXPECT_EQ(Names(*full), (NameList{"Jane Doe"}));
  auto born =
      SearchClients(ports_->view, me, ClientQuery{"", Date::FromYmd(1988, 3, 14)}, PageRequest{});
  EXPECT_EQ(Names(*born), (NameList{"Jane Doe", "Ann Doe-Lee"}));
  auto both = SearchClients(ports_->view, me, ClientQuery{"ann", Date::FromYmd(1988, 3, 14)},
                            PageRequest{});
  EXPECT_EQ(Names(*both), (NameList{"Ann Doe-Lee"}));
  auto everyone = SearchClients(ports_->view, me, ClientQuery{}, PageRequest{});
  EXPECT_EQ(everyone->total, 3);  // never the other clinic's Joan Doe
}

TEST_P(ClientReadsTest, SearchPagesAndCountsTheWholeList) {
  for (const char* given : {"Ava", "Bea", "Cal", "Dan", "Eli"}) {
    NewClient(physician_, given, "Hart", Date::FromYmd(1990, 5, 1));
  }
  auto page =
      SearchClients(ports_->view, As(physician_), ClientQuery{"hart", {}}, PageRequest{2, 2});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(Names(*page), (NameList{"Cal Hart", "Dan Hart"}));
  EXPECT_EQ(page->total, 5);
  auto beyond =
      SearchClients(ports_->view, As(physician_), ClientQuery{"hart", {}}, PageRequest{2, 10});
  EXPECT_TRUE(beyond->items.empty());
  EXPECT_EQ(beyond->total, 5);
}

TEST_P(ClientReadsTest, SearchTakesLikeWildcardsLiterally) {
  Jane();
  for (const char* text : {"%", "_", "J_ne", "\\"}) {
    auto found = SearchClients(ports_->view, As(physician_), ClientQuery{text, {}}, PageRequest{});
    ASSERT_TRUE(found.ok()) << text << ": " << found.status().ToString();
    EXPECT_EQ(found->total, 0) << text;
  }
}

TEST_P(ClientReadsTest, SearchIsAuditedOnceWithoutTheTextSearchedFor) {
  Jane();
  const size_t before = AuditRows().size();
  ASSERT_TRUE(SearchClients(ports_->view, As(nurse_),
                            ClientQuery{"Doe", Date::FromYmd(1988, 3, 14)}, PageRequest{})
                  .ok());
  const auto rows = AuditRows();
  ASSERT_EQ(rows.size(), before + 1);
  const auto& entry = rows.back();
  EXPECT_EQ(entry.Int(0), nurse_.id);
  EXPECT_EQ(entry.Text(1), "search");
  EXPECT_EQ(entry.Text(2), "client");
  EXPECT_TRUE(entry.IsNull(3));
  EXPECT_TRUE(entry.IsNull(4));
  EXPECT_EQ(entry.Text(5), "by=name,birth_date matches=1");
}

TEST_P(ClientReadsTest, ReadingAClientIsAuditedAndAnotherClinicsIdAnswersAsUnknown) {
  const Client jane = Jane();
  const size_t before = AuditRows().size();
  auto read = ReadClient(ports_->view, As(nurse_), jane.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->details.family_name, "Doe");
  EXPECT_EQ(read->version, 1);
  const auto rows = AuditRows();
  ASSERT_EQ(rows.size(), before + 1);
  EXPECT_EQ(rows.back().Text(1), "read");
  EXPECT_EQ(rows.back().Int(4), jane.id);

  auto foreign = ReadClient(ports_->view, As(other_physician_), jane.id);
  auto unknown = ReadClient(ports_->view, As(other_physician_), jane.id + 1000);
  EXPECT_EQ(foreign.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign.status().ToString(), unknown.status().ToString());
  EXPECT_EQ(AuditRows().size(), before + 1);  // a refused read leaves no entry
}

TEST_P(ClientReadsTest, IntakesAndScreeningsPageOldestFirstAndEachListIsAudited) {
  const Client jane = Jane();
  RecordHistory(jane.id, jane.details.birth_date);
  RecordHistory(jane.id, jane.details.birth_date);
  RecordHistory(jane.id, jane.details.birth_date);
  const Screening first = Screen(jane.id);
  const Screening second = Screen(jane.id);
  const size_t before = AuditRows().size();

  auto intakes = ListIntakes(ports_->view, As(nurse_), jane.id, PageRequest{2, 1});
  ASSERT_TRUE(intakes.ok()) << intakes.status().ToString();
  EXPECT_EQ(intakes->total, 3);
  ASSERT_EQ(intakes->items.size(), 2u);
  EXPECT_EQ(intakes->items[0].revision, 2);
  EXPECT_EQ(intakes->items[1].revision, 3);

  auto screenings = ListScreenings(ports_->view, As(nurse_), jane.id, PageRequest{});
  ASSERT_TRUE(screenings.ok()) << screenings.status().ToString();
  ASSERT_EQ(screenings->items.size(), 2u);
  EXPECT_EQ(screenings->items[0].id, first.id);
  EXPECT_EQ(screenings->items[1].id, second.id);

  const auto rows = AuditRows();
  ASSERT_EQ(rows.size(), before + 2);
  EXPECT_EQ(rows[before].Text(2), "intake");
  EXPECT_EQ(rows[before + 1].Text(2), "screening");
  for (size_t i = before; i < rows.size(); ++i) EXPECT_EQ(rows[i].Int(4), jane.id);

  const Actor intruder = As(other_physician_);
  EXPECT_EQ(ListIntakes(ports_->view, intruder, jane.id, PageRequest{}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(ListScreenings(ports_->view, intruder, jane.id, PageRequest{}).status().code(),
            StatusCode::kNotFound);
}

TEST_P(ClientReadsTest, ReadingAScreeningBringsItsOverridesAndIsAudited) {
  const Client jane = Jane();
  RecordHistory(jane.id, jane.details.birth_date);
  const Screening screening = Screen(jane.id);
  ASSERT_TRUE(OverrideScreening(ports_->view, As(physician_), screening.id, "cleared by me").ok());
  const size_t before = AuditRows().size();

  auto read = ReadScreening(ports_->view, As(nurse_), screening.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->decision_json, screening.decision_json);
  ASSERT_EQ(read->overrides.size(), 1u);
  EXPECT_EQ(read->overrides[0].reason, "cleared by me");
  const auto rows = AuditRows();
  ASSERT_EQ(rows.size(), before + 1);
  EXPECT_EQ(rows.back().Text(2), "screening");
  EXPECT_EQ(rows.back().Int(3), screening.id);
  EXPECT_EQ(rows.back().Int(4), jane.id);

  auto foreign = ReadScreening(ports_->view, As(other_physician_), screening.id);
  auto unknown = ReadScreening(ports_->view, As(other_physician_), screening.id + 1000);
  EXPECT_EQ(foreign.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign.status().ToString(), unknown.status().ToString());
}

TEST_P(ClientReadsTest, StaffListsAreTheClinicsOwnByNameAndLeaveNoAuditEntry) {
  const size_t before = AuditRows().size();
  auto staff = ListStaff(ports_->view, As(nurse_), PageRequest{});
  ASSERT_TRUE(staff.ok()) << staff.status().ToString();
  ASSERT_EQ(staff->items.size(), 2u);
  EXPECT_EQ(staff->total, 2);
  EXPECT_EQ(staff->items[0].details.full_name, "Ben Ortiz");
  EXPECT_EQ(staff->items[1].details.full_name, "Dr Ada Park");
  auto second = ListStaff(ports_->view, As(nurse_), PageRequest{1, 1});
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].id, physician_.id);

  auto one = ReadStaff(ports_->view, As(nurse_), physician_.id);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->details.email, "ada@slc.example");
  auto foreign = ReadStaff(ports_->view, As(nurse_), other_physician_.id);
  auto unknown = ReadStaff(ports_->view, As(nurse_), other_physician_.id + 1000);
  EXPECT_EQ(foreign.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign.status().ToString(), unknown.status().ToString());
  EXPECT_EQ(AuditRows().size(), before);
}

TEST_P(ClientReadsTest, AnInactiveStaffMemberReadsNothing) {
  const Client jane = Jane();
  ASSERT_TRUE(
      database_->db().Execute("UPDATE staff SET active = 0 WHERE id = $1", {nurse_.id}).ok());
  EXPECT_EQ(ReadClient(ports_->view, As(nurse_), jane.id).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(SearchClients(ports_->view, As(nurse_), ClientQuery{}, PageRequest{}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(ListStaff(ports_->view, As(nurse_), PageRequest{}).status().code(),
            StatusCode::kPermissionDenied);
}

// --- The audit log ------------------------------------------------------------------------------

TEST_P(ClientReadsTest, TheAuditLogReadsNewestFirstWithItsFilters) {
  const Client jane = Jane();  // create, at kNow
  clock_.Set(kNow + 60, Date::FromYmd(2026, 11, 20));
  const Client john = NewClient(nurse_, "John", "Smith", Date::FromYmd(1975, 1, 2));
  clock_.Set(kNow + 120, Date::FromYmd(2026, 11, 20));
  ASSERT_TRUE(ReadClient(ports_->view, As(nurse_), jane.id).ok());
  NewClient(other_physician_, "Joan", "Doe", Date::FromYmd(1988, 3, 14));  // another clinic
  const Actor admin = As(physician_);

  auto all = ReadAuditLog(ports_->view, ports_->trail, admin, AuditQuery{}, PageRequest{});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  // Two staff registered by the system, two clients created, one read: this clinic's only.
  EXPECT_EQ(all->total, 5);
  ASSERT_FALSE(all->items.empty());
  EXPECT_EQ(all->items[0].entry.action, "read");
  EXPECT_EQ(all->items[0].entry.at, kNow + 120);
  for (size_t i = 1; i < all->items.size(); ++i) {
    EXPECT_GE(all->items[i - 1].entry.at, all->items[i].entry.at);
    EXPECT_GT(all->items[i - 1].id, all->items[i].id);
  }

  auto about_jane = ReadAuditLog(ports_->view, ports_->trail, admin,
                                 AuditQuery{jane.id, {}, {}, {}}, PageRequest{});
  ASSERT_EQ(about_jane->items.size(), 2u);
  EXPECT_EQ(about_jane->items[0].entry.action, "read");
  EXPECT_EQ(about_jane->items[1].entry.action, "create");
  auto by_nurse = ReadAuditLog(ports_->view, ports_->trail, admin,
                               AuditQuery{{}, nurse_.id, {}, {}}, PageRequest{});
  ASSERT_EQ(by_nurse->total, 2);  // John created, Jane read
  auto window = ReadAuditLog(ports_->view, ports_->trail, admin,
                             AuditQuery{{}, {}, kNow + 60, kNow + 60}, PageRequest{});
  ASSERT_EQ(window->items.size(), 1u);
  EXPECT_EQ(window->items[0].entry.client_id, john.id);
  auto paged = ReadAuditLog(ports_->view, ports_->trail, admin, AuditQuery{}, PageRequest{2, 1});
  ASSERT_EQ(paged->items.size(), 2u);
  EXPECT_EQ(paged->total, all->total + 4);  // each read of the log is itself in the log
}

TEST_P(ClientReadsTest, ReadingTheAuditLogIsRecordedAndAnImpossibleWindowRefused) {
  const Client jane = Jane();
  const size_t before = AuditRows().size();
  auto refused = ReadAuditLog(ports_->view, ports_->trail, As(physician_),
                              AuditQuery{{}, {}, kNow, kNow - 1}, PageRequest{});
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().field_errors().front().path, "to");
  EXPECT_EQ(AuditRows().size(), before);

  ASSERT_TRUE(ReadAuditLog(ports_->view, ports_->trail, As(physician_),
                           AuditQuery{jane.id, {}, {}, {}}, PageRequest{})
                  .ok());
  // Another clinic's client id matches nothing and is not recorded as looked up.
  auto foreign = ReadAuditLog(ports_->view, ports_->trail, As(other_physician_),
                              AuditQuery{jane.id, {}, {}, {}}, PageRequest{});
  ASSERT_TRUE(foreign.ok());
  EXPECT_EQ(foreign->total, 0);
  const auto rows = AuditRows();
  ASSERT_EQ(rows.size(), before + 2);
  EXPECT_EQ(rows[before].Text(2), "audit_log");
  EXPECT_EQ(rows[before].Int(4), jane.id);
  EXPECT_EQ(rows[before + 1].Int(0), other_physician_.id);
  EXPECT_TRUE(rows[before + 1].IsNull(4));
}

INSTANTIATE_TEST_SUITE_P(Engines, ClientReadsTest,
                         ::testing::Values(Dialect::kSqlite, Dialect::kPostgres),
                         [](const ::testing::TestParamInfo<Dialect>& param_info) {
                           return std::string(store::DialectName(param_info.param));
                         });

}  // namespace
}  // namespace corium::app
