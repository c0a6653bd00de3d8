// Calendar use cases on both engines: rooms, hours and types; slot search in the clinic's zone;
// booking, moving and cancelling; and double booking refused by the database itself.
#include "corium/app/calendar.h"

#include <gtest/gtest.h>

#include "corium/store/records/sql_calendar.h"
#include "corium/tz/clinic_time_zone.h"
#include "records/inventory_fixture.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

// The fixture's now is Friday 2026-11-20 05:00 in Denver (MST, UTC-7); 09:00 that day is 16:00 UTC.
constexpr std::int64_t kFridayNineDenver = 1'795'190'400;
constexpr std::int64_t kMondayNineDenver = kFridayNineDenver + 3 * 86400;

class CalendarTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(
        db().Execute("UPDATE clinics SET time_zone = 'America/Denver' WHERE id = $1", {a_.clinic})
            .ok());
    repository_ = std::make_unique<store::SqlCalendarRepository>(db());
    calendar_ = std::make_unique<app::Calendar>(
        *work_, *audit_, *repository_, clock_, ShippedKb(),
        [](const std::string& name) -> Result<std::unique_ptr<calendar::ClinicZone>> {
          CORIUM_ASSIGN_OR_RETURN(auto zone, tz::ClinicTimeZone::Open(name));
          return std::unique_ptr<calendar::ClinicZone>(std::move(zone));
        });
    auto room = calendar_->AddRoom(a_.actor, "Room 1");
    ASSERT_TRUE(room.ok()) << room.status().ToString();
    room_ = *room;
    std::vector<calendar::WeeklyHours> hours;
    for (int weekday = 1; weekday <= 5; ++weekday) hours.push_back({weekday, 9 * 60, 17 * 60});
    ASSERT_TRUE(calendar_->SetWorkingHours(a_.actor, a_.staff, hours).ok());
    app::AppointmentTypeSpec session{"Microneedling", app::AppointmentPurpose::kSession, 60, true,
                                     Code("pen")};
    auto type = calendar_->AddAppointmentType(a_.actor, session);
    ASSERT_TRUE(type.ok()) << type.status().ToString();
    type_ = *type;
  }

  app::BookingRequest Booking(std::int64_t starts_at, app::Id client = 0) const {
    app::BookingRequest request;
    request.client_id = client == 0 ? a_.client : client;
    request.type_id = type_;
    request.practitioner_id = a_.staff;
    request.starts_at = starts_at;
    return request;
  }

  std::int64_t Occupancy() { return Scalar("SELECT COUNT(*) FROM resource_occupancy"); }

  std::unique_ptr<store::SqlCalendarRepository> repository_;
  std::unique_ptr<app::Calendar> calendar_;
  app::Id room_ = 0;
  app::Id type_ = 0;
};

TEST_P(CalendarTest, TheFirstSlotIsNineOClockInTheClinicsZoneWithARoomAndAPen) {
  app::SlotQuery query;
  query.type_id = type_;
  query.count = 2;
  const auto slots = calendar_->FindSlots(a_.actor, query);
  ASSERT_TRUE(slots.ok()) << slots.status().ToString();
  ASSERT_EQ(slots->size(), 2U);
  EXPECT_EQ((*slots)[0].time.start, kFridayNineDenver);
  EXPECT_EQ((*slots)[0].placement.practitioner_id, a_.staff);
  EXPECT_EQ((*slots)[0].placement.room_id, room_);
  EXPECT_EQ((*slots)[0].placement.device_id, a_.device);
  EXPECT_EQ((*slots)[1].time.start, kFridayNineDenver + 900);
}

TEST_P(CalendarTest, ABookedSlotCannotBeBookedAgainAndHoldsEveryResource) {
  const auto booked = calendar_->Book(a_.actor, Booking(kMondayNineDenver));
  ASSERT_TRUE(booked.ok()) << booked.status().ToString();
  // Practitioner, room and pen, four quarter hours each.
  EXPECT_EQ(Occupancy(), 12);
  const std::string before = Fingerprint();
  const auto again =
      calendar_->Book(a_.actor, Booking(kMondayNineDenver + 1800, NewClient(a_, "Cy")));
  EXPECT_EQ(again.status().code(), StatusCode::kConflict) << again.status().ToString();
  EXPECT_EQ(Occupancy(), 12);
  EXPECT_EQ(Fingerprint(), before);

  app::SlotQuery query;
  query.type_id = type_;
  query.from = kMondayNineDenver;
  query.count = 1;
  const auto next = calendar_->FindSlots(a_.actor, query);
  ASSERT_TRUE(next.ok());
  ASSERT_EQ(next->size(), 1U);
  EXPECT_EQ(next->front().time.start, kMondayNineDenver + 3600);
}

TEST_P(CalendarTest, TheDatabaseRefusesAnOverlappingOccupancyRowOnItsOwn) {
  const auto booked = calendar_->Book(a_.actor, Booking(kMondayNineDenver));
  ASSERT_TRUE(booked.ok());
  const auto clash = db().Execute(
      "INSERT INTO resource_occupancy (resource_kind, resource_id, slot_start,"
      " clinic_id, appointment_id) VALUES ('room', $1, $2, $3, $4)",
      {room_, kMondayNineDenver + 900, a_.clinic, *booked});
  EXPECT_EQ(clash.status().code(), StatusCode::kAlreadyExists);
}

