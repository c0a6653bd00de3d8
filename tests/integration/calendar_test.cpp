// The clinic calendar through the real server, on SQLite and PostgreSQL: rooms, working hours and
// types are set up by the admin; slots are found in the clinic's zone; appointments are booked,
// read, moved with If-Match and cancelled; clients racing for one slot get exactly one booking
// and 409 for everyone else; another clinic's appointments answer as unknown ones.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>

#include "integration/clinic_api.h"

namespace corium::testing {
namespace {

constexpr std::int64_t kWeek = 7 * 86400;
constexpr std::int64_t kFirstOfMarch = 1'803'859'200;  // 2027-03-01 00:00 UTC, a Monday

class CalendarApiTest : public ClinicApiTest {
 protected:
  void SetUp() override {
    ClinicApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    admin_ = std::make_unique<ApiSession>(http(), DemoEmail("admin"), DemoPassword());
    ASSERT_TRUE(admin_->signed_in());
    practitioner_ = physician().me().value("staff_id", std::int64_t{0});
    ASSERT_GT(practitioner_, 0) << physician().me().dump();
    // Every day 07:00–19:00 in the clinic's zone, so that tests never depend on today's weekday.
    json hours = json::array();
    for (int weekday = 1; weekday <= 7; ++weekday) {
      hours.push_back({{"weekday", weekday}, {"start", "07:00"}, {"end", "19:00"}});
    }
    const std::string path = "/api/v1/staff/" + std::to_string(practitioner_) + "/working-hours";
    const HttpResponse put = admin_->Put(path, {{"hours", hours}});
    CORIUM_EXPECT_REPLY("PUT", "/api/v1/staff/{staff_id}/working-hours", put, 200);
    const HttpResponse type =
        admin_->Post("/api/v1/appointment-types", {{"name", Unique("Consult")},
                                                   {"purpose", "consultation"},
                                                   {"duration_minutes", 60},
                                                   {"needs_room", false}});
    CORIUM_EXPECT_REPLY("POST", "/api/v1/appointment-types", type, 201);
    type_ = type.Json().value("id", std::int64_t{0});
  }

  // Free slots in a week of their own, so that tests sharing the server never meet.
  json SlotsInOwnWeek(int count) {
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    const std::int64_t from = now + (++week_ + 2) * kWeek;
    const std::string target = "/api/v1/slots?type_id=" + std::to_string(type_) +
                               "&practitioner_id=" + std::to_string(practitioner_) +
                               "&from=" + std::to_string(from) + "&count=" + std::to_string(count);
    const HttpResponse slots = physician().Get(target);
    CORIUM_EXPECT_REPLY("GET", "/api/v1/slots", slots, 200);
    return slots.Json().value("items", json::array());
  }

  json SlotInOwnWeek() {
    const json items = SlotsInOwnWeek(1);
    EXPECT_EQ(items.size(), 1U) << items.dump();
    return items.empty() ? json::object() : items[0];
  }

  // A slot whose next hour is free as well, so that the booking can be moved there whatever the
  // time of day the test runs at: the first slot after "now" may be the clinic day's last.
  json SlotWithTheNextHourFree() {
    const json items = SlotsInOwnWeek(48);
    for (const json& slot : items) {
      const std::int64_t later = slot.value("starts_at", std::int64_t{0}) + 3600;
      for (const json& other : items) {
        if (other.value("starts_at", std::int64_t{0}) == later) return slot;
      }
    }
    ADD_FAILURE() << "no slot with a free hour after it: " << items.dump();
    return json::object();
  }

  json Booking(std::int64_t client, const json& slot) const {
    return {{"client_id", client},
            {"type_id", type_},
            {"practitioner_id", practitioner_},
            {"starts_at", slot.value("starts_at", std::int64_t{0})}};
  }

