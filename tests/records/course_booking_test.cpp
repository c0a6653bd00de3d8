// Booking against the course on both engines (issue 6): a session of a plan can only be booked or
// moved to a date the course engine allows (wash-outs, the plan's interval, a deferring
// screening), and a later deferring screening leaves a booked session in place but shows it in
// the course read as needing a new date.
#include <gtest/gtest.h>

#include "corium/app/calendar.h"
#include "corium/app/course_reads.h"
#include "corium/store/records/sql_calendar.h"
#include "corium/store/records/sql_course_records.h"
#include "corium/tz/clinic_time_zone.h"
#include "records/inventory_fixture.h"
#include "support/test_kb.h"

namespace corium::testing {
namespace {

// The fixture's today is Friday 2026-11-20 in Denver; Monday 2026-11-23 09:00 MST is 16:00 UTC.
constexpr std::int64_t kMonday23 = 1'795'190'400 + 3 * 86400;
constexpr std::int64_t kWeek = 7 * 86400;

class CourseBookingTest : public RecordsFixture {
 protected:
  void SetUp() override {
    RecordsFixture::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(
        db().Execute("UPDATE clinics SET time_zone = 'America/Denver' WHERE id = $1", {a_.clinic})
            .ok());
    // The seeded plan: 3 sessions 28 days apart, on the cheeks.
    Insert(
        "INSERT INTO plan_zones (plan_id, zone, planned_min_um, planned_max_um, cap_max_um)"
        " VALUES ($1, 'cheeks', 500, 1000, 1500)",
        {a_.plan});
    calendar_repository_ = std::make_unique<store::SqlCalendarRepository>(db());
    course_repository_ = std::make_unique<store::SqlCourseRecordRepository>(db());
    calendar_ = std::make_unique<app::Calendar>(
        *work_, *audit_, *calendar_repository_, clock_, ShippedKb(),
        [](const std::string& name) -> Result<std::unique_ptr<calendar::ClinicZone>> {
          CORIUM_ASSIGN_OR_RETURN(auto zone, tz::ClinicTimeZone::Open(name));
          return std::unique_ptr<calendar::ClinicZone>(std::move(zone));
        });
    calendar_->UseCourse(course_repository_.get());
    reads_ = std::make_unique<app::CourseReads>(*work_, *course_repository_, *audit_, clock_);
    reads_->UseBookings(calendar_.get());
    ASSERT_TRUE(calendar_->AddRoom(a_.actor, "Room 1").ok());
    std::vector<calendar::WeeklyHours> hours;
    for (int weekday = 1; weekday <= 5; ++weekday) hours.push_back({weekday, 9 * 60, 17 * 60});
    ASSERT_TRUE(calendar_->SetWorkingHours(a_.actor, a_.staff, hours).ok());
    auto type = calendar_->AddAppointmentType(
        a_.actor, {"Microneedling", app::AppointmentPurpose::kSession, 60, true, Code("pen")});
    ASSERT_TRUE(type.ok()) << type.status().ToString();
    type_ = *type;
  }

  Result<app::Id> BookSession(std::int64_t starts_at) {
    app::BookingRequest request;
    request.client_id = a_.client;
    request.plan_id = a_.plan;
    request.type_id = type_;
    request.practitioner_id = a_.staff;
    request.starts_at = starts_at;
    return calendar_->Book(a_.actor, request);
  }

  void ToxinInTheCheeksOn(const std::string& date) {
    ASSERT_TRUE(db().Execute("UPDATE intakes SET intake_json = $1 WHERE client_id = $2",
                             {R"({"procedures":[{"code":"neurotoxin","zones":["cheeks"],"date":")" +
                                  date + R"("}]})",
                              a_.client})
                    .ok());
  }

  std::int64_t Appointments() { return Scalar("SELECT COUNT(*) FROM appointments"); }

  static std::string OnlyProblem(const Status& status) {
    if (status.field_errors().size() != 1) return "not one field error: " + status.ToString();
    return status.field_errors()[0].path + ": " + status.field_errors()[0].message;
  }

  std::unique_ptr<store::SqlCalendarRepository> calendar_repository_;
  std::unique_ptr<store::SqlCourseRecordRepository> course_repository_;
  std::unique_ptr<app::Calendar> calendar_;
  std::unique_ptr<app::CourseReads> reads_;
  app::Id type_ = 0;
};

TEST_P(CourseBookingTest, ASessionInsideAToxinWashOutIsRefusedWithTheRuleAndWritesNothing) {
  ToxinInTheCheeksOn("2026-11-15");  // DF-10: not before 2026-11-29
  const auto refused = BookSession(kMonday23);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument) << refused.status().ToString();
  const std::string problem = OnlyProblem(refused.status());
  EXPECT_EQ(problem.rfind("starts_at: ", 0), 0U) << problem;
  EXPECT_NE(problem.find("DF-10"), std::string::npos) << problem;
  EXPECT_NE(problem.find("2026-11-29"), std::string::npos) << problem;
  EXPECT_EQ(Appointments(), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM resource_occupancy"), 0);
  // The Monday after the wash-out is fine.
  EXPECT_TRUE(BookSession(kMonday23 + kWeek).ok());
}