TEST_P(CalendarTest, OutsideHoursOffTheGridOrInThePastIsRefusedNamingStartsAt) {
  const auto evening = calendar_->Book(a_.actor, Booking(kMondayNineDenver + 8 * 3600));
  EXPECT_EQ(evening.status().code(), StatusCode::kConflict);
  EXPECT_NE(evening.status().message().find("starts_at"), std::string::npos);
  const auto odd = calendar_->Book(a_.actor, Booking(kMondayNineDenver + 600));
  ASSERT_EQ(odd.status().field_errors().size(), 1U);
  EXPECT_EQ(odd.status().field_errors()[0].path, "starts_at");
  const auto past = calendar_->Book(a_.actor, Booking(kNow - 3600));
  ASSERT_EQ(past.status().field_errors().size(), 1U);
  EXPECT_EQ(Occupancy(), 0);
}

TEST_P(CalendarTest, MovingTakesTheVersionReadAndCarriesTheOccupancy) {
  const auto booked = calendar_->Book(a_.actor, Booking(kMondayNineDenver));
  ASSERT_TRUE(booked.ok());
  app::MoveRequest move;
  move.starts_at = kMondayNineDenver + 2 * 3600;
  EXPECT_EQ(calendar_->Move(a_.actor, *booked, 7, move).code(), StatusCode::kConflict);
  ASSERT_TRUE(calendar_->Move(a_.actor, *booked, 1, move).ok());
  const auto moved = calendar_->Find(a_.actor, *booked);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->time.start, move.starts_at);
  EXPECT_EQ(moved->version, 2);
  EXPECT_EQ(Scalar("SELECT MIN(slot_start) FROM resource_occupancy"), move.starts_at);
  // The old time is free again.
  EXPECT_TRUE(calendar_->Book(a_.actor, Booking(kMondayNineDenver, NewClient(a_, "Di"))).ok());
}

TEST_P(CalendarTest, CancellingFreesTheSlotAndIsRefusedTwice) {
  const auto booked = calendar_->Book(a_.actor, Booking(kMondayNineDenver));
  ASSERT_TRUE(booked.ok());
  ASSERT_TRUE(calendar_->Cancel(a_.actor, *booked, 1).ok());
  EXPECT_EQ(Occupancy(), 0);
  EXPECT_EQ(calendar_->Cancel(a_.actor, *booked, 2).code(), StatusCode::kConflict);
  EXPECT_TRUE(calendar_->Book(a_.actor, Booking(kMondayNineDenver)).ok());
  app::AppointmentFilter day{kMondayNineDenver - 9 * 3600, kMondayNineDenver + 15 * 3600, {}, {}};
  const auto listed = calendar_->List(a_.actor, day);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ((*listed)[0].client_given_name, "Ada");
}

TEST_P(CalendarTest, AnotherClinicsAppointmentIsNotFound) {
  const auto booked = calendar_->Book(a_.actor, Booking(kMondayNineDenver));
  ASSERT_TRUE(booked.ok());
  EXPECT_EQ(calendar_->Find(b_.actor, *booked).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(calendar_->Cancel(b_.actor, *booked, 1).code(), StatusCode::kNotFound);
  const auto theirs = calendar_->Book(a_.actor, Booking(kMondayNineDenver + 7200, b_.client));
  EXPECT_EQ(theirs.status().code(), StatusCode::kNotFound);
}

TEST_P(CalendarTest, ACourseIsPlacedAtTheIntervalFromEachEarliestDate) {
  app::CourseSlotQuery course;
  course.type_id = type_;
  course.earliest = {Date::FromYmd(2026, 11, 20), Date::FromYmd(2026, 11, 20),
                     Date::FromYmd(2027, 2, 1)};
  course.min_interval_days = 28;
  const auto placed = calendar_->FindCourseSlots(a_.actor, course);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  ASSERT_EQ(placed->size(), 3U);
  EXPECT_EQ((*placed)[0].time.start, kFridayNineDenver);
  EXPECT_EQ((*placed)[1].time.start, kFridayNineDenver + 28 * 86400);
  // 2027-02-01 is a Monday; 09:00 MST.
  EXPECT_EQ((*placed)[2].time.start, 1'801'440'000 + 16 * 3600);
}

TEST_P(CalendarTest, BadSetUpIsRefusedNamingTheField) {
  const auto overlap =
      calendar_->SetWorkingHours(a_.actor, a_.staff, {{1, 540, 720}, {1, 705, 810}});
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.field_errors()[0].path, "hours[1]");
  app::AppointmentTypeSpec odd{"Odd", app::AppointmentPurpose::kReview, 50, false, Code("laser")};
  const auto type = calendar_->AddAppointmentType(a_.actor, odd);
  ASSERT_EQ(type.status().field_errors().size(), 2U);
  EXPECT_EQ(calendar_->AddRoom(a_.actor, "Room 1").status().code(), StatusCode::kAlreadyExists);
}

INSTANTIATE_TEST_SUITE_P(Engines, CalendarTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
