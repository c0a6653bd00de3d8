// Fitting booked sessions into the course: bookings that every constraint allows become the
// course's sessions (the rest re-flow after them); one a constraint forbids is reported with the
// rule, never moved, and the next booking stands for the next session.
#include "corium/course/bookings.h"

#include <gtest/gtest.h>

#include "support/test_kb.h"

namespace corium::course {
namespace {

using testing::ShippedKb;

Date D(const char* text) { return *Date::Parse(text); }

CourseRequest CheeksCourse() {
  CourseRequest r;
  r.plan = {Code("acne_scars"), {{Code("cheeks"), *Depth::FromMillimetres(1.0)}}, 3, 28};
  r.as_of = D("2026-11-20");
  return r;
}

BookedCourse Fit(const CourseRequest& request, std::vector<BookedDate> booked) {
  auto fitted = FitBookings(ShippedKb(), request, std::move(booked));
  EXPECT_TRUE(fitted.ok()) << fitted.status().ToString();
  return fitted.ok() ? *fitted : BookedCourse{};
}

TEST(CourseBookings, BookingsThatFitBecomeTheSessionsAndTheRestReflowAfterThem) {
  const BookedCourse b = Fit(CheeksCourse(), {{2, D("2026-12-28")}, {1, D("2026-11-25")}});
  ASSERT_EQ(b.fits.size(), 2u);
  EXPECT_EQ(b.fits[0].id, 1);  // in date order
  EXPECT_EQ(b.fits[0].number, 1);
  EXPECT_EQ(b.fits[1].number, 2);
  EXPECT_FALSE(b.fits[0].needs_new_date || b.fits[1].needs_new_date);
  ASSERT_EQ(b.course.sessions.size(), 3u);
  EXPECT_TRUE(b.course.sessions[1].moved);
  EXPECT_EQ(b.course.sessions[2].date, D("2027-01-25"));  // 28 days after the second booking
  EXPECT_FALSE(b.course.sessions[2].moved);
}

TEST(CourseBookings, ABookingInsideAToxinWashOutNeedsANewDateAndStaysWhereItIs) {
  CourseRequest r = CheeksCourse();
  r.history.procedures = {{Code("neurotoxin"), {Code("cheeks")}, D("2026-11-15"), std::nullopt}};
  const BookedCourse b = Fit(r, {{7, D("2026-11-23")}});
  ASSERT_EQ(b.fits.size(), 1u);
  EXPECT_TRUE(b.fits[0].needs_new_date);
  EXPECT_EQ(b.fits[0].date, D("2026-11-23"));
  EXPECT_NE(b.fits[0].problem.find("DF-10"), std::string::npos) << b.fits[0].problem;
  EXPECT_EQ(b.course.sessions[0].date, D("2026-11-29"));
  EXPECT_FALSE(b.course.sessions[0].moved);
}

TEST(CourseBookings, ADeferringScreeningUnfitsTheBookingsBeforeItsDate) {
  CourseRequest r = CheeksCourse();
  r.history.screening_earliest = D("2026-12-10");
  const BookedCourse b = Fit(r, {{1, D("2026-11-23")}, {2, D("2027-01-11")}});
  ASSERT_EQ(b.fits.size(), 2u);
  EXPECT_TRUE(b.fits[0].needs_new_date);
  EXPECT_NE(b.fits[0].problem.find("screening"), std::string::npos);
  // Session 1 re-flows to the screening's date; the second booking is 32 days later: it fits.
  EXPECT_EQ(b.course.sessions[0].date, D("2026-12-10"));
  EXPECT_FALSE(b.fits[1].needs_new_date);
  EXPECT_EQ(b.fits[1].number, 2);
}

TEST(CourseBookings, MoreBookingsThanSessionsLeftAreReported) {
  const BookedCourse b =
      Fit(CheeksCourse(),
          {{1, D("2026-11-23")}, {2, D("2026-12-21")}, {3, D("2027-01-18")}, {4, D("2027-02-15")}});
  ASSERT_EQ(b.fits.size(), 4u);
  EXPECT_TRUE(b.fits[3].needs_new_date);
  EXPECT_EQ(b.fits[3].number, 0);
  EXPECT_TRUE(b.course.sessions.back().moved);
}

}  // namespace
}  // namespace corium::course
