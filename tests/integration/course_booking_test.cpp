// Booking joined to the course through the real server, on SQLite and PostgreSQL (issue 6): a
// session of a plan inside a toxin wash-out is refused with the rule (DF-10) naming starts_at; the
// course slot search takes its dates from the plan's course; a later deferring screening leaves
// the booked session where it is but shows it as needing a new date; and the course and the
// home-care plan export as ICS files that libical reads, with the follow-up points.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <chrono>
#include <map>

#include "integration/clinic_api.h"

namespace corium::testing {
namespace {

constexpr std::int64_t kDay = 86400;

// Summaries of a parsed ICS document's events by UID (empty when libical refuses it).
std::map<std::string, std::string> IcsSummaries(const std::string& text) {
  std::map<std::string, std::string> events;
  icalcomponent* root = icalparser_parse_string(text.c_str());
  if (root == nullptr) return events;
  for (icalcomponent* event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
       event != nullptr; event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
    events[icalcomponent_get_uid(event)] = icalcomponent_get_summary(event);
  }
  EXPECT_EQ(icalcomponent_count_errors(root), 0) << text;
  icalcomponent_free(root);
  return events;
}

std::int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class CourseBookingApiTest : public ClinicApiTest {
 protected:
  void SetUp() override {
    ClinicApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<ApiSession>(http(), DemoEmail("admin"), DemoPassword());
    ASSERT_TRUE(admin_->signed_in());
    practitioner_ = physician().me().value("staff_id", std::int64_t{0});
    json hours = json::array();
    for (int weekday = 1; weekday <= 7; ++weekday) {
      hours.push_back({{"weekday", weekday}, {"start", "07:00"}, {"end", "19:00"}});
    }
    CORIUM_EXPECT_REPLY(
        "PUT", "/api/v1/staff/{staff_id}/working-hours",
        admin_->Put("/api/v1/staff/" + std::to_string(practitioner_) + "/working-hours",
                    {{"hours", hours}}),
        200);
    const HttpResponse type =
        admin_->Post("/api/v1/appointment-types", {{"name", Unique("Microneedling")},
                                                   {"purpose", "session"},
                                                   {"duration_minutes", 60},
                                                   {"needs_room", false}});
    CORIUM_EXPECT_REPLY("POST", "/api/v1/appointment-types", type, 201);
    type_ = type.Json().value("id", std::int64_t{0});
  }

  struct Planned {
    std::int64_t client = 0;
    json plan;
    Date today;
  };

  // A client screened today with a plan and consent on one of the cheeks or forehead.
  Planned PlannedClient() {
    Planned p;
    p.client = NewClient(physician());
    p.plan = ConsentedPlan(physician(), Screen(physician(), p.client), false);
    p.today = *Date::Parse(Course(p).value("as_of", "1970-01-01"));
    return p;
  }

  // A new intake recording `procedure` on both screened zones `days_ago` days ago.
  void RecordProcedure(const Planned& p, const std::string& procedure, int days_ago) {
    const HttpResponse intake =
        physician().Post("/api/v1/clients/" + std::to_string(p.client) + "/intakes",
                         {{"client", {{"birth_date", "1988-03-14"}, {"fitzpatrick", 2}}},
                          {"procedures",
                           {{{"code", procedure},
                             {"date", p.today.AddDays(-days_ago).ToString()},
                             {"zones", {"cheeks", "forehead"}}}}}});
    EXPECT_EQ(intake.status, 201) << intake.body;
  }

  json Course(const Planned& p) {
    const HttpResponse course =
        physician().Get("/api/v1/plans/" + std::to_string(p.plan.value("id", 0)) + "/course");
    CORIUM_EXPECT_REPLY("GET", "/api/v1/plans/{plan_id}/course", course, 200);
    return course.Json();
  }

  json SlotFrom(std::int64_t from) {
    const HttpResponse slots = physician().Get("/api/v1/slots?type_id=" + std::to_string(type_) +
                                               "&practitioner_id=" + std::to_string(practitioner_) +
                                               "&from=" + std::to_string(from) + "&count=1");
    CORIUM_EXPECT_REPLY("GET", "/api/v1/slots", slots, 200);
    const json items = slots.Json().value("items", json::array());
    EXPECT_EQ(items.size(), 1U) << slots.body;
    return items.empty() ? json::object() : items[0];
  }

  HttpResponse BookSession(const Planned& p, std::int64_t starts_at) {
    return physician().Post("/api/v1/appointments", {{"client_id", p.client},
                                                     {"plan_id", p.plan.value("id", 0)},
                                                     {"type_id", type_},
                                                     {"practitioner_id", practitioner_},
                                                     {"starts_at", starts_at}});
  }

  std::unique_ptr<ApiSession> admin_;
  std::int64_t practitioner_ = 0;
  std::int64_t type_ = 0;
};

TEST_P(CourseBookingApiTest, ASessionInsideAToxinWashOutIsRefusedWithTheRule) {
  const Planned p = PlannedClient();
  RecordProcedure(p, "neurotoxin", 1);  // DF-10: no session for 14 days after it
  const json slot = SlotFrom(Now() + 5 * kDay);
  const HttpResponse refused = BookSession(p, slot.value("starts_at", std::int64_t{0}));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/appointments", refused, 422);
  EXPECT_TRUE(HasErrorAt(refused, "starts_at")) << refused.body;
  EXPECT_NE(refused.body.find("DF-10"), std::string::npos) << refused.body;
  EXPECT_TRUE(Course(p)["booked"].empty());

  // The course slot search places the whole course from the plan: after the wash-out, then at
  // the plan's 28-day interval.
  const HttpResponse course_slots = physician().Post(
      "/api/v1/slots/course",
      {{"type_id", type_}, {"practitioner_id", practitioner_}, {"plan_id", p.plan.value("id", 0)}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/slots/course", course_slots, 200);
  const json sessions = course_slots.Json().value("sessions", json::array());
  ASSERT_EQ(sessions.size(), 3U) << course_slots.body;
  const std::int64_t first = sessions[0].value("starts_at", std::int64_t{0});
  EXPECT_GE(first, Now() + 11 * kDay);  // 13 days from today at the least, in any zone
  EXPECT_GE(sessions[1].value("starts_at", std::int64_t{0}), first + 27 * kDay);
  const HttpResponse booked = BookSession(p, first);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/appointments", booked, 201);
  const json course = Course(p);
  ASSERT_EQ(course["booked"].size(), 1U) << course.dump();
  EXPECT_FALSE(course["booked"][0].value("needs_new_date", true));
  EXPECT_EQ(course["booked"][0].value("session", 0), 1);
  EXPECT_TRUE(course["scheduled"][0].value("moved", false));
}

TEST_P(CourseBookingApiTest, ADeferringScreeningLeavesTheBookingButShowsItNeedsANewDate) {
  const Planned p = PlannedClient();
  const json slot = SlotFrom(Now() + 3 * kDay);
  const HttpResponse booked = BookSession(p, slot.value("starts_at", std::int64_t{0}));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/appointments", booked, 201);
  const std::int64_t appointment = booked.Json().value("id", std::int64_t{0});
  EXPECT_FALSE(Course(p)["booked"][0].value("needs_new_date", true));

  // An ablative laser of both zones yesterday, and the client screened again: deferred (DF-09).
  RecordProcedure(p, "ablative_laser", 1);
  const json again = Screen(physician(), p.client);
  EXPECT_EQ(again["decision"].value("decision", ""), "defer") << again.dump();
  const json course = Course(p);
  ASSERT_EQ(course["booked"].size(), 1U) << course.dump();
  const json& b = course["booked"][0];
  EXPECT_EQ(b.value("appointment_id", std::int64_t{0}), appointment);
  EXPECT_TRUE(b.value("needs_new_date", false)) << b.dump();
  EXPECT_FALSE(b.value("problem", json()).is_null());
  EXPECT_FALSE(course["scheduled"][0].value("moved", true));
  EXPECT_GT(course["scheduled"][0].value("date", ""), p.today.AddDays(80).ToString());
  // Not moved: the appointment keeps its time and status.
  const HttpResponse kept = physician().Get("/api/v1/appointments/" + std::to_string(appointment));
  EXPECT_EQ(kept.Json().value("starts_at", std::int64_t{0}),
            slot.value("starts_at", std::int64_t{0}));
  EXPECT_EQ(kept.Json().value("status", ""), "booked");

  // The course as ICS: the booked session says it needs a new date; the follow-ups are there.
  const HttpResponse ics =
      physician().Get("/api/v1/plans/" + std::to_string(p.plan.value("id", 0)) + "/course.ics");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/plans/{plan_id}/course.ics", ics, 200);
  EXPECT_EQ(ics.Header("content-type").value_or("").rfind("text/calendar", 0), 0U);
  const auto events = IcsSummaries(ics.body);
  const std::string uid = "appointment-" + std::to_string(appointment) + "@corium";
  ASSERT_EQ(events.count(uid), 1U) << ics.body;
  EXPECT_NE(events.at(uid).find("needs a new date"), std::string::npos);
  int follow_ups = 0;
  for (const auto& [id, summary] : events) follow_ups += summary.rfind("Follow-up: ", 0) == 0;
  EXPECT_EQ(follow_ups, static_cast<int>(course["follow_ups"].size()));
  EXPECT_GT(follow_ups, 0);
}

TEST_P(CourseBookingApiTest, TheHomeCarePlanExportsAsIcs) {
  const Planned p = PlannedClient();
  const HttpResponse ics =
      physician().Get("/api/v1/clients/" + std::to_string(p.client) + "/home-care.ics?weeks=4");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/clients/{client_id}/home-care.ics", ics, 200);
  const auto events = IcsSummaries(ics.body);
  int rolls = 0;
  for (const auto& [id, summary] : events) rolls += summary == "Home rolling";
  EXPECT_GT(rolls, 0) << ics.body;
  EXPECT_LE(rolls, 4 * 3);  // HM-02: at most 3 times a week
  ExpectSameNotFound(
      stranger().Get("/api/v1/clients/" + std::to_string(p.client) + "/home-care.ics"),
      stranger().Get("/api/v1/clients/987654321/home-care.ics"), "home care ICS");
}

INSTANTIATE_TEST_SUITE_P(Engines, CourseBookingApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