TEST_P(CourseBookingTest, TheNextSessionKeepsThePlansIntervalAfterTheBookedOne) {
  ASSERT_TRUE(BookSession(kMonday23).ok());
  const auto early = BookSession(kMonday23 + kWeek);
  const std::string problem = OnlyProblem(early.status());
  EXPECT_NE(problem.find("FU-01"), std::string::npos) << problem;
  EXPECT_NE(problem.find("2026-12-21"), std::string::npos) << problem;
  EXPECT_EQ(Appointments(), 1);
  const auto second = BookSession(kMonday23 + 4 * kWeek);  // 2026-12-21, 28 days later
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  // A third is the plan's last; a fourth has no session left.
  ASSERT_TRUE(BookSession(kMonday23 + 8 * kWeek).ok());
  const auto fourth = BookSession(kMonday23 + 12 * kWeek);
  EXPECT_NE(OnlyProblem(fourth.status()).find("already done or booked"), std::string::npos);
}

TEST_P(CourseBookingTest, MovingASessionIsRefusedWhenItWouldCrowdTheNextBookedOne) {
  const auto first = BookSession(kMonday23);
  ASSERT_TRUE(first.ok());
  const auto second = BookSession(kMonday23 + 4 * kWeek);
  ASSERT_TRUE(second.ok());
  app::MoveRequest move;
  move.starts_at = kMonday23 + 2 * kWeek;
  const Status crowded = calendar_->Move(a_.actor, *first, 1, move);
  const std::string problem = OnlyProblem(crowded);
  EXPECT_NE(problem.find("appointment " + std::to_string(*second)), std::string::npos) << problem;
  EXPECT_NE(problem.find("FU-01"), std::string::npos) << problem;
  const auto kept = calendar_->Find(a_.actor, *first);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->time.start, kMonday23);
  // Earlier is fine: the interval after it is still kept.
  move.starts_at = kMonday23 - 3 * 86400 + 3600;  // Friday 2026-11-20 10:00, later than now
  EXPECT_TRUE(calendar_->Move(a_.actor, *first, 1, move).ok());
}

TEST_P(CourseBookingTest, ADeferringScreeningMarksTheBookedSessionAsNeedingANewDate) {
  const auto booked = BookSession(kMonday23);
  ASSERT_TRUE(booked.ok());
  auto course = reads_->Course(a_.actor, ShippedKb(), a_.plan);
  ASSERT_TRUE(course.ok()) << course.status().ToString();
  ASSERT_EQ(course->booked.size(), 1U);
  EXPECT_FALSE(course->booked[0].fit.needs_new_date);
  EXPECT_EQ(course->booked[0].fit.number, 1);
  EXPECT_TRUE(course->course.sessions[0].moved);
  EXPECT_EQ(course->course.sessions[0].date, Date::FromYmd(2026, 11, 23));

  // The client comes back the next day and the screening defers treatment to 2026-12-10.
  Insert(
      "INSERT INTO screenings (clinic_id, client_id, intake_id, as_of, decision, earliest_date,"
      " intake_json, decision_json, kb_version, kb_digest, screened_by, screened_at)"
      " SELECT clinic_id, client_id, intake_id, '2026-11-21', 'defer', '2026-12-10', '{}', '{}',"
      " kb_version, kb_digest, screened_by, 2 FROM screenings WHERE id = $1",
      {a_.screening});
  course = reads_->Course(a_.actor, ShippedKb(), a_.plan);
  ASSERT_TRUE(course.ok()) << course.status().ToString();
  ASSERT_EQ(course->booked.size(), 1U);
  EXPECT_TRUE(course->booked[0].fit.needs_new_date);
  EXPECT_NE(course->booked[0].fit.problem.find("screening"), std::string::npos);
  EXPECT_EQ(course->booked[0].starts_at, kMonday23);
  EXPECT_EQ(course->course.sessions[0].date, Date::FromYmd(2026, 12, 10));
  EXPECT_FALSE(course->course.sessions[0].moved);
  // Not moved silently: the appointment is where it was.
  const auto still = calendar_->Find(a_.actor, *booked);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->time.start, kMonday23);
  EXPECT_EQ(still->status, app::AppointmentStatus::kBooked);

  // Re-booked on a date the screening allows (Monday 2026-12-14), it fits again.
  app::MoveRequest move;
  move.starts_at = kMonday23 + 3 * kWeek;
  ASSERT_TRUE(calendar_->Move(a_.actor, *booked, 1, move).ok());
  course = reads_->Course(a_.actor, ShippedKb(), a_.plan);
  ASSERT_TRUE(course.ok());
  ASSERT_EQ(course->booked.size(), 1U);
  EXPECT_FALSE(course->booked[0].fit.needs_new_date);
  EXPECT_EQ(course->course.sessions[0].date, Date::FromYmd(2026, 12, 14));
}

TEST_P(CourseBookingTest, AConsultationIsNotASessionAndIgnoresTheCourse) {
  ToxinInTheCheeksOn("2026-11-15");
  auto type = calendar_->AddAppointmentType(
      a_.actor, {"Consultation", app::AppointmentPurpose::kConsultation, 30, true, std::nullopt});
  ASSERT_TRUE(type.ok());
  app::BookingRequest request;
  request.client_id = a_.client;
  request.plan_id = a_.plan;
  request.type_id = *type;
  request.practitioner_id = a_.staff;
  request.starts_at = kMonday23;
  EXPECT_TRUE(calendar_->Book(a_.actor, request).ok());
}

INSTANTIATE_TEST_SUITE_P(Engines, CourseBookingTest,
                         ::testing::Values(store::Dialect::kSqlite, store::Dialect::kPostgres),
                         EngineName);

}  // namespace
}  // namespace corium::testing