  std::unique_ptr<ApiSession> admin_;
  std::int64_t practitioner_ = 0;
  std::int64_t type_ = 0;
  static inline int week_ = 0;
};

TEST_P(CalendarApiTest, AnAppointmentIsBookedReadMovedAndCancelled) {
  const std::int64_t client = NewClient(physician());
  const json slot = SlotWithTheNextHourFree();
  const HttpResponse booked = physician().Post("/api/v1/appointments", Booking(client, slot));
  CORIUM_EXPECT_REPLY("POST", "/api/v1/appointments", booked, 201);
  EXPECT_EQ(booked.Header("etag"), "\"1\"");
  const std::string path = "/api/v1/appointments/" + std::to_string(booked.Json().value("id", 0));
  CORIUM_EXPECT_REPLY("GET", "/api/v1/appointments/{appointment_id}", physician().Get(path), 200);

  const std::int64_t later = slot.value("starts_at", std::int64_t{0}) + 3600;
  CORIUM_EXPECT_REPLY("POST", "/api/v1/appointments/{appointment_id}/move",
                      physician().Post(path + "/move", {{"starts_at", later}}), 428);
  CORIUM_EXPECT_REPLY(
      "POST", "/api/v1/appointments/{appointment_id}/move",
      physician().Post(path + "/move", {{"starts_at", later}}, {{"If-Match", "\"9\""}}), 412);
  const HttpResponse moved =
      physician().Post(path + "/move", {{"starts_at", later}}, {{"If-Match", "\"1\""}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/appointments/{appointment_id}/move", moved, 200);
  EXPECT_EQ(moved.Json().value("starts_at", std::int64_t{0}), later);

  const HttpResponse diary = physician().Get(
      "/api/v1/appointments?from=" + std::to_string(later - 3600) +
      "&to=" + std::to_string(later + 7200) + "&practitioner_id=" + std::to_string(practitioner_));
  CORIUM_EXPECT_REPLY("GET", "/api/v1/appointments", diary, 200);
  ASSERT_EQ(diary.Json()["items"].size(), 1U) << diary.body;

  const HttpResponse cancelled =
      physician().Post(path + "/cancel", nullptr, {{"If-Match", "\"2\""}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/appointments/{appointment_id}/cancel", cancelled, 200);
  EXPECT_EQ(cancelled.Json().value("status", ""), "cancelled");
}

TEST_P(CalendarApiTest, ClientsRacingForOneSlotGetExactlyOneBooking) {
  constexpr int kRacers = 8;
  std::vector<std::int64_t> clients;
  for (int i = 0; i < kRacers; ++i) clients.push_back(NewClient(physician()));
  const json slot = SlotInOwnWeek();
  std::atomic<int> created{0};
  std::atomic<int> conflicts{0};
  std::atomic<int> others{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> racers;
  for (int i = 0; i < kRacers; ++i) {
    racers.emplace_back([&, i] {
      while (!go.load()) std::this_thread::yield();
      const HttpResponse r =
          physician().Post("/api/v1/appointments", Booking(clients[static_cast<size_t>(i)], slot));
      if (r.status == 201) {
        ++created;
      } else if (r.status == 409) {
        ++conflicts;
      } else {
        ++others;
      }
    });
  }
  go = true;
  for (std::thread& t : racers) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(conflicts.load(), kRacers - 1);
  EXPECT_EQ(others.load(), 0);
  const std::int64_t start = slot.value("starts_at", std::int64_t{0});
  const HttpResponse diary = physician().Get("/api/v1/appointments?from=" + std::to_string(start) +
                                             "&to=" + std::to_string(start + 3600) +
                                             "&practitioner_id=" + std::to_string(practitioner_));
  EXPECT_EQ(diary.Json()["items"].size(), 1U) << diary.body;
}

TEST_P(CalendarApiTest, RoomsTypesAndHoursAreTheAdminsAndRefusalsNameTheirFields) {
  const std::string room = Unique("Room");
  CORIUM_EXPECT_REPLY("POST", "/api/v1/rooms", admin_->Post("/api/v1/rooms", {{"name", room}}),
                      201);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/rooms", admin_->Post("/api/v1/rooms", {{"name", room}}),
                      409);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/rooms", physician().Get("/api/v1/rooms"), 200);
  CORIUM_EXPECT_REPLY("POST", "/api/v1/rooms",
                      physician().Post("/api/v1/rooms", {{"name", Unique("Room")}}), 403);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/appointment-types",
                      physician().Get("/api/v1/appointment-types"), 200);

  const HttpResponse odd = admin_->Post("/api/v1/appointment-types", {{"name", Unique("Odd")},
                                                                      {"purpose", "session"},
                                                                      {"duration_minutes", 50},
                                                                      {"device_kind", "laser"}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/appointment-types", odd, 422);
  EXPECT_TRUE(HasErrorAt(odd, "duration_minutes")) << odd.body;
  EXPECT_TRUE(HasErrorAt(odd, "device_kind")) << odd.body;

  const std::string hours = "/api/v1/staff/" + std::to_string(practitioner_) + "/working-hours";
  const HttpResponse backwards =
      admin_->Put(hours, {{"hours", {{{"weekday", 1}, {"start", "17:00"}, {"end", "09:00"}}}}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/staff/{staff_id}/working-hours", backwards, 422);
  EXPECT_TRUE(HasErrorAt(backwards, "hours[0].end")) << backwards.body;
  const HttpResponse no_time =
      admin_->Put(hours, {{"hours", {{{"weekday", 2}, {"start", "25:00"}, {"end", "26:00"}}}}});
  CORIUM_EXPECT_REPLY("PUT", "/api/v1/staff/{staff_id}/working-hours", no_time, 422);
  EXPECT_TRUE(HasErrorAt(no_time, "hours[0].start")) << no_time.body;
  const HttpResponse read = physician().Get(hours);
  CORIUM_EXPECT_REPLY("GET", "/api/v1/staff/{staff_id}/working-hours", read, 200);
  EXPECT_EQ(read.Json()["hours"].size(), 7U) << read.body;
}

TEST_P(CalendarApiTest, ACourseIsPlacedAndTheDayOfTheDiaryIsTheClinicsDay) {
  const HttpResponse course = physician().Post(
      "/api/v1/slots/course", {{"type_id", type_},
                               {"practitioner_id", practitioner_},
                               {"earliest", {"2027-03-01", "2027-03-01", "2027-03-01"}},
                               {"min_interval_days", 28}});
  CORIUM_EXPECT_REPLY("POST", "/api/v1/slots/course", course, 200);
  const json sessions = course.Json().value("sessions", json::array());
  ASSERT_EQ(sessions.size(), 3U) << course.body;
  // 2027-03-01 07:00 in Denver (MST) is 14:00 UTC. Clocks go forward on 14 March, so the second
  // session, 28 local days later, is 07:00 MDT: 13:00 UTC.
  EXPECT_EQ(sessions[0].value("starts_at", std::int64_t{0}), kFirstOfMarch + 14 * 3600);
  EXPECT_EQ(sessions[1].value("starts_at", std::int64_t{0}),
            kFirstOfMarch + 28 * 86400 + 13 * 3600);

  const HttpResponse day = physician().Get("/api/v1/appointments?date=2027-03-01&days=7");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/appointments", day, 200);
  EXPECT_EQ(day.Json().value("from", std::int64_t{0}), kFirstOfMarch + 7 * 3600);
  const HttpResponse bad = physician().Get("/api/v1/appointments?date=2030-02-30");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/appointments", bad, 422);
  EXPECT_TRUE(HasErrorAt(bad, "date"));
}

TEST_P(CalendarApiTest, AnotherClinicsAppointmentAnswersLikeAnUnknownOne) {
  const std::int64_t client = NewClient(physician());
  const HttpResponse booked =
      physician().Post("/api/v1/appointments", Booking(client, SlotInOwnWeek()));
  ASSERT_EQ(booked.status, 201) << booked.body;
  const std::string id = std::to_string(booked.Json().value("id", 0));
  ExpectSameNotFound(stranger().Get("/api/v1/appointments/" + id),
                     stranger().Get("/api/v1/appointments/987654321"), "read");
  const HttpResponse theirs =
      stranger().Post("/api/v1/appointments", Booking(client, SlotInOwnWeek()));
  EXPECT_EQ(theirs.status, 404) << theirs.body;
}

// The UIDs and start instants of a parsed ICS document's events (empty when libical refuses it).
std::map<std::string, std::int64_t> IcsEvents(const std::string& text) {
  std::map<std::string, std::int64_t> events;
  icalcomponent* root = icalparser_parse_string(text.c_str());
  if (root == nullptr) return events;
  for (icalcomponent* event = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
       event != nullptr; event = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
    events[icalcomponent_get_uid(event)] = icaltime_as_timet(icalcomponent_get_dtstart(event));
  }
  EXPECT_EQ(icalcomponent_count_errors(root), 0) << text;
  icalcomponent_free(root);
  return events;
}

TEST_P(CalendarApiTest, AClientsAppointmentsAndTheDiaryExportAsIcs) {
  const std::int64_t client = NewClient(physician());
  const json slot = SlotInOwnWeek();
  const HttpResponse booked = physician().Post("/api/v1/appointments", Booking(client, slot));
  ASSERT_EQ(booked.status, 201) << booked.body;
  const std::string uid = "appointment-" + std::to_string(booked.Json().value("id", 0)) + "@corium";

  const HttpResponse mine =
      physician().Get("/api/v1/clients/" + std::to_string(client) + "/appointments.ics");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/clients/{client_id}/appointments.ics", mine, 200);
  EXPECT_EQ(mine.Header("content-type").value_or("").rfind("text/calendar", 0), 0U);
  const auto events = IcsEvents(mine.body);
  ASSERT_EQ(events.size(), 1U) << mine.body;
  EXPECT_EQ(events.at(uid), slot.value("starts_at", std::int64_t{0}));

  const HttpResponse diary =
      physician().Get("/api/v1/staff/" + std::to_string(practitioner_) + "/diary.ics");
  CORIUM_EXPECT_REPLY("GET", "/api/v1/staff/{staff_id}/diary.ics", diary, 200);
  EXPECT_EQ(IcsEvents(diary.body).count(uid), 1U) << diary.body;

  ExpectSameNotFound(
      stranger().Get("/api/v1/clients/" + std::to_string(client) + "/appointments.ics"),
      stranger().Get("/api/v1/clients/987654321/appointments.ics"), "ics");
}

INSTANTIATE_TEST_SUITE_P(Engines, CalendarApiTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
